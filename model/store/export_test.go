package store

// ForgetLastYear drops the kept review of last year's plan, for
// benchmarks that time building it (store_test cannot reach the field).
func (s *Store) ForgetLastYear() {
	s.priorMu.Lock()
	s.lastYear = keptReview{}
	s.priorMu.Unlock()
}
