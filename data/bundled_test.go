package data

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// seedRows reads the table of the signed 2021 program (a copy of
// shared/seed kept in testdata) as its seven columns.
func seedRows(t *testing.T) ([][]string, string) {
	t.Helper()
	raw, err := os.ReadFile("testdata/seed-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	closing := ""
	for _, line := range strings.Split(string(raw), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) == 7 && cols[0] != "TT" {
			for i := range cols {
				cols[i] = strings.TrimSpace(cols[i])
			}
			rows = append(rows, cols)
		}
		if strings.HasPrefix(line, "Trong quá trình") {
			closing = strings.TrimSpace(line)
		}
	}
	return rows, closing
}

func loadBundled(t testing.TB) (*Plan, Problems) {
	t.Helper()
	p, probs, err := LoadBundled(DefaultPlan)
	if err != nil {
		t.Fatalf("bundled plan does not load: %v", err)
	}
	return p, probs
}

func TestBundledPlanMatchesSeed(t *testing.T) {
	p, _ := loadBundled(t)
	rows, closing := seedRows(t)
	if len(rows) != 72 || len(p.Tasks) != 72 {
		t.Fatalf("seed has %d rows, plan %d tasks; want 72 each", len(rows), len(p.Tasks))
	}
	// The approving bodies as the seed spells them, and the bodies meant:
	// two spellings of the standing committee, a typo, and a cell naming two.
	approvers := map[string][]string{
		"Thường trực LHH":         {"thuong-truc"},
		"Thường trực LHHội":       {"thuong-truc"},
		"BTV Liên hiệp hội":       {"ban-thuong-vu"},
		"Ban Thường vụ LHH":       {"ban-thuong-vu"},
		"Đảng đoàn, BTV LHH":      {"dang-doan", "ban-thuong-vu"},
		"Ban Chấp hành LHH":       {"ban-chap-hanh"},
		"Đảng đoàn, Thường trực.": {"dang-doan", "thuong-truc"},
	}
	for i, row := range rows {
		task := &p.Tasks[i]
		if task.TT != row[0] || task.Content != row[1] || task.Time != row[2] {
			t.Errorf("row %s: plan has %q / %q / %q; seed %q / %q / %q", row[0], task.TT, task.Content, task.Time, row[0], row[1], row[2])
		}
		if got := p.UnitsLabel(task); got != row[3] {
			t.Errorf("row %s units printed %q; seed %q", row[0], got, row[3])
		}
		if got := p.PresidingLabel(task); got != row[4] {
			t.Errorf("row %s presiding %q; seed %q", row[0], got, row[4])
		}
		if got := p.PartnersLabel(task); got != row[5] {
			t.Errorf("row %s partners %q; seed %q", row[0], got, row[5])
		}
		want, ok := approvers[row[6]]
		if !ok {
			t.Fatalf("row %s: approving cell %q not in the test's table", row[0], row[6])
		}
		if !slices.Equal(task.Approvers, want) {
			t.Errorf("row %s approvers %v; want %v for %q", row[0], task.Approvers, want, row[6])
		}
		if task.Schedule.kind != kindMonths || len(task.Schedule.Months.List()) != 1 {
			t.Errorf("row %s: time %q should be one month, got %v", row[0], task.Time, task.Schedule)
		}
	}
	if p.Program.Closing != closing {
		t.Errorf("closing paragraph\n got %q\nwant %q", p.Program.Closing, closing)
	}
	d := p.Decision
	if d.Number != "313" || d.Symbol != "QĐ-LHH" || d.Date != (Date{2021, 12, 31}) || d.Issuer != "Chủ tịch Liên hiệp hội Thanh Hóa" {
		t.Errorf("decision = %+v", d)
	}
	if p.Program.Year != 2021 || p.Organisation.Name != "Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa" {
		t.Errorf("program/organisation = %+v / %+v", p.Program, p.Organisation)
	}
}

func TestBundledPlanTraps(t *testing.T) {
	p, probs := loadBundled(t)
	if len(probs) != 1 || probs[0].Severity != Warning || !strings.Contains(probs[0].Msg, "decision date 2021-12-31 is in December of 2021") {
		t.Errorf("check on the bundled plan must give only the date warning; got %v", probs)
	}
	leaders := map[string]int{}
	for _, task := range p.Tasks {
		for _, u := range task.Units {
			leaders[u]++
		}
	}
	var ids []string
	for id := range leaders {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	want := []string{"ban-khcn-tvpb", "ban-kiem-tra", "ban-thong-tin-pbkt", "bch-cong-doan", "tong-thu-ky", "van-phong"}
	if !slices.Equal(ids, want) {
		t.Errorf("lead units = %v; want %v", ids, want)
	}
	if u := p.Unit("ban-khcn-tvpb"); u == nil || u.Name != "Ban KHCN, TVPB" || u.External {
		t.Errorf("Ban KHCN, TVPB must be one internal unit, got %+v", u)
	}
	for _, c := range []struct {
		tt    string
		units []string
	}{{"3", []string{"bch-cong-doan", "van-phong"}}, {"24", []string{"ban-khcn-tvpb", "ban-thong-tin-pbkt"}}} {
		task := findTask(p, c.tt)
		if task == nil || !slices.Equal(task.Units, c.units) {
			t.Errorf("row %s must be led jointly by %v, got %+v", c.tt, c.units, task)
		}
	}
	for _, u := range p.InternalUnits() {
		if !slices.Contains(p.PartnerUnitIDs(findTask(p, "1")), u.ID) && u.ID != "van-phong" {
			t.Errorf("row 1's partners (Các ban LHH) must include %s", u.ID)
		}
	}
	if got := p.PartnerUnitIDs(findTask(p, "1")); slices.Contains(got, "van-phong") {
		t.Errorf("a unit leading a task is not also its partner: %v", got)
	}
}

func findTask(p *Plan, tt string) *Task {
	for i := range p.Tasks {
		if p.Tasks[i].TT == tt {
			return &p.Tasks[i]
		}
	}
	return nil
}
