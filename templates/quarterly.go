package templates

import (
	"fmt"
	"strings"
)

// Quarterly is the wording and layout of a quarterly report; its page and
// header blocks are the annex's.
type Quarterly struct {
	Heading QuarterlyHeading `toml:"heading"`
	Summary QuarterlySummary `toml:"summary"`
	Tasks   QuarterlyTasks   `toml:"tasks"`
	Sheets  QuarterlySheets  `toml:"sheets"`
	Table   Table            `toml:"table"`
}

// QuarterlyHeading is the report's first page.
type QuarterlyHeading struct {
	Number      string  `toml:"number"`
	DateLine    string  `toml:"date_line"`
	Type        string  `toml:"type"`
	Summary     string  `toml:"summary"`
	Opening     string  `toml:"opening"`
	Reference   string  `toml:"reference"`
	NumberSize  float64 `toml:"number_size"`
	DateSize    float64 `toml:"date_size"`
	OpeningSize float64 `toml:"opening_size"`
}

// QuarterlySummary is the table and chart of counts per unit.
type QuarterlySummary struct {
	Section     string  `toml:"section"`
	TT          string  `toml:"tt"`
	Unit        string  `toml:"unit"`
	Month       string  `toml:"month"`
	ByMonth     string  `toml:"by_month"`
	ByBody      string  `toml:"by_body"`
	Total       string  `toml:"total"`
	TotalsRow   string  `toml:"totals_row"`
	Note        string  `toml:"note"`
	ChartTitle  string  `toml:"chart_title"`
	ChartHeight float64 `toml:"chart_height"`
}

// QuarterlyTasks is the list of the quarter's tasks.
type QuarterlyTasks struct {
	Section        string `toml:"section"`
	Month          string `toml:"month"`
	NoFixedMonth   string `toml:"no_fixed_month"`
	ContinuingFrom string `toml:"continuing_from"`
	ContinuingTo   string `toml:"continuing_to"`
	Empty          string `toml:"empty"`
}

// QuarterlySheets names the quarterly workbook's sheets and extra columns.
type QuarterlySheets struct {
	Summary string `toml:"summary"`
	Tasks   string `toml:"tasks"`
	Month   string `toml:"month"`
	Key     string `toml:"key"`
}

// ReportPlaceholders are the placeholders the report's wording takes.
var ReportPlaceholders = []string{"{quarter}", "{plan_year}", "{place}", "{organisation}", "{title}", "{reference}", "{code}", "{day}", "{month}", "{year}"}

// LoadQuarterly returns the embedded quarterly template, overridden by
// dir's quarterly.toml when dir is not empty.
func LoadQuarterly(dir string) (*Quarterly, error) {
	var q Quarterly
	source, err := load("quarterly.toml", dir, &q, func(raw []byte) {
		if defines(raw, "table", "columns") {
			q.Table.Columns = nil
		}
	})
	if err != nil {
		return nil, err
	}
	if err := q.validate(source); err != nil {
		return nil, err
	}
	return &q, nil
}

func (q *Quarterly) validate(name string) error {
	var errs []string
	h := q.Heading
	for _, w := range []struct{ key, text string }{{"heading.number", h.Number}, {"heading.date_line", h.DateLine}, {"heading.type", h.Type},
		{"heading.summary", h.Summary}, {"heading.opening", h.Opening}} {
		errs = append(errs, placeholderErrors(w.key, w.text, ReportPlaceholders...)...)
	}
	errs = append(errs, placeholderErrors("heading.reference", h.Reference, "{number}", "{symbol}", "{day}", "{month}", "{year}", "{issuer}")...)
	errs = append(errs, placeholderErrors("summary.month", q.Summary.Month, "{month}")...)
	errs = append(errs, placeholderErrors("tasks.month", q.Tasks.Month, "{month}")...)
	errs = append(errs, placeholderErrors("tasks.continuing_from", q.Tasks.ContinuingFrom, "{quarter}")...)
	errs = append(errs, placeholderErrors("tasks.continuing_to", q.Tasks.ContinuingTo, "{quarter}")...)
	errs = append(errs, sizeErrors(map[string]float64{"heading.number_size": h.NumberSize, "heading.date_size": h.DateSize, "heading.opening_size": h.OpeningSize})...)
	if q.Summary.ChartHeight < 30 || q.Summary.ChartHeight > 150 {
		errs = append(errs, fmt.Sprintf("summary.chart_height %g mm must be between 30 and 150", q.Summary.ChartHeight))
	}
	for _, sh := range []struct{ key, name string }{{"summary", q.Sheets.Summary}, {"tasks", q.Sheets.Tasks}} {
		if msg := SheetNameProblem(sh.name); msg != "" {
			errs = append(errs, fmt.Sprintf("sheets.%s: %s", sh.key, msg))
		}
	}
	if strings.EqualFold(q.Sheets.Summary, q.Sheets.Tasks) {
		errs = append(errs, "sheets.summary and sheets.tasks must differ")
	}
	errs = append(errs, q.Table.problems()...)
	if len(errs) > 0 {
		return fmt.Errorf("%s: %s", name, strings.Join(errs, "; "))
	}
	return nil
}
