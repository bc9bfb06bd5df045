package render

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
)

// quarterTTs lists the tasks of a quarter in the report's order.
func quarterTTs(qd *quarterData) []string {
	var out []string
	for _, g := range qd.groups {
		for _, u := range g.units {
			for _, t := range u.tasks {
				out = append(out, t.TT)
			}
		}
	}
	return out
}

func rowsFrom(from, to int) []string {
	var out []string
	for n := from; n <= to; n++ {
		out = append(out, fmt.Sprint(n))
	}
	return out
}

func TestQuartersOf2021(t *testing.T) {
	p := bundledPlan(t)
	k := testKit(t, p, "")
	tpl := k.set.Quarterly
	for q, want := range map[int]struct{ from, to, total int }{1: {1, 23, 23}, 2: {24, 44, 21}, 3: {45, 60, 16}, 4: {61, 72, 12}} {
		qd := buildQuarter(p, q, tpl)
		got := quarterTTs(qd)
		sorted := slices.Clone(got)
		slices.SortFunc(sorted, func(a, b string) int { return len(a)*1000 + int(a[0]) - len(b)*1000 - int(b[0]) })
		if set := uniq(got); len(set) != len(got) {
			t.Errorf("Q%d lists a task twice: %v", q, got)
		}
		if !sameSet(got, rowsFrom(want.from, want.to)) {
			t.Errorf("Q%d holds %v; want rows %d–%d", q, got, want.from, want.to)
		}
		if qd.totals.total != want.total {
			t.Errorf("Q%d total = %d; want %d", q, qd.totals.total, want.total)
		}
		sumMonths := 0
		for _, n := range qd.totals.months {
			sumMonths += n
		}
		if sumMonths != want.total {
			t.Errorf("Q%d: the month totals add up to %d; want %d (every 2021 task has one month)", q, sumMonths, want.total)
		}
		unitSum := 0
		for _, c := range qd.units {
			unitSum += c.total
		}
		joint := 0
		for _, task := range qd.tasks {
			joint += len(task.Units) - 1
		}
		if unitSum != want.total+joint {
			t.Errorf("Q%d: unit rows add up to %d; want %d tasks plus %d for joint leads", q, unitSum, want.total, joint)
		}
	}
}

func uniq(s []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	return m
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	ma := uniq(a)
	for _, x := range b {
		if !ma[x] {
			return false
		}
	}
	return true
}

func TestTasksSpanningQuarters(t *testing.T) {
	src := strings.Replace(string(planWithTasks("Nhiệm vụ quý hai", "Nhiệm vụ tháng ba đến sáu", "Nhiệm vụ cả năm", "Nhiệm vụ tháng mười")),
		"time = \"Tháng 1\"", "time = \"Quý II\"", 1)
	src = strings.Replace(src, "time = \"Tháng 2\"", "time = \"Tháng 3-6\"", 1)
	src = strings.Replace(src, "time = \"Tháng 3\"", "time = \"Cả năm\"", 1)
	src = strings.Replace(src, "time = \"Tháng 4\"", "time = \"Tháng 10\"", 1)
	p := parsePlan(t, []byte(src))
	k := testKit(t, p, "")
	tpl := k.set.Quarterly
	want := map[int][]string{1: {"2", "3"}, 2: {"1", "2", "3"}, 3: {"3"}, 4: {"4", "3"}}
	for q := 1; q <= 4; q++ {
		qd := buildQuarter(p, q, tpl)
		if got := quarterTTs(qd); !slices.Equal(got, want[q]) {
			t.Errorf("Q%d lists %v; want %v", q, got, want[q])
		}
		last := qd.groups[len(qd.groups)-1]
		if last.month != 0 || last.label != tpl.Tasks.NoFixedMonth.String() || last.units[0].tasks[0].TT != "3" {
			t.Errorf("Q%d: the all-year task is not under its own heading at the end: %+v", q, last)
		}
	}
	q1, q2 := buildQuarter(p, 1, tpl), buildQuarter(p, 2, tpl)
	span := &p.Tasks[1]
	if q1.notes[span] != "(còn tiếp Quý II)" || q2.notes[span] != "(tiếp theo từ Quý I)" {
		t.Errorf("continuing marks: Q1 %q, Q2 %q", q1.notes[span], q2.notes[span])
	}
	if q2.notes[&p.Tasks[0]] != "" || q2.notes[&p.Tasks[2]] != "" {
		t.Errorf("tasks within one quarter, or all year, need no mark")
	}
	if g := q2.groups[0]; g.month != 4 || len(g.units[0].tasks) != 2 {
		t.Errorf("Q2 should open with April holding both the quarter's task and the continuing one: %+v", g)
	}
	parts, _, err := renderQuarterlyPDF(p, q2, data.QuarterEnd(2021, 2), k.set, k.fam, k.printed, nil)
	pdf := parts.join()
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdftext(t, pdf, 0, 0))
	if !strings.Contains(text, "Tháng 3-6 (tiếp theo từ Quý I)") || !strings.Contains(text, tpl.Tasks.NoFixedMonth.String()) {
		t.Errorf("Q2 report lacks the continuing mark or the all-year heading:\n%s", text)
	}
}

