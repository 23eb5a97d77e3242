package brief

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sort"
	"strings"
	"time"

	"cn.planreview/planreview/model/domain"
)

// Stamp is what a brief carries so that anyone can check it against the
// data later: the data fingerprint printed in its footer (a digest of
// exactly what the brief shows), the plan and options it was made with,
// and a digest per item shown, so a check can name the items whose
// figures, notes or statuses have changed since.
//
// The fingerprint is computed from the brief's content model — the texts
// the renderers print — so what is printed is what is hashed. It leaves
// out only the brief's date: the same data on another day is the same data.
type Stamp struct {
	Version  int      `json:"v"`
	Code     string   `json:"code"` // 3F9A-21C7-88D0
	PlanID   string   `json:"plan"`
	Revision int      `json:"rev"`   // the plan data's revision
	AsOf     string   `json:"as_of"` // 2023-09
	Parts    []string `json:"parts"`
	Notes    bool     `json:"notes"`
	AllRows  bool     `json:"all_rows,omitempty"`
	Marking  string   `json:"marking,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	Reviewer string   `json:"reviewer,omitempty"`
	// Made is when the brief was made (its date): changes in the history
	// after it are those the brief cannot know of.
	Made time.Time `json:"made"`
	// HistoryMark is the newest history row then (Options.HistoryMark):
	// the changes after it are those the brief cannot show.
	HistoryMark int64 `json:"history,omitempty"`
	// Items is a short digest of each item the brief shows (its rows and
	// its concern), by item ID.
	Items map[string]string `json:"items"`
	// Units is the appendix 按责任单位 row by row: unit → its counts as
	// printed (牵头/协办/… joined by "/"), so a check can name the units
	// whose rows differ after an assignment or a rename. Absent in a
	// brief without the appendix, and in briefs made before it was kept.
	Units map[string]string `json:"units,omitempty"`
}

// stampVersion is the layout of Stamp; a newer one is refused by name.
const stampVersion = 1

// stampPrefix opens an encoded stamp: a file whose metadata has no such
// text is not one of our briefs.
const stampPrefix = "PLANREVIEW-BRIEF-1."

// The errors of reading a stamp back.
var (
	ErrNoStamp      = errors.New("不是本程序生成的简报（文件中没有数据指纹）")
	ErrDamagedStamp = errors.New("简报中的数据指纹已损坏（校验不符），无法核验")
)

// digest writes strings into a hash with their lengths, so that no two
// different lists of texts hash alike by running together.
type digest struct{ h hash.Hash }

func newDigest() digest { return digest{sha256.New()} }

func (d digest) add(ss ...string) {
	var n [8]byte
	for _, s := range ss {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		d.h.Write(n[:])
		d.h.Write([]byte(s))
	}
}

func (d digest) sum() []byte { return d.h.Sum(nil) }

// stamp computes the brief's stamp from its content and the options and
// plan it was built with.
func stamp(b Brief, p *domain.Plan, o Options, parts []string) Stamp {
	s := Stamp{Version: stampVersion, PlanID: p.ID, Revision: p.Revision, AsOf: o.AsOf.String(),
		Parts: append([]string(nil), parts...), Notes: o.Notes, AllRows: o.AllRows,
		Marking: o.Marking, Unit: o.Unit, Reviewer: o.Reviewer, Made: o.Date, HistoryMark: o.HistoryMark, Items: map[string]string{}}
	all := newDigest()
	all.add(p.ID, fmt.Sprint(p.Revision), s.AsOf, strings.Join(s.Parts, ","), fmt.Sprint(o.Notes), fmt.Sprint(o.AllRows))
	all.add(b.Title, b.Subtitle, b.AsOf, b.Unit, b.Reviewer, b.Marking)
	items := map[string]digest{}
	item := func(id string) digest {
		d, ok := items[id]
		if !ok {
			d = newDigest()
			items[id] = d
		}
		return d
	}
	for _, part := range b.Parts {
		all.add("part", part.Key, part.Heading)
		all.add(part.Lines...)
		for _, bar := range part.Bars {
			all.add("bar", bar.Title)
			for _, c := range bar.Counts {
				all.add(c.Label(), fmt.Sprint(c.Count))
			}
		}
		for _, c := range part.Items {
			texts := append([]string{"concern", c.ID, c.Ref, c.Name, c.Target, string(c.Status.Code), c.Status.Label, c.Status.Reason}, c.Notes...)
			all.add(texts...)
			item(c.ID).add(texts...)
		}
		if t := part.Table; t != nil {
			all.add("table", t.Caption)
			for _, c := range t.Columns {
				all.add(c.Title)
			}
			for _, g := range t.Groups {
				all.add("group", g.Title, g.Note)
				for _, r := range g.Rows {
					texts := append([]string{"row", t.Caption, r.ID, string(r.Status.Code)}, r.Cells...)
					all.add(texts...)
					if r.ID != "" {
						item(r.ID).add(texts...)
					} else if part.Key == PartUnits && len(r.Cells) > 0 {
						// A unit's counts: kept as printed, to name it
						// when a check finds the appendix differs.
						if s.Units == nil {
							s.Units = map[string]string{}
						}
						s.Units[r.Cells[0]] = strings.Join(r.Cells[1:], unitSep)
					}
				}
			}
		}
	}
	for id, d := range items {
		s.Items[id] = hex.EncodeToString(d.sum()[:4])
	}
	h := strings.ToUpper(hex.EncodeToString(all.sum()[:6]))
	s.Code = h[0:4] + "-" + h[4:8] + "-" + h[8:12]
	return s
}

// Encode writes the stamp as ASCII text for a file's metadata: the
// prefix, the stamp as base64 JSON, and a check digest of that JSON.
func (s Stamp) Encode() string {
	raw, _ := json.Marshal(s) // a struct of strings, numbers and a map: cannot fail
	sum := sha256.Sum256(raw)
	return stampPrefix + base64.RawURLEncoding.EncodeToString(raw) + "." + hex.EncodeToString(sum[:8])
}

// DecodeStamp reads a stamp written by Encode: ErrNoStamp without the
// prefix, ErrDamagedStamp when the check digest or the JSON does not fit.
func DecodeStamp(text string) (Stamp, error) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, stampPrefix) {
		return Stamp{}, ErrNoStamp
	}
	body, check, ok := strings.Cut(strings.TrimPrefix(text, stampPrefix), ".")
	if !ok {
		return Stamp{}, ErrDamagedStamp
	}
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return Stamp{}, ErrDamagedStamp
	}
	sum := sha256.Sum256(raw)
	if hex.EncodeToString(sum[:8]) != check {
		return Stamp{}, ErrDamagedStamp
	}
	var s Stamp
	if err := json.Unmarshal(raw, &s); err != nil {
		return Stamp{}, ErrDamagedStamp
	}
	if s.Version != stampVersion {
		return Stamp{}, fmt.Errorf("简报的数据指纹为第%d版，本程序只能核验第%d版", s.Version, stampVersion)
	}
	if s.Items == nil {
		s.Items = map[string]string{}
	}
	return s, nil
}

// Options gives back the options the brief was made with, to build it
// again from today's data. Priors are not in the stamp: the caller reads
// them from the store as the export did.
func (s Stamp) Options() (Options, error) {
	var p domain.Period
	if _, err := fmt.Sscanf(s.AsOf, "%4d-%2d", &p.Year, &p.Month); err != nil || p.Month < 1 || p.Month > 12 {
		return Options{}, ErrDamagedStamp
	}
	for _, k := range s.Parts {
		known := false
		for _, a := range AllParts {
			known = known || a == k
		}
		if !known {
			return Options{}, ErrDamagedStamp
		}
	}
	// The stamp lists the parts printed: none listed is none printed
	// (a blank brief of an older version), never "all".
	parts := append([]string{}, s.Parts...)
	return Options{AsOf: p, Date: s.Made, Unit: s.Unit, Reviewer: s.Reviewer, Marking: s.Marking,
		Parts: parts, Notes: s.Notes, AllRows: s.AllRows, HistoryMark: s.HistoryMark}, nil
}

// ItemDiff is an item whose part of the brief differs between a stamp and
// a brief built again.
type ItemDiff struct {
	ID  string
	How DiffKind
}

// DiffKind says how an item's part of the brief changed.
type DiffKind int

// How an item differs.
const (
	Changed DiffKind = iota // its figures, notes or status read otherwise
	Added                   // it shows now and did not then
	Removed                 // it showed then and does not now
)

// Diff lists the items whose digests differ between two stamps, by ID.
func Diff(then, now Stamp) []ItemDiff {
	var out []ItemDiff
	for id, d := range then.Items {
		switch n, ok := now.Items[id]; {
		case !ok:
			out = append(out, ItemDiff{id, Removed})
		case n != d:
			out = append(out, ItemDiff{id, Changed})
		}
	}
	for id := range now.Items {
		if _, ok := then.Items[id]; !ok {
			out = append(out, ItemDiff{id, Added})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// unitSep joins a unit's counts in Stamp.Units.
const unitSep = "/"

// UnitDiff is a unit whose row of the appendix 按责任单位 differs between
// a stamp and a brief built again: in words, what changed.
type UnitDiff struct {
	Unit string
	How  string // 牵头 2→3，滞后或未完成 0→1; 简报中原无此单位 …
}

// DiffUnits lists the units whose appendix rows differ between two
// stamps, by name; a renamed unit is one gone and one come. ok is false
// when the old stamp did not keep the rows (made before they were kept)
// although the brief had the appendix: the caller can only say the
// appendix differs.
func DiffUnits(then, now Stamp) (out []UnitDiff, ok bool) {
	had := false
	for _, k := range then.Parts {
		had = had || k == PartUnits
	}
	if had && then.Units == nil {
		return nil, false
	}
	for u, t := range then.Units {
		n, in := now.Units[u]
		switch {
		case !in:
			out = append(out, UnitDiff{u, "简报附表中列有此单位，现已不应列入（名称已改或不再有项目）"})
		case n != t:
			out = append(out, UnitDiff{u, countsDiff(t, n)})
		}
	}
	for u, n := range now.Units {
		if _, in := then.Units[u]; !in {
			out = append(out, UnitDiff{u, "简报附表中原无此单位，现应列入（" + countsWords(n) + "）"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Unit < out[j].Unit })
	return out, true
}

// countsDiff words two rows of counts: the columns that differ, then → now.
func countsDiff(then, now string) string {
	t, n := strings.Split(then, unitSep), strings.Split(now, unitSep)
	var parts []string
	for i, title := range UnitColumns[1:] {
		a, b := at(t, i), at(n, i)
		if a != b {
			parts = append(parts, fmt.Sprintf("%s %s→%s", title, a, b))
		}
	}
	return strings.Join(parts, "，")
}

// countsWords words a row of counts: 牵头1、协办0、….
func countsWords(row string) string {
	cells := strings.Split(row, unitSep)
	var parts []string
	for i, title := range UnitColumns[1:] {
		parts = append(parts, title+at(cells, i))
	}
	return strings.Join(parts, "、")
}

func at(ss []string, i int) string {
	if i < len(ss) {
		return ss[i]
	}
	return "—"
}
