package store

import (
	"database/sql"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strings"
)

// A seal is the note a clean close leaves beside the database: the file's
// size and CRC-32C at a moment when it had just passed PRAGMA quick_check.
// An open that finds the file byte for byte as sealed (same size, same
// checksum, no -wal file holding later changes) has no need to run
// quick_check again: the bytes are exactly those that passed it. This
// moves the slowest part of opening a large plan (quick_check reads and
// walks every page: 110–330 ms for 10,000 items) to the close, where
// nobody waits, while checksumming the file costs an open about 15 ms.
//
// Anything else falls back to the full check: no seal, a different size or
// checksum (damage, a restore, another program's write, a crash after a
// checkpoint), or a -wal file (a session that did not close cleanly).
// A seal can only ever skip a check on a file identical to one that passed.

// sealVersion starts the seal file, so a future format is not misread.
const sealVersion = "planreview-checked 1"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func sealPath(path string) string { return path + ".checked" }

// SealPath is where the seal of the database at path is kept: a copy of
// the database with its seal beside it opens as fast as the original.
func SealPath(path string) string { return sealPath(path) }

// fileSum is the size and CRC-32C of the file at path, read in 1 MiB
// pieces so a large database is never held in memory whole.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	var sum uint32
	var size int64
	for {
		n, err := f.Read(buf)
		sum = crc32.Update(sum, castagnoli, buf[:n])
		size += int64(n)
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%s size=%d crc32c=%08x\n", sealVersion, size, sum), nil
}

// walPending reports whether a -wal file beside path may hold changes the
// main file does not: then the main file alone is not the database.
func walPending(path string) bool {
	info, err := os.Stat(path + "-wal")
	return err == nil && info.Size() > 0 || err != nil && !errors.Is(err, os.ErrNotExist)
}

// sealed reports whether the file at path is exactly as a clean close
// sealed it.
func sealed(path string) bool {
	want, err := os.ReadFile(sealPath(path))
	if err != nil || !strings.HasPrefix(string(want), sealVersion+" ") || walPending(path) {
		return false
	}
	got, err := fileSum(path)
	return err == nil && got == string(want)
}

// seal runs quick_check on the closed database at path and, if it passes,
// records the file's checksum beside it. With a -wal file still there
// (another copy of the program has the database open) any old seal is
// removed instead: that copy will seal the file when it closes. Failing to
// seal is harmless — the next open runs the full check — so errors are not
// reported.
func seal(path string) {
	os.Remove(sealPath(path))
	if walPending(path) {
		return
	}
	before, err := fileSum(path)
	if err != nil {
		return
	}
	if quickCheck(path, true) != nil {
		return
	}
	// Checksummed before the check and again after: a write by another
	// copy in between would change it, and the seal must describe the file
	// that was checked.
	if after, err := fileSum(path); err != nil || after != before || walPending(path) {
		return
	}
	WriteFileAtomic(sealPath(path), []byte(before))
}

// quickCheck runs PRAGMA quick_check on the file at path through its own
// read-only connection; immutable when no -wal file is beside it, so the
// check creates no -wal or -shm file next to a file that may not be ours.
func quickCheck(path string, immutable bool) error {
	q := dsn(path, true)
	if immutable {
		q += "&immutable=1"
	}
	db, err := sql.Open("sqlite", q)
	if err != nil {
		return err
	}
	defer db.Close()
	problems, err := runQuickCheck(db)
	if err == nil && len(problems) > 0 {
		err = errors.New(strings.Join(problems, "；"))
	}
	return err
}

// runQuickCheck lists what PRAGMA quick_check finds wrong (at most three,
// then "…"); err is set when the check could not run at all.
func runQuickCheck(db *sql.DB) (problems []string, err error) {
	rows, err := db.Query(`PRAGMA quick_check`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 3 {
		problems = append(problems[:3], "…")
	}
	return problems, nil
}
