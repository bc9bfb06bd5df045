package data

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data/synth"
	"golang.org/x/text/unicode/norm"
)

func readGood(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile("testdata/good/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestBOMAndCRLFLoadLikeLF(t *testing.T) {
	lf, probs := Parse("minimal.toml", readGood(t, "minimal.toml"))
	if lf == nil || len(probs) != 0 {
		t.Fatalf("minimal plan: %v", probs)
	}
	crlf, probs := Parse("bom-crlf.toml", readGood(t, "bom-crlf.toml"))
	if crlf == nil || len(probs) != 0 {
		t.Fatalf("BOM+CRLF plan: %v", probs)
	}
	if crlf.Source.SHA256 != lf.Source.SHA256 {
		t.Errorf("the same plan with BOM and CRLF hashes differently")
	}
	if crlf.Tasks[1].Content != "Báo cáo phản biện" || strings.Contains(crlf.Program.Title, "\r") {
		t.Errorf("CRLF leaked into the text: %q", crlf.Tasks[1].Content)
	}
}

func TestTextIsNormalisedToNFC(t *testing.T) {
	raw := readGood(t, "minimal.toml")
	nfd := norm.NFD.Bytes(raw)
	if bytes.Equal(nfd, raw) {
		t.Fatal("test input has nothing to decompose")
	}
	p, probs := Parse("nfd.toml", nfd)
	if p == nil {
		t.Fatalf("NFD plan refused: %v", probs)
	}
	if len(probs) != 1 || probs[0].Severity != Warning || !strings.Contains(probs[0].Msg, "not in Unicode NFC") {
		t.Errorf("want one NFC warning for the file, got %v", probs)
	}
	for _, s := range []string{p.Organisation.Name, p.Tasks[0].Content, p.Units[1].Name, p.People[0].Honorific} {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not NFC after loading", s)
		}
	}
	if p.Tasks[1].Content != "Báo cáo phản biện" {
		t.Errorf("content = %q", p.Tasks[1].Content)
	}
}

func TestInlineTablesAndSingleStrings(t *testing.T) {
	src := `schema = 1
organisation = {name = "LHH", place = "Thanh Hóa"}
decision = {number = 7, symbol = "QĐ-LHH", date = 2020-12-01, issuer = "Chủ tịch", signer = {title = "CHỦ TỊCH", name = "Nguyễn Văn A"}}
program = {year = 2021, title = "Chương trình công tác năm 2021"}
units = [{id = "van-phong", name = "Văn phòng"}, {id = "ban-a", name = "Ban A"}]
tasks = [
  {tt = 1, content = "Một", time = "Quý I", units = "van-phong"},
  {tt = 2, content = "Hai", time = "Mùa thu", months = [9, 10], units = ["ban-a", "ban-x"]},
]
`
	p, probs := Parse("inline.toml", []byte(src))
	if p != nil || len(probs) != 1 {
		t.Fatalf("want exactly one problem, got %v", probs)
	}
	if got := probs[0].String(); got != `inline.toml:8:83: task 2: unknown unit "ban-x"; did you mean "ban-a"?` {
		t.Errorf("problem = %s", got)
	}
	p, probs = Parse("inline.toml", []byte(strings.Replace(src, `, "ban-x"`, "", 1)))
	if p == nil {
		t.Fatalf("%v", probs)
	}
	if p.Decision.Number != "7" || p.Decision.Signer == nil || p.Decision.Signer.Name != "Nguyễn Văn A" {
		t.Errorf("decision = %+v", p.Decision)
	}
	if p.Tasks[0].TT != "1" || p.Tasks[0].Units[0] != "van-phong" || p.Tasks[0].Schedule.Months.String() != "1,2,3" {
		t.Errorf("task 1 = %+v", p.Tasks[0])
	}
	if s := p.Tasks[1].Schedule; s.kind != kindExplicit || s.Months.String() != "9,10" {
		t.Errorf("explicit months = %+v", s)
	}
}

