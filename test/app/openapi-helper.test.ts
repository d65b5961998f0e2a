import { describe, expect, it } from "vitest";
import { validateRequestBody } from "./helpers/openapi.js";

describe("validateRequestBody (test helper)", () => {
  it("accepts a valid check run and rejects misspelled or out-of-range fields", () => {
    const path = "/repos/o/r/check-runs";
    expect(validateRequestBody("POST", path, { name: "Mamori", head_sha: "a".repeat(40), status: "in_progress", output: { title: "t", summary: "s" } })).toEqual([]);
    expect(validateRequestBody("POST", path, { name: "Mamori", head_sha: "x", stauts: "in_progress" }).join()).toMatch(/additional/);
    expect(validateRequestBody("PATCH", "/repos/o/r/check-runs/5", { status: "completed" }).join()).toMatch(/conclusion/);
    const annotations = Array.from({ length: 51 }, () => ({ path: "a", start_line: 1, end_line: 1, annotation_level: "failure", message: "m" }));
    expect(validateRequestBody("PATCH", "/repos/o/r/check-runs/5", { output: { title: "t", summary: "s", annotations } }).join()).toMatch(/50/);
    expect(
      validateRequestBody("PATCH", "/repos/o/r/check-runs/5", {
        output: { title: "t", summary: "s", annotations: [{ path: "a", start_line: 1, end_line: 2, start_column: 1, end_column: 2, annotation_level: "failure", message: "m" }] },
      }).join(),
    ).toMatch(/multi-line/);
  });
});
