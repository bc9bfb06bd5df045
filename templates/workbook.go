package templates

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// Workbook is the wording of the Excel workbooks.
type Workbook struct {
	Sheets   WorkbookSheets   `toml:"sheets"`
	Titles   WorkbookTitles   `toml:"titles"`
	Columns  WorkbookColumns  `toml:"columns"`
	Messages WorkbookMessages `toml:"messages"`
	Guide    WorkbookGuide    `toml:"guide"`
}

// WorkbookSheets are the sheet names.
type WorkbookSheets struct {
	Lead     string `toml:"lead"`
	Partner  string `toml:"partner"`
	Guide    string `toml:"guide"`
	All      string `toml:"all"`
	Quarter  string `toml:"quarter"`
	Timeline string `toml:"timeline"`
	Summary  string `toml:"summary"`
}

// WorkbookTitles are the title rows above the tables.
type WorkbookTitles struct {
	Reference string `toml:"reference"`
	Lead      string `toml:"lead"`
	Partner   string `toml:"partner"`
	All       string `toml:"all"`
	Quarter   string `toml:"quarter"`
	Timeline  string `toml:"timeline"`
	Summary   string `toml:"summary"`
	Empty     string `toml:"empty"`
}

// WorkbookColumns are the column headings and the status choices.
type WorkbookColumns struct {
	TT            string   `toml:"tt"`
	Content       string   `toml:"content"`
	Time          string   `toml:"time"`
	Units         string   `toml:"units"`
	Presiding     string   `toml:"presiding"`
	Partners      string   `toml:"partners"`
	Approvers     string   `toml:"approvers"`
	Status        string   `toml:"status"`
	Done          string   `toml:"done"`
	Notes         string   `toml:"notes"`
	Key           string   `toml:"key"`
	Month         string   `toml:"month"`
	Unit          string   `toml:"unit"`
	LeadTotal     string   `toml:"lead_total"`
	PartnerTotal  string   `toml:"partner_total"`
	Total         string   `toml:"total"`
	StatusOptions []string `toml:"status_options"`
}

// WorkbookMessages are the validation messages Excel shows.
type WorkbookMessages struct {
	StatusTitle string `toml:"status_title"`
	StatusError string `toml:"status_error"`
	DateTitle   string `toml:"date_title"`
	DateError   string `toml:"date_error"`
}

// WorkbookGuide is the "Hướng dẫn" sheet.
type WorkbookGuide struct {
	Title string   `toml:"title"`
	Lines []string `toml:"lines"`
}

// LoadWorkbook returns the embedded workbook wording, overridden by dir's
// workbook.toml when dir is not empty.
func LoadWorkbook(dir string) (*Workbook, error) {
	var w Workbook
	source, err := load("workbook.toml", dir, &w, func(raw []byte) {
		// Lists given in the user's file replace the embedded ones whole.
		if defines(raw, "columns", "status_options") {
			w.Columns.StatusOptions = nil
		}
		if defines(raw, "guide", "lines") {
			w.Guide.Lines = nil
		}
	})
	if err != nil {
		return nil, err
	}
	if err := w.validate(source); err != nil {
		return nil, err
	}
	return &w, nil
}

// maxSheetName is Excel's limit, in UTF-16 units.
const maxSheetName = 31

func (w *Workbook) validate(name string) error {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	s := w.Sheets
	seen := map[string]string{}
	for _, sh := range []struct{ key, name string }{{"lead", s.Lead}, {"partner", s.Partner}, {"guide", s.Guide}, {"all", s.All},
		{"quarter", strings.ReplaceAll(s.Quarter, "{quarter}", "III")}, {"timeline", s.Timeline}, {"summary", s.Summary}} {
		if msg := SheetNameProblem(sh.name); msg != "" {
			bad("sheets.%s: %s", sh.key, msg)
		}
		folded := strings.ToLower(sh.name)
		if other, dup := seen[folded]; dup {
			bad("sheets.%s: %q is also the name of sheets.%s", sh.key, sh.name, other)
		}
		seen[folded] = sh.key
	}
	if !strings.Contains(s.Quarter, "{quarter}") {
		bad("sheets.quarter must contain {quarter}, or the four quarter sheets would share a name")
	}
	errs = append(errs, placeholderErrors("titles.reference", w.Titles.Reference, "{number}", "{symbol}", "{day}", "{month}", "{year}", "{issuer}")...)
	errs = append(errs, placeholderErrors("titles.lead", w.Titles.Lead, "{unit}")...)
	errs = append(errs, placeholderErrors("titles.partner", w.Titles.Partner, "{unit}")...)
	errs = append(errs, placeholderErrors("titles.quarter", w.Titles.Quarter, "{quarter}")...)
	errs = append(errs, placeholderErrors("columns.month", w.Columns.Month, "{month}")...)
	errs = append(errs, placeholderErrors("messages.date_error", w.Messages.DateError, "{year}")...)
	for i, l := range w.Guide.Lines {
		errs = append(errs, placeholderErrors(fmt.Sprintf("guide.lines #%d", i+1), l, "{unit}", "{year}", "{sheet_lead}", "{sheet_partner}")...)
	}
	if len(w.Columns.StatusOptions) == 0 {
		bad("columns.status_options: the drop-down needs at least one choice")
	}
	total := 0
	for _, o := range w.Columns.StatusOptions {
		if strings.Contains(o, ",") {
			bad("columns.status_options: %q holds a comma, which Excel's drop-down would split", o)
		}
		total += len(utf16.Encode([]rune(o))) + 1
	}
	if total > 256 {
		bad("columns.status_options: %d characters in all; Excel's drop-down takes at most 255", total-1)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s: %s", name, strings.Join(errs, "; "))
	}
	return nil
}

// SheetNameProblem says why name cannot be an Excel sheet name, or "".
func SheetNameProblem(name string) string {
	switch {
	case strings.TrimSpace(name) == "":
		return "a sheet name cannot be empty"
	case len(utf16.Encode([]rune(name))) > maxSheetName:
		return fmt.Sprintf("%q is longer than Excel's %d characters", name, maxSheetName)
	case strings.ContainsAny(name, `:\/?*[]`):
		return fmt.Sprintf(`%q holds one of : \ / ? * [ ], which Excel refuses in sheet names`, name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return fmt.Sprintf("%q begins or ends with an apostrophe, which Excel refuses", name)
	}
	return ""
}
