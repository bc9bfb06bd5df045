package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
)

// filledFact is what fill_returns.py wrote on one row, as it should count.
type filledFact struct {
	Unit, Role, Key string
	Status          *string
	Done            *string
	FormulaNote     bool `json:"formula_note"`
}

// outcome of a fact, worked out here from what the script filled in and
// the task's due date, independently of plandoc's report code.
func expectedOutcome(f *filledFact, t *data.Task) string {
	switch {
	case f == nil || f.Status == nil:
		return "not reported"
	case *f.Status == "Hoàn thành" && f.Done == nil:
		return "undated"
	case *f.Status == "Hoàn thành":
		if *f.Done <= t.Schedule.Due(2021).String() {
			return "on time"
		}
		return "late"
	}
	return map[string]string{"Đang thực hiện": "in progress", "Lùi thời hạn": "postponed", "Chưa thực hiện": "not started", "Không thực hiện": "not done"}[*f.Status]
}

// columns of the results table after TT, unit and due, in order.
var resultColumns = []string{"on time", "late", "in progress", "postponed", "not started", "not done", "not reported"}

// expectedRows are the results rows of quarters first..last: per lead unit
// in registry order, then the totals (a task once, by its first lead that
// reported).
func expectedRows(p *data.Plan, facts map[string]*filledFact, first, last int) [][]int {
	var rows [][]int
	count := func(row []int, o string) {
		for i, c := range resultColumns {
			if c == o {
				row[1+i]++
			}
		}
	}
	in := func(t *data.Task) bool { q := t.Schedule.DueQuarter(); return q >= first && q <= last }
	for _, u := range p.Units {
		row := make([]int, 1+len(resultColumns))
		for i := range p.Tasks {
			t := &p.Tasks[i]
			if in(t) && contains(t.Units, u.ID) {
				row[0]++
				count(row, expectedOutcome(facts[u.ID+"|lead|"+t.Key()], t))
			}
		}
		if row[0] > 0 {
			rows = append(rows, row)
		}
	}
	totals := make([]int, 1+len(resultColumns))
	for i := range p.Tasks {
		t := &p.Tasks[i]
		if !in(t) {
			continue
		}
		totals[0]++
		o := "not reported"
		for _, u := range t.Units {
			if f := facts[u+"|lead|"+t.Key()]; f != nil && f.Status != nil {
				o = expectedOutcome(f, t)
				break
			}
		}
		count(totals, o)
	}
	return append(rows, totals)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestReturnsRoundTrip renders the 2021 plan, fills every department's
// workbook as departments do (openpyxl; one re-saved and one converted to
// .ods by LibreOffice; sorted, hidden, renamed, returned twice, edited),
// collects them and renders with progress: every oddity is reported once,
// and the reports' numbers, read back with openpyxl and pdftotext, equal
// those worked out from what was filled in.
func TestReturnsRoundTrip(t *testing.T) {
	for _, tool := range []string{"soffice", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed; run .ci/run's apt-get line", tool)
		}
	}
	dir := t.TempDir()
	out, returns, record := filepath.Join(dir, "out"), filepath.Join(dir, "returns"), filepath.Join(dir, "progress.toml")
	if code, _, errOut := runCLI(t, "render", "-o", out); code != 0 {
		t.Fatalf("render: %s", errOut)
	}
	fill := exec.Command("/usr/bin/python3", "testdata/fill_returns.py", out, returns)
	fill.Env = append(os.Environ(), "HOME="+dir) // LibreOffice keeps its profile there
	raw, err := fill.Output()
	if err != nil {
		t.Fatalf("filling the workbooks: %v\n%s", err, stderrOf(err))
	}
	var list []filledFact
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	facts := map[string]*filledFact{}
	for i, f := range list {
		facts[f.Unit+"|"+f.Role+"|"+f.Key] = &list[i]
	}
	// Bad returns beside the good: a binary named .xlsx, an empty file, a
	// workbook of another plan.
	os.WriteFile(filepath.Join(returns, "hong.xlsx"), bytes.Repeat([]byte{0x13, 0x37, 0x00, 0xff}, 256), 0o644)
	os.WriteFile(filepath.Join(returns, "trong.xlsx"), nil, 0o644)
	other := filepath.Join(dir, "other")
	smallPlan := writeFile(t, "small.toml", strings.Replace(string(readFile(t, "../../data/testdata/bad/duplicate-task-number.toml")), `tt = "1"
content = "Báo cáo phản biện"`, `tt = "2"
content = "Báo cáo phản biện"`, 1))
	if code, _, errOut := runCLI(t, "render", "-o", other, smallPlan); code != 0 {
		t.Fatalf("render of another plan: %s", errOut)
	}
	copyFile(t, filepath.Join(other, "departments", "van-phong.xlsx"), filepath.Join(returns, "van-phong-ke-hoach-khac.xlsx"))
	before := snapshot(t, returns)

	code, stdout, stderr := runCLI(t, "collect", "-o", record, "-as-of", "2021-12-31", returns)
	if code != 0 {
		t.Fatalf("collect: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`hong.xlsx: not a workbook plandoc can read`,
		`trong.xlsx: the file is empty; not read`,
		`van-phong-ke-hoach-khac.xlsx: none of its tasks is in this plan`,
		`tong-thu-ky.xlsx: warning: another return of unit "tong-thu-ky"; ` + filepath.Join(returns, "tong-thu-ky (ban sua).xlsx") + ` is used (saved later (2021-12-22T15:30:00Z))`,
		`task 3: its joint leads report differently`,
		`ban-kiem-tra.xlsx:Phối hợp:6: warning: task 1: status "Xong" is not one of`,
		`ban-kiem-tra.xlsx:Phối hợp:7: warning: task 2: "Ngày hoàn thành" "khoảng tháng 5" is not a date`,
		`ban-kiem-tra.xlsx:Phối hợp:8: warning: task 3: "Hoàn thành" without a date`,
		`ban-thong-tin-pbkt.ods:Chủ trì: warning: task 24 is missing from the sheet`,
		`ban-thong-tin-pbkt.ods:Chủ trì:18: warning: a row without a task key`,
		`bch-cong-doan.xlsx:Chủ trì:6: warning: task 3: the plan's column "Nội dung công việc" was edited`,
	} {
		if n := strings.Count(stdout, want); n != 1 {
			t.Errorf("collect says %q %d times; want once:\n%s", want, n, stdout)
		}
	}
	if after := snapshot(t, returns); after != before {
		t.Errorf("collect changed the returned workbooks")
	}

	// Collecting the same returns again changes nothing and writes the same bytes.
	first := readFile(t, record)
	if code, stdout, _ := runCLI(t, "collect", "-o", record, "-as-of", "2021-12-31", returns); code != 0 || !strings.Contains(stdout, "0 facts changed since the previous collect") {
		t.Errorf("a second collect: exit %d\n%s", code, stdout)
	}
	if !bytes.Equal(first, readFile(t, record)) {
		t.Errorf("the progress file changed on a second collect of the same returns")
	}

	rendered := filepath.Join(dir, "with-progress")
	if code, _, errOut := runCLI(t, "render", "-o", rendered, "-progress", record); code != 0 {
		t.Fatalf("render -progress: %s", errOut)
	}
	p, _, err := data.LoadBundled(data.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	reports := []struct {
		name        string
		first, last int
	}{{"q1", 1, 1}, {"q2", 2, 2}, {"q3", 3, 3}, {"q4", 4, 4}, {"year", 1, 4}}
	var books [][]byte
	for _, r := range reports {
		books = append(books, readFile(t, filepath.Join(rendered, "quarterly", r.name+".xlsx")))
	}
	dumps := dumpWorkbooks(t, books...)
	for i, r := range reports {
		want := expectedRows(p, facts, r.first, r.last)
		sheet := dumps[i].Sheet["Kết quả"]
		var got [][]int
		for _, row := range sheet.Rows[5:] {
			if len(row) < 10 || row[2] == nil {
				continue
			}
			var nums []int
			for _, v := range row[2:10] {
				f, _ := v.(float64)
				nums = append(nums, int(f))
			}
			got = append(got, nums)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s.xlsx results %v; want %v (due, on time, late, in progress, postponed, not started, not done, not reported)", r.name, got, want)
		}
		t.Logf("%s: %v", r.name, got)
		text := squash(pdfText(t, filepath.Join(rendered, "quarterly", r.name+".pdf")))
		totals := want[len(want)-1]
		line := "Tổng cộng"
		for _, n := range totals {
			line += fmt.Sprintf(" %d", n)
		}
		if !strings.Contains(text, line) {
			t.Errorf("%s.pdf lacks the totals row %q", r.name, line)
		}
	}
	// The overview carries what the leads reported; the note that starts
	// with "=" is text, never a formula.
	overview := dumpWorkbooks(t, readFile(t, filepath.Join(rendered, "overview.xlsx")))[0].Sheet["Tất cả"]
	found := false
	for _, row := range overview.Rows {
		for _, v := range row {
			if v == "=1+1 là ghi chú, không phải công thức" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the overview lacks the note that starts with = as text")
	}
	// The next round's workbooks start from what was reported.
	next := dumpWorkbooks(t, readFile(t, filepath.Join(rendered, "departments", "ban-kiem-tra.xlsx")))[0].Sheet["Phối hợp"]
	prefilled := 0
	for _, row := range next.Rows[5:] {
		if len(row) > 11 && row[11] != nil {
			if f := facts["ban-kiem-tra|partner|"+fmt.Sprint(row[11])]; f != nil && f.Status != nil && row[7] == *f.Status {
				prefilled++
			}
		}
	}
	if prefilled < 5 {
		t.Errorf("the next round's workbook holds %d of the reported statuses", prefilled)
	}
}

// Returns that cannot be read: one clear line each, exit 1 when none
// could be read, and the progress file untouched.
func TestBadReturnsLeaveTheRecordAlone(t *testing.T) {
	dir := t.TempDir()
	returns := filepath.Join(dir, "returns")
	os.Mkdir(returns, 0o755)
	os.WriteFile(filepath.Join(returns, "hong.xlsx"), bytes.Repeat([]byte{0x13, 0x37, 0x00, 0xff}, 256), 0o644)
	os.WriteFile(filepath.Join(returns, "trong.xlsx"), nil, 0o644)
	big, err := os.Create(filepath.Join(returns, "lon.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	big.Truncate(50 << 20) // 50 MB
	big.Close()
	// A password-protected workbook, as Excel writes one.
	locked := excelize.NewFile()
	if err := locked.SaveAs(filepath.Join(returns, "mat-khau.xlsx"), excelize.Options{Password: "123"}); err != nil {
		t.Fatal(err)
	}
	// An empty workbook (no plandoc sheet).
	if err := excelize.NewFile().SaveAs(filepath.Join(returns, "rong.xlsx")); err != nil {
		t.Fatal(err)
	}
	record := filepath.Join(dir, "progress.toml")
	os.WriteFile(record, []byte("plan_sha256 = \"x\"\n"), 0o644)
	before := readFile(t, record)
	code, stdout, stderr := runCLI(t, "collect", "-o", record, returns)
	if code != 1 || !strings.Contains(stderr, "no returned workbook could be read (5 given); "+record+" is unchanged") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"hong.xlsx: not a workbook plandoc can read",
		"lon.xlsx: reading returned workbook: " + filepath.Join(returns, "lon.xlsx") + " is 50.0 MB; a returned workbook is at most 32 MB; not read",
		"mat-khau.xlsx: the workbook is password-protected",
		"rong.xlsx: no department's task sheet in it",
		"trong.xlsx: the file is empty; not read",
	} {
		if strings.Count(stdout, want) != 1 {
			t.Errorf("collect lacks %q once:\n%s", want, stdout)
		}
	}
	if strings.Count(stdout, "\n") != 5 {
		t.Errorf("want one line a return:\n%s", stdout)
	}
	if !bytes.Equal(before, readFile(t, record)) {
		t.Errorf("the progress file was changed")
	}
}
