package importer

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
)

func bundled(t *testing.T, edit func(string) string) *data.Plan {
	t.Helper()
	raw, err := os.ReadFile("../plans/lhh-thanh-hoa-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, probs := data.Parse("last-year.toml", []byte(edit(string(raw))))
	if p == nil {
		t.Fatalf("last year's plan: %v", probs)
	}
	return p
}

func ids[T any](items []T, id func(T) string) []string {
	var out []string
	for _, x := range items {
		out = append(out, id(x))
	}
	slices.Sort(out)
	return out
}

// Importing the bundled program's own text like the bundled plan gives
// the bundled plan's unit, person and body ids exactly, and ids last year
// chose otherwise than the import would are kept.
func TestLikeKeepsLastYearsIDs(t *testing.T) {
	same := func(s string) string { return s }
	last := bundled(t, same)
	res, err := Import("seed.txt", seed(t), Options{Like: last})
	if err != nil {
		t.Fatal(err)
	}
	p, probs := data.Parse("imported.toml", res.TOML)
	if p == nil {
		t.Fatalf("%v", probs)
	}
	unitID := func(u data.Unit) string { return u.ID }
	personID := func(x data.Person) string { return x.ID }
	bodyID := func(b data.Body) string { return b.ID }
	for what, pair := range map[string][2][]string{
		"units":  {ids(p.Units, unitID), ids(last.Units, unitID)},
		"people": {ids(p.People, personID), ids(last.People, personID)},
		"bodies": {ids(p.Bodies, bodyID), ids(last.Bodies, bodyID)},
	} {
		if !slices.Equal(pair[0], pair[1]) {
			t.Errorf("%s: %v; want last year's %v", what, pair[0], pair[1])
		}
	}
	// Last year called Văn phòng "vp" and spelt a body its own way.
	renamed := bundled(t, func(s string) string {
		s = strings.ReplaceAll(s, `"van-phong"`, `"vp"`)
		return strings.Replace(s, `name = "Thường trực LHH"`, `name = "Thường trực Liên hiệp hội"`, 1)
	})
	res, err = Import("seed.txt", seed(t), Options{Like: renamed})
	if err != nil {
		t.Fatal(err)
	}
	toml := string(res.TOML)
	if !strings.Contains(toml, "id = \"vp\"\nname = \"Văn phòng\"") || strings.Contains(toml, `"van-phong"`) {
		t.Errorf("Văn phòng is not kept as vp:\n%.2000s", toml)
	}
	if !strings.Contains(toml, `name = "Thường trực Liên hiệp hội"`) || !reportHas(res, `approving body "Thường trực LHH" written as last year's "Thường trực Liên hiệp hội"`) {
		t.Errorf("last year's spelling is not kept and reported:\n%v", res.Report)
	}
}

// A bare table — no title, no decision — takes its heading from last
// year's plan; new names and names a letter from old ones are reported.
func TestLikeFillsABareTable(t *testing.T) {
	last := bundled(t, func(s string) string {
		return strings.Replace(s, "\n[program]\n", "\n[decision.signer]\nauthority = \"KT. CHỦ TỊCH\"\ntitle = \"PHÓ CHỦ TỊCH\"\nname = \"Nguyễn Văn Phát\"\n\n[program]\n", 1)
	})
	if last.Decision.Signer == nil {
		t.Fatal("the test's last-year plan has no signer")
	}
	src := tsv(seedHeader,
		"1\tHội nghị tổng kết\tTháng 1\tVăn phòng\tĐ/c Nguyễn Văn Phát\t\tThường trực LHH",
		"2\tHội thảo khoa học\tQuý II\tBan Truyền thông\tĐ/c Nguyễn Văn Phát\t\tThường trực LHH",
		"3\tKiểm tra hội\tTháng 9\tBan Kiểm tro\tĐ/c Nguyễn Văn Phát\t\tThường trực LHH")
	res, err := Import("bang.txt", src, Options{Like: last})
	if err != nil {
		t.Fatal(err)
	}
	p, probs := data.Parse("imported.toml", res.TOML)
	if p == nil {
		t.Fatalf("%v\n%s", probs, res.TOML)
	}
	if p.Program.Year != 2022 || p.Organisation != last.Organisation || p.Decision.Number != last.Decision.Number ||
		p.Decision.Signer == nil || *p.Decision.Signer != *last.Decision.Signer {
		t.Errorf("heading: year %d, organisation %+v, decision %+v", p.Program.Year, p.Organisation, p.Decision)
	}
	for _, want := range [][]string{
		{"year 2022: the year after last year's plan"},
		{"organisation", "taken from last year's plan"},
		{"decision 313/QĐ-LHH", "write this year's number and date"},
		{"signer", "taken from last year's plan; check who signs this year"},
		{`new unit "Ban Truyền thông", not in last year's plan`},
		{`new unit "Ban Kiểm tro" is one letter from last year's "Ban kiểm tra"`},
	} {
		if !reportHas(res, want...) {
			t.Errorf("the report lacks %q:\n%v", want, res.Report)
		}
	}
	if got := CountByKind(res.Report); !strings.Contains(got, "last year's plan 6") {
		t.Errorf("count by kind %q", got)
	}
}

// A bare table without -like takes its year from its dates when they all
// name one year, and not when they disagree.
func TestBareTableYearFromItsDates(t *testing.T) {
	agree := tsv(seedHeader,
		"1\tHội nghị\tTháng 3/2026\tVăn phòng\tĐ/c A\t\tThường trực",
		"2\tHội thảo\t15/6/2026\tVăn phòng\tĐ/c A\t\tThường trực")
	res, err := Import("bang.txt", agree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.TOML), "year = 2026\ntitle = \"Chương trình công tác năm 2026\"") || !reportHas(res, "year 2026 taken from the table's dates") {
		t.Errorf("year not taken from the dates:\n%.600s\n%v", res.TOML, res.Report)
	}
	disagree := tsv(seedHeader,
		"1\tHội nghị\tTháng 3/2026\tVăn phòng\tĐ/c A\t\tThường trực",
		"2\tHội thảo\t15/6/2025\tVăn phòng\tĐ/c A\t\tThường trực")
	res, err = Import("bang.txt", disagree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.TOML), "year = 0") || reportHas(res, "taken from the table's dates") {
		t.Errorf("dates of two years gave a year:\n%.600s", res.TOML)
	}
}
