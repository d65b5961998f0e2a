import { describe, expect, it } from "vitest";
import { createSqlFieldIndex } from "../../src/decode/sql-field-index.js";

describe("createSqlFieldIndex", () => {
  it("pg_dump COPY … FROM stdin blocks: one line = one record, columns from the COPY list", () => {
    const src = [
      "SET client_encoding = 'UTF8';",
      "CREATE TABLE public.people (id integer, full_name text, phone text);",
      "COPY public.people (id, full_name, phone) FROM stdin;",
      "1\t山田太郎\t090-0000-0000",
      "2\t山田花子\t\\N",
      "\\.",
      "",
      "COPY public.orders (id, total) FROM stdin;",
      "1\t100",
      "\\.",
    ].join("\n");
    const idx = createSqlFieldIndex(src);
    expect(idx.records).toBe(3);
    expect(idx.fieldAt(src.indexOf("090-"))).toEqual({ key: "phone", record: 0 });
    expect(idx.fieldAt(src.indexOf("花子"))).toEqual({ key: "full_name", record: 1 });
    expect(idx.fieldAt(src.indexOf("\t100") + 1)).toEqual({ key: "total", record: 2 });
    expect(idx.fieldAt(src.indexOf("CREATE"))).toBeUndefined();
  });

  it("mysqldump INSERT without a column list takes the columns from CREATE TABLE", () => {
    const src = [
      "/*!40101 SET NAMES utf8mb4 */;",
      "DROP TABLE IF EXISTS `members`;",
      "CREATE TABLE `members` (",
      "  `id` int NOT NULL AUTO_INCREMENT,",
      "  `name` varchar(64) NOT NULL,",
      "  `tel` varchar(20) DEFAULT NULL,",
      "  PRIMARY KEY (`id`)",
      ") ENGINE=InnoDB;",
      "INSERT INTO `members` VALUES (1,'山田, 太郎','090-0000-0000'),(2,'O\\'Brien (x)','080-0000-0000');",
    ].join("\n");
    const idx = createSqlFieldIndex(src);
    expect(idx.records).toBe(2);
    expect(idx.fieldAt(src.indexOf("太郎"))).toEqual({ key: "name", record: 0 });
    expect(idx.fieldAt(src.indexOf("090-"))).toEqual({ key: "tel", record: 0 });
    expect(idx.fieldAt(src.indexOf("080-"))).toEqual({ key: "tel", record: 1 });
  });

  it("multi-row INSERT with a column list: one tuple = one record", () => {
    const src = "INSERT INTO customers (email, name) VALUES\n  ('a@example.com', '山田'),\n  ('b@example.com', '花子');\nSELECT 1;\n";
    const idx = createSqlFieldIndex(src);
    expect(idx.records).toBe(2);
    expect(idx.fieldAt(src.indexOf("b@"))).toEqual({ key: "email", record: 1 });
    expect(idx.fieldAt(src.indexOf("花子"))).toEqual({ key: "name", record: 1 });
  });

  it("skips dollar-quoted function bodies and comments without losing statements", () => {
    const src = "CREATE FUNCTION f() RETURNS void AS $$ BEGIN; INSERT INTO x VALUES (1); END; $$ LANGUAGE plpgsql;\n-- INSERT INTO fake VALUES ('no');\nINSERT INTO t (k) VALUES ('yes');";
    const idx = createSqlFieldIndex(src);
    expect(idx.records).toBe(1);
    expect(idx.fieldAt(src.indexOf("yes"))).toEqual({ key: "k", record: 0 });
  });
});

describe("createSqlFieldIndex: Japanese identifiers", () => {
  it("reads table and column names in Japanese", () => {
    const src = "CREATE TABLE `顧客` (`氏名` varchar(64), `電話` varchar(20));\nINSERT INTO `顧客` VALUES ('山田太郎','090-0000-0000');\nINSERT INTO 会員 (氏名, メール) VALUES ('山田花子', 'hanako@example.com');\n";
    const idx = createSqlFieldIndex(src);
    expect(idx.records).toBe(2);
    expect(idx.fieldAt(src.indexOf("090-"))).toEqual({ key: "電話", record: 0 });
    expect(idx.fieldAt(src.indexOf("hanako"))).toEqual({ key: "メール", record: 1 });
  });
});
