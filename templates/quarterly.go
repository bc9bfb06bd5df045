package templates

import (
	"strings"

	"github.com/plandoc/plandoc/data/msg"
)

// Quarterly is quarterly.toml: the wording and layout of a quarterly
// report; its page and header blocks are the annex's.
type Quarterly struct {
	Heading QuarterlyHeading `toml:"heading"`
	Summary QuarterlySummary `toml:"summary"`
	Tasks   QuarterlyTasks   `toml:"tasks"`
	Results Results          `toml:"results"`
	Closing ReportClosing    `toml:"closing"`
	Year    YearReport       `toml:"year"`
	Sheets  QuarterlySheets  `toml:"sheets"`
	Table   TaskTable        `toml:"table"`
}

// Results is the part of a report that says what was done, from what the
// departments reported (plandoc collect).
type Results struct {
	Section     Text `toml:"section"`
	None        Text `toml:"none"`
	AsOf        Text `toml:"as_of" fill:"day month year count"`
	TT          Text `toml:"tt"`
	Unit        Text `toml:"unit"`
	Due         Text `toml:"due"`
	OnTime      Text `toml:"on_time"`
	Late        Text `toml:"late"`
	InProgress  Text `toml:"in_progress"`
	Postponed   Text `toml:"postponed"`
	NotStarted  Text `toml:"not_started"`
	NotDone     Text `toml:"not_done"`
	NotReported Text `toml:"not_reported"`
	Share       Text `toml:"share"`
	TotalsRow   Text `toml:"totals_row"`
	Undated     Text `toml:"undated" fill:"count"`
	UndatedKey  Text `toml:"undated_key"`
	ChartTitle  Text `toml:"chart_title"`
	Carried     Text `toml:"carried"`
	Open        Text `toml:"open"`
	NoneOpen    Text `toml:"none_open"`
	NewTime     Text `toml:"new_time" fill:"time"`
	NoReason    Text `toml:"no_reason"`
}

// ReportClosing is how a report ends, as Decree 30 lays out a báo cáo: a
// closing paragraph ending with the closing mark, then "Nơi nhận" at the
// left and the signer's block at the right.
type ReportClosing struct {
	Paragraph       Text    `toml:"paragraph" fill:"quarter plan_year place organisation title reference code day month year"`
	YearParagraph   Text    `toml:"year_paragraph" fill:"quarter plan_year place organisation title reference code day month year"`
	Mark            Text    `toml:"mark"`
	RecipientsTitle Text    `toml:"recipients_title"`
	Recipients      []Text  `toml:"recipients"`
	SignatureSpace  float64 `toml:"signature_space"`
}

// YearReport is the wording of the year's report (báo cáo tổng kết năm);
// its other parts are the quarterly report's.
type YearReport struct {
	Summary Text `toml:"summary" fill:"quarter plan_year place organisation title reference code day month year"`
	Opening Text `toml:"opening" fill:"quarter plan_year place organisation title reference code day month year"`
	Section Text `toml:"section"`
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
	Summary      string `toml:"summary"`
	Chart        string `toml:"chart"`
	Tasks        string `toml:"tasks"`
	Results      string `toml:"results"`
	ResultsChart string `toml:"results_chart"`
	Open         string `toml:"open"`
	Month        string `toml:"month"`
}

func (q *Quarterly) check(k *checker, cols *Columns, page Page) {
	h := q.Heading
	k.fontSize("heading.number_size", h.NumberSize)
	k.fontSize("heading.date_size", h.DateSize)
	k.fontSize("heading.opening_size", h.OpeningSize)
	k.number("summary.chart_height", q.Summary.ChartHeight, 30, 150, "mm", msg.Mark("the chart heights"))
	k.number("closing.signature_space", q.Closing.SignatureSpace, 10, 60, "mm", msg.Mark("the room for a signature and seal,"))
	seen := map[string]string{}
	for _, sh := range []struct{ key, name string }{{"summary", q.Sheets.Summary}, {"chart", q.Sheets.Chart}, {"tasks", q.Sheets.Tasks},
		{"results", q.Sheets.Results}, {"results_chart", q.Sheets.ResultsChart}, {"open", q.Sheets.Open}} {
		k.sheetName("sheets."+sh.key, sh.name)
		if other, dup := seen[strings.ToLower(sh.name)]; dup {
			k.bad(k.setter("sheets."+sh.key, "sheets."+other), "sheets.%s and sheets.%s must differ", other, sh.key)
		}
		seen[strings.ToLower(sh.name)] = sh.key
	}
	// The page is the annex's, checked there; a bad one leaves the
	// columns' widths unchecked rather than reported twice.
	text := page.check(&checker{embedded: k.embedded})
	q.Table.check(k, cols, text)
}
