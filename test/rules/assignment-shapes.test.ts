import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { expandTemplate } from "../helpers/expand-template.js";

// Ways of writing an assignment in many languages and file formats (issue 15): each one must be
// read by the generic or format rules. Values are templates expanded at test time.
const compiled = compileRules(loadRules());
const TOKEN = "{{base62:24}}{{digits:2}}";
const PASSWORD = "{{base62:12}}#{{digits:3}}";

const found: [shape: string, path: string, template: string, line: number][] = [
  ["Go typed var", "main.go", `var apiToken string = "${TOKEN}"`, 1],
  ["Go typed const", "main.go", `const apiToken string = "${TOKEN}"`, 1],
  ["Kotlin val with a type", "Main.kt", `val apiSecret: String = "${TOKEN}"`, 1],
  ["Swift let with a type", "Keys.swift", `let apiKey: String = "${TOKEN}"`, 1],
  ["Rust &str", "main.rs", `let api_key: &str = "${TOKEN}";`, 1],
  ["TypeScript annotation", "app.ts", `const apiKey: string = "${TOKEN}";`, 1],
  ["Java static final", "Keys.java", `private static final String API_KEY = "${TOKEN}";`, 1],
  ["Makefile ::=", "Makefile", `API_TOKEN ::= ${TOKEN}`, 1],
  ["Makefile :::=", "rules.mk", `API_TOKEN :::= ${TOKEN}`, 1],
  ["PHP .=", "config.php", `$apiSecret .= "${TOKEN}";`, 1],
  ["Java System.setProperty", "Boot.java", `System.setProperty("X_TOKEN", "${TOKEN}");`, 1],
  ["Python os.environ[...] =", "settings.py", `os.environ["X_TOKEN"] = "${TOKEN}"`, 1],
  ["Python os.environ password", "settings.py", `os.environ['DB_PASSWORD'] = '${PASSWORD}'`, 1],
  ["PowerShell $env:", "deploy.ps1", `$env:API_TOKEN = "${TOKEN}"`, 1],
  ["PowerShell Set-Item -Value", "deploy.ps1", `Set-Item -Path Env:API_TOKEN -Value "${TOKEN}"`, 1],
  ["PowerShell Set-Item positional", "deploy.ps1", `Set-Item Env:DB_PASSWORD "${PASSWORD}"`, 1],
  ["batch set", "deploy.bat", `set API_TOKEN=${TOKEN}`, 1],
  ["batch set quoted", "deploy.cmd", `set "DB_PASSWORD=${PASSWORD}"`, 1],
  ["XML element, value on the next line", "settings.xml", `<apiKey>\n  ${TOKEN}\n</apiKey>`, 2],
  ["XML attributes on the next line", "app.config", `<add key="SmtpPassword"\n     value="${PASSWORD}" />`, 2],
  ["Web.config add key/value", "Web.config", `<add key="ApiSecret" value="${TOKEN}" />`, 1],
  ["ini section", "airflow.cfg", `[core]\nfernet_key = ${TOKEN}=`, 2],
  ["Jenkinsfile environment", "Jenkinsfile", `environment {\n  API_TOKEN = '${TOKEN}'\n}`, 2],
  ["Gradle def", "build.gradle", `def apiKey = '${TOKEN}'`, 1],
  ["Gradle properties", "gradle.properties", `signingPassword=${PASSWORD}`, 1],
  ["Fastlane ENV[...] =", "fastlane/Fastfile", `ENV["FASTLANE_PASSWORD"] = "${PASSWORD}"`, 1],
  ["Composer auth.json http-basic", "auth.json", `{"http-basic": {"repo.example.com": {"username": "ci", "password": "${PASSWORD}"}}}`, 1],
  ["Composer auth.json github-oauth", "auth.json", `{"github-oauth": {"github.com": "${TOKEN}"}}`, 1],
  ["crontab env assignment", "crontab", `0 3 * * * PGPASSWORD=${PASSWORD} pg_dump -h db app > /b.sql`, 1],
  ["nginx htpasswd {PLAIN}", ".htpasswd", `ops:{PLAIN}${PASSWORD}`, 1],
  [".pgpass", ".pgpass", `db.example.internal:5432:app:app_user:${PASSWORD}`, 1],
  [".netrc", ".netrc", `machine api.example.com\n  login ci\n  password ${PASSWORD}`, 3],
  [".bash_history PGPASSWORD", ".bash_history", `PGPASSWORD=${PASSWORD} psql -h db -U app`, 1],
  [".bash_history export", ".bash_history", `export API_TOKEN=${TOKEN}`, 1],
  [".mysql_history client", ".mysql_history", `mysql -u root -p${PASSWORD} app`, 1],
  ["HAR Authorization header", "session.har", `{\n  "name": "Authorization",\n  "value": "Bearer ${TOKEN}"\n}`, 3],
  ["HAR cookie", "session.har", `"cookies": [{"name": "sessionid", "value": "{{alnum:32}}"}]`, 1],
  ["curl -b session cookie", "run.sh", `curl -b "sessionid={{alnum:32}}" https://app.example.com/api/me`, 1],
  ["curl Cookie header", "run.sh", `curl -H "Cookie: PHPSESSID={{alnum:26}}" https://app.example.com/`, 1],
];

const silent: [shape: string, path: string, template: string][] = [
  ["typed declaration of a reference", "main.go", `var apiToken string = os.Getenv("API_TOKEN")`],
  ["Kotlin placeholder", "Main.kt", `val apiSecret: String = "your-api-secret"`],
  ["setProperty of a reference", "Boot.java", `System.setProperty("X_TOKEN", System.getenv("X"));`],
  ["PowerShell from a vault", "deploy.ps1", `$env:API_TOKEN = (Get-Secret -Name api)`],
  ["XML element, value two lines away", "settings.xml", `<apiKey>\n\n\n  ${TOKEN}\n</apiKey>`],
  [".pgpass default", ".pgpass", `localhost:5432:*:postgres:postgres`],
  ["htpasswd bcrypt", ".htpasswd", `ops:$2y$05$${"{{base62:53}}"}`],
  ["curl cookie file", "run.sh", `curl -b cookies.txt https://app.example.com/`],
];

function scan(path: string, text: string) {
  return scanUnit(compiled, { path, text }, { salt: "t" }).filter((f) => f.category === "secret");
}

describe("assignment shapes", () => {
  it.each(found)("finds %s", (_shape, path, template, line) => {
    const text = expandTemplate(template);
    const findings = scan(path, text);
    expect(findings.map((f) => f.line), text).toContain(line);
  });
  it.each(silent)("stays silent on %s", (_shape, path, template) => {
    // A default (postgres:postgres) is graded low with weak-value, not dropped: not a credential finding to weigh.
    expect(scan(path, expandTemplate(template)).filter((f) => !f.tags.includes("weak-value"))).toEqual([]);
  });
});
