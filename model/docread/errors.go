package docread

import (
	"errors"
	"fmt"
	"path/filepath"

	"cn.planreview/planreview/model/textenc"
)

// The reasons a file is not read. Read wraps each in an *Error naming the
// file; the window words its own message by errors.Is.
var (
	ErrEmpty    = errors.New("是空的")
	ErrTooLarge = fmt.Errorf("超过%d MB，不像是一份计划文件，未读取", MaxFileSize>>20)
	// A text's encoding refused: model/textenc's reasons, one for every reader.
	ErrBinary      = textenc.ErrBinary
	ErrEncoding    = textenc.ErrEncoding
	ErrBig5        = textenc.ErrBig5
	ErrShiftJIS    = textenc.ErrShiftJIS
	ErrUnsupported = errors.New("的格式无法直接读入：请在WPS或Word中“另存为”.docx，或复制全文后用“粘贴原文起草”")
	ErrNotDocx     = errors.New("不是有效的Word（.docx）文件（无法按zip打开或缺少word/document.xml）：请在WPS或Word中重新“另存为”.docx")
	ErrBadHTML     = errors.New("网页无法读取（元素嵌套过深或结构无法解析）：请在浏览器中复制正文后用“粘贴原文起草”")
	ErrSheet       = errors.New("表格无法读取") // Detail is model/sheet's message, which names the file
	ErrUnknownType = errors.New("的类型无法识别：可读入 .txt、.html/.htm、.docx、.xlsx、.csv，或复制全文后用“粘贴原文起草”")
)

// The encodings a document's text was in (Document's encoding).
const (
	EncUTF8    = textenc.UTF8
	EncUTF16   = textenc.UTF16
	EncGB18030 = textenc.GB18030
)

// MaxFileSize is the most Read reads: a year's plan notice is tens of
// kilobytes, a long report with tables a few megabytes.
const MaxFileSize = 20 << 20

// Error is a file that could not be read, and why.
type Error struct {
	File   string // the file's base name
	Err    error  // one of the Err… values above
	Detail string // what was found, where it helps: 第3行, 25.3 MB
}

func (e *Error) Error() string {
	if e.Err == ErrSheet && e.Detail != "" {
		return e.Detail
	}
	msg := fmt.Sprintf("文件“%s”%s", e.File, e.Err.Error())
	if e.Detail != "" {
		msg += "（" + e.Detail + "）"
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// TooLarge is the refusal of a file of size bytes over MaxFileSize, named
// by its real size: a caller checks the size before reading, so a file of
// gigabytes is never read to be refused (Read, given only the first
// MaxFileSize+1 bytes, could not say how large it was).
func TooLarge(name string, size int64) error {
	return &Error{File: filepath.Base(name), Err: ErrTooLarge, Detail: megabytes(size)}
}

// megabytes is a size as the messages give it: 25.3 MB.
func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
