package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
)

// dumpedBook is what testdata/xlsx_dump.py reads out of a workbook with
// openpyxl, a reader independent of the library that wrote it.
type dumpedBook struct {
	Sheets []string `json:"sheets"`
	Props  struct {
		Title, Subject, Creator, Language, Created, Modified string
	} `json:"props"`
	Custom      map[string]string      `json:"custom"`
	ChartParts  []string               `json:"chart_parts"`
	ChartSheets []string               `json:"chartsheets"`
	Sheet       map[string]dumpedSheet `json:"sheet"`
	Values      map[string][][]any     `json:"values"` // as a reader that does not calculate sees them
}

type dumpedSheet struct {
	Rows        [][]any `json:"rows"`
	Merged      []string
	Freeze      string
	Autofilter  string
	Validations []struct {
		Type, Sqref, Formula1, Formula2 string
		PromptTitle                     string `json:"prompt_title"`
		Prompt                          string
		ShowInput                       bool `json:"show_input"`
	}
	Protected           bool
	ProtectBlocksFilter bool `json:"protect_blocks_filter"`
	ProtectBlocksSort   bool `json:"protect_blocks_sort"`
	Locked              map[string]bool
	Fills               map[string]string
	Fonts               []string
	HiddenColumns       []string           `json:"hidden_columns"`
	Widths              map[string]float64 `json:"widths"`
	Heights             map[string]float64 `json:"heights"`
	PrintTitleRows      string             `json:"print_title_rows"`
	Orientation, Paper  string
	FitWidth            int  `json:"fit_width"`
	FitHeight           int  `json:"fit_height"`
	FitToPage           bool `json:"fit_to_page"`
	Footer              string
	Charts              int
}

// openpyxl is Debian's python3-openpyxl, run by the system Python (a Python
// of the user's own may not have it).
const systemPython = "/usr/bin/python3"

// dumpBooks reads workbooks with openpyxl, all in one run of Python.
func dumpBooks(t *testing.T, contents ...[]byte) []dumpedBook {
	t.Helper()
	out := outside(t, "xlsx", contents, systemPython, "testdata/xlsx_dump.py")
	var d []dumpedBook
	if err := json.Unmarshal([]byte(out), &d); err != nil || len(d) != len(contents) {
		t.Fatalf("dump of %d workbooks: %d read, %v", len(contents), len(d), err)
	}
	return d
}

func dumpBook(t *testing.T, content []byte) dumpedBook {
	t.Helper()
	return dumpBooks(t, content)[0]
}

// keyColumn is the hidden key's place in a task sheet with the seven
// plan columns and four progress columns.
const keyColumn = 11

// isTaskRow tells a task's row from plandoc's rows under the table
// (totals, signatures), whose key cell holds a mark.
func isTaskRow(r []any) bool {
	if len(r) <= keyColumn || r[0] == nil {
		return false
	}
	key, _ := r[keyColumn].(string)
	return key != "" && !strings.HasPrefix(key, "plandoc:")
}

// tasksOf lists the TT column of a task sheet.
func tasksOf(s dumpedSheet) []string {
	var out []string
	for _, r := range s.Rows[headerRow:] {
		if isTaskRow(r) {
			out = append(out, fmt.Sprint(r[0]))
		}
	}
	return out
}

