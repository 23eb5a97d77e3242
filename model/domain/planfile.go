package domain

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
)

// The plan file is the JSON a plan is kept in (seeds/README.md): the
// bundled plan is one, and a database stores the file each plan was made
// from, so reading it belongs to the domain and not to where it is kept.

// PlanFile is the plan file as JSON spells it. The domain owns the format
// for writing too (model/plantable writes plans from an office's table),
// so the reader and the writers cannot drift apart.
type PlanFile struct {
	Plan     PlanFileHeader `json:"plan"`
	Sections []Section      `json:"sections"`
	Items    []PlanFileItem `json:"items"`
}

// PlanFileHeader is the plan's own fields in a plan file.
type PlanFileHeader struct {
	ID            string            `json:"id"`
	Title         string            `json:"title"`
	Revision      int               `json:"revision"`
	Year          int               `json:"year"`
	City          string            `json:"city"`
	Issuer        string            `json:"issuer,omitempty"`
	ApprovedBy    string            `json:"approved_by,omitempty"`
	Issued        string            `json:"issued,omitempty"`
	Notice        string            `json:"notice,omitempty"`
	ParcelTotalMu float64           `json:"parcel_total_mu,omitempty"`
	Refs          map[string]string `json:"refs,omitempty"`
}

// PlanFileItem is one item as the JSON spells it; see seeds/README.md.
type PlanFileItem struct {
	ID           string      `json:"id"`
	Kind         Kind        `json:"kind"`
	Section      string      `json:"section"`
	Topic        string      `json:"topic,omitempty"`
	IndicatorNo  int         `json:"indicator_no,omitempty"`
	Group        string      `json:"group,omitempty"`
	Name         string      `json:"name"`
	TargetText   string      `json:"target_text,omitempty"`
	Target       *Target     `json:"target,omitempty"`
	Hedge        string      `json:"hedge,omitempty"`
	Deadline     string      `json:"deadline,omitempty"`
	Measure      Measure     `json:"measure,omitempty"`
	SameAs       string      `json:"same_as,omitempty"`
	Parent       string      `json:"parent,omitempty"`
	Note         string      `json:"note,omitempty"`
	SourceQuote  string      `json:"source_quote"`
	AreaMu       float64     `json:"area_mu,omitempty"`
	Boundaries   *Boundaries `json:"boundaries,omitempty"`
	InterestType string      `json:"interest_type,omitempty"`
	Implementers []string    `json:"implementers,omitempty"`
	Seq          int         `json:"seq,omitempty"`
}

// ParsePlanFile reads a plan file. Every target text is parsed by the grammar and
// must equal the structured target written beside it, so a reviewer who
// corrects one in a pull request sees at once if the two disagree. An
// unknown field, an unknown phrasing or a broken link is an error. A
// qualitative target (basis "qualitative") may stand beside any text the
// grammar does not read as a number: the reviewer marked it 定性.
func ParsePlanFile(data []byte) (*Plan, error) { return parsePlanFile(data, true) }

// ParsePlanFileChecked reads a plan file that ParsePlanFile has accepted before, byte for
// byte (the database keeps the dataset it was made from with its checksum,
// PlanFileVersion). It leaves out the checks for files people edit — unknown
// fields, every target text parsed again and compared — a fifth of the
// time of loading a 10,000-item plan; links and the plan's own rules are
// still checked.
func ParsePlanFileChecked(data []byte) (*Plan, error) { return parsePlanFile(data, false) }

// PlanFileVersion is the checksum the database records for a dataset: the first
// 8 bytes of its SHA-256, in hex.
func PlanFileVersion(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

func parsePlanFile(data []byte, strict bool) (*Plan, error) {
	var f PlanFile
	if strict {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("计划数据文件格式有误：%w", err)
		}
	} else if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("计划数据文件格式有误：%w", err)
	}
	p := &Plan{
		ID: f.Plan.ID, Title: f.Plan.Title, Revision: f.Plan.Revision, Year: f.Plan.Year, City: f.Plan.City,
		Issuer: f.Plan.Issuer, ApprovedBy: f.Plan.ApprovedBy, Issued: f.Plan.Issued,
		Notice: f.Plan.Notice, ParcelTotalMu: f.Plan.ParcelTotalMu, Refs: f.Plan.Refs,
		Sections: f.Sections,
		Items:    make([]Item, 0, len(f.Items)),
	}
	for _, fi := range f.Items {
		it := Item{
			ID: fi.ID, Kind: fi.Kind, Section: fi.Section, Topic: fi.Topic,
			IndicatorNo: fi.IndicatorNo, Group: fi.Group, Name: fi.Name,
			TargetText: fi.TargetText, Hedge: fi.Hedge, Measure: fi.Measure,
			SameAs: fi.SameAs, Parent: fi.Parent, Note: fi.Note, SourceQuote: fi.SourceQuote,
		}
		if fi.TargetText != "" && !strict {
			if fi.Target == nil {
				return nil, fmt.Errorf("%s：缺少结构化目标（target）", fi.ID)
			}
			it.Target = *fi.Target
		} else if fi.TargetText != "" && fi.Target != nil && fi.Target.Basis == BasisQualitative {
			// A qualitative target: read by the grammar (稳中提质) or
			// marked by a reviewer, never one hiding a number.
			t, err := qualitativeFromFile(fi.TargetText, *fi.Target)
			if err != nil {
				return nil, fmt.Errorf("%s：%w", fi.ID, err)
			}
			it.Target = t
		} else if fi.TargetText != "" {
			t, err := ParseTarget(fi.TargetText)
			if err != nil {
				return nil, fmt.Errorf("%s：%w", fi.ID, err)
			}
			if fi.Target == nil {
				return nil, fmt.Errorf("%s：缺少结构化目标（target）", fi.ID)
			}
			if !reflect.DeepEqual(t, *fi.Target) {
				got, _ := json.Marshal(t)
				return nil, fmt.Errorf("%s：目标“%s”解析为 %s，与文件中的 target 不一致", fi.ID, fi.TargetText, got)
			}
			it.Target = t
		} else if fi.Target != nil {
			return nil, fmt.Errorf("%s：有 target 却没有 target_text", fi.ID)
		}
		if fi.Deadline != "" {
			d, err := ParsePeriod(fi.Deadline, p.Year)
			if err != nil {
				return nil, fmt.Errorf("%s：期限%w", fi.ID, err)
			}
			it.Deadline = d
		}
		if fi.Kind == KindParcel {
			pc := &Parcel{Seq: fi.Seq, AreaMu: fi.AreaMu, InterestType: fi.InterestType,
				Implementers: fi.Implementers}
			if fi.Boundaries != nil {
				pc.Boundaries = *fi.Boundaries
			}
			it.Parcel = pc
		}
		p.Items = append(p.Items, it)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}
