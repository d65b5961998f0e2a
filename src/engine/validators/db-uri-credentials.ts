import type { ValidatorResult } from "./types.js";
import { isDummyValue } from "./is-dummy-value.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { looksRandom } from "./looks-random.js";

const LOCAL_HOST =
  /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|db|database|postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|redis|rabbitmq|amqp|broker|cache|elasticsearch|opensearch|clickhouse|mssql|sqlserver|oracle|[a-z0-9-]+\.local(?:host)?|[a-z0-9-]+\.test|[a-z0-9-]+\.example(?:\.com)?)$/i;
const DEFAULT_PASSWORD =
  /^(?:postgres|password|pass|passwd|secret|root|toor|admin|mysql|mariadb|guest|test|user|dev|local|changeme|example|sa|mongo|mongodb|redis|rabbitmq|elastic|clickhouse|oracle|default|123456|12345678|pa\$\$w0rd|p@ssw0rd)$/i;

/**
 * A connection URI with a usable password: `scheme://user:password@host…`. Rejects no password,
 * references and placeholders (`${DB_PASSWORD}`, `<password>`, `****`, `PASSWORD`), and
 * well-known local defaults (`postgres:postgres@localhost`, `guest:guest@rabbitmq`, a password
 * equal to the user name, or any word-like password on a local host; passwords that spell
 * password/secret/example). A default-looking password on a real host is kept with low confidence.
 */
export function dbUriCredentials(value: string): ValidatorResult {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^:/?#@\s]*):([^@\s]*)@(\[[^\]]*\]|[^:/?#,\s]*)/.exec(value);
  if (!m) return false;
  let user = m[1];
  let pass = m[2];
  const host = m[3];
  try {
    user = decodeURIComponent(user);
    pass = decodeURIComponent(pass);
  } catch {
    /* keep raw */
  }
  if (pass.length < 3) return false;
  if (isPlaceholderOrReference(pass) || /^%[sv]$|^\{[^}]*\}$|^:[A-Za-z_]+$|^\$/.test(pass)) return false;
  if (/^(?:password|pass|passwd|pwd|secret|user|username|db_?pass(?:word)?)$/i.test(pass) && /^(?:user|username|USER|admin|root|dbuser|myuser|[a-z]+_?user)$/i.test(user)) return false;
  if (/^(?:PASSWORD|PASS|PWD|SECRET)$/.test(pass)) return false;
  if (/^(?:HOST|HOSTNAME|SERVER)$/.test(host)) return false;
  const local = LOCAL_HOST.test(host) || host === "";
  if (/pass(?:word|wd)?|secret|changeme|example|dummy/i.test(pass) || isDummyValue(pass)) return false;
  if (local && (DEFAULT_PASSWORD.test(pass) || pass === user || !looksRandom(pass, 2.5))) return false;
  if (DEFAULT_PASSWORD.test(pass) || pass === user) return "low";
  return "high";
}