func TestDepartmentWorkbooksFor2021(t *testing.T) {
	p := bundledPlan(t)
	books, err := workbookFiles(p, testKit(t, p, ""))
	if err != nil {
		t.Fatal(err)
	}
	files := books[:len(books)-1]
	contents := make([][]byte, len(files))
	for i, f := range files {
		contents[i] = f.Data()
	}
	dumps := dumpBooks(t, contents...)
	if last := books[len(books)-1]; last.Path != "overview.xlsx" || last.Kind != "overview" {
		t.Errorf("the last workbook is %s (%s); want overview.xlsx", last.Path, last.Kind)
	}
	var ids []string
	for _, f := range files {
		ids = append(ids, f.Unit.ID)
		if f.Path != "departments/"+f.Unit.ID+".xlsx" || f.Kind != "department" {
			t.Errorf("file %s kind %s", f.Path, f.Kind)
		}
	}
	if want := []string{"van-phong", "ban-khcn-tvpb", "ban-thong-tin-pbkt", "bch-cong-doan", "tong-thu-ky", "ban-kiem-tra"}; !slices.Equal(ids, want) {
		t.Fatalf("workbooks for %v; want %v", ids, want)
	}
	// Tasks that "Các ban LHH" coordinates: read from the plan's partner
	// lists, not from the code under test.
	var groupTasks []string
	for _, task := range p.Tasks {
		for _, pt := range task.Partners {
			if pt.Ref == "cac-ban-lhh" {
				groupTasks = append(groupTasks, task.TT)
			}
		}
	}
	for i, f := range files {
		unit, d := f.Unit.ID, dumps[i]
		t.Run(unit, func(t *testing.T) {
			if !slices.Equal(d.Sheets, []string{"Chủ trì", "Phối hợp", "Hướng dẫn"}) {
				t.Fatalf("sheets = %v", d.Sheets)
			}
			var lead []string
			for _, task := range p.Tasks {
				if slices.Contains(task.Units, unit) {
					lead = append(lead, task.TT)
				}
			}
			lsheet, psheet := d.Sheet["Chủ trì"], d.Sheet["Phối hợp"]
			if got := tasksOf(lsheet); !slices.Equal(got, lead) {
				t.Errorf("Chủ trì holds %v; want %v", got, lead)
			}
			partner := tasksOf(psheet)
			for _, tt := range groupTasks {
				if !slices.Contains(lead, tt) && !slices.Contains(partner, tt) {
					t.Errorf("Phối hợp lacks task %s (Các ban LHH)", tt)
				}
			}
			for _, name := range []string{"Chủ trì", "Phối hợp"} {
				checkTaskSheet(t, p, d.Sheet[name], name)
			}
			var digest string
			for _, w := range p.Workloads() {
				if w.Unit.ID == unit {
					digest = p.Digest(w)
				}
			}
			if d.Custom["plandoc.unit_digest"] != digest || d.Custom["plandoc.unit"] != unit || d.Custom["plandoc.plan_sha256"] != "" {
				t.Errorf("custom properties = %v", d.Custom)
			}
			if d.Props.Creator != "plandoc "+Version || d.Props.Created != "2021-12-31T00:00:00" || d.Props.Modified != "2021-12-31T00:00:00" ||
				!strings.Contains(d.Props.Title, p.Unit(unit).Name) || !strings.Contains(d.Props.Subject, "313/QĐ-LHH") {
				t.Errorf("document properties = %+v", d.Props)
			}
			guide := d.Sheet["Hướng dẫn"]
			if len(guide.Rows) < 4 || !strings.Contains(fmt.Sprint(guide.Rows), p.Unit(unit).Name) {
				t.Errorf("Hướng dẫn sheet = %v", guide.Rows)
			}
		})
	}
	joint := map[string][]string{"3": {"bch-cong-doan", "van-phong"}, "24": {"ban-khcn-tvpb", "ban-thong-tin-pbkt"}}
	for tt, units := range joint {
		for i, f := range files {
			has := slices.Contains(tasksOf(dumps[i].Sheet["Chủ trì"]), tt)
			if has != slices.Contains(units, f.Unit.ID) {
				t.Errorf("row %s in %s's Chủ trì: %v", tt, f.Unit.ID, has)
			}
		}
	}
}

