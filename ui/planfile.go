package ui

import (
	"errors"

	"cn.planreview/planreview/model/plantable"
)

// planFileFromDraft turns an agreed table into a plan file. The function
// that does it belongs to model/plantable (the command line's plan import
// uses it too); until it is there the window previews and says so.
func planFileFromDraft(plantable.Draft, newPlan) ([]byte, error) {
	return nil, errors.New(tr("此版本尚不能从表格生成计划文件；请用命令行 planreview plan import"))
}
