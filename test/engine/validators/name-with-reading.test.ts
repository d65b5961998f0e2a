import { describe, expect, it } from "vitest";
import { nameWithReading } from "../../../src/engine/validators/name-with-reading.js";
import { fakePersons } from "../../helpers/fake-person.js";

const [p] = fakePersons(1, 21);

describe("nameWithReading", () => {
  it.each([
    [`${p.sei} ${p.mei}(${p.seiKana} ${p.meiKana})`, "high"],
    [`${p.sei}${p.mei}(${p.seiKana} ${p.meiKana})`, "high"],
    [`${p.sei} ${p.mei} (${p.seiKana}・${p.meiKana})`, "high"],
  ])("accepts %s", (value, want) => expect(nameWithReading(value)).toBe(want));

  it.each([
    [`${p.sei}${p.mei}(${p.seiKana}${p.meiKana})`], // neither written in two parts: too weak
    ["山田 太郎(ヤマダ タロウ)"], // placeholder
    ["渋谷区(シブヤ ク)"], // a place
    ["日本語(ニホン ゴ)"], // a term
    [`${p.sei} ${p.mei}(フリガナ)`], // a label, not a reading
    [`${p.sei} ${p.mei}`], // no reading
  ])("rejects %s", (value) => expect(nameWithReading(value)).toBe(false));
});
