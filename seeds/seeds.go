// Package seeds holds the bundled plan: the notice as published and the
// plan as a reviewable JSON file (seeds/README.md), both embedded in the
// program. It holds bytes; the program's main hands them to the store, and
// domain.ParsePlanFile reads them.
package seeds

import (
	_ "embed"

	"cn.planreview/planreview/model/domain"
)

// Notice is the text of the Jiaxing 2023 plan notice, as published.
//
//go:embed jiaxing-2023-plan-notice.txt
var Notice string

// PlanJSON is the Jiaxing 2023 plan as data.
//
//go:embed jiaxing-2023-plan.json
var PlanJSON []byte

// Version identifies the bundled dataset: a database records it, and a
// newer program with a corrected dataset sees the difference and updates
// the plan items.
func Version() string { return domain.PlanFileVersion(PlanJSON) }

// Load reads the bundled plan.
func Load() (*domain.Plan, error) { return domain.ParsePlanFile(PlanJSON) }
