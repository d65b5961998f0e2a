import type { Validator } from "./types.js";
import { secretValidators } from "./secret-validators.js";
import { piiValidators } from "./pii-validators.js";

/** Every named validator a rule may use (`validator: <name>`). */
export const validators: Readonly<Record<string, Validator>> = { ...secretValidators, ...piiValidators };
