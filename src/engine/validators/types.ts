import type { Confidence } from "../../rules/rule-schema.js";

/** Why a finding was graded down, shown with it: a test/example path, or a weak (short, word-like, default) value. */
export type GradeTag = "test" | "example" | "weak-value";

/**
 * A validator is a small pure function of a candidate value: false rejects it, true accepts it,
 * a confidence accepts it and sets how sure we are (e.g. a check digit that holds → "high"),
 * and `{ confidence, tags }` also says why (e.g. a dictionary word under a password key →
 * `{ confidence: "low", tags: ["weak-value"] }`: found, then graded, not dropped).
 */
export type ValidatorResult = boolean | Confidence | { confidence: Confidence; tags: GradeTag[] };
export type Validator = (value: string) => ValidatorResult;
