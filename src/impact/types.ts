import type { Damages } from "./estimate-damages.js";
import type { ReportDeadlines } from "./report-deadlines.js";
import type { PersonsBasis } from "./count-persons.js";

/** The impact block of every report (see ../shared/design.md, "Contracts"). */
export interface Impact {
  /** Distinct persons exposed (rows with personal data per file; deduplicated across files by identifier). */
  persons: number;
  /** Files with persons, and how each count was made (which fields made a record a person). */
  files: { path: string; persons: number; basis?: PersonsBasis }[];
  /** Persons found in several files by the same identifying values, counted once in `persons`. */
  acrossFiles?: number;
  /** Kinds of personal data found, e.g. ["name", "address", "phone"]. */
  kinds: string[];
  /** 要配慮個人情報 among them. */
  sensitive: boolean;
  /**
   * Why the data is 要配慮個人情報 (when `sensitive`): "patients" (people listed as patients of a
   * clinic or hospital: receiving medical care is itself special-care information) and/or
   * "special-care-values" (medical history, disability, religion, criminal record … written down).
   */
  sensitiveReasons?: ("patients" | "special-care-values")[];
  /** Data whose misuse can cause financial damage (cards, bank accounts). */
  financial: boolean;
  myNumber: boolean;
  appi: {
    reportRequired: boolean;
    /** Machine-readable triggers, e.g. "sensitive", "financial", "over-1000-persons", "my-number-over-100", "my-number-public". */
    triggers: string[];
    /** Deadlines that apply when a report is required. */
    deadlines: { preliminary: string; final: string } | null;
    /** Calendar dates of the reports (Japan time), when the time the leak became known was given. */
    dates?: ReportDeadlines;
  };
  estimate: {
    currency: "JPY";
    low: number;
    high: number;
    basis: string;
  };
  /** Assumed damages by the JNSA model, per class of records (kinds of data held); see estimate-damages.ts. */
  damages?: Damages;
  /** Credentials found (count), for the summary. */
  secrets: number;
  /**
   * Response steps from the PPC guideline that apply (ids: contain, investigate, assess-scope,
   * prevent-recurrence, notify-and-publish); empty when nothing personal reached a shared branch.
   * Texts: `describeImpact` in src/impact/describe-impact.ts.
   */
  steps?: ResponseStep[];
  /** Persons whose My Number is among the findings (distinct numbers). */
  myNumberPersons?: number;
}

export type ResponseStep = "contain" | "investigate" | "assess-scope" | "prevent-recurrence" | "notify-and-publish";
