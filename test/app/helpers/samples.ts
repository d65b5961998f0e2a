import { expandTemplate } from "../../helpers/expand-template.js";

/** Credentials generated at test time (valid shapes and checksums, never live). */
export function makeSecrets() {
  return {
    awsKeyId: expandTemplate("AKIA{{upper:16}}"),
    awsSecret: expandTemplate("{{base62:40}}"),
    githubToken: expandTemplate("ghp_{{base62:30}}{{crc32-github}}"),
  };
}

/** A `.env` file holding the generated secrets, one per line (lines 2, 3, 4). */
export function envFile(s: ReturnType<typeof makeSecrets>): string {
  return ["# service settings", `AWS_ACCESS_KEY_ID=${s.awsKeyId}`, `AWS_SECRET_ACCESS_KEY=${s.awsSecret}`, `GITHUB_TOKEN=${s.githubToken}`, ""].join("\n");
}

const SURNAMES = ["谷口", "濱田", "長谷川", "小野寺", "宮坂", "藤枝", "篠原", "杉浦", "柏木", "早瀬"];
const GIVEN = ["紬", "蒼真", "陽菜", "悠斗", "結衣", "湊", "葵", "蓮", "凛", "樹"];
const TOWNS = ["世田谷区桜新町", "杉並区高円寺南", "練馬区石神井町", "目黒区自由が丘", "大田区田園調布"];

/** A customer list with `rows` generated persons (names, mobile numbers, e-mail, address); deterministic per seed. */
export function customerCsv(rows: number, seed = 1): string {
  let x = seed * 7919;
  const rand = () => ((x = (x * 48271) % 2147483647) / 2147483647);
  const d = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");
  const lines = ["顧客ID,氏名,電話番号,メールアドレス,住所"];
  for (let i = 0; i < rows; i++) {
    const name = `${SURNAMES[Math.floor(rand() * SURNAMES.length)]} ${GIVEN[Math.floor(rand() * GIVEN.length)]}`;
    lines.push(`C${String(i + 1).padStart(5, "0")},${name},090-${d(4)}-${d(4)},user${d(6)}@mail.example-isp.jp,東京都${TOWNS[i % TOWNS.length]}${1 + (i % 5)}-${1 + (i % 20)}-${1 + (i % 9)}`);
  }
  return lines.join("\r\n") + "\r\n";
}
