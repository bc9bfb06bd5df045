package templates

import "strings"

// Quarterly is quarterly.toml: the wording and layout of a quarterly
// report; its page and header blocks are the annex's.
type Quarterly struct {
	Heading QuarterlyHeading `toml:"heading"`
	Summary QuarterlySummary `toml:"summary"`
	Tasks   QuarterlyTasks   `toml:"tasks"`
	Sheets  QuarterlySheets  `toml:"sheets"`
	Table   TaskTable        `toml:"table"`
}

// QuarterlyHeading is the report's first page. Its wording takes the
// quarter, the plan's year, the place, the organisation, the program's
// title, the decision's reference, its symbol's code and the report's date.
type QuarterlyHeading struct {
	Number      Text    `toml:"number" fill:"quarter plan_year place organisation title reference code day month year"`
	DateLine    Text    `toml:"date_line" fill:"quarter plan_year place organisation title reference code day month year"`
	Type        Text    `toml:"type" fill:"quarter plan_year place organisation title reference code day month year"`
	Summary     Text    `toml:"summary" fill:"quarter plan_year place organisation title reference code day month year"`
	Opening     Text    `toml:"opening" fill:"quarter plan_year place organisation title reference code day month year"`
	Reference   Text    `toml:"reference" fill:"number symbol day month year issuer"`
	NumberSize  float64 `toml:"number_size"`
	DateSize    float64 `toml:"date_size"`
	OpeningSize float64 `toml:"opening_size"`
}

// QuarterlySummary is the table and chart of counts per unit.
type QuarterlySummary struct {
	Section     Text    `toml:"section"`
	TT          Text    `toml:"tt"`
	Unit        Text    `toml:"unit"`
	Month       Text    `toml:"month" fill:"month"`
	Total       Text    `toml:"total"`
	TotalsRow   Text    `toml:"totals_row"`
	Note        Text    `toml:"note"`
	ChartTitle  Text    `toml:"chart_title"`
	ChartOthers Text    `toml:"chart_others" fill:"count"`
	ChartHeight float64 `toml:"chart_height"`
}

// QuarterlyTasks is the list of the quarter's tasks.
type QuarterlyTasks struct {
	Section        Text `toml:"section"`
	Month          Text `toml:"month" fill:"month"`
	NoFixedMonth   Text `toml:"no_fixed_month"`
	ContinuingFrom Text `toml:"continuing_from" fill:"quarter"`
	ContinuingTo   Text `toml:"continuing_to" fill:"quarter"`
	Empty          Text `toml:"empty"`
}

// QuarterlySheets names the quarterly workbook's sheets and its month column.
type QuarterlySheets struct {
	Summary string `toml:"summary"`
	Tasks   string `toml:"tasks"`
	Month   string `toml:"month"`
}

func (q *Quarterly) check(k *checker, cols *Columns, page Page) {
	h := q.Heading
	k.fontSize("heading.number_size", h.NumberSize)
	k.fontSize("heading.date_size", h.DateSize)
	k.fontSize("heading.opening_size", h.OpeningSize)
	k.number("summary.chart_height", q.Summary.ChartHeight, 30, 150, "mm", "the chart heights")
	k.sheetName("sheets.summary", q.Sheets.Summary)
	k.sheetName("sheets.tasks", q.Sheets.Tasks)
	if strings.EqualFold(q.Sheets.Summary, q.Sheets.Tasks) {
		k.bad("sheets.tasks", "sheets.summary and sheets.tasks must differ")
	}
	// The page is the annex's, checked there; a bad one leaves the
	// columns' widths unchecked rather than reported twice.
	text := page.check(&checker{embedded: k.embedded})
	q.Table.check(k, cols, text)
}
