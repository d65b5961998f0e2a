import { createRequire } from "node:module";
import type { ValidatorResult } from "./types.js";

/** Top-level domains delegated by IANA (the `tlds` package, pinned): "name@host.tmail" is no address. */
const TLDS: ReadonlySet<string> = new Set(createRequire(import.meta.url)("tlds") as string[]);

/** Local parts that name a role or a machine, not a person. */
const ROLE = new Set([
  "info", "information", "contact", "contacts", "support", "help", "helpdesk", "service", "services", "sales",
  "admin", "administrator", "root", "webmaster", "postmaster", "hostmaster", "abuse", "security", "privacy",
  "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "bounce",
  "bounces", "notifications", "notification", "notify", "alerts", "alert", "billing", "accounts", "account",
  "office", "team", "hello", "press", "pr", "media", "recruit", "recruiting", "jobs", "careers", "hr", "legal",
  "compliance", "dpo", "marketing", "newsletter", "news", "feedback", "inquiry", "inquiries", "toiawase",
  "otoiawase", "mail", "email", "system", "sys", "ops", "devops", "dev", "developers", "it", "cs", "shop",
  "store", "orders", "order", "reservations", "reservation", "reply", "customer", "customers", "staff", "all",
  "everyone", "sre", "oncall", "on-call", "ci", "bot", "robot", "daemon", "nobody", "test", "user", "example",
  "sample", "dummy", "foo", "bar", "hoge", "fuga", "editor", "editors", "editorial", "master", "secretariat",
  "jimukyoku", "event", "events", "desk", "board", "organizers", "organizer", "committee", "community",
]);

/**
 * Japan's prefectures and largest cities in romaji: the mailbox of a regional chapter or office
 * (tokyo@, osaka@, fukuoka@), not a person.
 */
const PLACE_MAILBOX = new Set([
  "japan", "hokkaido", "aomori", "iwate", "miyagi", "akita", "yamagata", "fukushima", "ibaraki", "tochigi", "gunma",
  "saitama", "chiba", "tokyo", "kanagawa", "niigata", "toyama", "ishikawa", "fukui", "yamanashi", "nagano", "gifu",
  "shizuoka", "aichi", "mie", "shiga", "kyoto", "osaka", "hyogo", "nara", "wakayama", "tottori", "shimane", "okayama",
  "hiroshima", "yamaguchi", "tokushima", "kagawa", "ehime", "kochi", "fukuoka", "saga", "nagasaki", "kumamoto", "oita",
  "miyazaki", "kagoshima", "okinawa", "sapporo", "sendai", "yokohama", "kawasaki", "nagoya", "kobe", "kitakyushu",
  "hamamatsu", "sagamihara", "kanto", "kansai", "kyushu", "tohoku", "shikoku", "chugoku", "hokuriku", "tokai",
]);

/** Algorithm identifiers of SSH and friends (chacha20-poly1305@openssh.com, hmac-sha2-256-etm@…): no mailbox. */
const ALGORITHM_LOCAL = /(?:^|[-.])(?:hmac|sha\d*|sha2|aes\d*|chacha20|poly1305|curve\d+|ed25519|ed448|ecdsa|ecdh|nistp\d+|zlib|umac|etm|cert-v\d+|sntrup\d+|mlkem\d+|rijndael|gcm|ctr|cbc|kex|ssh|diffie-hellman|rsa)(?:[-.]|$)/;

/** Reserved or non-delivering domains (RFC 2606 / 6761, the .jp registry's example names, JPRS). */
function reservedDomain(domain: string): boolean {
  if (/(^|\.)(example|test|invalid|localhost|local|internal|lan|home\.arpa|corp)$/.test(domain)) return true;
  if (/(^|\.)example\.(com|net|org|jp|co\.jp|ne\.jp|or\.jp|ac\.jp|go\.jp)$/.test(domain)) return true;
  if (/(^|\.)(users\.noreply\.github\.com|noreply\.github\.com|noreply\.gitlab\.com)$/.test(domain)) return true;
  if (/\.iam\.gserviceaccount\.com$|(^|\.)gserviceaccount\.com$|(^|\.)developer\.gserviceaccount\.com$/.test(domain)) return true;
  // Placeholder domains of documentation and tests.
  if (/(^|\.)(domain|yourdomain|mydomain|your-domain|email|youremail|company|yourcompany|somewhere|nowhere|testuser|test|sample|dummy|foo|bar|baz|hoge|fuga|piyo|xxx+|acme)\.(com|net|org|jp|co\.jp|io)$/.test(domain)) return true;
  // Metasyntactic names (foo, bar, baz, qux, hoge …) are placeholders under any country's TLD (alice@baz.cn, x@foo.bar.org).
  if (/(^|\.)(foo|bar|baz|qux|quux|corge|grault|garply|waldo|hoge|fuga|piyo|hogehoge|fugafuga)\.[a-z]{2,6}(\.[a-z]{2})?$/.test(domain)) return true;
  if (/\.(tld|example|invalid|test)$/.test(domain)) return true;
  return false;
}

