import { describe, expect, it } from "vitest";
import Encoding from "encoding-japanese";
import { fakePersons } from "../helpers/fake-person.js";
import { kindsByLine, scanText } from "./person-formats-helpers.js";

const people = fakePersons(3, 51);
const enc = encodeURIComponent;
const line = (q: string) => `203.0.113.7 - - [03/Mar/2025:10:00:00 +0900] "GET /entry/confirm?${q} HTTP/1.1" 200 512 "-" "Mozilla/5.0"`;

describe("URL-encoded query strings", () => {
  it("an access log: encoded and plain parameters of each request are found on its line", () => {
    const text = people.map((p) => line(`name=${enc(`${p.sei} ${p.mei}`)}&tel=${p.mobile}&email=${enc(p.email)}&zip=${p.zip}&addr=${enc(p.state + p.city + p.street)}`)).join("\n") + "\n";
    const { units, findings } = scanText("logs/access.log", text);
    expect(units).toHaveLength(1); // decoded in place: one unit, located on the encoded values
    const lines = kindsByLine(findings);
    for (const n of [1, 2, 3]) expect(lines[n]).toEqual(["address", "email", "name", "phone", "postal-code"]);
    const name = findings.find((f) => f.kind === "name" && f.line === 1)!;
    expect(name).toMatchObject({ key: "name", column: text.indexOf("name=") + 6 });
  });

  it("a name sent in Shift_JIS percent-encoding (older Japanese sites) is decoded too", () => {
    const p = people[0];
    const sjis = Encoding.urlEncode(Encoding.convert(Encoding.stringToCode(`${p.sei} ${p.mei}`), { to: "SJIS", from: "UNICODE" }));
    const { findings } = scanText("access_log", `${line(`name=${sjis}&x=1`)}\n`);
    expect(kindsByLine(findings)).toEqual({ 1: ["name"] });
  });

  it("a log of searches and paging (no personal parameter) gives nothing", () => {
    const text = ["りんご", "みかん 大", "C++ 入門"].map((q, i) => line(`q=${enc(q)}&page=${i}&sort=price`)).join("\n") + "\n";
    expect(scanText("logs/search.log", text).findings).toEqual([]);
  });

  it("a HAR file: parameters of each entry's URL and form body belong to that entry", () => {
    const entry = (p: (typeof people)[number]) =>
      `{ "request": { "method": "POST", "url": "https://shop.example.com/signup?name=${enc(`${p.sei} ${p.mei}`)}",\n "postData": { "text": "email=${enc(p.email)}&address=${enc(p.state + p.city + p.street)}" } } }`;
    const text = `{ "log": { "entries": [\n${people.map(entry).join(",\n")}\n] } }\n`;
    const { findings } = scanText("session.har", text);
    const names = findings.filter((f) => f.kind === "name");
    expect(names).toHaveLength(3);
    expect(new Set(findings.map((f) => f.record))).toEqual(new Set([0, 1, 2]));
  });
});
