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
