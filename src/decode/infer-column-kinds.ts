import { columnName } from "../engine/validators/column-name.js";
import { japanesePhone } from "../engine/validators/japanese-phone.js";
import { kanaName } from "../engine/validators/kana-name.js";
import { latinPersonName } from "../engine/validators/latin-person-name.js";

/** Share of a column's non-empty cells that must have a kind for the column to get it. */
const SHARE = 0.6;
const MIN_CELLS = 2;
const DATE = /^(19[0-9]{2}|20[0-2][0-9])[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12][0-9]|3[01])$/;
const PLACE = /^[\p{Script=Han}ぁ-んァ-ヶー々ヶ]{1,10}(都|道|府|県|市|区|町|村|郡)$/u;

interface Kind {
  label: string;
  test: (cell: string) => boolean;
}

// Most specific first: a column takes the first kind most of its cells have.
const KINDS: Kind[] = [
  { label: "郵便番号", test: (c) => /^〒?\d{3}-\d{4}$/.test(c) },
  { label: "電話番号", test: (c) => /^[+(\d][\d\-() ]{8,16}$/.test(c) && japanesePhone(c) !== false },
  { label: "市区町村", test: (c) => PLACE.test(c) },
  { label: "氏名", test: (c) => columnName(c) !== false || latinPersonName(c) === true },
  { label: "フリガナ", test: (c) => kanaName(c) !== false && c.replace(/\s/g, "").length >= 3 },
  { label: "日付", test: (c) => DATE.test(c) },
];

/**
 * What each column of a table without a header holds, inferred from its cells as a reader
 * would: a column whose non-empty cells are mostly valid postal codes, phone numbers, place
 * names, person names, kana readings or dates gets that kind as its label (郵便番号, 電話番号,
 * 市区町村, 氏名, フリガナ, 日付), which column rules then read as a header. Dates are called
 * 生年月日 only in a table that also holds names or readings (a person's table), never alone.
 * `undefined` where no kind fits. Cells are the unquoted field texts of the first rows.
 */
export function inferColumnKinds(rows: readonly (readonly string[])[]): (string | undefined)[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const labels: (string | undefined)[] = [];
  for (let col = 0; col < width; col++) {
    const cells = rows.map((r) => (r[col] ?? "").trim().normalize("NFKC")).filter((c) => c !== "" && !/^(null|NULL|\\N)$/.test(c));
    let label: string | undefined;
    if (cells.length >= MIN_CELLS) {
      for (const kind of KINDS) {
        if (cells.filter(kind.test).length >= cells.length * SHARE) {
          label = kind.label;
          break;
        }
      }
    }
    labels.push(label);
  }
  const personal = labels.some((l) => l === "氏名" || l === "フリガナ");
  const place = labels.includes("市区町村");
  return labels.map((l) => (l === "日付" ? (personal && !place ? "生年月日" : undefined) : l));
}
