package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"

	"cn.planreview/planreview/model/brief"
)

// ReadStamp reads the brief's stamp from a .docx this package wrote: the
// custom property PlanReviewStamp of docProps/custom.xml. A file that is
// no zip, or has no such property, is brief.ErrNoStamp: a clerk may have
// saved the brief again in Word, which keeps custom properties, or made
// another document, which has none.
func ReadStamp(data []byte) (brief.Stamp, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return brief.Stamp{}, brief.ErrNoStamp
	}
	f, err := z.Open("docProps/custom.xml")
	if err != nil {
		return brief.Stamp{}, brief.ErrNoStamp
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, 64<<20))
	if err != nil {
		return brief.Stamp{}, brief.ErrDamagedStamp
	}
	var props struct {
		Property []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"lpwstr"`
		} `xml:"property"`
	}
	if err := xml.Unmarshal(raw, &props); err != nil {
		return brief.Stamp{}, brief.ErrDamagedStamp
	}
	for _, p := range props.Property {
		if p.Name == stampProperty {
			return brief.DecodeStamp(p.Value)
		}
	}
	return brief.Stamp{}, brief.ErrNoStamp
}
