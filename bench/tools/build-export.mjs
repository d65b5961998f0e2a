// Japanese customer-data export (~20 MB UTF-8 CSV, plus a Shift_JIS/CRLF copy of the same rows),
// generated at bench time from small lists of common names (dummy combinations, no real person).
// Every My Number has a valid check digit and every card number a valid Luhn digit.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import Encoding from "encoding-japanese";
import { commitTree, log, seededRandom, sha256 } from "./util.mjs";

const EXPORT_VERSION = 2;

const SURNAMES = [
  ["佐藤", "サトウ", "sato"], ["鈴木", "スズキ", "suzuki"], ["高橋", "タカハシ", "takahashi"],
  ["田中", "タナカ", "tanaka"], ["伊藤", "イトウ", "ito"], ["渡辺", "ワタナベ", "watanabe"],
  ["山本", "ヤマモト", "yamamoto"], ["中村", "ナカムラ", "nakamura"], ["小林", "コバヤシ", "kobayashi"],
  ["加藤", "カトウ", "kato"], ["吉田", "ヨシダ", "yoshida"], ["山田", "ヤマダ", "yamada"],
  ["佐々木", "ササキ", "sasaki"], ["山口", "ヤマグチ", "yamaguchi"], ["松本", "マツモト", "matsumoto"],
  ["井上", "イノウエ", "inoue"], ["木村", "キムラ", "kimura"], ["林", "ハヤシ", "hayashi"],
  ["斎藤", "サイトウ", "saito"], ["清水", "シミズ", "shimizu"],
];
const GIVEN = [
  ["太郎", "タロウ", "taro", "男"], ["花子", "ハナコ", "hanako", "女"], ["翔太", "ショウタ", "shota", "男"],
  ["陽菜", "ヒナ", "hina", "女"], ["大輔", "ダイスケ", "daisuke", "男"], ["美咲", "ミサキ", "misaki", "女"],
  ["健一", "ケンイチ", "kenichi", "男"], ["由美", "ユミ", "yumi", "女"], ["拓也", "タクヤ", "takuya", "男"],
  ["愛", "アイ", "ai", "女"], ["誠", "マコト", "makoto", "男"], ["恵", "メグミ", "megumi", "女"],
  ["直樹", "ナオキ", "naoki", "男"], ["結衣", "ユイ", "yui", "女"], ["悠斗", "ユウト", "yuto", "男"],
  ["さくら", "サクラ", "sakura", "女"], ["一郎", "イチロウ", "ichiro", "男"], ["裕子", "ユウコ", "yuko", "女"],
  ["和也", "カズヤ", "kazuya", "男"], ["真由美", "マユミ", "mayumi", "女"],
];
const PLACES = [
  ["東京都", ["千代田区", "新宿区", "世田谷区", "港区", "練馬区"]],
  ["大阪府", ["大阪市北区", "大阪市中央区", "堺市堺区", "豊中市"]],
  ["神奈川県", ["横浜市中区", "川崎市中原区", "相模原市中央区", "藤沢市"]],
  ["愛知県", ["名古屋市中区", "豊田市", "岡崎市"]],
  ["福岡県", ["福岡市博多区", "北九州市小倉北区", "久留米市"]],
  ["北海道", ["札幌市中央区", "旭川市", "函館市"]],
  ["埼玉県", ["さいたま市大宮区", "川口市", "所沢市"]],
  ["京都府", ["京都市左京区", "宇治市"]],
];
const TOWNS = ["本町", "中央", "栄町", "緑町", "桜台", "旭町", "若葉", "東町", "西新町", "南台"];
const BUILDINGS = ["", "", "", "メゾン桜", "グランドハイツ", "コーポ緑", "パークサイド", "サンライズマンション"];
// Common mail providers, as in a real export (local parts are generated: initial.surnameNNN);
// 5% of rows use a reserved example domain, as test rows in a real export do.
const MAIL_DOMAINS = ["gmail.com", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "icloud.com", "outlook.jp", "softbank.ne.jp", "nifty.com"];
const HEADER = "顧客ID,氏名,フリガナ,性別,生年月日,郵便番号,住所,電話番号,メールアドレス,マイナンバー,クレジットカード番号,登録日";

