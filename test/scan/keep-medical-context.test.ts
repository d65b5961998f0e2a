import { describe, expect, it } from "vitest";
import { keepMedicalContext } from "../../src/scan/keep-medical-context.js";
import { finding } from "../impact/helpers.js";

const medical = (line: number, column = 1, record?: number) =>
  finding({ path: "f", kind: "medical", line, column, record, tags: ["sensitive", "medical-context"] });
const person = (line: number, column = 1, record?: number) => finding({ path: "f", kind: "name", line, column, record, tags: ["name"] });
const patients = (list: ReturnType<typeof finding>[]) =>
  keepMedicalContext(list)
    .filter((f) => f.tags.includes("medical-context"))
    .map((f) => f.line);

describe("keepMedicalContext", () => {
  it("makes the persons of the medical word's record and of the lines around it patients", () => {
    expect(patients([medical(10, 1, 4), person(10, 30, 4), person(40, 1, 5)])).toEqual([10]);
    expect(patients([person(20), medical(22), person(27), person(28)])).toEqual([20, 27]);
  });

  it("makes every person of a file whose title or header names patients a patient", () => {
    expect(patients([medical(1), ...Array.from({ length: 30 }, (_, i) => person(i + 2))])).toHaveLength(30);
  });

  it("leaves a corpus whose one question speaks of a hospital alone: nobody near it is a patient", () => {
    expect(patients([person(111), medical(236), person(416)])).toEqual([]);
    // one long line (minified JSON): characters apart
    expect(patients([person(1, 71_116), person(1, 482_978), medical(1, 487_609)])).toEqual([]);
    expect(patients([person(1, 487_400), medical(1, 487_609)])).toEqual([1]);
  });

  it("drops the medical word itself and keeps a file with no person as it was", () => {
    expect(keepMedicalContext([medical(3)])).toEqual([]);
  });
});
