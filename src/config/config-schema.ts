import { z } from "zod";
import { confidenceSchema, ruleSchema, severitySchema } from "../rules/rule-schema.js";

/** `.github/mamori.yml` (and `mamori scan --config FILE`). Unknown keys are errors: a typo must not silently weaken a scan. */
export const configSchema = z
  .object({
    /** Language of summaries, annotations and the impact block. */
    language: z.enum(["ja", "en"]).default("en"),
    /** Findings at or above this severity fail the check / exit 1. */
    failOn: severitySchema.default("high"),
    /**
     * Check each found credential against its own provider with one harmless read-only call
     * (live / revoked / unknown); a live one becomes critical. `mamori scan` and the App (in the
     * scan thread, before redaction). Off by default.
     */
    verify: z.boolean().default(false),
    /**
     * Credential findings below this confidence are not shown (default low: every grade is
     * shown). Confidence is graded per finding: high (a checksum or a provider format), medium
     * (a random-looking value under a credential name), low (a weak value: short, a word, a
     * default — tagged weak-value). PII keeps its own `pii.minConfidence`.
     */
    minConfidence: confidenceSchema.default("low"),
    /** Findings below this confidence never fail the check / exit 1 (they are notices). */
    failOnConfidence: confidenceSchema.default("medium"),
    rules: z
      .object({
        /** Rule ids to run exclusively (empty: all built-in rules). */
        enable: z.array(z.string()).default([]),
        disable: z.array(z.string()).default([]),
        /** Per-rule severity overrides. */
        severity: z.record(z.string(), severitySchema).default({}),
      })
      .strict()
      .default({ enable: [], disable: [], severity: {} }),
    /** Repository-specific rules, same format as the built-in rule files. */
    custom: z.array(ruleSchema).default([]),
    paths: z
      .object({
        ignore: z.array(z.string().min(1)).default([]),
        include: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ ignore: [], include: [] }),
    /** Accepted findings: fingerprint and the reason it is accepted. */
    allow: z
      .array(z.object({ fingerprint: z.string().min(1), reason: z.string().min(1) }).strict())
      .default([]),
    pii: z
      .object({
        enabled: z.boolean().default(true),
        minConfidence: confidenceSchema.default("medium"),
        /** Restrict PII detection to these kinds (empty: all). */
        kinds: z.array(z.string()).default([]),
        /**
         * Personal data of at least this many persons fails the check whatever the severities
         * (a customer list is a leak even when each name alone is "medium"). 0 turns it off.
         */
        failOnPersons: z.number().int().min(0).max(1_000_000_000).default(3),
        /**
         * Report author credits too: e-mail addresses and names that people published as authors
         * (package manifests and lockfiles, LICENSE/AUTHORS/NOTICE, changelogs, Co-authored-by,
         * @author, copyright lines). Off by default: they are not leaks.
         */
        authorCredits: z.boolean().default(false),
      })
      .strict()
      .default({ enabled: true, minConfidence: "medium", kinds: [], failOnPersons: 3, authorCredits: false }),
    /** Factors of the JNSA damages model (see docs/impact.md): who the organisation is and how it responded. */
    impact: z
      .object({
        /** 社会的責任度: "high" for public bodies and large, financial, medical or telecom organisations (×2). */
        socialResponsibility: z.enum(["normal", "high"]).default("normal"),
        /** 事後対応評価: "inappropriate" (×2) when the response was late or wrong; "unknown" and "appropriate" are ×1. */
        response: z.enum(["unknown", "appropriate", "inappropriate"]).default("unknown"),
      })
      .strict()
      .default({ socialResponsibility: "normal", response: "unknown" }),
    scan: z
      .object({
        maxFileBytes: z.number().int().positive().max(1024 * 1024 * 1024).default(50 * 1024 * 1024),
        /**
         * Largest CSV/TSV/NDJSON table read (bytes). Tables from 8 MiB on are read in batches of
         * rows in bounded memory, so they may exceed `maxFileBytes` (a database export).
         */
        maxTableBytes: z.number().int().positive().max(1024 ** 4).default(16 * 1024 ** 3),
        archives: z.boolean().default(true),
        maxArchiveDepth: z.number().int().min(0).max(10).default(3),
        maxArchiveBytes: z.number().int().positive().max(4 * 1024 * 1024 * 1024).default(200 * 1024 * 1024),
        maxArchiveEntries: z.number().int().positive().max(1_000_000).default(10_000),
        /** Salt of fingerprints and value hashes; keep it stable or fingerprints change. */
        salt: z.string().min(1).default("mamori"),
        /**
         * A scan that could not read every file (corrupt archive, bomb, too large, undecodable;
         * media and links do not count) is incomplete: `fail` (default) fails the check and
         * exits 3, `pass` only lists the files.
         */
        incomplete: z.enum(["fail", "pass"]).default("fail"),
        /**
         * Personal data in tables (CSV/TSV, SQL, JSON records, sheets, Markdown tables, database
         * tables) is reported per column. `auto` (default): column findings everywhere, and in
         * JSON also each flagged cell of a column with at most 1,000 of them; `columns`: column
         * findings only; `cells`: column findings and every cell. `--detail` overrides it.
         */
        detail: z.enum(["auto", "columns", "cells"]).default("auto"),
      })
      .strict()
      .default({
        maxFileBytes: 50 * 1024 * 1024,
        maxTableBytes: 16 * 1024 ** 3,
        archives: true,
        maxArchiveDepth: 3,
        maxArchiveBytes: 200 * 1024 * 1024,
        maxArchiveEntries: 10_000,
        salt: "mamori",
        incomplete: "fail",
        detail: "auto",
      }),
    /**
     * Organisation policy locks. Honoured only in the organisation's `.github` repository
     * (`<org>/.github/.github/mamori.yml`): a repository's own config cannot loosen a locked key.
     * Ignored by `mamori scan`.
     */
    locks: z
      .object({
        /** `rules.*` and `pii.*`: a repository cannot disable rules, restrict them, lower severities or narrow PII detection. */
        rules: z.boolean().default(false),
        /** A repository can make `failOn` stricter, never looser. */
        failOn: z.boolean().default(false),
        /** `paths.ignore` / `paths.include`: a repository cannot skip more paths than the organisation does. */
        paths: z.boolean().default(false),
        /** `allow`: a repository cannot accept findings by fingerprint. */
        allow: z.boolean().default(false),
      })
      .strict()
      .default({ rules: false, failOn: false, paths: false, allow: false }),
  })
  .strict();

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
