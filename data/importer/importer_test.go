package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
)

func TestImportSeedMatchesBundledPlan(t *testing.T) {
	res, got := importPlan(t, "chuong-trinh-cong-tac-2021.txt", seed(t))
	if got == nil {
		t.Fatalf("the imported seed does not load: %v", res.Problems)
	}
	if res.Problems.Errors() != 0 || res.Problems.Warnings() != 1 {
		t.Errorf("check on the imported seed: %v; want only the date warning", res.Problems)
	}
	want, _, err := data.LoadBundled(data.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Tasks) != len(want.Tasks) {
		t.Fatalf("%d tasks imported; the bundled plan has %d", len(got.Tasks), len(want.Tasks))
	}
	names := func(p *data.Plan, ids []string, kind string) []string {
		var out []string
		for _, id := range ids {
			switch kind {
			case "unit":
				out = append(out, p.Unit(id).Name)
			case "body":
				out = append(out, p.Body(id).Name)
			}
		}
		return out
	}
	for i := range want.Tasks {
		g, w := &got.Tasks[i], &want.Tasks[i]
		if g.TT != w.TT || g.Content != w.Content || g.Time != w.Time || g.Schedule.Months != w.Schedule.Months {
			t.Errorf("task %s: %q %q; bundled %q %q", w.TT, g.Content, g.Time, w.Content, w.Time)
		}
		if !slices.Equal(names(got, g.Units, "unit"), names(want, w.Units, "unit")) || !slices.Equal(g.Units, w.Units) {
			t.Errorf("task %s units %v; bundled %v", w.TT, g.Units, w.Units)
		}
		if got.PresidingLabel(g) != want.PresidingLabel(w) {
			t.Errorf("task %s presiding %q; bundled %q", w.TT, got.PresidingLabel(g), want.PresidingLabel(w))
		}
		if !slices.Equal(names(got, g.Approvers, "body"), names(want, w.Approvers, "body")) {
			t.Errorf("task %s approvers %v; bundled %v", w.TT, names(got, g.Approvers, "body"), names(want, w.Approvers, "body"))
		}
		if got.PartnersLabel(g) != want.PartnersLabel(w) || got.UnitsLabel(g) != want.UnitsLabel(w) || got.ApproversLabel(g) != want.ApproversLabel(w) {
			t.Errorf("task %s prints differently: %q | %q | %q", w.TT, got.UnitsLabel(g), got.PartnersLabel(g), got.ApproversLabel(g))
		}
	}
	if got.Program.Closing != want.Program.Closing || got.Decision.Number != "313" || got.Decision.Symbol != "QĐ-LHH" || got.Decision.Date != want.Decision.Date || got.Program.Year != 2021 {
		t.Errorf("heading: %+v %+v", got.Decision, got.Program)
	}
	for _, inf := range [][]string{
		{"line 32", `"Ban KHCN, Ban Thông tin PBKT" read as 2 units leading jointly`},
		{`"BTV LHH"`, `"BTV Liên hiệp hội"`, `taken as one approving body "Ban Thường vụ LHH"`},
		{`"Thường trực LHHội" (line 65)`},
		{`approving body "Thường trực" read as "Thường trực LHH"`},
		{`"Các ban LHH" read as a group of every internal unit`},
		{`partner "Ban chấp hành Công đoàn" read as the unit "BCH Công đoàn"`},
		{"decision 313/QĐ-LHH of 2021-12-31"},
		{"closing paragraph"},
	} {
		if !reportHas(res, inf...) {
			t.Errorf("the report lacks %q:\n%v", inf, res.Report)
		}
	}
}

// titleLines head the small test sources as they head a real program.
const titleLines = "LIÊN HIỆP CÁC HỘI KH&KT THANH HÓA\nCHƯƠNG TRÌNH CÔNG TÁC NĂM 2021\n(Ban hành kèm theo Quyết định số 5/QĐ-LHH ngày 20/12/2020 của Chủ tịch Liên hiệp hội Thanh Hóa)"

const seedHeader = "TT\tNội dung công việc\tThời gian thực hiện\tBộ phận tham mưu, thực hiện\tNgười chủ trì\tĐơn vị phối hợp\tCấp thông qua"

