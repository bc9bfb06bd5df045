package templates

import "strings"

// Workbook is workbook.toml: the wording of the Excel workbooks.
type Workbook struct {
	Footer   WorkbookFooter   `toml:"footer"`
	Sheets   WorkbookSheets   `toml:"sheets"`
	Titles   WorkbookTitles   `toml:"titles"`
	Tasks    WorkbookTasks    `toml:"tasks"`
	Columns  WorkbookColumns  `toml:"columns"`
	Messages WorkbookMessages `toml:"messages"`
	Guide    WorkbookGuide    `toml:"guide"`
}

// WorkbookFooter is what a department's sheet prints under its table:
// the counts of each status, live, and the place-and-date line and the
// signature blocks of a returned sheet.
type WorkbookFooter struct {
	Totals   Text `toml:"totals"`
	Blank    Text `toml:"blank"`
	DateLine Text `toml:"date_line" fill:"place year"`
	Left     Text `toml:"left"`
	Right    Text `toml:"right"`
	Sign     Text `toml:"sign"`
}

// WorkbookSheets are the sheet names.
type WorkbookSheets struct {
	Lead     string `toml:"lead"`
	Partner  string `toml:"partner"`
	Guide    string `toml:"guide"`
	All      string `toml:"all"`
	Quarter  Text   `toml:"quarter" fill:"quarter"`
	Timeline string `toml:"timeline"`
	Summary  string `toml:"summary"`
}

// WorkbookTitles are the title rows above the tables.
type WorkbookTitles struct {
	Reference Text `toml:"reference" fill:"number symbol day month year issuer"`
	Lead      Text `toml:"lead" fill:"unit"`
	Partner   Text `toml:"partner" fill:"unit"`
	All       Text `toml:"all"`
	Quarter   Text `toml:"quarter" fill:"quarter"`
	Timeline  Text `toml:"timeline"`
	Summary   Text `toml:"summary"`
	Empty     Text `toml:"empty"`
}

// WorkbookTasks picks the task columns of the workbooks' task sheets.
type WorkbookTasks struct {
	// Fields picks columns for the workbooks only; empty for those of
	// columns.toml in its order.
	Fields  []string `toml:"fields"`
	Columns []Column `toml:"-"` // resolved by Load
}

// WorkbookColumns are the headings of the sheets that are not task lists.
type WorkbookColumns struct {
	Month        Text `toml:"month" fill:"month"`
	Unit         Text `toml:"unit"`
	LeadTotal    Text `toml:"lead_total"`
	PartnerTotal Text `toml:"partner_total"`
	Total        Text `toml:"total"`
}

// WorkbookMessages are the validation messages Excel shows.
type WorkbookMessages struct {
	StatusTitle Text `toml:"status_title"`
	StatusError Text `toml:"status_error"`
	DateTitle   Text `toml:"date_title"`
	DateError   Text `toml:"date_error" fill:"year next_year"`
	StatusInput Text `toml:"status_input"`
	DateInput   Text `toml:"date_input" fill:"year"`
}

// WorkbookGuide is the "Hướng dẫn" sheet.
type WorkbookGuide struct {
	Title Text   `toml:"title"`
	Lines []Text `toml:"lines" fill:"unit year sheet_lead sheet_partner"`
}

func (w *Workbook) check(k *checker, cols *Columns) {
	s := w.Sheets
	seen := map[string]string{}
	names := []struct{ key, name string }{{"lead", s.Lead}, {"partner", s.Partner}, {"guide", s.Guide}, {"all", s.All},
		{"timeline", s.Timeline}, {"summary", s.Summary}}
	// Each of the four quarter sheets must differ from every other sheet.
	for _, q := range []string{"I", "II", "III", "IV"} {
		names = append(names, struct{ key, name string }{"quarter", s.Quarter.Fill(Words{"quarter": q})})
	}
	for _, sh := range names {
		k.sheetName("sheets."+sh.key, sh.name)
		folded := strings.ToLower(sh.name)
		if other, dup := seen[folded]; dup && !(other == "quarter" && sh.key == "quarter" && !strings.Contains(string(s.Quarter), "{quarter}")) {
			k.bad(k.setter("sheets."+sh.key, "sheets."+other), "sheets.%s: %q is also the name of sheets.%s; every sheet needs its own name", sh.key, sh.name, other)
		}
		seen[folded] = sh.key
	}
	if !strings.Contains(string(s.Quarter), "{quarter}") {
		k.bad("sheets.quarter", "sheets.quarter must contain {quarter}, or the four quarter sheets would share a name")
	}
	w.Tasks.Columns = cols.resolve(k, "tasks.fields", w.Tasks.Fields)
	if len(w.Guide.Lines) == 0 {
		k.bad("guide.lines", "guide.lines: the guide needs at least one line")
	}
}
