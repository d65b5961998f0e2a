import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { OPTIONS, encodeJapanese, utf8 } from "./helpers.js";

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");
/** base64 wrapped at 76 characters, as mail agents write it. */
const wrap = (s: string): string => s.match(/.{1,76}/g)!.join("\r\n");

describe("decodeFile: e-mail (.eml)", () => {
  it("decodes encoded-word headers and a base64 body, located on the .eml lines", () => {
    const name = encodeJapanese("山田 太郎", "JIS");
    const body = "山田太郎様\n\nいつもご利用ありがとうございます。\n".repeat(8) + "ご登録の電話番号: ０９０－００００－００００\n";
    const eml = [
      `From: =?ISO-2022-JP?B?${b64(name)}?= <taro@example.com>`,
      "Subject: =?UTF-8?Q?=E3=81=94=E6=B3=A8=E6=96=87?=",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: base64",
      "",
      wrap(b64(utf8(body))),
      "",
    ].join("\r\n");
    const { units, skipped } = decodeFile("mail/outbox/order.eml", utf8(eml), OPTIONS);
    expect(skipped).toEqual([]);
    expect(units.map((u) => u.path)).toEqual(["mail/outbox/order.eml", "mail/outbox/order.eml"]);
    const hidden = units[1];
    expect(hidden.text).toContain("山田 太郎");
    expect(hidden.text).toContain("ご注文");
    expect(hidden.text).toContain("090-0000-0000");
    expect(hidden.locate!(hidden.text.indexOf("山田 太郎"))).toEqual({ line: 1, column: 7 });
    // the phone number is at the end of the body: on the last base64 line (±1)
    const lines = eml.split("\r\n");
    const lastB64 = lines.length - 2;
    expect(Math.abs(hidden.locate!(hidden.text.indexOf("090")).line! - lastB64)).toBeLessThanOrEqual(1);
  });

  it("reads multipart messages: quoted-printable text and a CSV attachment", () => {
    const csv = encodeJapanese("氏名,電話\n山田太郎,090-0000-0000\n", "SJIS");
    const eml = [
      "Content-Type: multipart/mixed; boundary=\"XYZ\"",
      "",
      "--XYZ",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "=E5=B1=B1=E7=94=B0=E5=A4=AA=E9=83=8E=E6=A7=98=",
      "=E3=80=82",
      "--XYZ",
      "Content-Type: text/csv; name=\"list.csv\"",
      "Content-Disposition: attachment; filename=\"list.csv\"",
      "Content-Transfer-Encoding: base64",
      "",
      wrap(b64(csv)),
      "--XYZ--",
      "",
    ].join("\n");
    const { units, skipped } = decodeFile("m.eml", utf8(eml), OPTIONS);
    expect(skipped).toEqual([]);
    expect(units.map((u) => u.path)).toEqual(["m.eml", "m.eml", "m.eml!list.csv"]);
    expect(units[1].text).toContain("山田太郎様。");
    expect(units[1].locate!(0)).toEqual({ line: 7, column: 1 });
    const attachment = units[2];
    expect(attachment.fieldAt!(attachment.text.indexOf("090"))).toEqual({ key: "電話", record: 0 });
  });

  it("a plain message has only its own unit", () => {
    const { units } = decodeFile("plain.eml", utf8("Subject: hello\n\nbody\n"), OPTIONS);
    expect(units).toHaveLength(1);
  });
});
