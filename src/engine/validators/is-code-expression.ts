/**
 * True when a value is code rather than a literal: a call (`getPassword()`, `env("X")`), a
 * member path (`config.db.password`), or a camelCase / snake_case identifier without digits
 * (`userPassword`, `db_password`), also with a short numeric suffix (`formattingTokensRegExp2`), or
 * regular-expression source (`[A-Za-z0-9+/]{43}=`).
 */
export function isCodeExpression(value: string): boolean {
  if (/^[A-Za-z_$][\w$.]*(?:::[\w$]+)*\(.*\)?;?$/.test(value)) return true;
  if (/^[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\.|->|::)[A-Za-z_$][A-Za-z0-9_$]*)+(?:\(\))?;?$/.test(value) && !/[0-9]/.test(value)) return true;
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(value) || /^[a-z]+(?:_[a-z]+)+$/.test(value) || /^[A-Z]+(?:_[A-Z]+)+$/.test(value)) return true;
  // Identifiers with a numeric suffix (minifier / bundler output): formattingTokensRegExp2, _options$binop2.
  if (/^[_$]?[a-z]+(?:[A-Z][a-z]+|\$[a-z]+)+\d{0,4}$/.test(value) || /^[A-Z][a-z]+(?:[A-Z][a-z]+)+\d{0,4}$/.test(value)) return true;
  // Regular-expression source (rule files, validators): character ranges, groups, escapes, quantifiers.
  if (/\[[A-Za-z0-9]-[A-Za-z0-9]|\(\?[:=!<]|\\[dswbDSWB]|\{\d+(?:,\d*)?\}/.test(value)) return true;
  return false;
}