/** File extensions that end "name@2x.png"-like strings which are not addresses. */
const NOT_TLD = /\.(png|jpe?g|gif|svg|webp|ico|js|mjs|ts|css|scss|map|json|ya?ml|md|txt|html?|xml|lock|git)$/;

/**
 * An e-mail address that can belong to a person: a syntactically plausible address on a domain
 * with a real-looking TLD, not a reserved example/test domain, not a platform no-reply or service
 * account domain, and not a role or machine local part (info@, noreply@, support+tag@ …).
 */
export function personalEmail(value: string): ValidatorResult {
  const v = value.trim().toLowerCase();
  const at = v.lastIndexOf("@");
  if (at <= 0 || at === v.length - 1) return false;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  if (!/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,24}$/.test(domain) || NOT_TLD.test(domain)) return false;
  if (reservedDomain(domain)) return false;
  if (!TLDS.has(domain.slice(domain.lastIndexOf(".") + 1))) return false;
  const base = local.split("+")[0].replace(/[0-9]+$/, "");
  if (ROLE.has(base) || ROLE.has(local) || PLACE_MAILBOX.has(base)) return false;
  if (ALGORITHM_LOCAL.test(local) && /[0-9]/.test(local) && local.includes("-")) return false;
  // The domain's own name as the user (docomo@docomo.ne.jp, vodafone@d.vodafone.ne.jp): a brand
  // or service mailbox. Character sets and unknown users name a test mail, not a person.
  if (domain.split(".").slice(0, -1).includes(base) && base.length >= 2) return false;
  if (/^(unknown|anonymous|guest|nobody|invalid|cp932|cp50220|shift[_-]?jis|sjis|jis|euc[_-]?jp|iso[_-]?2022[_-]?jp|utf[_-]?8|utf8|ascii|latin1)$/.test(base) || /^(cp932|cp50220|utf-?8|euc-?jp|iso-?2022-?jp|latin1)$/.test(local)) return false;
  // Mobile carriers' brand mailboxes on their own mail domains (au@ezweb.ne.jp, willcom@wm.pdx.ne.jp).
  if (/^(au|docomo|softbank|vodafone|willcom|emobile|ymobile|disney|jphone|j-phone|tuka|ezweb|imode|i-mode|rakuten|uqmobile)$/.test(base) && /(^|\.)(ezweb\.ne\.jp|au\.com|docomo\.ne\.jp|softbank\.ne\.jp|softbank\.jp|vodafone\.ne\.jp|pdx\.ne\.jp|emnet\.ne\.jp|ymobile\.ne\.jp|disney\.ne\.jp|rakuten\.jp|uqmobile\.jp)$/.test(domain)) return false;
  // Machine accounts of SSH remotes and hosts: git@github.com, ec2-user@host.
  if (/^(git|hg|svn|deploy|ubuntu|ec2-user|centos|vagrant|pi|www-data|jenkins|runner)$/.test(local)) return false;
  // A host in the user part ("trusted.com@evil.com" in URL tests) or a one-letter domain ("a@b.cc").
  if (/\.(com|net|org|co|jp|io)$/.test(local) || /^[a-z0-9]\.[a-z]+$/.test(domain)) return false;
  if (/^(no-?reply|do-?not-?reply|bounce|mailer-daemon)[._-]/.test(local)) return false;
  // Distribution lists and mailing lists: dl_sales@, dl-dev@, ml-users@, ruby-list@, *-announce@.
  if (/^(dl|ml|grp|group|list)[._-]/.test(local) || /[_-](ml|list|users|devel|announce|discuss|registry)$/.test(base)) return false;
  // Hosted mailing lists and groups (x@googlegroups.com, x@groups.io, x@lists.debian.org).
  if (/(^|\.)(googlegroups\.com|groups\.io|freelists\.org)$|^lists?\./.test(domain)) return false;
  if (/^(ml|mailman|groups)\./.test(domain)) return false;
  if (/(^|[._-])(noreply|no-reply|donotreply|auto[._-]?reply|autoresponder)([._-]|$)/.test(local)) return false;
  if (/^(x+|a+|aaa|abc|xxx|test[._-]?user|user[._-]?\d*|your[._-]?(name|email|mail)|name|sample|dummy)$/.test(local)) return false;
  if (/^(abc|xyz|aaa|guest[._-]?user|test[._-]?user|user|hoge|fuga|piyo)$/.test(base)) return false;
  // Validation inputs (abcdABCD1234@, 12345@, from@): an alphabet run, a short number, a header word.
  if (/abcd|^\d{1,6}$|^(from|to|cc|bcc|sender|recipient)$/i.test(local)) return false;
  // Placeholder people of documentation: GitHub's mascots, "first.last", 山田太郎 in romaji.
  if (/^(octocat|the-?octocat|mona|monalisa|mona[._-]?lisa|octo[._-]?lisa|hubot|codertocat|octokitten|octo|someone|somebody|anonymous|username|user[._-]?name|first[._+-]?(name)?[._+-]?last[._+-]?(name)?|firstname|lastname|john[._-]?doe|jane[._-]?doe|taro|hanako|yamada|taro[._-]?yamada|yamada[._-]?taro|hanako[._-]?yamada|test[._-].*|.*[._-]test)$/.test(base)) return false;
  return true;
}
