import type { ApplicationFunction } from "probot";
import { healthHandler } from "./health-handler.js";
import { mamoriApp } from "./mamori-app.js";

/** What `src/index.ts` runs: the health endpoint (GET /healthz) and the Mamori event handlers. */
export const probotApp: ApplicationFunction = (app, options) => {
  options.addHandler(healthHandler);
  mamoriApp(app);
};
