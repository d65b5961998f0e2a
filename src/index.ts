// Probot wiring only: `npm start` (node lib/index.js). With no APP_ID, Probot's setup page registers the app from app.yml.
import { run } from "probot";
import { checkStartupEnv } from "./app/check-startup-env.js";
import { healthHandler } from "./app/health-handler.js";
import { mamoriApp } from "./app/mamori-app.js";

try {
  checkStartupEnv();
} catch (error) {
  console.error(`mamori: ${(error as Error).message}`);
  process.exit(1);
}

await run((app, { addHandler }) => {
  addHandler(healthHandler);
  mamoriApp(app);
});
