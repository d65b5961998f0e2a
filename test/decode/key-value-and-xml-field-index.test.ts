import { describe, expect, it } from "vitest";
import { createKeyValueFieldIndex } from "../../src/decode/key-value-field-index.js";
import { createXmlFieldIndex } from "../../src/decode/xml-field-index.js";

describe("createKeyValueFieldIndex", () => {
  it.each([
    ["DB_PASSWORD=dummy-value\n", "DB_PASSWORD"],
    ["export API_TOKEN='dummy-value'\n", "API_TOKEN"],
    ["spring.datasource.password = dummy-value\n", "spring.datasource.password"],
    ["database:\n  password: dummy-value\n", "password"],
    ["- name: dummy-value\n", "name"],
  ])("%j → %s", (src, key) => {
    expect(createKeyValueFieldIndex(src).fieldAt(src.indexOf("dummy-value"))).toEqual({ key, record: 0 });
  });

  it("takes the parent key for a YAML block scalar", () => {
    const src = "key: |\n  -----BEGIN DUMMY-----\n  dummy-value\nother: 1\n";
    expect(createKeyValueFieldIndex(src).fieldAt(src.indexOf("dummy-value"))).toEqual({ key: "key", record: 0 });
  });
});

describe("createXmlFieldIndex", () => {
  it("names the element or attribute around an offset", () => {
    const src = '<config>\n  <password>dummy-value</password>\n  <db user="admin" pass="dummy-attr"/>\n</config>';
    const idx = createXmlFieldIndex(src);
    expect(idx.fieldAt(src.indexOf("dummy-value"))).toEqual({ key: "password", record: 0 });
    expect(idx.fieldAt(src.indexOf("dummy-attr"))).toEqual({ key: "pass", record: 0 });
    const cfg = '<appSettings>\n  <add key="DbPassword" value="dummy-value"/>\n  <property name="smtp.password" value="dummy-two"/>\n</appSettings>';
    const c = createXmlFieldIndex(cfg);
    expect(c.fieldAt(cfg.indexOf("dummy-value"))).toEqual({ key: "DbPassword", record: 0 });
    expect(c.fieldAt(cfg.indexOf("dummy-two"))).toEqual({ key: "smtp.password", record: 0 });
  });
});
