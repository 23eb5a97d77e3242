package domain

import "sort"

// StatusKey is what counts tell apart: the status, and for a judgement
// on an earlier period's figure (Status.Early) that period, so such a
// status is counted as a result of its own period, never the asked one.
type StatusKey struct {
	Code  Code
	Early Period // zero unless the status is early
}

// KeyOf is the status's key.
func KeyOf(s Status) StatusKey {
	k := StatusKey{Code: s.Code}
	if s.Early {
		k.Early = s.Period
	}
	return k
}

// Group is the index in StatusGroups of the key's group, as Status.Group.
func (k StatusKey) Group() int {
	if !k.Early.IsZero() {
		return EarlyGroup
	}
	return k.Code.Group()
}

// Label names the key: 符合预期, or 按1-9月数据符合预期.
func (k StatusKey) Label() string {
	if k.Early.IsZero() {
		return k.Code.Label()
	}
	return EarlyLabel(k.Code, k.Early)
}

// Tally counts statuses by key; every view's counts and bars come from one.
type Tally map[StatusKey]int

// Add counts a status.
func (t Tally) Add(s Status) { t[KeyOf(s)]++ }

// Keys are the keys counted, in the order counts are written: statuses
// of the asked period first, in Codes order, then early ones by period.
func (t Tally) Keys() []StatusKey {
	var out []StatusKey
	for k, n := range t {
		if n > 0 {
			out = append(out, k)
		}
	}
	rank := map[Code]int{}
	for i, c := range Codes {
		rank[c] = i
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Early != b.Early {
			return a.Early.IsZero() || (!b.Early.IsZero() && a.Early.Before(b.Early))
		}
		return rank[a.Code] < rank[b.Code]
	})
	return out
}

// HasEarly reports whether any status counted is an early judgement.
func (t Tally) HasEarly() bool {
	for k, n := range t {
		if !k.Early.IsZero() && n > 0 {
			return true
		}
	}
	return false
}
