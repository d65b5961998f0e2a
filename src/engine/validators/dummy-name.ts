/** Names used as placeholders in forms, manuals and samples: never a person. */
const DUMMY = new Set([
  "山田太郎", "山田花子", "山田次郎", "山田一郎", "鈴木一郎", "田中太郎", "佐藤太郎", "日本太郎", "日本花子", "名無し",
  "名無しの権兵衛", "ななしのごんべえ", "見本太郎", "やまだたろう", "やまだはなこ", "ヤマダタロウ", "ヤマダハナコ",
  "ヤマダジロウ", "ヤマダイチロウ", "スズキイチロウ", "タナカタロウ", "サトウタロウ", "ニホンタロウ", "taroyamada",
  "yamadataro", "yamadatarou", "hanakoyamada", "yamadahanako", "johndoe", "janedoe",
]);

/**
 * True for a well-known placeholder name (山田太郎, 山田花子, ヤマダ タロウ, TARO YAMADA …) or a
 * name made of test words (テスト, サンプル, ダミー, 見本, 仮名, test, sample, dummy).
 */
export function dummyName(value: string): boolean {
  const v = value.normalize("NFKC").replace(/[\s・.,_-]+/gu, "").toLowerCase();
  if (DUMMY.has(v)) return true;
  return /テスト|てすと|サンプル|ダミー|見本|仮名|試験|氏名|名前|なまえ|test|sample|dummy|example|placeholder|foo|hoge/u.test(v);
}
