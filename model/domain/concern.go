package domain

// Concerned is an item whose status needs a committee's attention, with
// the items listed with it: those sharing its figures (same_as) and judged
// alike, so one finding is listed once and named at every place it stands.
type Concerned struct {
	Item   Item
	Status Status
	Also   []Item // linked items judged alike, in plan order
}

// Concerns lists the items whose status needs attention, in plan order,
// given each item's status. Every view's 需关注 takes its items from here.
func (p *Plan) Concerns(status func(Item) Status) []Concerned {
	var out []Concerned
	at := map[string]int{} // tracked series → index in out of its first concern
	for _, it := range p.Items {
		s := status(it)
		if !s.Code.Concern() {
			continue
		}
		key := TrackedID(it)
		if i, ok := at[key]; ok && sameJudgement(out[i].Status, s) {
			out[i].Also = append(out[i].Also, it)
			continue
		}
		at[key] = len(out)
		out = append(out, Concerned{Item: it, Status: s})
	}
	return out
}

// sameJudgement reports whether two statuses of items sharing figures say
// the same thing; linked items with different targets are judged apart
// and listed apart.
func sameJudgement(a, b Status) bool {
	return a.Code == b.Code && a.Reason == b.Reason && a.Early == b.Early && a.Manual == b.Manual
}
