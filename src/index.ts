// Probot wiring only: `npm start` (node lib/index.js). With no APP_ID, Probot's setup page
// registers the app from app.yml (set NO_SMEE_SETUP=true where smee.io is not reachable).
import { run } from "probot";
import { checkStartupEnv } from "./app/check-startup-env.js";
import { probotApp } from "./app/probot-app.js";

try {
  checkStartupEnv(); // a malformed PRIVATE_KEY must stop here, not fall into setup mode
} catch (error) {
  console.error(`mamori: ${(error as Error).message}`);
  process.exit(1);
}

await run(probotApp);
