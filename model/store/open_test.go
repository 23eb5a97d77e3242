package store

import (
	"context"
	"testing"
)

// TestEveryConnectionGetsThePragmas holds two pooled connections at once:
// a pragma run with db.Exec would reach only one of them; the DSN's reach
// every connection the pool makes.
func TestEveryConnectionGetsThePragmas(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		c, err := s.db.Conn(ctx) // held open: the next one is a new connection
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var mode string
		var sync, fk, busy int
		for _, q := range []struct {
			pragma string
			dest   any
		}{{"journal_mode", &mode}, {"synchronous", &sync}, {"foreign_keys", &fk}, {"busy_timeout", &busy}} {
			if err := c.QueryRowContext(ctx, "PRAGMA "+q.pragma).Scan(q.dest); err != nil {
				t.Fatalf("connection %d: PRAGMA %s: %v", i, q.pragma, err)
			}
		}
		if mode != "wal" || sync != 2 || fk != 1 || busy != 5000 {
			t.Errorf("connection %d: journal_mode %q synchronous %d foreign_keys %d busy_timeout %d; want wal, 2 (FULL), 1, 5000",
				i, mode, sync, fk, busy)
		}
	}
}