func TestQuarterlyPDFPassesReaders(t *testing.T) {
	p := bundledPlan(t)
	k := testKit(t, p, "")
	tpl := k.set.Quarterly
	qd := buildQuarter(p, 1, tpl)
	parts, l, err := renderQuarterlyPDF(p, qd, data.QuarterEnd(2021, 1), k.set, k.fam, k.printed, nil)
	pdf := parts.join()
	if err != nil {
		t.Fatal(err)
	}
	info := tool(t, pdf, "pdfinfo")
	for _, want := range []string{"Title:           Tổng hợp chương trình công tác Quý I năm 2021", "Creator:         plandoc " + Version,
		"CreationDate:    Wed Mar 31 00:00:00 2021 UTC", "Page size:       841.89 x 595.28 pts (A4)", fmt.Sprintf("Pages:           %d\n", len(l.pages))} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	for _, r := range strings.Split(strings.TrimSpace(tool(t, pdf, "pdffonts")), "\n")[2:] {
		if f := strings.Fields(r); f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font not embedded as a subset: %s", r)
		}
	}
	tool(t, pdf, "qpdf", "--check")
	text := squash(pdftext(t, pdf, 0, 0))
	// Without returns the results part says so plainly, with no table of zeros.
	if !strings.Contains(text, "III. KẾT QUẢ THỰC HIỆN Chưa thu thập được báo cáo của các đơn vị") || strings.Contains(text, "Tỷ lệ hoàn thành") {
		t.Errorf("the report without returns shows a results table or lacks the plain statement")
	}
	for _, want := range []string{"BÁO CÁO", "Tổng hợp chương trình công tác Quý I năm 2021", "Thanh Hóa, ngày 31 tháng 3 năm 2021",
		"I. SỐ NHIỆM VỤ THEO ĐƠN VỊ CHỦ TRÌ", "II. DANH MỤC NHIỆM VỤ", "Số nhiệm vụ chủ trì theo đơn vị và tháng", "Tổng cộng 7 5 11"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Q1 report lacks %q", want)
		}
	}
	at := 0
	for _, tt := range quarterTTs(qd) {
		task := findTask(t, p, tt)
		i := strings.Index(text[at:], squash(task.Content))
		if i < 0 {
			t.Fatalf("task %s missing or out of order", tt)
		}
		at += i
	}
	for n := 2; n <= len(l.pages); n++ {
		if first := strings.Fields(pdftext(t, pdf, n, n))[0]; first != fmt.Sprint(n) {
			t.Errorf("page %d starts with %q", n, first)
		}
	}
	m := newMeasurerAt(t)
	for pi, page := range l.pages {
		for _, part := range page.tables {
			checkTablePart(t, pi, part, l.bottom, m)
		}
	}
	if len(l.chart) == 0 {
		t.Errorf("no bars drawn")
	}
	for _, b := range l.chart {
		if b.y < l.top || b.y+b.h > l.bottom || b.x < l.left || b.x+b.w > l.right {
			t.Errorf("a bar lies outside the text area: %+v", b)
		}
	}
	raw := tool(t, pdf, "qpdf", "--json", "--json-key=outlines")
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Kids  []struct {
				Title string `json:"title"`
			} `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, o := range doc.Outlines {
		titles = append(titles, o.Title)
		for _, k := range o.Kids {
			titles = append(titles, "  "+k.Title)
		}
	}
	if want := []string{"I. SỐ NHIỆM VỤ THEO ĐƠN VỊ CHỦ TRÌ", "II. DANH MỤC NHIỆM VỤ", "  Tháng 1", "  Tháng 2", "  Tháng 3", "III. KẾT QUẢ THỰC HIỆN"}; !slices.Equal(titles, want) {
		t.Errorf("bookmarks = %q; want %q", titles, want)
	}
}

func TestQuarterlyWorkbook(t *testing.T) {
	p := bundledPlan(t)
	k := testKit(t, p, "")
	tpl := k.set.Quarterly
	for q, total := range map[int]int{1: 23, 4: 12} {
		qd := buildQuarter(p, q, tpl)
		content, err := quarterlyWorkbook(p, qd, data.QuarterEnd(2021, q), k)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := quarterlyWorkbook(p, qd, data.QuarterEnd(2021, q), k)
		if !bytes.Equal(content, again) {
			t.Errorf("Q%d workbook differs between two renders", q)
		}
		d := dumpBook(t, content)
		if !slices.Equal(d.Sheets, []string{"Tổng hợp", "Biểu đồ", "Nhiệm vụ", "Kết quả", "Chưa hoàn thành"}) {
			t.Fatalf("sheets = %v", d.Sheets)
		}
		// The chart stands on a chart sheet of its own: it prints whole on one page.
		if len(d.ChartParts) != 1 || !slices.Equal(d.ChartSheets, []string{"Biểu đồ"}) {
			t.Errorf("Q%d: chart parts %v, chart sheets %v; want one chart on the sheet Biểu đồ", q, d.ChartParts, d.ChartSheets)
		}
		sum := d.Sheet["Tổng hợp"]
		totals := sum.Rows[overviewHeaderRow+len(qd.units)]
		if totals[1] != "Tổng cộng" || totals[len(totals)-1] != float64(total) {
			t.Errorf("Q%d totals row = %v; want Tổng cộng … %d", q, totals, total)
		}
		tasks := d.Sheet["Nhiệm vụ"]
		var tts []string
		for _, r := range tasks.Rows[overviewHeaderRow:] {
			tts = append(tts, fmt.Sprint(r[1]))
		}
		if !slices.Equal(tts, quarterTTs(qd)) {
			t.Errorf("Q%d tasks sheet = %v; want %v", q, tts, quarterTTs(qd))
		}
		if d.Custom["plandoc.quarter"] != fmt.Sprint(q) || d.Props.Created != fmt.Sprintf("2021-%02d-%02dT00:00:00", 3*q, data.QuarterEnd(2021, q).Day) {
			t.Errorf("Q%d properties: %v %+v", q, d.Custom, d.Props)
		}
		if tasks.PrintTitleRows != "$5:$5" || !tasks.FitToPage || tasks.Orientation != "landscape" {
			t.Errorf("Q%d tasks sheet print setup: %+v", q, tasks.PrintTitleRows)
		}
	}
}

func TestBuildOneQuarterAsOf(t *testing.T) {
	p := bundledPlan(t)
	res, err := Build(p, Options{Quarter: 2, AsOf: data.Date{Year: 2021, Month: 7, Day: 5}})
	if err != nil {
		t.Fatal(err)
	}
	var quarterly []string
	for _, f := range res.Files {
		if f.Kind == "quarterly" {
			quarterly = append(quarterly, fmt.Sprintf("%s:%d", f.Path, f.Quarter))
			if strings.HasSuffix(f.Path, ".pdf") && !strings.Contains(squash(pdftext(t, f.Data(), 1, 1)), "Thanh Hóa, ngày 05 tháng 7 năm 2021") {
				t.Errorf("the report is not dated as asked")
			}
		}
	}
	if !slices.Equal(quarterly, []string{"quarterly/q2.pdf:2", "quarterly/q2.xlsx:2"}) {
		t.Errorf("quarterly files = %v", quarterly)
	}
	for _, bad := range []Options{{Quarter: 5}, {AsOf: data.Date{Year: 2021, Month: 2, Day: 30}}} {
		if _, err := Build(p, bad); err == nil {
			t.Errorf("Build(%+v) accepted it", bad)
		}
	}
}

// manyUnitsPlan has n units, each leading one task in March, and the
// first three leading three more each.
func manyUnitsPlan(n int) []byte {
	var b strings.Builder
	b.WriteString(string(planWithTasks()))
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "[[units]]\nid = \"don-vi-%d\"\nname = \"Đơn vị số %d\"\n", i, i)
	}
	tt := 0
	task := func(unit int) {
		tt++
		fmt.Fprintf(&b, "[[tasks]]\ntt = \"%d\"\ncontent = \"Nhiệm vụ %d\"\ntime = \"Tháng 3\"\nunits = [\"don-vi-%d\"]\n", tt, tt, unit)
	}
	for i := 1; i <= n; i++ {
		task(i)
	}
	for i := 1; i <= 3; i++ {
		task(i)
		task(i)
		task(i)
	}
	return []byte(strings.Replace(b.String(), "[[units]]\nid = \"van-phong\"\nname = \"Văn phòng\"\n", "", 1))
}

// More units than a chart can hold (201 once drew a chart of negative
// widths and never finished): the chart shows the eleven units leading
// the most and one group of the others; the table lists all.
func TestQuarterlyChartWithMoreUnitsThanItHolds(t *testing.T) {
	p := parsePlan(t, manyUnitsPlan(201))
	k := testKit(t, p, "")
	qd := buildQuarter(p, 1, k.set.Quarterly)
	parts, l, err := renderQuarterlyPDF(p, qd, data.QuarterEnd(2021, 1), k.set, k.fam, k.printed, nil)
	pdf := parts.join()
	if err != nil {
		t.Fatal(err)
	}
	if len(qd.units) != 201 || len(l.chart) != 12 {
		t.Fatalf("%d units, %d bars; want 201 in the table and 12 bars (March only)", len(qd.units), len(l.chart))
	}
	text := squash(pdftext(t, pdf, 0, 0))
	for _, want := range []string{"Các đơn vị khác (190)", "Đơn vị số 201", "Đơn vị số 1 "} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The first three lead four tasks each, the next eight one: the bars
	// stand four to one, and the others' (190 tasks) highest of all.
	for i, b := range l.chart[:11] {
		want := l.chart[3].h
		if i < 3 {
			want *= 4
		}
		if diff := b.h - want; diff > 0.01 || diff < -0.01 {
			t.Errorf("bar %d is %.2f mm; want %.2f", i+1, b.h, want)
		}
	}
	if l.chart[11].h <= l.chart[0].h {
		t.Errorf("the others' bar is %.2f mm, no higher than a unit's %.2f", l.chart[11].h, l.chart[0].h)
	}
	// The workbook's native chart reads the same twelve groups.
	book, err := quarterlyWorkbook(p, qd, data.QuarterEnd(2021, 1), k)
	if err != nil {
		t.Fatal(err)
	}
	sheet := dumpBook(t, book).Sheet["Tổng hợp"]
	col := -1
	for _, row := range sheet.Rows {
		for c, v := range row {
			if v == "Các đơn vị khác (190)" {
				col = c
			}
		}
	}
	var labels []string
	for _, row := range sheet.Rows[5:] {
		if col >= 0 && len(row) > col && row[col] != nil {
			labels = append(labels, fmt.Sprint(row[col]))
		}
	}
	if len(labels) != 12 || labels[11] != "Các đơn vị khác (190)" || labels[0] != "Đơn vị số 1" {
		t.Errorf("the chart's groups in the workbook: %q", labels)
	}
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			rc, _ := f.Open()
			xml, _ := io.ReadAll(rc)
			rc.Close()
			if want := fmt.Sprintf("$%s$6:$%s$17", colName(col+1), colName(col+1)); !strings.Contains(string(xml), want) {
				t.Errorf("the chart does not read its categories from %s", want)
			}
		}
	}
}
