import type { Confidence } from "../../rules/rule-schema.js";

/**
 * A validator is a small pure function of a candidate value: false rejects it, true accepts it,
 * a confidence accepts it and sets how sure we are (e.g. a check digit that holds → "high").
 */
export type ValidatorResult = boolean | Confidence;
export type Validator = (value: string) => ValidatorResult;
