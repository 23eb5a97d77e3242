package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes an export (a brief, a workbook, a template)
// through a temporary file in the same folder, synced and then renamed
// into place: a failed, interrupted or disk-full write never leaves half a
// file where the user expects a whole one, nor damages the old one.
func WriteFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".planreview-*.tmp")
	if err != nil {
		return fmt.Errorf("无法写入“%s”：%w", path, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法写入“%s”：%w", path, err)
	}
	return nil
}

// FreeName is path when nothing is there yet, else the first of
// 名（2）.ext, 名（3）.ext … that is free: a file written beside another
// (the 催报清单 workbook beside its PDF) must never replace one the user
// has filled in. Choose it before writing anything that names the file.
func FreeName(path string) (string, error) {
	if _, err := os.Lstat(path); os.IsNotExist(err) {
		return path, nil
	} else if err != nil {
		return "", fmt.Errorf("无法检查“%s”：%w", path, err)
	}
	ext := filepath.Ext(path)
	stem := path[:len(path)-len(ext)]
	for n := 2; n < 10000; n++ {
		p := fmt.Sprintf("%s（%d）%s", stem, n, ext)
		if _, err := os.Lstat(p); os.IsNotExist(err) {
			return p, nil
		} else if err != nil {
			return "", fmt.Errorf("无法检查“%s”：%w", p, err)
		}
	}
	return "", fmt.Errorf("“%s”旁同名文件过多，请另选文件夹", path)
}