/** My Number check digit of 11 digits: weights 2..7,2..6 from the right, r = Σ mod 11. */
export function myNumberCheckDigit(d11) {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(d11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** Luhn check digit for a digit string without its last digit. */
export function luhnCheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function makeRowFactory(rand) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const digits = (n) => {
    let s = "";
    for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
    return s;
  };
  const pad = (n, w) => String(n).padStart(w, "0");
  return (id) => {
    const [sei, seiKana, seiRoma] = pick(SURNAMES);
    const [mei, meiKana, meiRoma, sex] = pick(GIVEN);
    const sep = rand() < 0.5 ? " " : "　";
    const y = int(1945, 2005);
    const birth = `${y}/${pad(int(1, 12), 2)}/${pad(int(1, 28), 2)}`;
    const [pref, cities] = pick(PLACES);
    const building = pick(BUILDINGS);
    const addr = `${pref}${pick(cities)}${pick(TOWNS)}${int(1, 5)}-${int(1, 30)}-${int(1, 20)}${building ? ` ${building}${int(1, 9)}0${int(1, 9)}` : ""}`;
    const zip = `${digits(3)}-${digits(4)}`;
    const phone = rand() < 0.7 ? `${pick(["090", "080", "070"])}-${digits(4)}-${digits(4)}` : `0${int(3, 6)}-${digits(4)}-${digits(4)}`;
    const mail = `${meiRoma[0]}.${seiRoma}${int(1, 999)}@${rand() < 0.05 ? "example.jp" : pick(MAIL_DOMAINS)}`;
    const mn11 = String(int(1, 9)) + digits(10);
    const mn = mn11 + myNumberCheckDigit(mn11);
    const myNumber = rand() < 0.7 ? mn : `${mn.slice(0, 4)} ${mn.slice(4, 8)} ${mn.slice(8)}`;
    const body = pick(["4", "51", "52", "53", "54", "55", "35"]);
    const card15 = body + digits(15 - body.length);
    const card = card15 + luhnCheckDigit(card15);
    const cardOut = rand() < 0.5 ? card : card.replace(/(\d{4})(?=\d)/g, "$1-");
    const reg = `20${pad(int(15, 25), 2)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
    return `C${pad(id, 8)},${sei}${sep}${mei},${seiKana}${sep}${meiKana},${sex},${birth},${zip},${addr},${phone},${mail},${myNumber},${cardOut},${reg}`;
  };
}

/**
 * Builds (or reuses) corpusDir/export-utf8/customers.csv (~targetBytes, LF) and
 * corpusDir/export-sjis/customers_sjis.csv (same rows, Shift_JIS, CRLF), each a git repo.
 */
export function buildExport(corpusDir, targetBytes = 20e6) {
  const utf8Dir = join(corpusDir, "export-utf8");
  const sjisDir = join(corpusDir, "export-sjis");
  const key = sha256(JSON.stringify({ EXPORT_VERSION, targetBytes }));
  const stampFile = join(corpusDir, "export.stamp.json");
  if (existsSync(stampFile) && JSON.parse(readFileSync(stampFile, "utf8")).key === key &&
      existsSync(join(utf8Dir, ".git")) && existsSync(join(sjisDir, ".git"))) {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
    log(`export: reusing ${utf8Dir} and ${sjisDir}`);
    return { utf8Dir, sjisDir, rows: stamp.rows };
  }
  log(`export: generating ~${(targetBytes / 1e6).toFixed(0)} MB customer CSV (UTF-8 + Shift_JIS copy)`);
  for (const d of [utf8Dir, sjisDir]) {
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d, { recursive: true });
  }
  const row = makeRowFactory(seededRandom(42));
  const fu = openSync(join(utf8Dir, "customers.csv"), "w");
  const fs = openSync(join(sjisDir, "customers_sjis.csv"), "w");
  let written = 0;
  let rows = 0;
  let batch = [HEADER];
  const flush = () => {
    const text = batch.join("\n") + "\n";
    written += writeSync(fu, text);
    const sjis = Encoding.convert(Encoding.stringToCode(batch.join("\r\n") + "\r\n"), { to: "SJIS", from: "UNICODE" });
    writeSync(fs, Buffer.from(sjis));
    batch = [];
  };
  while (written < targetBytes) {
    batch.push(row(++rows));
    if (batch.length >= 2000) flush();
  }
  if (batch.length > 0) flush();
  closeSync(fu);
  closeSync(fs);
  log(`export: ${rows} rows; committing to git`);
  commitTree(utf8Dir);
  commitTree(sjisDir);
  writeFileSync(stampFile, JSON.stringify({ key, rows }, null, 2));
  return { utf8Dir, sjisDir, rows };
}
