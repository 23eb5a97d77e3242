package assets

// OfficialSymbols are symbols Chinese official documents and statistics
// tables use, one group a line: units (改造老旧小区100万㎡), operators,
// numbering (①⑴⒈Ⅻ❶㈠), brackets (〔〕 for 文号, ﹝﹞), marks (▲★※✓),
// enclosed ideographs (㊣) and table rules. Both the brief's faces and the
// window's faces have every one of them: the tests of this package, of ui
// (through the theme) and of the PDF brief (printed, none as 〓) check it.
// Each is in Noto Sans CJK SC; scripts/build_font.py keeps the whole
// blocks they come from.
const OfficialSymbols = "㎡㎥㎞㎏㎎㎜㎝㎖㎘㏄㎠㎢㎾㎿㏎㏑㏒㏕°℃℉‰±×÷≥≤≠≈≡√∞∑∫∵∴′″№¥€£$%²³⁴\n" +
	"①②⑩⑳⑴⑵⒇⒈⒉⒛ⅠⅡⅢⅫⅰⅱⅻ❶❷❿➀➉㈠㈡㈩㊀㊁㊉〇\n" +
	"《》〈〉【】〔〕〖〗「」『』﹝﹞（）︰﹙﹚﹛﹜︵︶︻︼——…·•‘’“”、。，；：？！～﹏﹐﹑﹔﹖\n" +
	"■□▲△▼▽▶◀◆◇●○◎★☆※✓☎→←↑↓↔⇒⇔➡⬆\n" +
	"㊣㊤㊥㊦㊧㊨㈱㈲㊙㊚㊛㊟㊞\n" +
	"─│┌┐└┘├┤┬┴┼━┃╋═║╔╗╚╝█░▒"
