#include "lgma/ui.h"

#include <string.h>

/* Two columns per row: English, Japanese. Adding a language is adding a
 * column (and a case in column_of). */
static const char *const strings[UI_STRING_COUNT][2] = {
	[UI_OFFICES] = {"Offices", "オフィス一覧"},
	[UI_HINT_MOVE] = {"\xe2\x86\x91\xe2\x86\x93\tmove", "\xe2\x86\x91\xe2\x86\x93\t移動"},
	[UI_HINT_OPEN] = {"Enter\topen", "Enter\t開く"},
	[UI_HINT_BACK] = {"\xe2\x86\x90\tback", "\xe2\x86\x90\t戻る"},
	[UI_HINT_MENU] = {"Tab\tmenu", "Tab\tメニュー"},
	[UI_HINT_SEARCH] = {"/\tsearch", "/\t検索"},
	[UI_HINT_HELP] = {"?\thelp", "?\tヘルプ"},
	[UI_HINT_QUIT] = {"q\tquit", "q\t終了"},
	[UI_HINT_CLOSE] = {"Esc\tclose", "Esc\t閉じる"},
	[UI_HINT_PAGE] = {"Space\tnext page", "Space\t次のページ"},
	[UI_STATUS_LINE] = {"line ", ""},
	[UI_STATUS_LINE_UNIT] = {"", "行"},
	[UI_STATUS_ALL] = {"all", "全体"},
	[UI_TOO_SMALL] = {"terminal too small", "端末が小さすぎます"},
	[UI_HELP_TITLE] = {"Keys", "キー操作"},
	[UI_HELP_INTRO] = {"Any key closes this help.", "どのキーを押してもヘルプを閉じます。"},
	[UI_HELP_KEYS_MOVE] = {"\xe2\x86\x91 \xe2\x86\x93  k j\tmove up and down one line or entry",
			       "\xe2\x86\x91 \xe2\x86\x93  k j\t1行（1項目）上下に移動"},
	[UI_HELP_KEYS_PAGE] = {"PgDn PgUp  Space b  Ctrl-F Ctrl-B\tnext / previous page",
			       "PgDn PgUp  Space b  Ctrl-F Ctrl-B\t次／前のページ"},
	[UI_HELP_KEYS_HALF] = {"Ctrl-D Ctrl-U\thalf a page down / up", "Ctrl-D Ctrl-U\t半ページ下／上"},
	[UI_HELP_KEYS_ENDS] = {"Home End  g G\tbeginning / end", "Home End  g G\t先頭／末尾"},
	[UI_HELP_KEYS_TAB] = {"Tab\tswitch between the menu and the text", "Tab\tメニューと本文を切り替え"},
	[UI_HELP_KEYS_OPEN] = {"Enter \xe2\x86\x92  l\topen the selected entry", "Enter \xe2\x86\x92  l\t選んだ項目を開く"},
	[UI_HELP_KEYS_BACK] = {"Backspace \xe2\x86\x90  h\tgo back to the previous place",
			       "Backspace \xe2\x86\x90  h\t前の場所に戻る"},
	[UI_HELP_KEYS_NUMBER] = {"1-9\topen section 1 to 9", "1-9\t1〜9番目のセクションを開く"},
	[UI_HELP_KEYS_LANGUAGE] = {"L\tswitch the language (日本語 / English)", "L\t言語を切り替え（日本語／English）"},
	[UI_HELP_KEYS_BILINGUAL] = {"B\tshow two languages side by side", "B\t2つの言語を並べて表示"},
	[UI_HELP_KEYS_SEARCH] = {"/\tsearch in this text", "/\tこの本文を検索"},
	[UI_HELP_KEYS_SEARCH_ALL] = {"S\tsearch everything", "S\tすべてを検索"},
	[UI_HELP_KEYS_NEXT] = {"n N\tnext / previous match", "n N\t次／前の一致"},
	[UI_HELP_KEYS_HELP] = {"?\tthis help", "?\tこのヘルプ"},
	[UI_HELP_KEYS_QUIT] = {"q\tquit", "q\t終了"},
	[UI_HELP_KEYS_MOUSE] = {"mouse\twheel scrolls, click opens a menu entry",
				"マウス\tホイールでスクロール、クリックで項目を開く"},
	[UI_BILINGUAL_TOO_NARROW] = {"too narrow for two languages side by side",
				     "2言語を並べるには幅が足りません"},
	[UI_FIND_PROMPT] = {"Find: ", "検索: "},
	[UI_SEARCH_PROMPT] = {"Search everything: ", "全体を検索: "},
	[UI_ALL_LANGUAGES] = {"all languages", "全言語"},
	[UI_NOT_FOUND] = {"Not found", "見つかりません"},
	/* Short: at 80 columns they share the status line with the
	 * match count and the position. */
	[UI_WRAPPED_TOP] = {"Passed the end: continued from the top", "末尾を過ぎ、先頭から検索"},
	[UI_WRAPPED_BOTTOM] = {"Passed the start: continued from the end", "先頭を過ぎ、末尾から検索"},
	[UI_RESULTS_TITLE] = {"Search results", "検索結果"},
	[UI_RESULTS_COUNT] = {" found", "件"},
	[UI_RESULTS_MORE] = {"(more not shown)", "（以下省略）"},
	[UI_HINT_DONE] = {"Enter\tdone", "Enter\t確定"},
	[UI_HINT_CANCEL] = {"Esc\tcancel", "Esc\t取消"},
	[UI_HINT_ALL_LANGUAGES] = {"Tab\tall languages", "Tab\t全言語"},
	[UI_HINT_NEXT] = {"n/N\tnext/previous", "n/N\t次/前"},
	[UI_HINT_SEARCH_ALL] = {"S\tsearch all", "S\t全体を検索"},
	[UI_FILTER_PROMPT] = {"Filter: ", "絞り込み: "},
	[UI_LABEL_PHONE] = {"Phone", "電話"},
	[UI_LABEL_FAX] = {"Fax", "ファクス"},
	[UI_LABEL_EMAIL] = {"E-mail", "メール"},
	[UI_LABEL_WEB] = {"Web", "ウェブ"},
	[UI_LABEL_POSTAL] = {"Postal address", "郵送先"},
	[UI_NO_OFFICE_MATCHES] = {"No office matches", "該当するオフィスはありません"},
	[UI_QR_SCAN] = {"Scan with a phone:", "スマートフォンで読み取れます:"},
	[UI_QR_TOO_SMALL] = {"Too small for a QR code that scans; it needs ", "読み取れるQRコードには画面が小さすぎます。必要な大きさ: "},
	[UI_QR_NOTHING] = {"This office has no address to put in a QR code", "このオフィスにはQRコードにする連絡先がありません"},
	[UI_HINT_FILTER] = {"/\tfilter", "/\t絞り込み"},
	[UI_HINT_MAP] = {"m\tmap", "m\t地図"},
	[UI_HINT_QR] = {"Q\tQR code", "Q\tQRコード"},
	[UI_HINT_NEAREST] = {"\xe2\x86\x90\xe2\x86\x91\xe2\x86\x92\xe2\x86\x93\tnearest office", "\xe2\x86\x90\xe2\x86\x91\xe2\x86\x92\xe2\x86\x93\t近くのオフィス"},
	[UI_HELP_KEYS_FILTER] = {"/\toffices: filter the list as you type (Esc clears)", "/\tオフィス: 入力に合わせて一覧を絞り込み（Escで解除）"},
	[UI_HELP_KEYS_MAP] = {"m\toffices: the whole map; arrows go to the nearest office that way",
			      "m\tオフィス: 全画面の地図。矢印でその方向の最寄りのオフィスへ"},
	[UI_HELP_KEYS_QR] = {"Q\toffices: a QR code of the office's web address, to take it away on a phone",
			     "Q\tオフィス: ウェブアドレスのQRコード（スマートフォンで読み取り）"},
	[UI_KIOSK_NO_QUIT] = {"This terminal stays on lgma for the next visitor. Press ? for help.",
			      "この端末は次の方のためにlgmaを表示し続けます。?でヘルプ。"},
	[UI_RELOADED] = {"The content was updated.", "内容が更新されました。"},
	[UI_OFFICES_PLACEHOLDER] = {"The office directory is being prepared.", "オフィス一覧は準備中です。"},
};

static int column_of(const char *lang)
{
	if (lang != NULL && strncmp(lang, "ja", 2) == 0 && (lang[2] == '\0' || lang[2] == '-'))
		return 1;
	return 0;
}

const char *ui_text(const char *lang, enum ui_string id)
{
	const char *s;

	if ((unsigned)id >= UI_STRING_COUNT)
		return "";
	s = strings[id][column_of(lang)];
	return s != NULL ? s : strings[id][0];
}

const char *ui_language_name(const char *lang)
{
	if (column_of(lang) == 1)
		return "日本語";
	if (lang != NULL && strcmp(lang, "en") == 0)
		return "English";
	return lang;
}
