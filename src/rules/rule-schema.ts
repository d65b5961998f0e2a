import { z } from "zod";

/** Localised text: every user-facing string exists in English and Japanese. */
export const localized = z
  .object({ en: z.string().min(1), ja: z.string().min(1) })
  .strict();

export const severitySchema = z.enum(["critical", "high", "medium", "low"]);
export const categorySchema = z.enum(["secret", "pii"]);
export const confidenceSchema = z.enum(["low", "medium", "high"]);

/** How the preview of a value is masked (see src/engine/redact.ts). */
export const maskSchema = z.enum(["secret", "digits", "name", "email", "address", "whole"]);

export const ruleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lower-case words joined by '-', e.g. github-pat-classic"),
    title: localized,
    remediation: localized,
    category: categorySchema,
    /** The kind of data, e.g. github-token, aws-access-key, phone, my-number. Used by impact and the scorer. */
    kind: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    severity: severitySchema,
    /** Base confidence before context is applied. */
    confidence: confidenceSchema.default("high"),
    /**
     * Literal strings (case-insensitive) of which at least one must occur in a text unit for the
     * rule to run. An empty list means the rule runs on every unit (keep those few: they cost).
     */
    keywords: z.array(z.string().min(1)).default([]),
    /**
     * "cjk": the pattern needs Japanese text, so it runs only on lines that hold Japanese
     * characters (kana, kanji, half-width kana) — with keywords, on keyword lines that hold
     * some. "none" (rules without keywords): the whole text (keep those few: they cost).
     */
    prefilter: z.enum(["cjk", "none"]).optional(),
    /**
     * How many lines a match may span around a keyword hit (1: the hit's line only). The
     * pattern runs only on those lines, so a multi-line value (PEM block, k8s manifest) needs
     * more; 0: once a keyword occurs, the pattern runs over the whole text. Rules with
     * `context.keys` always run over a whole table (the header is far from the rows).
     */
    span: z.number().int().min(0).max(500).default(1),
    /**
     * When a match is rejected (validator, context, allowlist), look again from the character
     * after the start of its value instead of after its end: a name preceded by other kanji
     * (…号 + 姓名 + 様) is found once the longer match from 号 fails. Costs a little per rejection.
     */
    retry: z.boolean().default(false),
    /** JavaScript regular expression source; compiled with the flags "gu" plus `flags`. */
    pattern: z.string().min(1),
    flags: z.string().regex(/^[ims]*$/, "only i, m and s may be added").default(""),
    /** Which capture group holds the value: a number, a group name, or absent (group "value", else 1, else 0). */
    group: z.union([z.number().int().min(0), z.string().min(1)]).optional(),
    /** Name of a validator in src/engine/validators (a pure function of the value). */
    validator: z.string().min(1).optional(),
    /** Minimum Shannon entropy (bits per character) of the value. */
    entropy: z.number().min(0).max(8).optional(),
    context: z
      .object({
        /** Words (case-insensitive literals) looked for near the value, or in its column header / JSON key. */
        words: z.array(z.string().min(1)).default([]),
        /** Characters before the value searched for a word (same line or earlier). */
        before: z.number().int().min(0).max(2000).default(60),
        /** Characters after the value searched for a word. */
        after: z.number().int().min(0).max(2000).default(0),
        /** Regexes (case-insensitive) matched against the structured key (CSV header, JSON key, SQL column). */
        keys: z.array(z.string().min(1)).default([]),
        /** true: no finding without context. false: context raises confidence one step. */
        required: z.boolean().default(false),
        /** Words that, when near the value or in its key, mean it is not a finding (e.g. 法人番号, 代表電話). */
        deny: z.array(z.string().min(1)).default([]),
        /** Regexes matched against the key that mean it is not a finding. */
        denyKeys: z.array(z.string().min(1)).default([]),
        /**
         * A table (CSV, SQL, JSON, records in code) is about something else when one of its
         * keys matches `keys` and none matches `unless` (a reading column beside a municipality
         * column is a place's reading): the rule does not run on it.
         */
        tableDeny: z
          .object({ keys: z.array(z.string().min(1)).min(1), unless: z.array(z.string().min(1)).default([]) })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    paths: z
      .object({
        include: z.array(z.string().min(1)).default([]),
        exclude: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    allow: z
      .object({
        /** Regexes tested against the value; a match means it is not a finding. */
        patterns: z.array(z.string().min(1)).default([]),
        /** Case-insensitive substrings of the value that mark a placeholder (example, dummy, xxxx…). */
        stopwords: z.array(z.string().min(1)).default([]),
        /** Regexes tested against the whole line (not in tables, where a line is a whole record); a match means it is not a finding. */
        lines: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    mask: maskSchema.optional(),
    /** Extra facts for impact: e.g. sensitive (要配慮), financial. */
    tags: z.array(z.enum(["sensitive", "financial", "my-number", "identifier", "contact", "name", "medical-context"])).default([]),
    /**
     * Examples: `match` must yield a finding of this rule, `nomatch` must not. Templates like
     * {{base62:36}} are expanded at test time and, for custom rules, at load (src/rules/expand-template.ts) so that no
     * live-looking secret is committed.
     */
    samples: z
      .object({
        match: z.array(z.string().min(1)).min(1),
        nomatch: z.array(z.string().min(1)).min(1),
      })
      .strict(),
    /** Documentation link (provider's revoke/rotate page). */
    docs: z.string().url().optional(),
  })
  .strict();

export const ruleFileSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type RuleInput = z.input<typeof ruleSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type RuleFile = z.output<typeof ruleFileSchema>;
export type Severity = z.output<typeof severitySchema>;
export type Category = z.output<typeof categorySchema>;
export type Confidence = z.output<typeof confidenceSchema>;
export type Mask = z.output<typeof maskSchema>;
