package store

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFreeName: a free name is kept; a taken one gets the first free
// （N） before its extension, the taken files untouched.
func TestFreeName(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		taken []string
		want  string
	}{
		{"free", nil, "催报清单.xlsx"},
		{"taken", []string{"催报清单.xlsx"}, "催报清单（2）.xlsx"},
		{"taken twice", []string{"催报清单.xlsx", "催报清单（2）.xlsx"}, "催报清单（3）.xlsx"},
		{"gap kept", []string{"催报清单.xlsx", "催报清单（3）.xlsx"}, "催报清单（2）.xlsx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := filepath.Join(dir, tc.name)
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range tc.taken {
				if err := os.WriteFile(filepath.Join(d, f), []byte(f), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := FreeName(filepath.Join(d, "催报清单.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			if got != filepath.Join(d, tc.want) {
				t.Errorf("%s, want %s", got, tc.want)
			}
			for _, f := range tc.taken {
				if b, err := os.ReadFile(filepath.Join(d, f)); err != nil || string(b) != f {
					t.Errorf("%s changed: %q %v", f, b, err)
				}
			}
		})
	}
}
