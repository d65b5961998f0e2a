/** Interpolations and references: the value is read from somewhere else, it is not the secret. */
const REFERENCE =
  /\$\{|\$\(|^\$[A-Za-z_{]|\{\{|\{%|<%|#\{|%\(|^%[A-Za-z_]+%$|^@\{|^!(?:Ref|Sub|GetAtt|vault|secret)\b|process\.env|os\.environ|os\.getenv|getenv\(|ENV\[|System\.getenv|Environment\.GetEnvironmentVariable|^(?:var|local|data|module|secrets|vars|env|inputs|steps|needs|github|params|parameters|config|settings|this|self)\.[A-Za-z_]|^(?:op|vault|ssm|sm|secretsmanager|awssm|gcpsm|azkv|ref\+[a-z]+):\/*|^arn:aws|^ENC\[|^vault:v\d+:|^\$ANSIBLE_VAULT|^\{[A-Za-z0-9+/]{16,}={0,2}\}$|^ENC\(|^sops:/;

/** Format placeholders: {name}, {self.password}, %s, %(password)s, :password, ?. */
const FORMAT = /^%[A-Za-z_][\w.]*%$|^\{[A-Za-z_][\w.]*\}|^%(?:\([A-Za-z_]\w*\))?[sdv]$|^:[A-Za-z_]\w*$/;

/** Well-known example values from specifications and vendor documentation (RFC 6749/6750 and friends). */
const DOCUMENTED = /2YotnFZFEjr1zCsicMWpAA|tGzv3JOkF0XG5Qx2TlKWIA|SplxlOBeZQQYbYS6WxSbIA|s6BhdRkqt3|gX1fBat3bV|mF_9\.B5f-4\.1JqM|czZCaGRSa3F0MzpnWDFmQmF0M2JW|wJalrXUtnFEMI|AKIAIOSFODNN7|je7MtGbClwBF|bPxRfiCYEXAMPLEKEY/;

/** Placeholders and masked values people write instead of the secret. */
const PLACEHOLDER =
  /x{4,}|\*{3,}|\.{3}|…|•{2,}|^<[^>]*>$|^<[A-Za-z_][^>]*$|^#{2,}[^#]*#{2,}$|^\(\(|^\[[^\]]*\]$|^\(.*\)$|（.*）|example|placeholder|changeme|change[_-]me|replace[_-]?me|your[_-]?[a-z_-]*(?:key|token|secret|password|pass|here)|[_-]here\b|^insert|^enter[_-]|dummy|sample|redacted|^todo$|^fixme$|^tbd$|^none$|^null$|^nil$|^undefined$|^true$|^false$|^secret$|^password$|^passwd$|^pass$|^token$|ここに|を入力|ダミー|サンプル/i;

/**
 * True when a candidate value is an interpolation or reference (`${DB_PASSWORD}`,
 * `process.env.X`, `{{ vault_x }}`, `var.db_password`, `op://…`) or a placeholder / masked value
 * (`xxxx`, `****`, `<password>`, `<Admin Password` cut at a space, `###ORACLE_PWD###`, `((var))`, `your-api-key-here`, `changeme`, `sk_test_REPLACE_ME`), a format
 * placeholder (`{self.password}`, `%s`), or a value published in a specification or vendor
 * documentation (the RFC 6749 example tokens, AWS's example keys).
 */
export function isPlaceholderOrReference(value: string): boolean {
  return REFERENCE.test(value) || PLACEHOLDER.test(value) || FORMAT.test(value) || DOCUMENTED.test(value);
}
