import type { Finding } from "../engine/types.js";
import { assessAppi } from "./assess-appi.js";
import { countPersons } from "./count-persons.js";
import { estimateCost } from "./estimate-cost.js";
import { estimateDamages, type DamagesParameters } from "./estimate-damages.js";
import { recordClasses } from "./record-classes.js";
import { reportDeadlines } from "./report-deadlines.js";
import { unitOf } from "./unit-of.js";
import { responseSteps } from "./response-steps.js";
import type { Impact } from "./types.js";
import type { TablePersons } from "./table-persons.js";

/** The fields of a finding the impact stage reads (a Finding is one). */
export type ImpactFact = Pick<Finding, "category" | "kind" | "path" | "line" | "record" | "key" | "valueHash" | "tags">;

export interface AssessImpactOptions {
  /** Credentials found, when `findings` holds only the personal-data ones. */
  secrets?: number;
  /** The repository is public: any My Number in it can be seen by unspecified people. */
  publicRepository?: boolean;
  /** Units that are tables (path → number of records): rows count as persons there. */
  tableRecords?: ReadonlyMap<string, number>;
  /** The data already reached a shared branch (default true): the PPC response steps apply. */
  reachedSharedBranch?: boolean;
  /** When the leak became known (the scan, or `--known-since`): gives the PPC report its calendar dates. */
  knownAt?: Date;
  /** The JNSA model's social responsibility and response factors (config `impact`). */
  damages?: DamagesParameters;
  /** Tables read in batches, counted as they were read (their cells are not among `findings`). */
  tables?: readonly TablePersons[];
}

/** Order of kinds in summaries: identity first, then contact, then the rest. */
const KIND_ORDER = [
  "name", "name-kana", "address", "postal-code", "phone", "email", "dob", "my-number", "credit-card", "bank-account",
  "passport", "drivers-license", "residence-card", "pension-number", "health-insurance", "medical",
];

/**
 * The impact block of a scan: persons exposed (per file and deduplicated in total), kinds of
 * personal data, whether 要配慮個人情報, financial data or My Numbers are among them, the APPI
 * report assessment, an estimated cost range, the response steps, and the number of credentials.
 */
export function assessImpact(findings: readonly ImpactFact[], options: AssessImpactOptions = {}): Impact {
  const pii = findings.filter((f) => f.category === "pii");
  const tables = options.tables ?? [];
  const { total, files, acrossFiles } = countPersons(pii, options.tableRecords ?? new Map(), tables);
  const kindSet = new Set(pii.map((f) => f.kind));
  for (const t of tables) for (const k of t.kinds) kindSet.add(k);
  const kinds = [...kindSet].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const has = (tag: string) => pii.some((f) => f.tags.includes(tag)) || tables.some((t) => t.tags.includes(tag));
  const sensitive = has("sensitive") || kindSet.has("medical");
  const sensitiveReasons: NonNullable<Impact["sensitiveReasons"]> = [];
  if (has("medical-context")) sensitiveReasons.push("patients");
  if (pii.some((f) => (f.tags.includes("sensitive") || f.kind === "medical") && !f.tags.includes("medical-context")) || tables.some((t) => t.specialCareValues)) sensitiveReasons.push("special-care-values");
  const financial = has("financial");
  const myNumbers = new Set(pii.filter((f) => f.kind === "my-number" || f.tags.includes("my-number")).map((f) => f.valueHash));
  for (const t of tables) for (const h of t.myNumbers) myNumbers.add(h);
  // Without a person there is nobody to report about: special-care or financial data of no one
  // (a diagnosis code list, a card number under no holder) triggers no APPI report. The person
  // must be in the same file: a disease master in one file is not about the users of another.
  const personUnits = new Set(files.filter((f) => f.persons > 0).map((f) => f.path));
  const ofPerson = (f: ImpactFact) => personUnits.has(unitOf(f.path, options.tableRecords ?? new Map()));
  const tableOfPerson = (tag: string) => tables.some((t) => t.persons > 0 && (t.tags.includes(tag) || (tag === "sensitive" && t.kinds.includes("medical"))));
  const appi = assessAppi({
    persons: total,
    sensitive: pii.some((f) => (f.tags.includes("sensitive") || f.kind === "medical") && ofPerson(f)) || tableOfPerson("sensitive"),
    financial: pii.some((f) => f.tags.includes("financial") && ofPerson(f)) || tableOfPerson("financial"),
    myNumberPersons: myNumbers.size,
    publicRepository: options.publicRepository ?? false,
  });
  if (appi.reportRequired && options.knownAt) appi.dates = reportDeadlines(options.knownAt);
  const classes = recordClasses(pii, files, total, options.tableRecords ?? new Map(), tables);
  return {
    persons: total,
    files: files.filter((f) => f.persons > 0),
    acrossFiles,
    kinds,
    sensitive,
    ...(sensitive ? { sensitiveReasons } : {}),
    financial,
    myNumber: myNumbers.size > 0,
    appi,
    estimate: estimateCost(total, sensitive),
    damages: estimateDamages(classes, options.damages),
    secrets: options.secrets ?? findings.filter((f) => f.category === "secret").length,
    steps: responseSteps(total, options.reachedSharedBranch ?? true),
    myNumberPersons: myNumbers.size,
  };
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}
