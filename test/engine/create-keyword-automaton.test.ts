import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createKeywordAutomaton } from "../../src/engine/create-keyword-automaton.js";

function found(keywords: string[], text: string): string[] {
  const seen = new Set<number>();
  createKeywordAutomaton(keywords).scan(text, (id) => seen.add(id));
  return keywords.filter((_, i) => seen.has(i));
}

describe("createKeywordAutomaton", () => {
  it.each([
    { keywords: ["ghp_", "akia", "xoxb-"], text: "token=GHP_abc", want: ["ghp_"] },
    { keywords: ["he", "she", "his", "hers"], text: "ushers", want: ["he", "she", "hers"] },
    { keywords: ["パスワード", "個人番号"], text: "ログインパスワード: x", want: ["パスワード"] },
    { keywords: ["abc"], text: "ab", want: [] },
    { keywords: ["aaab"], text: "aaaab", want: ["aaab"] },
    { keywords: ["氏名", "名"], text: "お名前", want: ["名"] },
  ])("finds $want in $text", ({ keywords, text, want }) => {
    expect(found(keywords, text)).toEqual(want);
  });

  it("reports where each occurrence ends", () => {
    const hits: [number, number][] = [];
    createKeywordAutomaton(["ab", "b"]).scan("abxab", (id, end) => hits.push([id, end]));
    expect(hits).toEqual([[0, 2], [1, 2], [0, 5], [1, 5]]);
  });

  it("rejects keywords that are equal after case folding", () => {
    expect(() => createKeywordAutomaton(["AKIA", "akia"])).toThrow(/distinct/);
  });

  it("agrees with a naive case-insensitive includes() on random inputs", () => {
    const alphabet = fc.constantFrom("a", "b", "A", "B", "_", "名", "前", "x");
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8, selector: (w) => w.toLowerCase() }), fc.string({ unit: alphabet, maxLength: 60 }), (keywords, text) => {
        const naive = keywords.filter((k) => text.toLowerCase().includes(k.toLowerCase()));
        expect(found(keywords, text)).toEqual(naive);
      }),
    );
  });
});