func TestHeadingVariants(t *testing.T) {
	for _, h := range []string{
		seedHeader,
		"STT\tNội dung\tThời hạn\tCơ quan chủ trì\tLãnh đạo phụ trách\tCơ quan phối hợp\tCấp trình",
		"stt\tTÊN NHIỆM VỤ\tTHỜI GIAN\tĐơn vị chủ trì\tNgười chủ trì\tĐơn vị phối hợp\tCấp thông qua",
	} {
		src := tsv(titleLines, h, "1\tHội nghị tổng kết\tTháng 12\tVăn phòng\tĐ/c Nguyễn Văn A\tCác ban LHH\tThường trực LHH")
		res, p := importPlan(t, "plan.txt", src)
		if p == nil && res.Problems.Errors() > 3 {
			t.Fatalf("headings %q: %v", h, res.Problems)
		}
		toml := string(res.TOML)
		for _, want := range []string{`content = "Hội nghị tổng kết"`, `time = "Tháng 12"`, `units = ["van-phong"]`, `presiding = "nguyen-van-a"`, `approvers = ["thuong-truc-lhh"]`} {
			if !strings.Contains(toml, want) {
				t.Errorf("headings %q: the plan lacks %s", h, want)
			}
		}
	}
	_, err := Import("plan.txt", tsv("STT\tViệc\tHạn\tAi làm", "1\tHọp\tTháng 1\tVăn phòng"), Options{})
	if err == nil || !strings.Contains(err.Error(), `headings seen: "STT", "Việc", "Hạn", "Ai làm"`) {
		t.Errorf("no content column: %v", err)
	}
}

func TestRowsSectionsTotalsAndRepeatedHeaders(t *testing.T) {
	src := tsv(titleLines, seedHeader,
		"I. CÔNG TÁC TỔ CHỨC\t\t\t\t\t\t",
		"1.0\tHọp giao ban\tTháng 1\tVăn phòng\tĐ/c Nguyễn Văn A\t\tThường trực LHH",
		"\t\t\t\t\t\t",
		seedHeader,
		"II. CÔNG TÁC CHUYÊN MÔN\t\t\t\t\t\t",
		"2.0\tHội thảo\tQuý II\tBan KHCN, TVPB\tĐ/c Nguyễn Văn A\tSở, ngành liên quan\tThường trực LHH",
		"Tổng cộng\t2 nhiệm vụ\t\t\t\t\t",
	)
	res, p := importPlan(t, "plan.txt", src)
	if p == nil {
		t.Fatalf("%v\n%s", res.Problems, res.TOML)
	}
	if len(p.Tasks) != 2 || len(p.Sections) != 2 || p.Tasks[0].TT != "1" || p.Tasks[1].Section != "ii" || p.Sections[1].Title != "CÔNG TÁC CHUYÊN MÔN" {
		t.Errorf("tasks %+v sections %+v", p.Tasks, p.Sections)
	}
	for _, want := range []string{"repeated header row skipped", `total row "Tổng cộng" skipped`, "1.0, 2.0", `section II. "CÔNG TÁC CHUYÊN MÔN"`} {
		if !reportHas(res, want) {
			t.Errorf("report lacks %q: %v", want, res.Report)
		}
	}
	// 1.0 stays 1.0 where the column numbers sub-items too.
	res, p = importPlan(t, "plan.txt", tsv(titleLines, seedHeader, "1.0\tA\tTháng 1\tVăn phòng\t\t\t", "1.1\tB\tTháng 1\tVăn phòng\t\t\t"))
	if p != nil && p.Tasks[0].TT != "1.0" || reportHas(res, "1.0, 2.0") {
		t.Errorf("1.0 beside 1.1 must stay as printed")
	}
}

