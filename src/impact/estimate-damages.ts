import { jnsaLevels, type JnsaLevels } from "./jnsa-levels.js";

/** Persons whose records hold the same kinds of data. */
export interface RecordClass {
  kinds: string[];
  persons: number;
  /** 要配慮個人情報 among the kinds. */
  sensitive?: boolean;
}

/** 情報漏えい元組織の社会的責任度: "high" (2) for public bodies, large, financial, medical or telecom organisations. */
export type SocialResponsibility = "normal" | "high";
/** 事後対応評価: "inappropriate" (2) when the response was late or wrong; "appropriate" and "unknown" are 1. */
export type ResponseQuality = "unknown" | "appropriate" | "inappropriate";

export interface DamagesParameters {
  socialResponsibility: SocialResponsibility;
  response: ResponseQuality;
}

export interface DamagesClass extends JnsaLevels {
  kinds: string[];
  persons: number;
  /** 機微情報度 = 10^(mental−1) + 5^(economic−1). */
  sensitivity: number;
  /** Yen per person. */
  perPerson: number;
  total: number;
}

export interface Damages {
  model: "jnsa";
  currency: "JPY";
  total: number;
  parameters: DamagesParameters & { socialFactor: 1 | 2; responseFactor: 1 | 2 };
  classes: DamagesClass[];
  basis: string;
}

/** 基礎情報価値: 500 points (yen) per person in the JNSA model. */
export const JNSA_BASE_VALUE = 500;

export const DEFAULT_DAMAGES_PARAMETERS: DamagesParameters = { socialResponsibility: "normal", response: "unknown" };

/**
 * Assumed damages if every exposed person claimed, by the model of the Japan Network Security
 * Association (JNSA, 情報セキュリティインシデントに関する調査報告書, 想定損害賠償額):
 * per person = 500 × (10^(x−1) + 5^(y−1)) × identifiability × social responsibility × response,
 * with x the mental-distress level and y the economic-loss level of the person's record (see
 * `jnsaLevels`), identifiability 6 / 3 / 1, social responsibility 2 (high) or 1, response 2
 * (inappropriate) or 1. Computed per record class (persons whose records hold the same kinds).
 */
export function estimateDamages(classes: readonly RecordClass[], parameters: DamagesParameters = DEFAULT_DAMAGES_PARAMETERS): Damages {
  const socialFactor = parameters.socialResponsibility === "high" ? 2 : 1;
  const responseFactor = parameters.response === "inappropriate" ? 2 : 1;
  const out: DamagesClass[] = [];
  for (const c of classes) {
    if (c.persons <= 0) continue;
    const levels = jnsaLevels(c.kinds, c.sensitive);
    const sensitivity = 10 ** (levels.mental - 1) + 5 ** (levels.economic - 1);
    const perPerson = JNSA_BASE_VALUE * sensitivity * levels.identifiability * socialFactor * responseFactor;
    out.push({ kinds: [...c.kinds], persons: c.persons, ...levels, sensitivity, perPerson, total: perPerson * c.persons });
  }
  out.sort((a, b) => b.total - a.total || b.persons - a.persons);
  return {
    model: "jnsa",
    currency: "JPY",
    total: out.reduce((s, c) => s + c.total, 0),
    parameters: { ...parameters, socialFactor, responseFactor },
    classes: out,
    basis:
      "JNSA model: per person 500 × (10^(mental−1) + 5^(economic−1)) × identifiability (6/3/1) × social responsibility (2/1) × response (2/1), per class of records",
  };
}
