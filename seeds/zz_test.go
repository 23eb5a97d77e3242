package seeds

import (
	"database/sql"
	"encoding/json"
	"testing"

	_ "modernc.org/sqlite"
)

func zzData(b *testing.B) []byte {
	db, _ := sql.Open("sqlite", "file:/tmp/planreview-bench-10000-v1.db?mode=ro")
	defer db.Close()
	var data []byte
	if err := db.QueryRow(`SELECT dataset FROM plans`).Scan(&data); err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkZZParse(b *testing.B) {
	data := zzData(b)
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkZZUnmarshal(b *testing.B) {
	data := zzData(b)
	for b.Loop() {
		var f planFile
		if err := json.Unmarshal(data, &f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkZZParseChecked(b *testing.B) {
	data := zzData(b)
	for b.Loop() {
		if _, err := ParseChecked(data); err != nil {
			b.Fatal(err)
		}
	}
}
