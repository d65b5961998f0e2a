import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { GrowableInt32 } from "./growable-int32.js";
import { lastAtOrBefore } from "./last-at-or-before.js";

/** Source languages whose literals are read: comment syntax and string forms differ. */
export type CodeLanguage = "js" | "ruby" | "python" | "php";

interface Container {
  /** Record of the pairs directly inside, -1 until the first pair. */
  record: number;
  /** The container is the value of a key: its pairs belong to the enclosing record. */
  inherit: number;
  /** Key whose value this container is (an array under `emails:` gives its elements that key). */
  key: number;
  paren: boolean;
}

const PY_PREFIX = /^(r|b|u|f|rb|br|fr|rf)$/i;
/** A Ruby factory attribute with a literal value: `name { "…" }` (FactoryBot), group 2 the value. */
const BLOCK_VALUE = /[ \t]*\{[ \t]*(["'])((?:\\.|(?!\1)[^\\\n])*)\1[ \t]*\}/y;
/** A Ruby factory attribute in the older form: `name "…"`, `user.name "…"` (FactoryGirl, Fabrication). */
const BARE_VALUE = /[ \t]+(["'])((?:\\.|(?!\1)[^\\\n])*)\1[ \t]*(?=\r?\n|#|$)/y;
/** Words that open a Ruby factory definition, and what follows them: a symbol, string or call. */
const FACTORY_START = /^(?:factory|Fabricator|define)$/;
const FACTORY_NAME = /^(?:[ \t]+[:'"]|\([ \t]*[:'"])/;
/** Ruby words that take a string argument without being an attribute. */
const RUBY_NOT_ATTRIBUTE = new Set(["puts", "print", "p", "raise", "require", "require_relative", "load", "include", "extend", "sequence", "trait", "factory", "association", "alias", "return", "yield", "if", "unless", "when", "and", "or", "not", "then", "else", "elsif", "do", "end", "desc", "describe", "context", "it"]);
/** A call as a value: `Date.parse(`, `Memo.new(`, `Carbon::parse(`, `$this->make(`. */
const CALL_CHAIN = /[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*[!?]?[ \t]*\(/y;

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
/** [0-9A-Za-z._]: the characters of a number literal (hex, exponent, separators). */
function isNumberPart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Records kept in source code: the field/value pairs of object and hash literals and of calls
 * with named arguments, read like a table's header and cell —
 * Ruby `create!(name: "…")`, `:name => "…"`, PHP `['name' => '…']`, Python `{'name': '…'}` and
 * `Person(name='…')`, JS/TS `{ name: '…' }`, GraphQL arguments. The key names the field; each
 * literal (bracket, brace or call) that holds pairs is one record, and a literal that is the
 * value of a key (`address: { city: … }`) belongs to the enclosing record. Only string and
 * number literals are values (a call, a variable or a Faker expression is not data). Comments
 * and strings are skipped by a small lexer of the language (`//`, `#`, block comments, quotes,
 * Python triple quotes); a regular expression literal is not parsed (JS only, rare in data).
 */
export function createCodeRecordFieldIndex(source: string, lang: CodeLanguage): FieldIndex {
  const valueAt = new GrowableInt32(256);
  const valueEnd = new GrowableInt32(256);
  const keyOf = new GrowableInt32(256);
  const recordOf = new GrowableInt32(256);
  const keys: string[] = [];
  const keyIds = new Map<string, number>();
  const stack: Container[] = [];
  let records = 0;
  const withValues = new Set<number>();
  const hashComment = lang !== "js";
  const slashComment = lang === "js" || lang === "php";
  const len = source.length;

  // the last key seen and the depth it applies to, waiting for its value
  let pendingKey = -1;
  let pendingDepth = -1;
  // Ruby factory definitions (FactoryBot `factory :user do … end`, `Fabricator(:user) do … end`,
  // `Factory.define :user do |u| … end`): each is one record whose attributes are its literal
  // blocks; -2 = a factory whose record is not allocated yet, -1 = outside any factory
  let factoryRecord = -1;
  let factoryDepth = -1;

  const intern = (k: string): number => {
    const key = k.slice(0, 100);
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      keyIds.set(key, id);
    }
    return id;
  };
  const recordOfTop = (): number => {
    for (let d = stack.length - 1; d >= 0; d--) {
      const c = stack[d];
      if (c.inherit >= 0) return c.inherit;
      if (c.record < 0) c.record = records++;
      return c.record;
    }
    return -1;
  };
  const emit = (start: number, end: number, key: number, into = -1): void => {
    const record = into >= 0 ? into : recordOfTop();
    if (record < 0) return;
    withValues.add(record);
    valueAt.push(start);
    valueEnd.push(end);
    keyOf.push(key);
    recordOf.push(record);
  };
  /** After a key-like token ending at `i`: the separator that makes it a key, or -1. */
  const separatorAfter = (i: number): number => {
    let j = i;
    while (j < len && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9)) j++;
    const c = source.charCodeAt(j);
    if (c === 58 && source.charCodeAt(j + 1) !== 58) return j + 1; // key:
    if (c === 61 && source.charCodeAt(j + 1) === 62) return j + 2; // key =>
    if (c === 61 && source.charCodeAt(j + 1) !== 61 && stack.length > 0 && stack[stack.length - 1].paren) return j + 1; // name='…' in a call
    return -1;
  };
  const value = (start: number, end: number): void => {
    if (pendingKey >= 0 && pendingDepth === stack.length) emit(start, end, pendingKey);
    else if (stack.length > 0 && stack[stack.length - 1].key >= 0 && pendingKey < 0) emit(start, end, stack[stack.length - 1].key);
    pendingKey = -1;
  };

  /** End of a quoted string starting at i (quote q), with backslash escapes; '…' and "…" end at the line end when unclosed. */
  const stringEnd = (i: number, q: number, triple: boolean): number => {
    let j = i + (triple ? 3 : 1);
    while (j < len) {
      const c = source.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === q) {
        if (!triple) return j + 1;
        if (source.charCodeAt(j + 1) === q && source.charCodeAt(j + 2) === q) return j + 3;
        j++;
      } else if (c === 10 && !triple && q !== 96) return j;
      else j++;
    }
    return len;
  };

  let i = 0;
  while (i < len) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    // comments
    if ((hashComment && c === 35 && !(lang === "php" && source.charCodeAt(i + 1) === 91)) || (slashComment && c === 47 && source.charCodeAt(i + 1) === 47)) {
      const nl = source.indexOf("\n", i);
      i = nl < 0 ? len : nl + 1;
      continue;
    }
    if (slashComment && c === 47 && source.charCodeAt(i + 1) === 42) {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? len : end + 2;
      continue;
    }
    if (c === 39 || c === 34 || c === 96) {
      const triple = lang === "python" && source.charCodeAt(i + 1) === c && source.charCodeAt(i + 2) === c;
      const end = stringEnd(i, c, triple);
      const wasPending = pendingKey >= 0 && pendingDepth === stack.length;
      // A short one-line string followed by a separator is a key (the body is cut only then).
      if (!wasPending && c !== 96 && !triple && end - 1 - (i + 1) <= 100) {
        const after = separatorAfter(end);
        if (after >= 0) {
          const body = source.slice(i + 1, Math.max(i + 1, end - 1));
          if (!body.includes("\n")) {
            pendingKey = intern(body);
            pendingDepth = stack.length;
            i = after;
            continue;
          }
        }
      }
      value(i + (triple ? 3 : 1), triple ? Math.max(i + 3, end - 3) : Math.max(i + 1, end - 1));
      i = end;
      continue;
    }
    if (c === 58 && lang === "ruby" && isIdentStart(source.charCodeAt(i + 1))) {
      // Ruby symbol :name (a key when `=>` follows)
      let j = i + 2;
      while (j < len && isIdentPart(source.charCodeAt(j))) j++;
      if (source.charCodeAt(j) === 63 || source.charCodeAt(j) === 33) j++;
      let k = j;
      while (source.charCodeAt(k) === 32 || source.charCodeAt(k) === 9) k++;
      if (source.charCodeAt(k) === 61 && source.charCodeAt(k + 1) === 62) {
        pendingKey = intern(source.slice(i + 1, j));
        pendingDepth = stack.length;
        i = k + 2;
      } else {
        pendingKey = -1;
        i = j;
      }
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < len && isIdentPart(source.charCodeAt(j))) j++;
      const next = source.charCodeAt(j);
      if (lang === "python" && (next === 39 || next === 34) && PY_PREFIX.test(source.slice(i, j))) {
        i = j; // r'…', f"…": the string follows
        continue;
      }
      if (lang === "ruby") {
        const text = source.slice(i, j);
        if (FACTORY_START.test(text) && (text !== "define" || source.charCodeAt(i - 1) === 46) && FACTORY_NAME.test(source.slice(j, j + 40))) {
          factoryRecord = -2; // a new factory: its attributes are one record
          factoryDepth = stack.length;
          pendingKey = -1;
          i = j;
          continue;
        }
        if (factoryRecord !== -1 && stack.length === factoryDepth && !RUBY_NOT_ATTRIBUTE.has(text)) {
          BLOCK_VALUE.lastIndex = j;
          let m = BLOCK_VALUE.exec(source);
          if (!m) {
            BARE_VALUE.lastIndex = j;
            m = BARE_VALUE.exec(source);
          }
          if (m) {
            if (factoryRecord === -2) factoryRecord = records++;
            const start = m.index + m[0].indexOf(m[1]) + 1;
            emit(start, start + m[2].length, intern(text), factoryRecord);
            pendingKey = -1;
            i = m.index + m[0].length;
            continue;
          }
        }
      }
      if (lang === "php" && next === 40 && j - i === 5 && source.startsWith("array", i)) {
        i = j; // PHP array( … ): the parenthesis opens the literal
        continue;
      }
      const after = separatorAfter(j);
      if (after >= 0) {
        pendingKey = intern(source.slice(i, j)); // the identifier is a key
        pendingDepth = stack.length;
        i = after;
        continue;
      }
      if (pendingKey >= 0 && pendingDepth === stack.length) {
        // `birth_date: Date.parse("…")`, `memo: Memo.new(content: …)`: the call is the key's value
        CALL_CHAIN.lastIndex = i;
        const call = CALL_CHAIN.exec(source);
        if (call) {
          i += call[0].length - 1;
          continue;
        }
      }
      pendingKey = -1;
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < len && isNumberPart(source.charCodeAt(j))) j++;
      value(i, j);
      i = j;
      continue;
    }
    if (c === 45 && pendingKey >= 0 && source.charCodeAt(i + 1) >= 48 && source.charCodeAt(i + 1) <= 57) {
      i++; // negative number: its digits are the value
      continue;
    }
    if (c === 123 || c === 40 || c === 91) {
      const keyed = pendingKey >= 0 && pendingDepth === stack.length;
      const parent = stack[stack.length - 1];
      // The value of a key belongs to the enclosing record; so does an element of such a list
      // when that record has values of its own (`addresses: [Address.new(…)]` beside `name:`),
      // while `{ customers: [{…}, {…}] }` keeps one record per element.
      let inherit = -1;
      if (keyed) inherit = recordOfTop();
      else if (parent !== undefined && parent.inherit >= 0 && withValues.has(parent.inherit)) inherit = parent.inherit;
      stack.push({ record: -1, inherit, key: keyed && c !== 123 ? pendingKey : -1, paren: c === 40 });
      pendingKey = -1;
      i++;
      continue;
    }
    if (c === 125 || c === 41 || c === 93) {
      if (stack.length > 0) stack.pop();
      pendingKey = -1;
      i++;
      continue;
    }
    if (c === 44 || c === 59) {
      pendingKey = -1;
      i++;
      continue;
    }
    // any other punctuation: an operator ends a pending key's value (a + b is not a literal)
    pendingKey = -1;
    i++;
  }

  const at = valueAt.toArray();
  const ends = valueEnd.toArray();
  const ko = keyOf.toArray();
  const ro = recordOf.toArray();
  return {
    records: records > 0 ? records : undefined,
    keys: () => keys,
    fieldAt(offset: number): FieldInfo | undefined {
      const i = lastAtOrBefore(at, offset);
      if (i < 0 || offset > ends[i]) return undefined;
      return { key: keys[ko[i]], record: ro[i] };
    },
  };
}
