import { describe, expect, it } from "vitest";
import { fakePersons } from "../helpers/fake-person.js";
import { kindsByLine, scanText } from "./person-formats-helpers.js";

const [a, b] = fakePersons(2, 12);

describe("iCalendar", () => {
  it("organisers and attendees are records with a name and an e-mail; the same attendee twice is one record", () => {
    const event = (n: number) => [
      "BEGIN:VEVENT",
      `UID:event-${n}`,
      "SUMMARY:定例ミーティング",
      `ORGANIZER;CN=${a.sei} ${a.mei}:mailto:${a.email}`,
      `ATTENDEE;CN="${b.sei} ${b.mei}";ROLE=REQ-PARTICIPANT:mailto:${b.email}`,
      "END:VEVENT",
    ];
    const text = ["BEGIN:VCALENDAR", "VERSION:2.0", ...event(1), ...event(2), "END:VCALENDAR", ""].join("\r\n");
    const { units, findings } = scanText("team.ics", text);
    expect(units[0].records).toBe(2);
    const lines = kindsByLine(findings);
    expect(lines[6]).toEqual(["email", "name"]);
    expect(lines[7]).toEqual(["email", "name"]);
    expect(lines[12]).toEqual(["email", "name"]);
    expect(new Set(findings.map((f) => f.record))).toEqual(new Set([0, 1]));
    expect(findings.find((f) => f.kind === "name" && f.line === 7)).toMatchObject({ column: 14 });
  });

  it("a calendar of rooms and noreply organisers holds no person", () => {
    const text = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:リリース作業", "ORGANIZER;CN=リリース管理:mailto:noreply@example.com", `ATTENDEE;CN=会議室A:mailto:${["room-a", "resource.calendar.google.com"].join("@")}`, "LOCATION:第一会議室", "END:VEVENT", "END:VCALENDAR", ""].join("\n");
    expect(scanText("release.ics", text).findings).toEqual([]);
  });
});
