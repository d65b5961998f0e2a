import { fakerEN, fakerJA as faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { judgePersonCandidate } from "../../src/engine/judge-person-candidate.js";

faker.seed(7);
/** Judges `value` placed in `template` at "@@". */
const judge = (kind: string, template: string, value: string, path = "data/file.txt", key?: string) => {
  const start = template.indexOf("@@");
  const text = template.replace("@@", value);
  return judgePersonCandidate({ kind, value, path, text, start, end: start + value.length, key });
};
const mail = () => `${faker.string.alpha({ length: 6, casing: "lower" })}.${faker.string.alpha({ length: 4, casing: "lower" })}@gmail.com`;
const name = () => `${faker.person.lastName()} ${faker.person.firstName()}`;

describe("judgePersonCandidate", () => {
  it("leaves a person's value alone", () => {
    expect(judge("email", "連絡先: @@\n", mail())).toBeUndefined();
    expect(judge("name", "氏名: @@\n", name())).toBeUndefined();
    expect(judge("name", "@@様方\n", faker.person.lastName())).toBeUndefined();
  });

  it.each([
    ["Message-ID", "Message-ID: <@@>\n"],
    ["In-Reply-To", "In-Reply-To: <@@>\n"],
    ["URL user part", "https://@@/path\n"],
    ["scp target", "scp a.tgz @@:/srv/app\n"],
  ])("drops an address in a %s", (_, template) => expect(judge("email", template, ["a1b2c3.d4", "mx.shop-kasumi.jp"].join("@"))).toBe("drop"));

  it.each([["CODE_OF_CONDUCT.md"], ["CONTRIBUTING.md"], [".github/SECURITY.md"], ["docs/code-of-conduct.rst"]])("drops addresses in %s", (path) =>
    expect(judge("email", "contact @@\n", mail(), path)).toBe("drop"),
  );

  it.each([
    ["package.json", '  "author": "@@",\n'],
    ["vendor/a/composer.lock", '  "email": "@@",\n'],
    ["a.gemspec", "  s.email = ['@@']\n"],
    ["pnpm-lock.yaml", "  email: @@\n"],
    ["LICENSE.md", "Copyright (c) 2020 X <@@>\n"],
    ["NOTICE", "X <@@>\n"],
    ["CHANGELOG.md", "- thanks @@\n"],
    ["src/a.ts", "Co-authored-by: X <@@>\n"],
    ["src/a.php", " * @author X <@@>\n"],
    ["dist/ws.js", "/*! ws. MIT License. X <@@> */\n"],
    ["README.md", "# tool\n\n## Authors\n\n* X <@@>\n"],
  ])("marks %s as an author credit", (path, template) => expect(judge("email", template, mail(), path)).toBe("author-credit"));

  it("keeps an address in a README section that is not about authors", () => {
    expect(judge("email", "# tool\n\n## Customers\n\n* @@\n", mail(), "README.md")).toBeUndefined();
  });

  it.each([
    ["都道府県名カナ", "name-kana"],
    ["市区町村名ローマ字", "name"],
    ["town", "name"],
    ["branch_name", "name"],
    ["店舗名", "name"],
  ])("drops a name under a place or business key (%s)", (key, kind) => expect(judge(kind, '"k": "@@"\n', name(), "data/x.json", key)).toBe("drop"));

  it.each(["新宿支店", "神田駅前", "渡利郡渡利町", "福岡法人"])("drops a value that ends like a place or a business (%s)", (v) =>
    expect(judge("name", "name: @@\n", v)).toBe("drop"),
  );

  it("does not take a common surname ending in 村 for a place", () => {
    expect(judge("name", "name: @@\n", "中村")).toBeUndefined();
  });

  it("drops 殿 that begins a place name, not 殿 after a name", () => {
    expect(judge("name", "上京区寺町通@@殿町658\n", "西側染")).toBe("drop");
    expect(judge("name", "@@殿\n", name())).toBeUndefined();
  });

  it("drops 様 meaning '-like' in anatomy and pathology (毛様体, 腺様), not 様 after a name", () => {
    expect(judge("name", "1,H20.0,急性及び亜急性虹彩@@様体炎\n", `${faker.person.lastName()}性虹彩毛`)).toBe("drop");
    expect(judge("name", "\"子宮内膜@@様のう胞\"\n", `${faker.person.lastName()}内膜腺`)).toBe("drop");
    expect(judge("name", "@@様の件\n", name())).toBeUndefined();
  });

  it("drops names of a coded catalog entry (code + romanised reading)", () => {
    expect(judge("name", '{\n "code": "001",\n "name": "@@",\n "kana": "x",\n "roma": "y"\n}', faker.person.lastName())).toBe("drop");
    expect(judge("name", '{\n "id": 1,\n "name": "@@",\n "kana": "x"\n}', name())).toBeUndefined();
    // a bank entry whose branches follow as a nested object
    expect(judge("name-kana", '{\n "code": "0001",\n "kana": "@@",\n "roma": "y",\n "branches": {\n  "001": {}\n }\n}', "ミズホ")).toBe("drop");
  });

  it("drops names of a coded catalog entry written in YAML, keeps a person's YAML record", () => {
    const kana = "ミズホ";
    expect(judge("name-kana", "---\n'0001':\n  code: '0001'\n  name: x\n  kana: @@\n  hira: y\n  roma: z\n", kana)).toBe("drop");
    expect(judge("name", "- code: 1\n  name: @@\n  roma: z\n", faker.person.lastName())).toBe("drop");
    expect(judge("name-kana", "alice:\n  id: 1\n  name: x\n  name_kana: @@\n  email: y\n", "タカハシ ユイ")).toBeUndefined();
  });

  it("drops a placeholder name split over two fields, keeps a generated one", () => {
    expect(judge("name", '"last_name": {"example": "@@"},\n"first_name": {"example": "太郎"}', "山田")).toBe("drop");
    expect(judge("name-kana", "sei_kana: ヤマダ\nmei_kana: @@\n", "ハナコ")).toBe("drop");
    const sei = faker.person.lastName();
    expect(judge("name", "last_name: @@\nfirst_name: 太郎\n", sei === "山田" ? "佐藤" : sei)).toBeUndefined();
  });

  it("drops the mailbox of an organisation's contact block, keeps a person's address and a table's rows", () => {
    const org = `${faker.company.name()}\n　情報推進部門　${faker.person.lastName()}マスター担当\n〒100-0001　${faker.location.state()}${faker.location.city()}\nFAX：03-5${faker.string.numeric(3)}-${faker.string.numeric(4)}\n`;
    expect(judge("email", `■お問合せ先\n\n${org}E-mail：@@\n`, mail(), "db/master/readme.txt")).toBe("drop");
    expect(judge("email", `Contact us:\nACME Foundation\nE-mail: @@\n`, mail(), "README.txt")).toBe("drop");
    // no heading: a person's own line; a table whose header says 連絡先 is no contact block
    expect(judge("email", `${org}担当者の私用アドレス @@\n`, mail(), "notes.txt")).toBeUndefined();
    expect(judge("email", `氏名,会社,連絡先\n${name()},株式会社${faker.person.lastName()},@@\n`, mail(), "list.csv")).toBeUndefined();
  });

  it("drops a weekday array and a lone placeholder family name in a field, keeps a surname in prose", () => {
    expect(judge("name", "WEEK_DAY_NAMES = %w[@@ 水 木 金 土]\n", "日 月 火")).toBe("drop");
    expect(judge("name-kana", "build_user(name_kana: '@@')\n", "ヤマダ", "test/previews/x.rb", "name_kana")).toBe("drop");
    expect(judge("name", "@@様から電話がありました。\n", "山田")).toBeUndefined();
  });

  it("reads the other part of a split name from its own record, not from the record above", () => {
    let sei = faker.person.lastName();
    while (sei === "山田" || sei === "鈴木") sei = faker.person.lastName();
    const seed = (given: string) =>
      `User.create!(\n  last_name: "山田",\n  first_name: "太郎",\n  last_name_kana: "ヤマダ",\n  first_name_kana: "タロウ",\n  email: "x@y.z"\n)\n` +
      `User.create!(\n  last_name: "${sei}",\n  first_name: "${given}",\n  last_name_kana: "カナ",\n  first_name_kana: "@@",\n)\n`;
    // 次郎 / ジロウ beside a generated family name: a person, though 山田 太郎 sits in the record above
    expect(judge("name", seed("@@"), "次郎", "db/seeds.rb", "first_name")).toBeUndefined();
    expect(judge("name-kana", seed("次郎"), "ジロウ", "db/seeds.rb", "first_name_kana")).toBeUndefined();
    // the placeholder record itself is still nobody
    const first = `last_name: "山田"\nfirst_name: "@@"\nemail: "x@y.z"\n\nlast_name: "${sei}"\nfirst_name: "次郎"\n`;
    expect(judge("name", first, "太郎", "db/seeds.rb", "first_name")).toBe("drop");
  });

  it("drops any listed placeholder split over family and given fields (鈴木 / 一郎), keeps a generated pair", () => {
    const yml = (sei: string, mei: string, seiKana: string, meiKana: string) => `app1:\n  last_name: ${sei}\n  first_name: ${mei}\n  last_name_kana: ${seiKana}\n  first_name_kana: ${meiKana}\n`;
    expect(judge("name", yml("@@", "一郎", "スズキ", "イチロウ"), "鈴木", "test/fixtures/apps.yml", "last_name")).toBe("drop");
    expect(judge("name-kana", yml("鈴木", "一郎", "スズキ", "@@"), "イチロウ", "test/fixtures/apps.yml", "first_name_kana")).toBe("drop");
    const mei = faker.person.firstName();
    expect(judge("name", yml("@@", mei, "スズキ", "ハルカ"), "鈴木", "test/fixtures/apps.yml", "last_name")).toBeUndefined();
  });

  it("keeps a given name that is also a country under a first_name key", () => {
    expect(judge("name", '"first_name": "@@",\n"last_name": "Rivers"', "Jordan", "fixtures/users.json", "first_name")).toBeUndefined();
    expect(judge("name", '"name": "@@",\n"code": "JO"', "Jordan", "fixtures/countries.json", "name")).toBe("drop");
  });

  it("drops business readings in kana, countries and regions", () => {
    for (const v of ["エービーシーショウテン", "フリーギンコウ", "サクラジムシヨ"]) expect(judge("name-kana", "kana: @@\n", v)).toBe("drop");
    for (const v of ["東日本", "南アフリカ", "San Marino"]) expect(judge("name", "name: @@\n", v)).toBe("drop");
    expect(judge("name-kana", "kana: @@\n", "タカハシ ユイ")).toBeUndefined();
  });

  it("drops step names of CI pipelines", () => {
    expect(judge("name", "    - name: @@\n", "Use Node", ".github/workflows/test.yml")).toBe("drop");
    expect(judge("name", "    - name: @@\n", "Haruto Sato", "test/fixtures/users.yml")).toBeUndefined();
  });

  it("drops 殿 followed by a house number (a district such as …上殿769), keeps 殿 after a name", () => {
    const district = `${faker.person.lastName()}町上`;
    expect(judge("name", `${faker.location.state()}${faker.location.city()}@@殿${faker.string.numeric(3)}\n`, district)).toBe("drop");
    expect(judge("name", "@@殿\n", name())).toBeUndefined();
  });

  it("drops an AWS account id inside an ARN, keeps a My Number elsewhere", () => {
    const digits = faker.string.numeric(12);
    expect(judge("my-number", "arn:aws:acm:ap-northeast-1:@@:certificate/x\n", digits)).toBe("drop");
    expect(judge("my-number", "マイナンバー: @@\n", digits)).toBeUndefined();
  });

  it("credits the author of a git patch and a 'Written by' comment", () => {
    expect(judge("email", "From: X <@@>\nDate: Mon\n", mail(), "patches/0001-fix.patch")).toBe("author-credit");
    expect(judge("email", "/* Written by X (@@). */\n", mail(), "vendor/i18n/x.js")).toBe("author-credit");
    expect(judge("email", "From: X <@@>\n", mail(), "mail/inbox.eml")).toBeUndefined();
  });

  it("reads a catalog entry's braces only within 300 characters of the value", () => {
    // on one line (no YAML-like indentation for the sibling-line reading to fall back on)
    const pad = (n: number) => ` "note": "${"x".repeat(n)}",`;
    // the opening brace 300 characters before the value still counts; farther away it does not
    const near = '{"code": "001", "roma": "y",' + pad(300 - 50) + ' "name": "@@"}';
    expect(near.indexOf("@@") - near.indexOf("{")).toBeLessThanOrEqual(300);
    expect(judge("name", near, faker.person.lastName())).toBe("drop");
    const far = '{"code": "001", "roma": "y",' + pad(400) + ' "name": "@@"}';
    expect(judge("name", far, faker.person.lastName())).toBeUndefined();
    // keys after the value count up to the closing brace within 300 characters
    expect(judge("name", '{"name": "@@", "code": "001", "roma": "y"}', faker.person.lastName())).toBe("drop");
    expect(judge("name", '{"name": "@@",' + pad(300) + ' "code": "001", "roma": "y"}', faker.person.lastName())).toBeUndefined();
    // a table without braces: every row is judged as a person's
    const rows = Array.from({ length: 2000 }, () => `${name()},code,roma`).join("\n");
    const last = rows.lastIndexOf("\n") + 1;
    const value = rows.slice(last, rows.indexOf(",", last));
    expect(judgePersonCandidate({ kind: "name", value, path: "a.csv", text: rows, start: last, end: last + value.length })).toBeUndefined();
  });

  it("drops a date that bounds a range (…から…まで), keeps a birth date", () => {
    const y = faker.number.int({ min: 1900, max: 1990 });
    expect(judge("dob", "生年月日 @@から現在まで登録可能\n", `${y}年1月1日`)).toBe("drop");
    expect(judge("dob", "生年月日: @@\n", `${y}年${faker.number.int({ min: 1, max: 12 })}月${faker.number.int({ min: 1, max: 28 })}日`)).toBeUndefined();
  });

  it("drops the name of a thing coded by IATA/ICAO, a symbol or an abbreviation, keeps a person's coded record", () => {
    const word = () => fakerEN.word.noun().replace(/^./, (c) => c.toUpperCase());
    const code = fakerEN.string.alpha({ length: 3, casing: "upper" });
    expect(judge("name", `{ name: '@@', iataCode: '${code}' },`, `${word()} ${word()}`)).toBe("drop");
    expect(judge("name", `{"name":"@@","iataTypeCode":"${code}"}`, name())).toBe("drop");
    expect(judge("name", `{ since: '0001-01-01', offset: 1, name: '@@', narrow: 'AD', abbr: 'AD' },`, faker.person.lastName() + "暦")).toBe("drop");
    expect(judge("name", `{\n  name: '@@',\n  code: '${code}',\n  symbol: '$',\n},`, `${word()} ${word()}`)).toBe("drop");
    expect(judge("name", "- name: @@\n  alpha2: JP\n  alpha3: JPN\n", `${word()} ${word()}`)).toBe("drop");
    // an employee record has a code, an e-mail and a name: still a person
    expect(judge("name", `{ code: 'E${faker.string.numeric(4)}', name: '@@', email: '${mail()}' }`, name())).toBeUndefined();
  });

  it("drops Chinese text under a name key, keeps a Japanese name there", () => {
    expect(judge("name", "{ name: '@@' }", `${faker.person.lastName()}国际机场`)).toBe("drop");
    expect(judge("name", "name: @@\n", `${faker.person.lastName()}门子`)).toBe("drop");
    for (let i = 0; i < 50; i++) expect(judge("name", "name: @@\n", name())).toBeUndefined();
  });

  it("drops a part of the English placeholders (Jane/John Doe, Mona Octocat), keeps a generated name", () => {
    expect(judge("name-latin", "{ firstName: '@@', lastName: 'Doe' }", "Jane")).toBe("drop");
    expect(judge("name-latin", '"familyName": "Octocat",\n"givenName": "@@",\n', "Mona")).toBe("drop");
    const first = fakerEN.person.firstName();
    const last = fakerEN.person.lastName();
    expect(judge("name-latin", `{ firstName: '@@', lastName: '${last === "Doe" ? "Smith" : last}' }`, first)).toBeUndefined();
  });

  it("credits a package's own author fields, bundlers' license files and file headers", () => {
    expect(judge("email", '__author__ = "X"\n__author_email__ = "@@"\n', mail(), "src/pkg/__version__.py")).toBe("author-credit");
    expect(judge("email", "Y <@@>\n", mail(), "lib/utilsBundle.js.LICENSE")).toBe("author-credit");
    expect(judge("email", "/*! X <@@> */\n", mail(), "dist/vendor.js.LICENSE.txt")).toBe("author-credit");
    expect(judge("email", " * <@@> wrote this file. As long as you retain this notice\n", mail(), "src/ua.ts")).toBe("author-credit");
    // the leading comment block of a source file is its authors' header
    expect(judge("email", "// Ported from X's implementation\n//\n// X Y @@\n//\nexport const a = 1;\n", mail(), "src/noise.js")).toBe("author-credit");
    expect(judge("email", "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# X <@@>\nimport os\n", mail(), "tools/run.py")).toBe("author-credit");
    expect(judge("email", "/*\n * X\n * @@\n */\n", mail(), "lib/a.c")).toBe("author-credit");
  });

  it("keeps an address after the first line of code, in a data file's comment, or after #include", () => {
    expect(judge("email", "// header\nconst users = [\n  // @@\n];\n", mail(), "src/users.js")).toBeUndefined();
    expect(judge("email", "# customers\n# @@\n", mail(), "data/customers.csv")).toBeUndefined();
    expect(judge("email", "#include <stdio.h>\n// @@\n", mail(), "src/a.c")).toBeUndefined();
    expect(judge("email", "const a = 1; // @@\n", mail(), "src/a.js")).toBeUndefined();
  });

  it("drops the password part of a URL's user info, a Bazel registry maintainer and a hall ending in 殿", () => {
    const host = `${faker.string.alpha({ length: 6, casing: "lower" })}.com`;
    const secret = faker.string.alphanumeric(8);
    expect(judge("email", `like dotenv://:@@/vault/.env.vault\n`, `${secret}@${host}`)).toBe("drop");
    expect(judge("email", `https://admin:@@/path\n`, `${secret}@${host}`)).toBe("drop");
    expect(judge("email", '"maintainers": [{ "email": "@@" }]\n', mail(), "vendor/re2/.bcr/metadata.template.json")).toBe("author-credit");
    // a hall's name: the value ends in 霊 and 殿 follows (…地霊殿 of a game title list)
    expect(judge("name", `- ${faker.string.alpha(3)}@@殿\n`, `${faker.person.lastName()}地霊`)).toBe("drop");
    expect(judge("name", "@@殿\n", faker.person.lastName())).toBeUndefined();
    expect(judge("email", "連絡先: @@\n", mail())).toBeUndefined();
  });

  it("drops a value shown as a fake-data generator's output, keeps one assigned next to a generator call", () => {
    const m = mail();
    expect(judge("email", "const randomEmail = faker.internet.email(); // @@\n", m, "docs/guide/usage.md")).toBe("drop");
    expect(judge("email", " * faker.internet.email({ firstName: 'X' }) // '@@'\n", m, "src/modules/internet.ts")).toBe("drop");
    const card = faker.finance.creditCardNumber();
    expect(judge("credit-card", '#   Faker::Finance.credit_card #=> "@@"\n', card, "lib/faker/finance.rb")).toBe("drop");
    expect(judge("email", ">>> fake.email()  # '@@'\n", m, "docs/usage.rst")).toBe("drop");
    // a real value on a line that merely calls a generator elsewhere
    expect(judge("email", "const owner = '@@'; const other = faker.internet.email();\n", m)).toBeUndefined();
    expect(judge("email", "user.name = faker.person.fullName(); user.email = '@@';\n", m)).toBeUndefined();
    expect(judge("email", "# contact @@\n", m)).toBeUndefined();
  });

  it.each([
    ["名称_カナ", "name-kana"],
    ["名称", "name"],
  ])("drops a thing's name under %s (名称 names facilities, not people)", (key, kind) =>
    expect(judge(kind, '"k": "@@"\n', name(), "data/shelters.json", key)).toBe("drop"),
  );

  it.each(["コウミンカン", "ショウガッコウ", "タイイクカン", "ヒナンバショ", "コウエン"])("drops a facility reading ending in %s", (end) =>
    expect(judge("name-kana", "カナ: @@\n", `${faker.string.fromCharacters("アイウエオカキクケコサシスセソ", 3)}${end}`)).toBe("drop"),
  );

  it.each(["公民館", "体育館", "避難所", "集会所"])("drops a facility name ending in %s", (end) =>
    expect(judge("name", "name: @@\n", `${faker.person.lastName()}${end}`)).toBe("drop"),
  );

  it("drops names of places in geographic feature files (KML, GeoJSON), keeps other keys", () => {
    expect(judge("name", "<Placemark><name>@@</name>", name(), "maps/points.kml", "name")).toBe("drop");
    expect(judge("name", '{"properties": {"name": "@@"}}', name(), "maps/points.geojson", "name")).toBe("drop");
    expect(judge("name", '{"氏名": "@@"}', name(), "maps/points.geojson", "氏名")).toBeUndefined();
    expect(judge("name", "<name>@@</name>", name(), "export/users.xml", "name")).toBeUndefined();
  });

  it("drops a name written with a company marker (…(株), ㈱…, 株式会社…)", () => {
    expect(judge("name", "<name>X店 / @@(株)</name>", faker.person.lastName() + "石油")).toBe("drop");
    expect(judge("name", "株式会社@@\n", faker.person.lastName())).toBe("drop");
    expect(judge("name", "担当: @@\n", name())).toBeUndefined();
  });

  it("drops 仕様, 同様, 模様 and 異様 (様 inside a word), keeps 様 after a name", () => {
    expect(judge("name", "特定の@@様や\n", "関数の仕")).toBe("drop");
    expect(judge("name", "@@様、文字列\n", "関数と同")).toBe("drop");
    expect(judge("name", "@@様へ\n", name())).toBeUndefined();
  });

  it("drops a user part after host: (Host: site:x@evil), keeps mailto: and a labelled address", () => {
    expect(judge("email", "Host: validsite.com:@@\n", ["rnd", "evilsite.com"].join("@"))).toBe("drop");
    expect(judge("email", '<a href="mailto:@@">', mail())).toBeUndefined();
    expect(judge("email", "mail:@@\n", mail())).toBeUndefined();
  });

  it("credits authors inside archives, JSON author lists, escaped source-map lines and file headers", () => {
    expect(judge("email", '  "email": "@@",\n', mail(), "cache/files/pkg.zip!pkg-1.0/composer.json")).toBe("author-credit");
    expect(judge("email", '{"packages":[{"name":"a/b","authors":[{"name":"X Y","email":"@@","homepage":"h"}]}]}', mail(), "cache/provider-a~b.json")).toBe(
      "author-credit",
    );
    expect(judge("email", '{"sourcesContent":["/*\\nLanguage: X\\nAuthor: X Y <@@>\\nWebsite: h\\n*/"]}', mail(), "dist/ui.js.map")).toBe("author-credit");
    expect(judge("email", "/*\n * (c) A B <a@b.cd>\n *     C D <@@>\n */\n", mail(), "src/Cmd.php")).toBe("author-credit");
    // …but not an address in a customers array, nor one after an unrelated line.
    expect(judge("email", '{"customers":[{"name":"X Y","email":"@@"}]}', mail(), "data/c.json")).toBeUndefined();
    expect(judge("email", "<?php\n$a = 1;\n/*\n * Send to\n *     C D <@@>\n */\n", mail(), "src/Cmd.php")).toBeUndefined();
  });

  it("drops examples, defaults and the contact of an API description, keeps data outside one", () => {
    const yaml = "openapi: 3.0.1\ninfo:\n  contact:\n    email: @@\n";
    expect(judge("email", yaml, mail(), "api/openapi.yaml")).toBe("drop");
    const json = '{\n  "openapi": "3.0.1",\n  "components": {"schemas": {"User": {"properties": {"first_name": {"type": "string", "example": "@@"}}}}}\n}';
    expect(judge("name", json, faker.person.firstName(), "api/schema.json", "first_name")).toBe("drop");
    const nested = "swagger: '2.0'\npaths:\n  /users:\n    get:\n      examples:\n        application/json:\n          name: @@\n";
    expect(judge("name", nested, name(), "api/swagger.yaml", "name")).toBe("drop");
    expect(judge("name", "users:\n  - name: @@\n", name(), "db/seeds.yml", "name")).toBeUndefined();
    expect(judge("name", "openapi: 3.0.1\nx-users:\n  - name: @@\n", name(), "api/openapi.yaml", "name")).toBeUndefined();
  });
});

