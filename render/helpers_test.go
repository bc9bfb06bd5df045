package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/synth"
	"github.com/plandoc/plandoc/fonts"
)

// must returns v, failing the test when err is set.
func must[T any](t testing.TB, v T, err error) T {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func bundledPlan(t testing.TB) *data.Plan {
	t.Helper()
	p, _, err := data.LoadBundled(data.DefaultPlan)
	return must(t, p, err)
}

// testKit loads what a render reads, as Build does: the templates from dir
// (the embedded ones when empty) and Liberation Serif.
func testKit(t testing.TB, p *data.Plan, dir string) *kit {
	t.Helper()
	k, probs, err := prepare(p, Options{TemplatesDir: dir}, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	return k
}

func embeddedFonts(t testing.TB) *fonts.Family {
	fam, err := fonts.Embedded()
	return must(t, fam, err)
}

func parsePlan(t testing.TB, src []byte) *data.Plan {
	t.Helper()
	p, probs := data.Parse("test.toml", src)
	if p == nil {
		t.Fatalf("test plan refused: %v", probs)
	}
	return p
}

func defaultAnnex(t testing.TB, p *data.Plan) ([]byte, *annexLayout) {
	t.Helper()
	k := testKit(t, p, "")
	out, l, err := renderAnnex(p, k.set.Annex, k.fam, k.printed)
	if err != nil {
		t.Fatal(err)
	}
	return out, l
}

// outside runs an independent reader (poppler, qpdf, openpyxl) on files
// written to a temporary folder, and returns what it prints. The files'
// names go where args says "{}", else after args. The readers
// are part of the test set-up (README, .ci/run): a missing one fails the
// test rather than skipping the check.
func outside(t testing.TB, ext string, contents [][]byte, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed; run .ci/run's apt-get line", name)
	}
	dir := t.TempDir()
	var files []string
	for i, c := range contents {
		file := filepath.Join(dir, fmt.Sprintf("doc%03d.%s", i, ext))
		if err := os.WriteFile(file, c, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	if at := slices.Index(args, "{}"); at >= 0 {
		args = slices.Concat(args[:at], files, args[at+1:])
	} else {
		args = append(args, files...)
	}
	cmd := exec.Command(name, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String()
}

// tool runs a PDF reader on one PDF.
func tool(t *testing.T, pdf []byte, name string, args ...string) string {
	t.Helper()
	return outside(t, "pdf", [][]byte{pdf}, name, args...)
}

// pdftext extracts the text of pages first..last (0 for all) with pdftotext.
func pdftext(t *testing.T, pdf []byte, first, last int) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", fmt.Sprint(first), "-l", fmt.Sprint(last))
	}
	// The text goes to standard output ("-"), named after the PDF.
	return outside(t, "pdf", [][]byte{pdf}, "pdftotext", append(args, "{}", "-")...)
}

// findTask is the plan's task numbered tt.
func findTask(t testing.TB, p *data.Plan, tt string) *data.Task {
	t.Helper()
	for i := range p.Tasks {
		if p.Tasks[i].TT == tt {
			return &p.Tasks[i]
		}
	}
	t.Fatalf("no task %s", tt)
	return nil
}

// squash joins all whitespace into single spaces, so text wrapped into
// lines compares with the text it came from.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// planWithTasks writes a plan whose tasks have the given contents.
func planWithTasks(contents ...string) []byte {
	var b strings.Builder
	b.WriteString(`schema = 1
[organisation]
name = "Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa"
place = "Thanh Hóa"
[decision]
number = "5"
symbol = "QĐ-LHH"
date = 2021-01-05
issuer = "Chủ tịch Liên hiệp hội Thanh Hóa"
[program]
year = 2021
title = "Chương trình công tác năm 2021"
closing = "Thường trực Liên hiệp hội có thể điều chỉnh, bổ sung cho phù hợp"
[[units]]
id = "van-phong"
name = "Văn phòng"
`)
	for i, c := range contents {
		fmt.Fprintf(&b, "[[tasks]]\ntt = \"%d\"\ncontent = %q\ntime = \"Tháng %d\"\nunits = [\"van-phong\"]\n", i+1, c, i%12+1)
	}
	return []byte(b.String())
}

func synthPlan(tasks int) []byte { return synth.Plan(tasks, 10) }

// measurerAt measures a whole line the way the PDF draws it, independently
// of the word-by-word sums the layout uses.
type measurerAt interface {
	widthOf(s string, size float64) float64
}

type fpdfMeasurer struct{ d *pdfDoc }

func newMeasurerAt(t testing.TB) measurerAt {
	return fpdfMeasurer{newPDFDoc(embeddedFonts(t), "landscape", docMeta{date: data.Date{Year: 2021, Month: 1, Day: 1}})}
}

func (m fpdfMeasurer) widthOf(s string, size float64) float64 {
	m.d.font(fonts.Regular, size)
	return m.d.width(s)
}

// workbookFiles renders the department workbooks and the overview as Build does.
func workbookFiles(p *data.Plan, k *kit) ([]File, error) {
	return runAll(workbookJobs(p, k, Selection{}), nil)
}