// checkTaskSheet checks what every task sheet must have.
func checkTaskSheet(t *testing.T, p *data.Plan, s dumpedSheet, name string) {
	t.Helper()
	n := len(tasksOf(s))
	if n == 0 {
		return
	}
	last := headerRow + n
	if !s.Protected || s.ProtectBlocksFilter || s.ProtectBlocksSort {
		t.Errorf("%s: protected=%v, filter blocked=%v, sort blocked=%v; want protected with filter and sort allowed", name, s.Protected, s.ProtectBlocksFilter, s.ProtectBlocksSort)
	}
	const colStatus, colDone, colNewTime, colNotes, colKey = 8, 9, 10, 11, 12 // after the seven plan columns
	for row := firstRow; row <= last; row++ {
		for col := 1; col <= colKey; col++ {
			cell := cellName(col, row)
			wantLocked := col != colStatus && col != colDone && col != colNewTime && col != colNotes
			if s.Locked[cell] != wantLocked {
				t.Errorf("%s %s: locked=%v; want %v", name, cell, s.Locked[cell], wantLocked)
			}
		}
	}
	span := func(col string) string {
		if n == 1 {
			return fmt.Sprintf("%s%d", col, firstRow)
		}
		return fmt.Sprintf("%s%d:%s%d", col, firstRow, col, last)
	}
	wantDV := map[string]string{"list": span("H"), "date": span("I")}
	for _, v := range s.Validations {
		if wantDV[v.Type] != v.Sqref {
			t.Errorf("%s: validation %s on %s", name, v.Type, v.Sqref)
		}
		if v.Type == "list" && v.Formula1 != `"Chưa thực hiện,Đang thực hiện,Hoàn thành,Lùi thời hạn,Không thực hiện"` {
			t.Errorf("%s: drop-down = %s", name, v.Formula1)
		}
		if !v.ShowInput || v.PromptTitle == "" || !strings.Contains(v.Prompt, map[string]string{"list": "Chọn tình trạng", "date": "ngày/tháng/năm, ví dụ 20/05/2021"}[v.Type]) {
			t.Errorf("%s: the %s validation's prompt %q %q (shown %v)", name, v.Type, v.PromptTitle, v.Prompt, v.ShowInput)
		}
		if v.Type == "date" && (v.Formula1 != "DATE(2021,1,1)" || v.Formula2 != "DATE(2022,12,31)") {
			t.Errorf("%s: date range %s..%s", name, v.Formula1, v.Formula2)
		}
		delete(wantDV, v.Type)
	}
	if len(wantDV) > 0 {
		t.Errorf("%s: validations missing: %v", name, wantDV)
	}
	if s.PrintTitleRows != "$5:$5" || s.Orientation != "landscape" || s.Paper != "9" || s.FitWidth != 2 || s.FitHeight != 0 || !s.FitToPage {
		t.Errorf("%s: print setup titles=%q %s paper=%s fit=%dx%d fitToPage=%v", name, s.PrintTitleRows, s.Orientation, s.Paper, s.FitWidth, s.FitHeight, s.FitToPage)
	}
	if !strings.Contains(s.Footer, "&P") {
		t.Errorf("%s: footer %q has no page number", name, s.Footer)
	}
	if s.Freeze != "A6" || strings.ReplaceAll(s.Autofilter, "$", "") != fmt.Sprintf("A5:L%d", last) {
		t.Errorf("%s: freeze %s, filter %s", name, s.Freeze, s.Autofilter)
	}
	if !slices.Equal(s.HiddenColumns, []string{"L"}) {
		t.Errorf("%s: hidden columns %v; want the key column L", name, s.HiddenColumns)
	}
	if !slices.Equal(s.Fonts, []string{"Times New Roman"}) {
		t.Errorf("%s: fonts %v", name, s.Fonts)
	}
	keys := map[string]string{}
	for i := range p.Tasks {
		keys[p.Tasks[i].TT] = p.Tasks[i].Key()
	}
	for _, r := range s.Rows[headerRow:] {
		if !isTaskRow(r) {
			continue
		}
		if tt := fmt.Sprint(r[0]); keys[tt] != r[colKey-1] {
			t.Errorf("%s: task %s carries key %v; want %s", name, tt, r[colKey-1], keys[tt])
		}
	}
	if s.Widths["B"] < 30 || s.Widths["A"] > 10 {
		t.Errorf("%s: widths %v", name, s.Widths)
	}
}