func TestUnitSplittingAndSpellings(t *testing.T) {
	src := tsv(titleLines, seedHeader,
		"1\tA\tTháng 1\tVăn phòng + Ban Kiểm tra\t\t\t",
		"2\tB\tTháng 2\tVăn phòng; Ban kiểm tra\t\t\t",
		"3\tC\tTháng 3\tBan KHCN, TVPB\t\t\t",
		"4\tD\tTháng 4\tVăn phòng; Ban KHCN, TVPB\t\t\t",
		"5\tE\tTháng 5\tVăn Phòng\t\t\t",
		"6\tF\tTháng 6\tBan Tuyên giáo Tỉnh uỷ\t\t\t",
		"7\tG\tTháng 7\tBan Tuyên giáo Tỉnh ủy\t\t\t",
		"8\tH\tTháng 8\tBan Tổ chức\t\t\t",
		"9\tI\tTháng 9\tBan Tổ chứa\t\t\t",
		"10\tK\tTháng 10\tVăn phòng, Ban Tổ chức\t\t\t",
	)
	res, p := importPlan(t, "plan.txt", src)
	if p == nil {
		t.Fatalf("%v", res.Problems)
	}
	units := func(tt string) []string {
		for _, task := range p.Tasks {
			if task.TT == tt {
				return task.Units
			}
		}
		return nil
	}
	for tt, want := range map[string][]string{
		"1": {"van-phong", "ban-kiem-tra"}, "2": {"van-phong", "ban-kiem-tra"}, "3": {"ban-khcn-tvpb"},
		"4": {"van-phong", "ban-khcn-tvpb"}, "5": {"van-phong"}, "6": {"ban-tuyen-giao-tinh-uy"}, "7": {"ban-tuyen-giao-tinh-uy"},
		"8": {"ban-to-chuc"}, "9": {"ban-to-chua"}, "10": {"van-phong", "ban-to-chuc"},
	} {
		if got := units(tt); !slices.Equal(got, want) {
			t.Errorf("task %s units %v; want %v", tt, got, want)
		}
	}
	for _, want := range []string{
		`spellings taken as one unit "Văn phòng"`, `"Văn Phòng"`,
		`"Ban Tuyên giáo Tỉnh uỷ"`, `differ by one letter and are kept apart`,
		`"Văn phòng, Ban Tổ chức" read as 2 units leading jointly`,
	} {
		if !reportHas(res, want) {
			t.Errorf("report lacks %q:\n%v", want, res.Report)
		}
	}
}

func TestUnreadableTimeIsKeptAndReported(t *testing.T) {
	res, p := importPlan(t, "plan.txt", tsv(titleLines, seedHeader, "1\tA\tSau Tết\tVăn phòng\t\t\t", "2\tB\tTháng 2\tVăn phòng\t\t\t"))
	if p != nil {
		t.Fatalf("a plan with an unreadable time loaded")
	}
	if !strings.Contains(string(res.TOML), `time = "Sau Tết"`) || !reportHas(res, "line 5", `cannot read time "Sau Tết"`) {
		t.Errorf("the time must be kept and reported:\n%v", res.Report)
	}
	for _, pr := range res.Problems {
		if pr.Severity == data.Error && !strings.Contains(pr.Msg, "Sau Tết") && !strings.Contains(pr.Msg, "[decision]") && !strings.Contains(pr.Msg, "empty") {
			t.Errorf("check fails on something the report did not name: %s", pr)
		}
	}
}

// Spellings that differ only around a hyphen or dash are one unit, and
// "Các tổ …" among the partners is a group of every internal unit, as
// "Các ban …" is.
func TestDashesAndGroupsOfTổ(t *testing.T) {
	src := tsv(titleLines, seedHeader,
		"1\tHọp giao ban\tTháng 1\tVăn phòng HĐND - UBND\tĐ/c A\tCác tổ chuyên môn\tThường trực",
		"2\tHọp tổng kết\tTháng 2\tVăn phòng HĐND-UBND\tĐ/c A\tVăn phòng HĐND – UBND\tThường trực",
		"3\tHội nghị\tTháng 3\tTổ Toán\tĐ/c A\tCác tổ chuyên môn\tThường trực")
	res, p := importPlan(t, "plan.txt", src)
	if p == nil {
		t.Fatalf("the plan does not check: %v", res.Problems)
	}
	if len(p.Units) != 2 {
		t.Errorf("units %+v; want Văn phòng HĐND - UBND once, and Tổ Toán", p.Units)
	}
	if len(p.Groups) != 1 || !p.Groups[0].AllInternal {
		t.Errorf("groups %+v; want Các tổ chuyên môn as every internal unit", p.Groups)
	}
	if !reportHas(res, "Các tổ chuyên môn", "group of every internal unit") {
		t.Errorf("the group is not reported:\n%v", res.Report)
	}
}

