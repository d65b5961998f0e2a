import type { GradeTag, ValidatorResult } from "./types.js";

const WEAK_TAGS: GradeTag[] = ["weak-value"];

/**
 * The grade of a value that sits in a credential position but is weak: short, a dictionary word,
 * a well-known default or a typed example (`s3cr3t!`, `hunter2`, `admin123`). It is still a
 * credential (tests and configs ship them, and defaults get deployed): reported with low
 * confidence and the `weak-value` tag, so it is shown without failing the check by default.
 */
export const WEAK_VALUE: ValidatorResult = { confidence: "low", tags: WEAK_TAGS };