func TestProblemsAreDeterministic(t *testing.T) {
	raw, err := os.ReadFile("testdata/bad/unsafe-id-uppercase.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, first := Parse("a.toml", raw)
	for i := 0; i < 20; i++ {
		_, again := Parse("a.toml", raw)
		if len(again) != len(first) {
			t.Fatalf("run %d: %d problems, first run %d", i, len(again), len(first))
		}
		for j := range again {
			if again[j] != first[j] {
				t.Fatalf("run %d: problem %d is %v, first run %v", i, j, again[j], first[j])
			}
		}
	}
}

func TestSyntheticPlansCheckClean(t *testing.T) {
	p, probs := Parse("synth.toml", synth.Plan(500, 12))
	if p == nil || len(probs) != 0 {
		t.Fatalf("synthetic plan: %d problems, first %v", len(probs), probs[:min(3, len(probs))])
	}
	if len(p.Tasks) != 500 || len(p.InternalUnits()) != 12 {
		t.Errorf("got %d tasks, %d units", len(p.Tasks), len(p.InternalUnits()))
	}
}

func TestSlugAndFold(t *testing.T) {
	for in, want := range map[string]string{
		"Ban KHCN, TVPB":           "ban-khcn-tvpb",
		"Văn phòng":                "van-phong",
		"Đảng đoàn":                "dang-doan",
		"  Thường trực LHHội!  ":   "thuong-truc-lhhoi",
		norm.NFD.String("Tỉnh uỷ"): "tinh-uy",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q; want %q", in, got, want)
		}
	}
	if Fold("Thanh Hoá") != Fold("thanh  hóa") || Fold("Tỉnh uỷ") != Fold("Tỉnh ủy") {
		t.Errorf("Fold must join old and new tone placement, case and spacing")
	}
	if Fold("Văn phòng") == Fold("Văn phong") {
		t.Errorf("Fold must keep tones apart")
	}
}

func TestContentTooLongForExcelIsAWarning(t *testing.T) {
	raw := readGood(t, "minimal.toml")
	long := strings.Repeat("Hội nghị ", 4000) // 36,000 characters
	src := strings.Replace(string(raw), `content = "Báo cáo phản biện"`, `content = "`+long+`"`, 1)
	p, probs := Parse("long.toml", []byte(src))
	if p == nil || len(probs) != 1 || probs[0].Severity != Warning || !strings.Contains(probs[0].Msg, "an Excel cell holds 32767") {
		t.Errorf("want one warning about Excel's cell limit, got %v", probs)
	}
}

// Digests, made once for all departments, are each department's Digest;
// and a department's digest changes with its own tasks only.
func TestDigestsAreEachDigest(t *testing.T) {
	p, probs := Parse("synth", synth.Plan(300, 12))
	if p == nil {
		t.Fatal(probs)
	}
	loads := p.Workloads()
	all := p.Digests(loads)
	if len(all) != len(loads) {
		t.Fatalf("%d digests for %d departments", len(all), len(loads))
	}
	for _, w := range loads {
		if all[w.Unit.ID] != p.Digest(w) {
			t.Errorf("%s: Digests says %s, Digest %s", w.Unit.ID, all[w.Unit.ID], p.Digest(w))
		}
	}
	lead := loads[0].Lead[0]
	lead.Content += " (sửa)"
	after := p.Digests(loads)
	for _, w := range loads {
		touched := slices.Contains(w.Lead, lead) || slices.Contains(w.Partner, lead)
		if (after[w.Unit.ID] != all[w.Unit.ID]) != touched {
			t.Errorf("%s: digest changed %v, the edited task is on its sheets %v", w.Unit.ID, after[w.Unit.ID] != all[w.Unit.ID], touched)
		}
	}
}

// Workloads puts each task on the sheets of the units that lead it and of
// those PartnerUnitIDs says coordinate it (through a group too), once each.
func TestWorkloadsFollowPartnerUnitIDs(t *testing.T) {
	bundled, _, err := LoadBundled(DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	synthetic, probs := Parse("synth", synth.Plan(300, 12))
	if synthetic == nil {
		t.Fatal(probs)
	}
	for _, p := range []*Plan{bundled, synthetic} {
		want := map[string][2][]*Task{}
		for i := range p.Tasks {
			task := &p.Tasks[i]
			for _, id := range task.Units {
				w := want[id]
				w[0] = append(w[0], task)
				want[id] = w
			}
			for _, id := range p.PartnerUnitIDs(task) {
				w := want[id]
				w[1] = append(w[1], task)
				want[id] = w
			}
		}
		partners := 0
		for _, w := range p.Workloads() {
			if !slices.Equal(w.Lead, want[w.Unit.ID][0]) || !slices.Equal(w.Partner, want[w.Unit.ID][1]) {
				t.Errorf("%s: %s leads %d and coordinates %d tasks; want %d and %d", p.Source.Name, w.Unit.ID, len(w.Lead), len(w.Partner), len(want[w.Unit.ID][0]), len(want[w.Unit.ID][1]))
			}
			partners += len(w.Partner)
		}
		if partners == 0 {
			t.Errorf("%s: no task coordinated: the test needs partners", p.Source.Name)
		}
	}
}