// A partner cell listing registered units with commas gives the task to
// each of them, as a lead cell does; a list with an unknown name stays
// the clerk's free text.
func TestPartnerCellListingUnits(t *testing.T) {
	src := tsv(titleLines, seedHeader,
		"1\tHọp tổ\tTháng 1\tTổ Toán - Tin\tĐ/c A\tTổ Văn phòng\tThường trực",
		"2\tHội giảng\tTháng 2\tTổ Ngữ văn\tĐ/c A\tTổ Văn phòng\tThường trực",
		"3\tHội thi\tTháng 3\tTổ Văn phòng\tĐ/c A\tTổ Toán - Tin, Tổ Ngữ văn\tThường trực",
		"4\tNgoại khóa\tTháng 4\tTổ Văn phòng\tĐ/c A\tTổ Toán - Tin, Hội Cha mẹ học sinh\tThường trực")
	res, p := importPlan(t, "plan.txt", src)
	if p == nil {
		t.Fatalf("the plan does not check: %v", res.Problems)
	}
	ids := map[string]string{}
	for _, u := range p.Units {
		ids[u.Name] = u.ID
	}
	if got, want := p.Tasks[2].Partners, []data.Partner{{Ref: ids["Tổ Toán - Tin"]}, {Ref: ids["Tổ Ngữ văn"]}}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("task 3 partners %v; want the two units %v", got, want)
	}
	if got := p.Tasks[3].Partners; len(got) != 1 || got[0].Text != "Tổ Toán - Tin, Hội Cha mẹ học sinh" {
		t.Errorf("task 4 partners %v; want the cell kept as free text", got)
	}
	if !reportHas(res, `"Tổ Toán - Tin, Tổ Ngữ văn" read as 2 units`) {
		t.Errorf("the reading is not reported:\n%v", res.Report)
	}
}

// The count per kind adds up to the whole report, in the order of kinds.
func TestCountByKind(t *testing.T) {
	report := []Inference{{Kind: kindPartner}, {Kind: kindHeader}, {Kind: kindPartner}, {Kind: kindRows}}
	if got, want := CountByKind(report), "title and decision 1, partners 2, rows 1"; got != want {
		t.Errorf("CountByKind = %q; want %q", got, want)
	}
	if got := CountByKind(nil); got != "" {
		t.Errorf("CountByKind(nil) = %q; want nothing", got)
	}
}

// A unit spelt two ways is printed the chosen way in every row; a cell
// worded otherwise (an abbreviation, another separator) keeps its wording.
func TestVariantSpellingPrintsTheChosenOne(t *testing.T) {
	src := tsv(titleLines, seedHeader,
		"1\tHọp tổ\tTháng 1\tTổ văn phòng\tĐ/c A\t\tThường trực",
		"2\tHội giảng\tTháng 2\tTổ văn phòng\tĐ/c A\tTổ Văn Phòng\tThường trực",
		"3\tHội thi\tTháng 3\tTổ Văn Phòng\tĐ/c A\t\tThường trực",
		"4\tNgoại khóa\tTháng 4\tTổ văn  phòng\tĐ/c A\t\tThường trực")
	res, p := importPlan(t, "plan.txt", src)
	if p == nil {
		t.Fatalf("the plan does not check: %v", res.Problems)
	}
	for i := range p.Tasks {
		task := &p.Tasks[i]
		if got := p.UnitsLabel(task); got != "Tổ văn phòng" {
			t.Errorf("task %s prints units %q; want the chosen spelling", task.TT, got)
		}
		if task.TT == "2" && p.PartnersLabel(task) != "Tổ văn phòng" {
			t.Errorf("task 2 prints partners %q; want the chosen spelling", p.PartnersLabel(task))
		}
	}
}

// "Các tổ chuyên môn" leading a task is every unit that leads, each of
// which gets the task; it is not a unit with a workbook of its own, and
// the annex still prints the words of the cell.
func TestLeadGroupMeansEveryUnit(t *testing.T) {
	src := tsv(titleLines, seedHeader,
		"1\tHọp tổ\tTháng 1\tTổ Toán - Tin\tĐ/c A\t\tThường trực",
		"2\tHội giảng\tTháng 2\tTổ Ngữ văn\tĐ/c A\t\tThường trực",
		"3\tKiểm tra chuyên đề\tTháng 3\tCác tổ chuyên môn\tĐ/c A\t\tThường trực")
	res, p := importPlan(t, "plan.txt", src)
	if p == nil {
		t.Fatalf("the plan does not check: %v", res.Problems)
	}
	if len(p.Units) != 2 {
		t.Errorf("units %+v; want the two tổ only", p.Units)
	}
	if got := strings.Join(p.Tasks[2].Units, ","); got != p.Units[0].ID+","+p.Units[1].ID {
		t.Errorf("task 3 units %s; want both tổ", got)
	}
	if got := p.UnitsLabel(&p.Tasks[2]); got != "Các tổ chuyên môn" {
		t.Errorf("task 3 prints %q; want the cell's words", got)
	}
	if !reportHas(res, `lead "Các tổ chuyên môn" read as every unit that leads a task (2 units)`) {
		t.Errorf("the reading is not reported:\n%v", res.Report)
	}
}
