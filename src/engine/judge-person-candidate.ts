import { inNumberTable } from "./in-number-table.js";

/**
 * The person model's first question, asked of each personal-data candidate with what is around
 * it: does this value belong to a living individual? Answers:
 * - "drop": it does not (a mail header id, an SSH/URL user part, a project's role address in a
 *   CODE_OF_CONDUCT, a place or a business under a name-like key, a value that ends like a place);
 * - "author-credit": it does, but the person published it as an author credit (package manifests,
 *   lockfiles, LICENSE/AUTHORS/NOTICE, changelogs, `Co-authored-by:`, `@author`, copyright lines,
 *   a README's author section): reported only when `pii.authorCredits` is on;
 * - undefined: nothing says otherwise.
 * A card-like number in a table of long numbers (constants, ids) is dropped too: it is nobody's card.
 */
import { isCountryOrLanguageName } from "./validators/country-or-language-name.js";
import { dummyName, dummyNamePart } from "./validators/dummy-name.js";
import { hasNonJapaneseHan } from "./validators/has-non-japanese-han.js";
import { findNameCounterpart } from "./find-name-counterpart.js";
import { namePartKey } from "./validators/name-part-key.js";

export type PersonVerdict = "drop" | "author-credit" | undefined;

export interface PersonCandidate {
  kind: string;
  value: string;
  /** Unit path, e.g. "packages/a/package.json" or "book.xlsx!Sheet1". */
  path: string;
  /** The whole text of the unit and the candidate's offsets in it. */
  text: string;
  start: number;
  end: number;
  /** Column header / JSON key of the value, when the decoder knows it. */
  key?: string;
}

/** Files where a project publishes its own contact addresses (not persons). */
const PROJECT_CONTACT_FILE = /(^|\/)(code[_-]of[_-]conduct|contributing|security|support|funding|governance)(\.[a-z]+)?$|(^|\/)\.github\/(issue_template|pull_request_template)/i;

/** A line that gives a project's conduct or security contact (not a person's own address). */
const PROJECT_CONTACT_LINE = /code of conduct|行動規範|unacceptable behaviou?r|report (?:a |any )?(?:security|vulnerabilit)|security (?:issue|vulnerabilit|report)|脆弱性/i;

/** Files that hold author credits by design. */
const CREDIT_FILE = new RegExp(
  "(^|/)(" +
    [
      "package\\.json", "package-lock\\.json", "npm-shrinkwrap\\.json", "yarn\\.lock", "pnpm-lock\\.yaml", "bun\\.lock",
      "bower\\.json", "composer\\.json", "composer\\.lock", "composer-[\\w.-]+\\.lock", "[\\w.-]+\\.gemspec", "gemfile\\.lock",
      "cargo\\.toml", "cargo\\.lock", "pyproject\\.toml", "setup\\.py", "setup\\.cfg", "pkg-info", "metadata",
      "[\\w.-]+\\.nuspec", "pom\\.xml", "build\\.gradle(\\.kts)?", "[\\w.-]+\\.podspec", "dist\\.ini", "meta\\.(json|yml)",
      "description", "\\.bcr/[\\w.-]+\\.json", "debian/control", "debian/copyright", "[\\w.-]+\\.cabal", "mix\\.exs", "pubspec\\.yaml", "go\\.mod",
      "(licen[sc]e|copying|copyright|authors?|contributors?|maintainers?|credits|thanks|notice|patents|ofl)([._-][\\w.-]*)?",
      "[\\w.-]*[-_]licen[sc]e(\\.[\\w]+)?",
      // bundlers' extracted notices: vendor.js.LICENSE.txt, utilsBundle.js.LICENSE
      "[\\w.-]+\\.licen[sc]e(\\.txt)?",
      "(changelog|changes|history|news|releases?|release[-_]notes)([._-][\\w.-]*)?",
    ].join("|") +
    ")$",
  "i",
);

