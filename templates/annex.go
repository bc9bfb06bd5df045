package templates

import (
	"fmt"
	"slices"
	"strings"
)

// Annex is the layout and wording of the decision annex.
type Annex struct {
	Page       Page       `toml:"page"`
	Header     Header     `toml:"header"`
	Title      Title      `toml:"title"`
	Table      Table      `toml:"table"`
	Closing    Closing    `toml:"closing"`
	PageNumber PageNumber `toml:"page_number"`
	Signature  Signature  `toml:"signature"`
}

// Page is the sheet and its margins, in millimetres.
type Page struct {
	Orientation  string  `toml:"orientation"`
	MarginTop    float64 `toml:"margin_top"`
	MarginBottom float64 `toml:"margin_bottom"`
	MarginLeft   float64 `toml:"margin_left"`
	MarginRight  float64 `toml:"margin_right"`
}

// Header is the first page's header blocks.
type Header struct {
	NationalTitle     string  `toml:"national_title"`
	Motto             string  `toml:"motto"`
	BodySize          float64 `toml:"body_size"`
	NationalTitleSize float64 `toml:"national_title_size"`
	MottoSize         float64 `toml:"motto_size"`
	LeftWidth         float64 `toml:"left_width"`
	RightWidth        float64 `toml:"right_width"`
}

// Title is the type line, summary and reference line.
type Title struct {
	Size      float64 `toml:"size"`
	Reference string  `toml:"reference"`
}

// Table is the program's table.
type Table struct {
	Size         float64  `toml:"size"`
	HeaderSize   float64  `toml:"header_size"`
	LineSpacing  float64  `toml:"line_spacing"`
	PaddingX     float64  `toml:"padding_x"`
	PaddingY     float64  `toml:"padding_y"`
	GroupBy      string   `toml:"group_by"`
	MonthLabel   string   `toml:"month_label"`
	QuarterLabel string   `toml:"quarter_label"`
	Columns      []Column `toml:"columns"`
}

// Column is one column of the table.
type Column struct {
	Field string  `toml:"field"`
	Title string  `toml:"title"`
	Width float64 `toml:"width"`
	Align string  `toml:"align"`
}

// Closing is the paragraph after the table.
type Closing struct {
	Size        float64 `toml:"size"`
	Indent      float64 `toml:"indent"`
	SpaceBefore float64 `toml:"space_before"`
	Mark        string  `toml:"mark"`
}

// PageNumber is the number in the top margin.
type PageNumber struct {
	Size float64 `toml:"size"`
}

// Signature is the signer's block.
type Signature struct {
	Size  float64 `toml:"size"`
	Space float64 `toml:"space"`
}

// Fields are the task columns an annex table can show.
var Fields = []string{"tt", "content", "time", "units", "presiding", "partners", "approvers"}

// LoadAnnex returns the embedded annex template, overridden by dir's
// annex.toml when dir is not empty.
func LoadAnnex(dir string) (*Annex, error) {
	var a Annex
	source, err := load("annex.toml", dir, &a, func(raw []byte) {
		if defines(raw, "table", "columns") {
			a.Table.Columns = nil // a template that lists columns lists all of them
		}
	})
	if err != nil {
		return nil, err
	}
	if err := a.validate(source); err != nil {
		return nil, err
	}
	return &a, nil
}

func (a *Annex) validate(name string) error {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	p := a.Page
	if p.Orientation != "landscape" && p.Orientation != "portrait" {
		bad("page.orientation %q must be \"landscape\" or \"portrait\"", p.Orientation)
	}
	for _, m := range []struct {
		key       string
		v, lo, hi float64
	}{{"margin_top", p.MarginTop, 20, 25}, {"margin_bottom", p.MarginBottom, 20, 25}, {"margin_left", p.MarginLeft, 30, 35}, {"margin_right", p.MarginRight, 15, 20}} {
		if m.v < m.lo || m.v > m.hi {
			bad("page.%s %g mm is outside Decree 30's %g–%g mm", m.key, m.v, m.lo, m.hi)
		}
	}
	errs = append(errs, sizeErrors(map[string]float64{"header.body_size": a.Header.BodySize, "header.national_title_size": a.Header.NationalTitleSize,
		"header.motto_size": a.Header.MottoSize, "title.size": a.Title.Size, "closing.size": a.Closing.Size,
		"page_number.size": a.PageNumber.Size, "signature.size": a.Signature.Size})...)
	if a.Header.LeftWidth <= 0 || a.Header.RightWidth <= 0 {
		bad("header.left_width and header.right_width must be positive")
	}
	errs = append(errs, placeholderErrors("title.reference", a.Title.Reference, "{number}", "{symbol}", "{day}", "{month}", "{year}", "{issuer}")...)
	errs = append(errs, a.Table.problems()...)
	if len(errs) > 0 {
		return fmt.Errorf("%s: %s", name, strings.Join(errs, "; "))
	}
	return nil
}

// sizeErrors reports font sizes no one could read or print.
func sizeErrors(sizes map[string]float64) []string {
	var errs []string
	for key, v := range sizes {
		if v < 6 || v > 30 {
			errs = append(errs, fmt.Sprintf("%s %g pt is not a usable font size (6–30)", key, v))
		}
	}
	slices.Sort(errs) // map order must not reach the message
	return errs
}

// problems checks a task table's settings and columns.
func (t Table) problems() []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	errs = append(errs, sizeErrors(map[string]float64{"table.size": t.Size, "table.header_size": t.HeaderSize})...)
	if t.LineSpacing < 1 || t.LineSpacing > 2 {
		bad("table.line_spacing %g must be between 1 and 2", t.LineSpacing)
	}
	switch t.GroupBy {
	case "", "month", "quarter":
	default:
		bad("table.group_by %q must be \"\", \"month\" or \"quarter\"", t.GroupBy)
	}
	errs = append(errs, placeholderErrors("table.month_label", t.MonthLabel, "{month}")...)
	errs = append(errs, placeholderErrors("table.quarter_label", t.QuarterLabel, "{quarter}")...)
	if len(t.Columns) == 0 {
		bad("table.columns: the table needs at least one column")
	}
	seen := map[string]bool{}
	for i, c := range t.Columns {
		if !slices.Contains(Fields, c.Field) {
			bad("table.columns #%d: field %q must be one of %s", i+1, c.Field, strings.Join(Fields, ", "))
		}
		if seen[c.Field] {
			bad("table.columns #%d: field %q is shown twice", i+1, c.Field)
		}
		seen[c.Field] = true
		if c.Width <= 0 {
			bad("table.columns #%d (%s): width must be positive", i+1, c.Field)
		}
		switch c.Align {
		case "left", "center", "right", "justify":
		default:
			bad("table.columns #%d (%s): align %q must be left, center, right or justify", i+1, c.Field, c.Align)
		}
	}
	if !seen["content"] {
		bad("table.columns: the content column is missing; the table lists the tasks' contents")
	}
	return errs
}
