import { describe, expect, it } from "vitest";
import { isClosedDay, reportDeadlines } from "../../src/impact/report-deadlines.js";

const jst = (s: string) => new Date(`${s}+09:00`);

describe("reportDeadlines", () => {
  it.each([
    // known (JST)            day1          速報 from/to               確報 (day 30, moved)  60 days
    ["2026-12-03T10:00:00", "2026-12-03", "2026-12-05", "2026-12-07", "2027-01-04", "2027-02-01"], // day 30 = 1/1 (holiday, year-end) → 1/4 (Mon)
    ["2027-01-29T09:00:00", "2027-01-29", "2027-01-31", "2027-02-02", "2027-03-01", "2027-03-29"], // day 30 = 2/27 (Sat) → 3/1; non-leap February
    ["2028-01-31T09:00:00", "2028-01-31", "2028-02-02", "2028-02-04", "2028-02-29", "2028-03-30"], // leap year: day 30 = 2/29 (Tue)
    ["2027-03-31T23:59:00", "2027-03-31", "2027-04-02", "2027-04-04", "2027-04-30", "2027-05-31"], // day 30 = 4/29 昭和の日 → 4/30; day 60 = 5/29 (Sat) → 5/31
    ["2027-04-06T12:00:00", "2027-04-06", "2027-04-08", "2027-04-10", "2027-05-06", "2027-06-04"], // day 30 = 5/5 こどもの日 → 5/6
    ["2027-11-30T08:00:00", "2027-11-30", "2027-12-02", "2027-12-04", "2028-01-04", "2028-01-28"], // day 30 = 12/29: closed to 1/3 → 1/4
  ])("known %s", (known, day1, from, to, final, unlawful) => {
    const d = reportDeadlines(jst(known));
    expect(d.known).toBe(day1);
    expect(d.preliminary).toEqual({ from, to });
    expect(d.final).toBe(final);
    expect(d.finalUnlawfulIntent).toBe(unlawful);
  });

  it("counts days in Japan time: 23:30 UTC is already the next day in Japan", () => {
    expect(reportDeadlines(new Date("2027-06-30T23:30:00Z")).known).toBe("2027-07-01");
    expect(reportDeadlines(new Date("2027-06-30T14:59:59Z")).known).toBe("2027-06-30");
    expect(reportDeadlines(new Date("2027-06-30T15:00:00Z")).known).toBe("2027-07-01");
  });

  it("knows weekends, national holidays and the year-end closing days", () => {
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
    expect(isClosedDay(day("2027-01-11"))).toBe(true); // 成人の日
    expect(isClosedDay(day("2027-12-28"))).toBe(false);
    expect(isClosedDay(day("2027-12-29"))).toBe(true);
    expect(isClosedDay(day("2028-01-03"))).toBe(true);
    expect(isClosedDay(day("2028-01-04"))).toBe(false);
    expect(isClosedDay(day("2027-07-03"))).toBe(true); // Saturday
    expect(isClosedDay(day("2027-07-05"))).toBe(false);
  });

  it("rejects an invalid date", () => {
    expect(() => reportDeadlines(new Date("nope"))).toThrow(RangeError);
  });
});
