package docread

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"cn.planreview/planreview/model/textenc"
)

// FormatOf is the format a file's name says, and whether it is one Read
// reads; a format it refuses (.doc, .wps, .pdf, .ofd, .et, .xls) is
// reported as not readable.
func FormatOf(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return FormatText, true
	case ".html", ".htm", ".shtml", ".xhtml":
		return FormatHTML, true
	case ".docx":
		return FormatDocx, true
	case ".xlsx", ".xlsm", ".csv":
		return FormatSheet, true
	}
	return "", false
}

// unsupported are the formats refused with advice: binary office formats
// and page formats whose text cannot be read without layout.
var unsupported = map[string]string{
	".doc": "旧版Word（.doc）", ".wps": "WPS文字（.wps）", ".pdf": "PDF", ".ofd": "OFD版式文件",
	".et": "WPS表格（.et）", ".xls": "旧版Excel（.xls）", ".rtf": "RTF", ".odt": "OpenDocument（.odt）",
	".ceb": "CEB版式文件", ".caj": "CAJ", ".mht": "网页存档（.mht）", ".mhtml": "网页存档（.mhtml）",
}

// Read reads a document file's content; name (a path or base name) gives
// the format by its extension. The error, an *Error, says in Chinese what
// is wrong and what to do; nothing is guessed past it.
func Read(name string, data []byte) (Document, error) {
	base := filepath.Base(name)
	fail := func(err error, detail string) (Document, error) {
		return Document{}, &Error{File: base, Err: err, Detail: detail}
	}
	ext := strings.ToLower(filepath.Ext(name))
	if kind, ok := unsupported[ext]; ok {
		return fail(ErrUnsupported, kind)
	}
	f, ok := FormatOf(name)
	if !ok {
		return fail(ErrUnknownType, "")
	}
	if len(data) > MaxFileSize {
		return fail(ErrTooLarge, megabytes(int64(len(data))))
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return fail(ErrEmpty, "")
	}
	var (
		d   Document
		err error
	)
	switch f {
	case FormatText:
		var text, enc string
		text, enc, err = textenc.Decode(data)
		if err == nil {
			d = textDocument(base, FormatText, enc, text)
		}
	case FormatHTML:
		d, err = readHTML(base, data)
	case FormatDocx:
		d, err = readDocx(base, data)
	case FormatSheet:
		d, err = readSheet(base, data)
	}
	if err != nil {
		if e, ok := err.(*Error); ok {
			return Document{}, e
		}
		return fail(err, "")
	}
	if strings.TrimSpace(d.Text) == "" {
		return fail(ErrEmpty, "没有文字")
	}
	return d, nil
}

// ReadFrom reads a document from r (a file the window opened) as Read
// does, reading no further than MaxFileSize: a larger file is refused
// without being read to its end.
func ReadFrom(name string, r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return Document{}, fmt.Errorf("无法读取“%s”：%w", filepath.Base(name), err)
	}
	if len(data) > MaxFileSize {
		// Not read to its end, so its size is not known: none is given.
		return Document{}, &Error{File: filepath.Base(name), Err: ErrTooLarge}
	}
	return Read(name, data)
}
