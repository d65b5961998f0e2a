// The template expander lives in src/rules (custom rules' samples are expanded at load); tests use it from here.
export { base62, expandTemplate, generators } from "../../src/rules/expand-template.js";
