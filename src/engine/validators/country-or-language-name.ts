/**
 * Names of countries, regions and languages in Japanese and English, from the ICU/CLDR data that
 * Node ships (Intl.DisplayNames over every ISO 3166 region code and the ISO 639-1 language codes):
 * a country master (サンマリノ, 南アフリカ, San Marino) or a language menu (Bahasa Indonesia) is
 * not a list of people.
 */
const NAMES: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  const letters = "abcdefghijklmnopqrstuvwxyz";
  for (const locale of ["ja", "en"]) {
    const region = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    const language = new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
    for (const a of letters) {
      for (const b of letters) {
        const r = safe(() => region.of((a + b).toUpperCase()));
        if (r) add(out, r);
        const l = safe(() => language.of(a + b));
        if (l) add(out, l);
      }
    }
  }
  return out;
})();

function safe(f: () => string | undefined): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function add(out: Set<string>, name: string): void {
  out.add(norm(name));
  // "Bosnia & Herzegovina", "Congo (DRC)", "中国（香港）": the short form too
  const short = name.replace(/\s*[(（].*[)）]\s*$/u, "");
  if (short !== name) out.add(norm(short));
}

function norm(s: string): string {
  return s.normalize("NFKC").replace(/[\s・･]+/gu, " ").trim().toLowerCase();
}

/**
 * Whether `value` is the name of a country, region or language (ja or en), or ends with one after
 * a word that is not itself a name ("Bahasa Indonesia", "Republic of Korea").
 */
export function isCountryOrLanguageName(value: string): boolean {
  const v = norm(value);
  if (NAMES.has(v) || NAMES.has(v.replace(/ /g, ""))) return true;
  const words = v.split(" ");
  for (let i = 1; i < words.length; i++) if (NAMES.has(words.slice(i).join(" ")) && /^(bahasa|republic|kingdom|state|states|of|the|islands?)$/.test(words[i - 1])) return true;
  return false;
}
