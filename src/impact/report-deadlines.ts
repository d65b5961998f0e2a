import holidayJp from "@holiday-jp/holiday_jp";

/** Calendar dates (YYYY-MM-DD, Japan time) of the reports to the PPC. */
export interface ReportDeadlines {
  /** The day the leak became known (発覚日 / 知った日): day 1. */
  known: string;
  /** 速報: "promptly", about 3–5 days in the PPC guideline: day 3 to day 5. */
  preliminary: { from: string; to: string };
  /** 確報: day 30, moved to the next business day when it falls on a weekend, holiday or 12/29–1/3. */
  final: string;
  /** 確報 when the leak may have been made with unlawful intent (不正の目的): day 60, moved the same way. */
  finalUnlawfulIntent: string;
}

const DAY = 86_400_000;
const JST = 9 * 3_600_000;
const holidays: Record<string, unknown> = holidayJp.holidays;

/**
 * The PPC report dates for a leak that became known at `knownAt` (an instant), counted in Japan
 * time (UTC+9, no daylight saving). Rules (個人情報保護法施行規則 第8条 and the PPC guideline
 * 通則編 3-5-3-3/3-5-3-4): 速報 promptly, about 3–5 days; 確報 within 30 days, 60 days for a leak
 * with unlawful intent, weekends and holidays included in the count; when the last day is a
 * Saturday, Sunday, national holiday or a year-end closing day (12/29–1/3) the deadline is the
 * next day that is none of these. The day of knowledge counts as day 1 — the earlier, safer of the
 * readings; confirm with counsel. Holidays come from @holiday-jp/holiday_jp (to 2050; later years:
 * weekends and year-end days only).
 */
export function reportDeadlines(knownAt: Date): ReportDeadlines {
  if (Number.isNaN(knownAt.getTime())) throw new RangeError("reportDeadlines: invalid date");
  const day1 = Math.floor((knownAt.getTime() + JST) / DAY) * DAY; // midnight UTC of the JST calendar day
  const nth = (n: number) => day1 + (n - 1) * DAY;
  return {
    known: iso(day1),
    preliminary: { from: iso(nth(3)), to: iso(nth(5)) },
    final: iso(nextBusinessDay(nth(30))),
    finalUnlawfulIntent: iso(nextBusinessDay(nth(60))),
  };
}

/** Whether the PPC is closed on a calendar day: weekend, national holiday, or 12/29–1/3. */
export function isClosedDay(day: number): boolean {
  const d = new Date(day);
  const dow = d.getUTCDay();
  if (dow === 0 || dow === 6) return true;
  const m = d.getUTCMonth() + 1;
  const date = d.getUTCDate();
  if ((m === 12 && date >= 29) || (m === 1 && date <= 3)) return true;
  return iso(day) in holidays;
}

function nextBusinessDay(day: number): number {
  while (isClosedDay(day)) day += DAY;
  return day;
}

function iso(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}