/** A line that credits an author wherever it is (commit trailers, doc-comment tags, copyright notices). */
const CREDIT_LINE =
  /\b(?:MIT|BSD|ISC|Apache|GPL|LGPL|MPL)\b[^\n]{0,20}\blicen[sc]e\b|(?:co-authored-by|signed-off-by|reviewed-by|acked-by|tested-by|reported-by|suggested-by|helped-by)\s*:|@(?:author|maintainer|contributor|copyright)\b|\bcopyright\b|\(c\)\s*(?:\d{4}|[A-Z])|©|__(?:author|email|maintainer|contact)(?:_email)?__|\bwrote this (?:file|code|library|module|software|program)\b|\b(?:author|authors|maintainer|maintainers|contributors?|original author)\b\s*[:=(]|\b(?:written|created|authored|maintained|translated|ported|contributed) by\b|作者|著者|開発者\s*[:：]/i;

/** A README section that credits authors, found by its heading. */
const CREDIT_HEADING = /^#{1,6}\s*.*(author|contributor|maintainer|credit|licen[sc]e|copyright|team|作者|著者|開発者|ライセンス|謝辞)/i;

/** Mail header fields whose values look like addresses but are message ids. */
const MESSAGE_ID_LINE = /^\s*(?:message-id|in-reply-to|references|content-id|resent-message-id|x-[\w-]*id)\s*:/i;

/** Keys that name a place, a business or a public body: the value under them is not a person's name. */
const PLACE_OR_BODY_KEY =
  /(名称|名稱|都道府県|市区町村|町丁目|大字|字名|地名|町名|区名|郡名|駅|地域|地区|所在地|住所|施設|店舗|店名|支店|本店|銀行|金融機関|会社|法人|企業|団体|学校|病院|医院|役所|役場|自治体|官公庁|事業所|営業所|pref|city|town|ward|village|municipal|koaza|oaza|chome|station|region|district|place|location|address|facility|bank|branch|store|shop|company|corporation|organi[sz]ation|school|hospital|clinic_name|office|venue|airport|airline|country|capital|building|street)/i;

/** Endings of a place or a business, never of a person's name (神田駅前, 渡利町, 福岡法人, 新宿支店); 村 ends 中村. */
const PLACE_OR_BODY_END =
  /(?:..[町市区郡県府駅]|駅前|丁目|番地|支店|本店|出張所|営業部|営業所|事業所|法人|本社|支社|会社|商店|銀行|信金|学校|高校|大学|病院|医院|役所|役場|センター|ビル|公園|通り|団地|日本|地方|公民館|体育館|会館|集会所|避難所|神社|浄水場|給水所)$/u;

/** The same endings in a kana reading (エービーシーショウテン, フリーギンコウ; old-style シヨウテン). */
const PLACE_OR_BODY_END_KANA =
  /(?:シ[ヨョ]ウテン|ギンコウ|シンキン|ジムシ[ヨョ]|ガイシ[ヤャ]|カイシ[ヤャ]|ホンテン|シテン|シ[ヨョ]ウカイ|シ[ヨョ]ウジ|サンギ[ヨョ]ウ|コウギ[ヨョ]ウ|ケンセツ|クミアイ|キ[ヨョ]ウカイ|ビ[ヨョ]ウイン|ヤツキ[ヨョ]ク|ヤッキョク|センタ[ーｰ]|ストア|シ[ヨョ][ツッ]プ|エイギ[ヨョ]ウシ[ヨョ]|エキマエ|ガ[ツッ]コウ|コウミンカン|タイイクカン|カイカン|シ[ユュ]ウカイシ[ヨョ]|シ[ユュ]ウカイジ[ヨョ]|ヒナンバシ[ヨョ]|ヒナンジ[ヨョ]|コウエン|ジンジ[ヤャ]|タワ[ーｰ])$/u;

/** CI and build pipelines: their `name:` keys name jobs and steps (Use Node.js), never people. */
const PIPELINE_FILE = /(^|\/)(\.github\/workflows\/[^/]+|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|\.travis\.ya?ml|cloudbuild\.ya?ml|\.drone\.ya?ml|buildspec\.ya?ml|action\.ya?ml)$/i;

/** An AWS account id inside an ARN (arn:aws:acm:ap-northeast-1:123456789000:…) is no My Number. */
const ARN_BEFORE = /arn:aws[\w-]*:[\w-]*:[\w-]*:$/;

/** The character after 殿 / 様 continues a word (a place, 様式), unlike 様方 (care of). */
const HONORIFIC_IN_WORD = /^\s?(?:殿[\p{Script=Han}々]|様[式子相態体]|殿下|殿[0-9０-９]|殿[一二三四五六七八九十]+(?:丁目|番))/u;

/**
 * 様 after these is part of a word, not an honorific: "-like" in anatomy and pathology (毛様体, 腺様の
 * う胞), 仕様 (specification), 同様 (likewise), 模様 (pattern), 異様 (strange).
 */
const LIKE_SUFFIX_BEFORE = /[毛腺仕同模異]$/u;

const NAME_KINDS = new Set(["name", "name-kana", "name-latin"]);

/**
 * Geographic feature formats (KML placemarks, GPX waypoints, GeoJSON features): a feature is a
 * place, and the name, description or address written in it is a place's, not a person's.
 */
const GEO_FORMAT = /\.(kml|kmz|gpx|geojson|topojson)$/i;
const GEO_FEATURE_KEY = /^(name|description|title|address|value|snippet|label|text|名称|名前)$/i;

/** A company marker written right after or before a name: 千葉石油(株), ㈱…, 株式会社…, (有)…. */
const COMPANY_AFTER = /^\s?(?:[(（](?:株|有|合|同|社|財|医)[)）]|㈱|㈲|株式会社|有限会社|合同会社)/u;
const COMPANY_BEFORE = /(?:[(（](?:株|有|合|同|社|財|医)[)）]|㈱|㈲|株式会社|有限会社|合同会社)\s?$/u;

/** Whether a candidate's value belongs to a person (see PersonVerdict). Pure: reads only its input. */
export function judgePersonCandidate(c: PersonCandidate): PersonVerdict {
  if (isGeneratorOutput(c.text, c.start)) return "drop";
  if (isApiDescriptionExample(c.text, c.start, c.key)) return "drop";
  if (NAME_KINDS.has(c.kind)) {
    if (c.key !== undefined && c.key.length <= 40 && PLACE_OR_BODY_KEY.test(c.key)) return "drop";
    const bare = c.value.replace(/\s+/g, "");
    if (PLACE_OR_BODY_END.test(bare) || PLACE_OR_BODY_END_KANA.test(bare)) return "drop";
    // Jordan, Georgia, Israel under first_name / last_name are a person's names, not countries.
    if (isCountryOrLanguageName(c.value) && (c.key === undefined || namePartKey(c.key) === undefined)) return "drop";
    // Chinese text (成田国际机场, 西门子 in a zh_CN locale table) is nobody's name in a Japanese record.
    if (hasNonJapaneseHan(c.value)) return "drop";
    // 日 月 火 水 木 金 土: a weekday array, not a family and a given name.
    if (/^[日月火水木金土\s、,]+$/u.test(c.value) && /[月火水木金土]/u.test(c.value)) return "drop";
    // A placeholder family name alone (ヤマダ, 山田, Yamada) as a whole field that is not a family-name field: nobody.
    if (c.key !== undefined && dummyNamePart(c.value) === "family" && namePartKey(c.key)?.part !== "family") return "drop";
    if (isDummyRecordPart(c.value, c.text, c.start, c.end)) return "drop";
    if (PIPELINE_FILE.test(c.path.split("!")[0])) return "drop";
    if (GEO_FORMAT.test(c.path.split("!")[0]) && (c.key === undefined || GEO_FEATURE_KEY.test(c.key))) return "drop";
    if (COMPANY_AFTER.test(c.text.slice(c.end, c.end + 6)) || COMPANY_BEFORE.test(c.text.slice(Math.max(0, c.start - 6), c.start))) return "drop";
    if (isCatalogEntry(c.text, c.start, c.end)) return "drop";
    // 殿 / 様 that begin a word are no honorific: …染殿町, 久世殿城町, 様式, 様子.
    if (HONORIFIC_IN_WORD.test(c.text.slice(c.end, c.end + 4))) return "drop";
    // 殿 that ends a hall's name (地霊殿, 拝殿, 寝殿, 仏殿, 社殿, 湯殿, 宝殿) is a building, not an honorific.
    if (/[霊拝寝仏社湯宝]$/u.test(c.value) && c.text.charAt(c.end) === "殿") return "drop";
    if (LIKE_SUFFIX_BEFORE.test(c.value) && /^\s?様/u.test(c.text.slice(c.end, c.end + 2))) return "drop";
    return creditOf(c);
  }
  // The bound of a range (…1月1日から…まで登録可能, 〜, 以降): a rule of a form, not someone's birthday.
  if (c.kind === "dob" && /^\s*(?:から|まで|以降|以前|以後|より|~|〜|～)/u.test(c.text.slice(c.end, c.end + 6))) return "drop";
  if (c.kind === "my-number" && ARN_BEFORE.test(c.text.slice(Math.max(0, c.start - 60), c.start))) return "drop";
  if (c.kind === "email") {
    const line = lineAround(c.text, c.start, c.end);
    if (MESSAGE_ID_LINE.test(line.text)) return "drop";
    // SSH / URL user parts: scheme://user@host, user@host:path (scp, git remotes).
    if (c.text.slice(Math.max(0, c.start - 2), c.start) === "//") return "drop";
    // …the password part of a URL's user info (dotenv://:key_1234@host, https://user:secret@host)
    if (/\/\/[^\s/@:]{0,64}:$/.test(c.text.slice(Math.max(0, c.start - 70), c.start))) return "drop";
    if (/^:(?:[\w~/.-])/.test(c.text.slice(c.end, c.end + 2)) && !/^:\s/.test(c.text.slice(c.end, c.end + 2))) return "drop";
    // A user part right after "host:" (Host: site.com:x@evil.com) belongs to a URL, not to a mailbox.
    const before = c.text.slice(Math.max(0, c.start - 40), c.start);
    if (/(?:[\w-]+\.)+[a-z]{2,}(?::\d+)?:$/i.test(before)) return "drop";
    if (PROJECT_CONTACT_FILE.test(c.path) || PROJECT_CONTACT_LINE.test(line.text)) return "drop";
    if (inOrganisationContactBlock(c.text, line.start)) return "drop";
    return creditOf(c, line);
  }
  if (c.kind === "credit-card" && inNumberTable(c.text, c.start, c.end, c.key)) return "drop";
  return undefined;
}

/** A heading line that opens an enquiry or contact block (■お問合せ先, 【連絡先】, Contact us:), alone on its line. */
const CONTACT_HEADING = /^[\s\u3000■◆◇●○□#*・【[]*(?:お問い?合わ?せ先?|問合せ先|問い合わせ先|連絡先|お問い合わせ窓口|contact(?: us| information)?)[】\]]?\s*[:：]?\s*$/imu;
/** Words that name an organisation or one of its units (not a person). */
const ORGANISATION = /(?:一般|公益)?(?:財団|社団)法人|独立行政法人|国立研究開発法人|株式会社|有限会社|合同会社|\(株\)|（株）|協会|学会|事務局|センター|部門|推進部|担当|窓口|\b(?:Inc|Ltd|LLC|GmbH|Corporation|Foundation|Association|Society)\b/u;

/**
 * An address given in an organisation's contact block — a heading such as お問合せ先 and the
 * organisation or its department within the lines above (a data package's readme: …センター
 * …部門 …担当, 〒…, FAX, E-mail): the body's mailbox, not a person's (a company's contact is no person).
 */
function inOrganisationContactBlock(text: string, lineStart: number): boolean {
  let from = lineStart;
  for (let i = 0; i < 8 && from > 0; i++) from = text.lastIndexOf("\n", from - 2) + 1;
  const above = text.slice(Math.max(from, lineStart - 600), lineStart);
  const heading = CONTACT_HEADING.exec(above);
  return heading !== null && ORGANISATION.test(above.slice(heading.index));
}

/** An OpenAPI / Swagger / JSON Schema document, known by its first lines. */
const API_DESCRIPTION = /^\s*["']?(?:openapi|swagger|\$schema|asyncapi)["']?\s*[:=]/m;

/** Keys whose values document a schema (an example, a default) or its publisher (contact). */
const API_DOC_KEY = /^(?:example|examples|x-examples?|default|enum|contact)$/i;

/**
 * A value of an API description that documents the schema: under `example`/`examples`/`default`/
 * `enum` or the publisher's `info.contact`, at any depth (YAML by indentation, JSON by the nearest
 * unclosed `"example": {` / `[`). An example response's "name" is nobody's name.
 */
function isApiDescriptionExample(text: string, start: number, key: string | undefined): boolean {
  if (!API_DESCRIPTION.test(text.slice(0, 2000))) return false;
  if (key !== undefined && API_DOC_KEY.test(key)) return true;
  // The value's own key on its line ("example": "…", example: …): decoders report the property's name.
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (/["']?(?:example|x-example|default)["']?\s*:\s*["']?$/i.test(text.slice(Math.max(lineStart, start - 80), start))) return true;
  // JSON: the nearest "example": { / [ before the value (within 3,000 characters) not yet closed.
  const before = text.slice(Math.max(0, start - 3000), start);
  let open = -1;
  for (const m of before.matchAll(/"(?:example|examples|x-examples?|default|contact)"\s*:\s*[[{]/gi)) open = m.index! + m[0].length;
  if (open >= 0) {
    let depth = 1;
    for (let i = open; i < before.length && depth > 0; i++) {
      const ch = before.charCodeAt(i);
      if (ch === 0x7b || ch === 0x5b) depth++;
      else if (ch === 0x7d || ch === 0x5d) depth--;
    }
    if (depth > 0) return true;
  }
  // YAML: walk up through less-indented lines (up to 8 ancestors, 200 lines).
  const from = text.lastIndexOf("\n", start - 1) + 1;
  let indent = /^[ ]*/.exec(text.slice(from, from + 200))![0].length;
  let at = from;
  for (let lines = 0, found = 0; lines < 200 && found < 8 && at > 0 && indent > 0; lines++) {
    const prev = text.lastIndexOf("\n", at - 2) + 1;
    const line = text.slice(prev, Math.min(at - 1, prev + 200));
    at = prev;
    if (line.trim() === "") continue;
    const own = /^[ ]*(?:- )?/.exec(line)![0].length;
    if (own >= indent) continue;
    indent = own;
    found++;
    if (/^[ ]*(?:- )?["']?(?:example|examples|x-examples?|default|contact)["']?\s*:/i.test(line)) return true;
  }
  return false;
}

/**
 * A coded catalog entry (a bank branch, a station, a municipality): the object around the value
 * has an exact "code" key and a reading or romanisation key ("roma", "hira", "romaji", "name_en").
 * People's records are not coded with a romanised reading of their own name under "roma".
 */
function isCatalogEntry(text: string, start: number, end: number): boolean {
  const block = braceBlock(text, start, end) ?? indentBlock(text, start);
  if (block === undefined) return false;
  if (THING_CODE_KEY.test(block)) return true;
  return /["']?\bcode["']?\s*[:=]/.test(block) && /["']?\b(?:roma|romaji|hira|hiragana|name_en|en_name)["']?\s*[:=]/.test(block);
}

/**
 * Keys that code or abbreviate a thing, never a person: an airline's or airport's IATA/ICAO code,
 * a currency's or unit's symbol, an era's abbreviation (moment's { name: '西暦', narrow: 'AD',
 * abbr: 'AD' }), ISO alpha codes of countries. A record with one of them names that thing.
 */
const THING_CODE_KEY =
  /["'`]?\b(?:iata_?(?:type_?)?code|iata|icao_?code|icao|abbr|abbrev|abbreviation|narrow|symbol|symbol_?native|iso_?code|iso_?639(?:_?[123])?|iso_?3166(?:_?alpha_?[23])?|alpha_?[23](?:_?code)?|currency_?code|unit_?symbol)["'`]?\s*[:=]/i;

/** The fields of the `{ … }` object around a value (up to 300 characters each side), if any. */
function braceBlock(text: string, start: number, end: number): string | undefined {
  // Both searches stop 300 characters away: a table without braces must not be read whole for
  // each of its names (that made a 100,000-row CSV quadratic).
  let open = -1;
  for (let i = Math.min(start, text.length - 1), floor = Math.max(0, start - 300); i >= floor; i--) {
    if (text.charCodeAt(i) === 0x7b /* { */) {
      open = i;
      break;
    }
  }
  if (open < 0) return undefined;
  // The entry's own fields: up to its end or a nested object ("branches": { … }).
  let close = Math.min(text.length, end + 300);
  for (let i = end, last = Math.min(text.length - 1, end + 300); i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7d /* } */ || c === 0x7b /* { */) {
      close = i;
      break;
    }
  }
  const block = text.slice(open, close);
  return block.indexOf("}") >= 0 ? undefined : block;
}

/**
 * The sibling fields of a YAML mapping around a value: the lines next to the value's line (up to 8
 * each way) indented like it, stopping at a shallower line or at the next list item.
 */
export function indentBlock(text: string, start: number): string | undefined {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const indentOf = (line: string) => /^(?:[ ]*- )*[ ]*/.exec(line)![0].length;
  let to = text.indexOf("\n", from);
  if (to < 0) to = text.length;
  const own = text.slice(from, to);
  if (!/^[ ]*(?:- )?[\w"'-]+["']?:/.test(own)) return undefined;
  const indent = indentOf(own);
  const lines = [own];
  // upwards: stop after the line that opens this item ("- code: 1") or at a shallower line
  let a = from;
  let opened = /^[ ]*- /.test(own);
  for (let i = 0; i < 8 && a > 0 && !opened; i++) {
    const prev = text.lastIndexOf("\n", a - 2) + 1;
    const line = text.slice(prev, a - 1);
    if (line.trim() === "" || indentOf(line) !== indent) break;
    lines.unshift(line);
    opened = /^[ ]*- /.test(line);
    a = prev;
  }
  let b = to;
  for (let i = 0; i < 8 && b < text.length; i++) {
    let next = text.indexOf("\n", b + 1);
    if (next < 0) next = text.length;
    const line = text.slice(b + 1, next);
    if (line.trim() === "" || indentOf(line) !== indent || /^[ ]*- /.test(line)) break;
    lines.push(line);
    b = next;
  }
  return lines.length > 1 ? lines.join("\n") : undefined;
}

/**
 * A placeholder name split over two fields (last_name 山田 / first_name 太郎, セイ スズキ / メイ
 * イチロウ). When the value sits in a keyed name-part field, the other part is the one of its own
 * record (the nearest field of the other part): 次郎 after 佐藤 is kept though a 山田 太郎 record
 * sits just above. Otherwise (no keys in the text) the value is a placeholder part and the other
 * part is a value within 400 characters.
 */
function isDummyRecordPart(value: string, text: string, start: number, end: number): boolean {
  const pair = findNameCounterpart(text, start, end);
  if (pair !== undefined) {
    const [family, given] = pair.own.part === "family" ? [value, pair.other] : [pair.other, value];
    return dummyName(`${family.trim()} ${given.trim()}`);
  }
  const part = dummyNamePart(value);
  if (part === undefined) return false;
  const around = text.slice(Math.max(0, start - 400), start) + "\n" + text.slice(end, end + 400);
  for (const m of around.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+|[A-Za-z]+/gu)) {
    const other = dummyNamePart(m[0]);
    if (other !== undefined && other !== part) return true;
  }
  return false;
}

function creditOf(c: PersonCandidate, line = lineAround(c.text, c.start, c.end)): PersonVerdict {
  const parts = c.path.split("!");
  const path = parts[0];
  // A manifest inside an archive (a composer cache's zip!pkg/composer.lock) is still a manifest.
  if (parts.some((p) => CREDIT_FILE.test(p))) return "author-credit";
  if (CREDIT_LINE.test(line.text) || CREDIT_LINE.test(escapedLineAround(c.text, c.start, c.end))) return "author-credit";
  if (inAuthorList(c.text, c.start)) return "author-credit";
  if (continuesCreditBlock(c.text, line.start)) return "author-credit";
  // The leading comment of a source file is its author's header ("// Jane Roe jane@…", a vendored
  // file's original author): a credit, not a record.
  if (c.kind === "email" && SOURCE_FILE.test(path) && inLeadingComment(c.text, line.start)) return "author-credit";
  // A patch made by git format-patch starts with its author: "From: Name <address>".
  if (/\.(patch|diff)$/i.test(path) && /^From:\s/.test(c.text.slice(line.start, line.start + 6))) return "author-credit";
  if (/\.(md|markdown|rst|txt|adoc)$/i.test(path) || /(^|\/)readme[^/]*$/i.test(path)) {
    const heading = lastHeading(c.text, line.start);
    if (heading !== undefined && CREDIT_HEADING.test(heading)) return "author-credit";
  }
  return undefined;
}

/** A call of a fake-data generator: faker.internet.email(, Faker::Finance.credit_card, fake.name(, chance.email(. */
const GENERATOR_CALL = /\b(?:faker|ffaker|fake|chance|casual|mimesis)(?:\.[a-z_$][\w$]*|::[A-Z]\w*)+/i;

/**
 * A value shown as the output of a fake-data generator on its own line (`faker.internet.email()
 * // 'x@y.com'`, `Faker::Finance.credit_card #=> "…"`, `fake.email()  # 'x@y.com'`): documentation
 * of generated data, nobody's. The value must follow a comment or arrow that follows the call,
 * with no further statement in between.
 */
function isGeneratorOutput(text: string, start: number): boolean {
  const from = Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 300);
  const before = text.slice(from, start);
  const call = GENERATOR_CALL.exec(before);
  if (call === null) return false;
  const rest = before.slice(call.index + call[0].length);
  const mark = /\/\/|#\s*=>|#\s|=>|->/.exec(rest);
  if (mark === null) return false;
  return !/[;]|\b(?:faker|fake|chance)\b/i.test(rest.slice(mark.index + mark[0].length));
}

/** Program source files: their leading comment block is a header written by their authors. */
const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx|c|cc|cpp|cxx|h|hh|hpp|hxx|java|kt|kts|scala|go|rs|py|rb|php|swift|m|mm|cs|pl|pm|lua|sh|bash|zsh|ps1|groovy|dart|ex|exs|erl|hs|clj|r|jl|vim|el)$/i;

/**
 * Whether the line at `lineStart` lies in the comment block a file opens with (within its first
 * 80 lines): every line before it is blank, a shebang, or a comment line (//, #, /*, *, --, ;).
 */
function inLeadingComment(text: string, lineStart: number): boolean {
  if (lineStart > 8_000) return false;
  const nl = text.indexOf("\n", lineStart);
  const own = text.slice(lineStart, nl < 0 ? text.length : nl);
  if (!/^\s*(?:\/\/|#|\/\*|\*|--|;|<!--)/.test(own)) return false;
  const before = text.slice(0, lineStart).split("\n");
  if (before.length > 80) return false;
  let inBlock = false;
  for (const raw of before) {
    const l = raw.trim();
    if (inBlock) {
      if (l.includes("*/")) inBlock = false;
      continue;
    }
    if (/^#\s*(?:include|define|import|pragma|if|ifdef|ifndef|undef)\b/.test(l)) return false;
    if (l === "" || l.startsWith("#!") || l.startsWith("//") || l.startsWith("#") || l.startsWith("--") || l.startsWith(";") || l.startsWith("<!--")) continue;
    if (l.startsWith("/*")) {
      inBlock = !l.includes("*/", 2);
      continue;
    }
    return false;
  }
  return true;
}

/**
 * A value inside a package registry's author list wherever the JSON is kept (packagist metadata in
 * a composer cache, vendor/composer/installed.json, a bundled manifest): the nearest opening
 * `"authors": [` / `"maintainers": [` / `"author": {` before it (within 600 characters) is not closed.
 */
function inAuthorList(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 600), start);
  let open = -1;
  let closer = "]";
  for (const m of before.matchAll(/"(?:authors|maintainers|contributors|author|maintainer)"\s*:\s*([[{])/gi)) {
    open = m.index! + m[0].length;
    closer = m[1] === "[" ? "]" : "}";
  }
  return open >= 0 && before.indexOf(closer, open) < 0;
}

/**
 * A bare "Name <address>" line of a comment block whose line above (up to three lines) credits an
 * author or a copyright holder: the second and later holders of a file header
 * (" * (c) A <a@…>" / " *     B <b@…>").
 */
function continuesCreditBlock(text: string, lineStart: number): boolean {
  let to = text.indexOf("\n", lineStart);
  if (to < 0) to = text.length;
  const own = text.slice(lineStart, Math.min(to, lineStart + 200));
  if (!/^\s*(?:\*|#|\/\/|--|;|%)?\s*[^\s<>@][^<>@\n]{1,60}<[^<>\s@]+@[^<>\s]+>\s*(?:\*\/)?\s*$/u.test(own)) return false;
  let at = lineStart;
  for (let i = 0; i < 3 && at > 0; i++) {
    const prev = text.lastIndexOf("\n", at - 2) + 1;
    const line = text.slice(prev, Math.min(at - 1, prev + 300));
    if (CREDIT_LINE.test(line)) return true;
    if (!/^\s*(?:\*|#|\/\/|--|;|%)?\s*[^<>@\n]{0,60}<[^<>\s@]+@[^<>\s]+>\s*$/u.test(line)) return false;
    at = prev;
  }
  return false;
}

/**
 * The line around a value inside a JSON string whose newlines are escaped (a source map's
 * sourcesContent, a bundled file in a JSON field): from the last literal "\\n" before it to the next one.
 */
function escapedLineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf("\\n", start);
  if (from < 0 || start - from > 200) return "";
  let to = text.indexOf("\\n", end);
  if (to < 0 || to - end > 200) to = Math.min(text.length, end + 200);
  return text.slice(from + 2, to);
}

function lineAround(text: string, start: number, end: number): { text: string; start: number } {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  let to = text.indexOf("\n", end);
  if (to < 0) to = text.length;
  // A minified line can be megabytes long: the 200 characters each side are its context.
  const a = Math.max(from, start - 200);
  const b = Math.min(to, end + 200);
  return { text: text.slice(a, b), start: from };
}

/** The nearest Markdown heading above `lineStart` (within 20,000 characters), if any. */
function lastHeading(text: string, lineStart: number): string | undefined {
  const floor = Math.max(0, lineStart - 20_000);
  let at = lineStart;
  while (at > floor) {
    const prev = text.lastIndexOf("\n", at - 2);
    const from = prev + 1;
    if (text.charCodeAt(from) === 35 /* # */) {
      const end = text.indexOf("\n", from);
      return text.slice(from, end < 0 ? text.length : end);
    }
    if (prev < 0) break;
    at = from;
  }
  return undefined;
}
