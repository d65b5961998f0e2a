/** Names used as placeholders in forms, manuals and samples: never a person. */
const DUMMY = new Set([
  "山田太郎", "山田花子", "山田次郎", "山田一郎", "鈴木一郎", "田中太郎", "佐藤太郎", "日本太郎", "日本花子", "名無し",
  "名無しの権兵衛", "ななしのごんべえ", "見本太郎", "やまだたろう", "やまだはなこ", "ヤマダタロウ", "ヤマダハナコ",
  "ヤマダジロウ", "ヤマダイチロウ", "スズキイチロウ", "タナカタロウ", "サトウタロウ", "ニホンタロウ", "taroyamada",
  "yamadataro", "yamadatarou", "hanakoyamada", "yamadahanako", "johndoe", "janedoe",
  // GitHub's documentation persona (Mona Lisa Octocat) in API schemas and webhook examples.
  "monalisa", "monalisaoctocat", "monaoctocat",
]);

/** Family names of form placeholders (山田 太郎 and his family), in kanji, kana and romaji. */
const DUMMY_FAMILY = /^(山田|やまだ|ヤマダ|yamada|doe|octocat)$/u;
/** Given names that go with them: 太郎, 花子, and the numbered sons (一郎 … 十郎, 次郎, 吾郎). */
/** … and the English placeholders John/Jane/Jon/Joe Doe and GitHub's Mona Octocat. */
const DUMMY_GIVEN = /^([一二三四五六七八九十次吾]?郎|太郎|花子|はなこ|ハナコ|たろう|タロウ|(いち|じ|さぶ|し|ご)ろう|(イチ|ジ|サブ|シ|ゴ)ロウ|taro|tarou|hanako|ichiro|jiro|saburo|goro|john|jane|jon|joe|mona)$/u;

/** Which part of a placeholder name `value` is on its own (山田 → "family", 花子 → "given"), if any. */
export function dummyNamePart(value: string): "family" | "given" | undefined {
  const v = value.normalize("NFKC").trim().toLowerCase();
  if (DUMMY_FAMILY.test(v)) return "family";
  if (DUMMY_GIVEN.test(v) && v !== "郎") return "given";
  return undefined;
}

/**
 * True for a well-known placeholder name (山田太郎, 山田花子, ヤマダ タロウ, TARO YAMADA …) or a
 * name made of test or role words (テスト, サンプル, ダミー, 見本, 仮名, ゲスト, ログイン, ユーザー, 管理者, test,
 * sample, dummy, guest).
 */
export function dummyName(value: string): boolean {
  const v = value.normalize("NFKC").replace(/[\s・.,_-]+/gu, "").toLowerCase();
  if (DUMMY.has(v)) return true;
  // 山田 吾郎, ヤマダ ジロウ, Yamada Jiro: the placeholder family with any of its given names
  const parts = value.normalize("NFKC").trim().toLowerCase().split(/[\s・.,_-]+/u);
  if (parts.length === 2 && ((dummyNamePart(parts[0]) === "family" && dummyNamePart(parts[1]) === "given") || (dummyNamePart(parts[1]) === "family" && dummyNamePart(parts[0]) === "given"))) return true;
  for (let n = 2; n <= 3 && n < v.length; n++) if (dummyNamePart(v.slice(0, n)) === "family" && dummyNamePart(v.slice(n)) === "given") return true;
  return /テスト|てすと|サンプル|ダミー|見本|仮名|試験|氏名|名前|なまえ|ゲスト|げすと|ユーザ|ゆーざ|ログイン|ろぐいん|管理者|カンリシャ|guest|test|sample|dummy|example|placeholder|foo|hoge|ほげ|ホゲ|ふが|フガ|ぴよ|ピヨ|ふー|フー|ばー|バー|○○|〇〇|◯◯|××/u.test(v);
}