func TestOverviewWorkbookFor2021(t *testing.T) {
	p := bundledPlan(t)
	content, err := overviewWorkbook(p, testKit(t, p, ""))
	if err != nil {
		t.Fatal(err)
	}
	d := dumpBook(t, content)
	if !slices.Equal(d.Sheets, []string{"Tất cả", "Quý I", "Quý II", "Quý III", "Quý IV", "Tiến độ", "Tổng hợp", "Kết quả"}) {
		t.Fatalf("sheets = %v", d.Sheets)
	}
	all := tasksOf(d.Sheet["Tất cả"])
	if len(all) != 72 || all[0] != "1" || all[71] != "72" {
		t.Errorf("Tất cả holds %d tasks", len(all))
	}
	for q, span := range [][2]int{{1, 23}, {24, 44}, {45, 60}, {61, 72}} {
		var want []string
		for n := span[0]; n <= span[1]; n++ {
			want = append(want, fmt.Sprint(n))
		}
		if got := tasksOf(d.Sheet[[]string{"Quý I", "Quý II", "Quý III", "Quý IV"}[q]]); !slices.Equal(got, want) {
			t.Errorf("quarter %d holds %v; want rows %d–%d", q+1, got, span[0], span[1])
		}
	}
	tl := d.Sheet["Tiến độ"]
	for i, task := range p.Tasks {
		row := tl.Rows[overviewHeaderRow+i]
		for m := 1; m <= 12; m++ {
			cell := cellName(3+m, overviewHeaderRow+1+i)
			marked := row[2+m] == "x" && tl.Fills[cell] != ""
			if marked != task.Schedule.Months.Has(m) {
				t.Errorf("timeline: task %s month %d marked=%v", task.TT, m, marked)
			}
		}
	}
	// The counts are live formulas over the timeline, holding their values.
	sum := d.Sheet["Tổng hợp"]
	if f := fmt.Sprint(sum.Rows[overviewHeaderRow][13]); !strings.HasPrefix(f, "=COUNTIF('Tiến độ'!") {
		t.Errorf("summary count %q is not a formula over the timeline", f)
	}
	sum = dumpedSheet{Rows: d.Values["Tổng hợp"]}
	totals := sum.Rows[len(sum.Rows)-1]
	if totals[13] != float64(72) {
		t.Errorf("summary total = %v; want 72", totals[13])
	}
	units := 0
	for _, r := range sum.Rows[overviewHeaderRow : len(sum.Rows)-1] {
		units++
		name := fmt.Sprint(r[0])
		var u *data.Unit
		for i := range p.Units {
			if p.Units[i].Name == name {
				u = &p.Units[i]
			}
		}
		if u == nil {
			t.Fatalf("summary row for unknown unit %q", name)
		}
		lead := 0
		for _, task := range p.Tasks {
			if slices.Contains(task.Units, u.ID) {
				lead++
			}
		}
		if r[13] != float64(lead) {
			t.Errorf("summary: %s leads %v; want %d", name, r[13], lead)
		}
	}
	if units != 6 {
		t.Errorf("summary has %d unit rows; want 6", units)
	}
	// With no returns collected, the results sheet says so: no zeros.
	if r := d.Sheet["Kết quả"].Rows; len(r) != 5 || !strings.HasPrefix(fmt.Sprint(r[4][0]), "Chưa thu thập được báo cáo") {
		t.Errorf("results sheet without returns: %v", r)
	}
}

func TestWorkbooksAreDeterministic(t *testing.T) {
	p := bundledPlan(t)
	k := testKit(t, p, "")
	first, err := workbookFiles(p, k)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		again, err := workbookFiles(p, k)
		if err != nil {
			t.Fatal(err)
		}
		for j := range first {
			if !bytes.Equal(first[j].Data(), again[j].Data()) {
				t.Fatalf("%s differs on run %d", first[j].Path, i+2)
			}
		}
	}
}

// A content too long for Excel's tallest row (409 points, about 1,200
// characters once made the render fail) renders: the row is as tall as
// Excel allows, the cell holds the whole text, and check warns at the task.
func TestLongContentRendersAndCheckWarns(t *testing.T) {
	long := strings.Repeat("Tổ chức hội nghị, hội thảo khoa học về phát triển kinh tế xã hội của tỉnh; ", 40)
	src := planWithTasks("Ngắn", strings.TrimSpace(long))
	p := parsePlan(t, src)
	probs, err := Check(p, Options{})
	if err != nil || len(probs) != 1 || probs[0].Severity != data.Warning ||
		!strings.HasPrefix(probs[0].String(), "test.toml:24:11: warning: task 2: its row in the workbooks needs") ||
		!strings.Contains(probs[0].String(), "more than the 409 Excel allows") {
		t.Fatalf("Check = %v, %v; want one warning at task 2's content", probs, err)
	}
	res, err := Build(p, Options{Quarter: 1})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	var book []byte
	for _, f := range res.Files {
		if f.Path == "departments/van-phong.xlsx" {
			book = f.Data()
		}
	}
	lead := dumpBook(t, book).Sheet["Chủ trì"]
	row := lead.Rows[firstRow] // the second task, 0-based rows
	if row[1] != strings.TrimSpace(long) {
		t.Errorf("the cell does not hold the whole content: %d characters", len(fmt.Sprint(row[1])))
	}
	if h := lead.Heights[fmt.Sprint(firstRow+1)]; h != maxRowHeight {
		t.Errorf("row height %v; want %d", h, maxRowHeight)
	}
}
