/** One word made only of Japanese syllables in Hepburn / Kunrei romanisation (Haruto, Sato, Ryuichi, Shinnosuke). */
const ROMAJI_WORD = /^(?:(?:[kgsztdnhbpmr]y|sh|ch|ts|j|f|[kgsztdnhbpmrwy])?(?:aa|ii|uu|ee|oo|ou|ei|[aiueo])|n(?![aiueoy])|(?:kk|ss|tt|pp|tc|cc|tch)(?=[aiueohy]))+$/i;

/** Whether a word of 2+ letters is made only of Japanese syllables (long vowels written "oh" allowed). */
export function isRomajiWord(word: string): boolean {
  return word.length >= 2 && ROMAJI_WORD.test(word.replace(/([aiueo])h(?=[^aiueoy]|$)/gi, "$1"));
}
