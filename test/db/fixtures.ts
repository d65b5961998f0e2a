import { expandTemplate } from "../helpers/expand-template.js";

/** The three tables of the scan-db tests, generated at test time: nobody real, no live key. */
export interface ShopData {
  customers: { columns: string[]; rows: string[][] };
  orders: { columns: string[]; rows: string[][] };
  settings: { columns: string[]; rows: string[][] };
  /** Every personal value and the key, to check no output holds one. */
  values: string[];
}

export function shopData(customers = 40): ShopData {
  const rows: string[][] = [];
  for (let i = 1; i <= customers; i++) {
    const row = expandTemplate(
      `${i}|{{sei}} {{mei}}|東京都世田谷区桜新町{{nz:1}}丁目${(i % 20) + 1}番{{nz:1}}号|{{mobile}}|c${i}.{{lower:8}}@mail-${i}.co.jp`,
    ).split("|");
    rows.push(row);
  }
  const token = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
  const orders = Array.from({ length: 25 }, (_, i) => [String(5000 + i), String(1 + (i % customers)), String(1000 + i * 37), `2026-0${1 + (i % 9)}-1${i % 10}`]);
  return {
    customers: { columns: ["id", "氏名", "住所", "電話番号", "メールアドレス"], rows },
    orders: { columns: ["order_id", "customer_id", "amount", "ordered_on"], rows: orders },
    settings: { columns: ["name", "value"], rows: [["github_token", token], ["theme", "dark"]] },
    values: [...rows.flatMap((r) => r.slice(1)), token],
  };
}
