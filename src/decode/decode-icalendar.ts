import type { TextUnit } from "../engine/types.js";
import { makeRecordUnit, type RecordField } from "./make-record-unit.js";
import { parseContentLines } from "./parse-content-lines.js";

const SKIP = new Set(["BEGIN", "END", "VERSION", "PRODID", "UID", "DTSTAMP", "CALSCALE", "METHOD", "SEQUENCE", "TRANSP", "STATUS", "ATTACH"]);

/**
 * An iCalendar file (.ics) as records: every distinct attendee or organiser (ATTENDEE,
 * ORGANIZER; one person however many events they attend, joined by address or name) is a
 * record, with its common name (CN=…) as full_name and its mailto: address as email. Other
 * properties (SUMMARY, DESCRIPTION, LOCATION …) are fields outside any record, keyed by their
 * own name. Rooms and resources (CUTYPE=ROOM/RESOURCE, Google resource calendars) are not records.
 */
export function decodeIcalendar(path: string, source: string): TextUnit {
  const fields: RecordField[] = [];
  const people = new Map<string, number>();
  for (const line of parseContentLines(source)) {
    if (SKIP.has(line.name)) continue;
    if (line.name === "ATTENDEE" || line.name === "ORGANIZER") {
      const cn = line.params.find((p) => p.name === "CN");
      const mail = /^mailto:/i.test(line.value) ? line.value.slice(7) : "";
      // Rooms and equipment booked as attendees are not persons (CUTYPE, Google's resource calendars).
      const cutype = line.params.find((p) => p.name === "CUTYPE")?.value.toUpperCase();
      if (cutype === "ROOM" || cutype === "RESOURCE" || /@resource\.calendar\.google\.com$/i.test(mail)) {
        if (cn && cn.value.trim() !== "") fields.push({ key: "location", value: cn.value, source: cn.offset, verbatim: true, record: -1 });
        continue;
      }
      const who = (mail || cn?.value || "").trim().toLowerCase();
      if (who === "") continue;
      let record = people.get(who);
      if (record === undefined) people.set(who, (record = people.size));
      if (cn && cn.value.trim() !== "") fields.push({ key: "full_name", value: cn.value, source: cn.offset, verbatim: true, record });
      if (mail) fields.push({ key: "email", value: mail, source: line.offset + 7, verbatim: line.contiguous, record });
      continue;
    }
    if (line.value.trim() === "") continue;
    fields.push({ key: line.name.toLowerCase(), value: line.value, source: line.offset, verbatim: line.contiguous, record: -1 });
  }
  return makeRecordUnit(path, source, fields, people.size);
}
