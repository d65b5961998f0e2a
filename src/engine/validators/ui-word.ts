/**
 * Words of user interfaces, forms and admin screens written in kanji (公開, 削除, 編集 …): a value
 * that begins with one is a button, a status or a menu label, not a person's family name. Kept
 * to words that are not Japanese surnames.
 */
const UI_WORDS = new Set([
  "公開", "非公開", "削除", "編集", "追加", "保存", "登録", "更新", "作成", "新規", "検索", "表示", "非表示", "確認", "送信",
  "設定", "一覧", "詳細", "選択", "変更", "取消", "完了", "成功", "失敗", "有効", "無効", "下書", "下書き", "承認", "申請",
  "必須", "任意", "関連", "商品", "注文", "購入", "決済", "配送", "在庫", "管理", "画面", "入力", "出力", "印刷", "複製",
  "戻る", "次へ", "閉じる", "開く", "並替", "並び替え", "絞込", "絞り込み", "未設定", "未入力", "未登録", "全角", "半角",
  "記事", "投稿", "予約", "受付", "状態",
]);

/** Whether `value` (a candidate name) starts with a UI word: "公開 記事", "削除 済み", "関連商品". */
export function startsWithUiWord(value: string): boolean {
  const v = value.normalize("NFKC").trim();
  const first = v.split(/[\s\u3000]+/u)[0];
  if (UI_WORDS.has(first)) return true;
  for (let n = Math.min(4, first.length - 1); n >= 2; n--) if (UI_WORDS.has(first.slice(0, n))) return true;
  return false;
}
