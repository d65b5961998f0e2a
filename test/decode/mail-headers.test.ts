import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { fakeCompany, fakePersons } from "../helpers/fake-person.js";
import { kindsByLine, scanText } from "./person-formats-helpers.js";

const [a, b, c] = fakePersons(3, 41);
const word = (s: string) => `=?UTF-8?B?${Buffer.from(s, "utf8").toString("base64")}?=`;

describe("e-mail headers", () => {
  it("display names in From/To, plain or as encoded words, are names on their header line", () => {
    const eml = [
      `From: ${a.sei} ${a.mei} <${a.email}>`,
      `To: ${word(`${b.sei} ${b.mei}`)} <${b.email}>`,
      `Subject: ${word("ご注文の確認")}`,
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "本文です。",
      "",
    ].join("\r\n");
    expect(kindsByLine(scanText("mail/order.eml", eml).findings)).toEqual({ 1: ["email", "name"], 2: ["email", "name"] });
  });

  it("an mbox: the encoded headers of every message are decoded, not only the first", () => {
    const message = (p: typeof a) => [`From ${p.email} Mon Mar  3 10:00:00 2025`, `From: ${word(`${p.sei} ${p.mei}`)} <${p.email}>`, "Subject: x", "", "本文", ""];
    const mbox = [...message(a), ...message(b), ...message(c)].join("\n");
    const found = scanText("mail/inbox.mbox", mbox).findings.filter((f) => f.kind === "name");
    expect(found.map((f) => f.line)).toEqual([2, 8, 14]);
  });

  it("a notification from a company's noreply address to a support address holds no person", () => {
    const eml = [`From: ${word(fakeCompany(9))} <noreply@${["shop", "co.jp"].join(".")}>`, `To: support@${["shop", "co.jp"].join(".")}`, `Subject: ${word("システム通知")}`, "", "完了しました。", ""].join("\n");
    expect(scanText("mail/notice.eml", eml).findings).toEqual([]);
  });
});
