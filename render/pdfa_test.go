package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/plandoc/plandoc/data/synth"
)

// preflightClasspath is Apache PDFBox Preflight as Debian installs it
// (libpdfbox2-java, libactivation-java, libjaxb-api-java).
var preflightClasspath = strings.Join([]string{"preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"}, ".jar:/usr/share/java/")

// preflight validates PDFs as PDF/A-1b, two at a time, and returns what
// it says of each that is not valid.
func preflight(t *testing.T, pdfs map[string][]byte) map[string]string {
	t.Helper()
	if _, err := os.Stat("/usr/share/java/preflight.jar"); err != nil {
		t.Fatal("Apache PDFBox Preflight is not installed; run .ci/run's apt-get line (libpdfbox2-java libactivation-java libjaxb-api-java)")
	}
	dir := t.TempDir()
	var mu sync.Mutex
	bad := map[string]string{}
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for name, pdf := range pdfs {
		path := filepath.Join(dir, strings.ReplaceAll(name, "/", "-"))
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out, _ := exec.Command("java", "-cp", "/usr/share/java/"+preflightClasspath+".jar", "org.apache.pdfbox.preflight.Validator_A1b", path).CombinedOutput()
			if !bytes.Contains(out, []byte("is a valid PDF/A-1b file")) {
				mu.Lock()
				bad[name] = string(out)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return bad
}

// Every PDF plandoc writes is PDF/A-1b, as Apache PDFBox Preflight
// judges: the 2021 annex and reports, a plan with sections and a signer,
// and a 1,000-task annex; qpdf finds them sound, pdfinfo their title and
// author, and the XMP says what the information dictionary says.
func TestEveryPDFIsPDFA(t *testing.T) {
	pdfs := map[string][]byte{}
	res, err := Build(bundledPlan(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".pdf") {
			pdfs[f.Path] = f.Data()
		}
	}
	src := string(planWithTasks("Nhiệm vụ thứ nhất", "Nhiệm vụ thứ hai"))
	src = strings.Replace(src, "[[units]]", "[[sections]]\nid = \"to-chuc\"\ntitle = \"CÔNG TÁC TỔ CHỨC\"\n[[units]]", 1)
	src = strings.Replace(src, "issuer = \"Chủ tịch Liên hiệp hội Thanh Hóa\"", "issuer = \"Chủ tịch Liên hiệp hội Thanh Hóa\"\n[decision.signer]\nauthority = \"KT. Chủ tịch\"\ntitle = \"Phó Chủ tịch\"\nname = \"Nguyễn Văn A\"", 1)
	src = strings.ReplaceAll(src, "[[tasks]]\n", "[[tasks]]\nsection = \"to-chuc\"\n")
	pdfs["sections-signer/annex.pdf"], _ = defaultAnnex(t, parsePlan(t, []byte(src)))
	pdfs["1000-tasks/annex.pdf"], _ = defaultAnnex(t, parsePlan(t, synth.Plan(1000, 50)))
	if len(pdfs) != 8 {
		t.Fatalf("%d PDFs; want the annex, four quarters, the year and the two other annexes", len(pdfs))
	}
	for name, out := range preflight(t, pdfs) {
		t.Errorf("%s is not PDF/A-1b:\n%s", name, out)
	}
	annex := pdfs["annex.pdf"]
	tool(t, annex, "qpdf", "--check")
	info := tool(t, annex, "pdfinfo")
	for _, want := range []string{"Title:           Chương trình công tác năm 2021", "Author:          Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	xmp := tool(t, annex, "pdfinfo", "-meta")
	for _, want := range []string{"<pdfaid:part>1</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
		"Chương trình công tác năm 2021</rdf:li>", "<rdf:li>Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa</rdf:li>",
		"<xmp:CreateDate>2021-12-31T00:00:00+00:00</xmp:CreateDate>"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("the XMP lacks %q", want)
		}
	}
	// The record metadata of Decree 30 Appendix VI, under its declared schema.
	for _, want := range []string{"<pdfaSchema:prefix>rec</pdfaSchema:prefix>", "<rec:documentType>Chương trình</rec:documentType>",
		"<rec:number>313</rec:number>", "<rec:symbol>QĐ-LHH</rec:symbol>", "<rec:issueDate>2021-12-31</rec:issueDate>",
		"<rec:issuer>Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa</rec:issuer>", "<rec:language>vi</rec:language>"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("the annex's XMP lacks %q", want)
		}
	}
	pages := strings.Fields(strings.Split(strings.SplitN(info, "Pages:", 2)[1], "\n")[0])[0]
	if !strings.Contains(xmp, "<rec:pageCount>"+pages+"</rec:pageCount>") {
		t.Errorf("the XMP's page count is not pdfinfo's %s", pages)
	}
	signed := tool(t, pdfs["sections-signer/annex.pdf"], "pdfinfo", "-meta")
	for _, want := range []string{"<rec:signerPosition>KT. Chủ tịch Phó Chủ tịch</rec:signerPosition>", "<rec:signerName>Nguyễn Văn A</rec:signerName>", "<rec:number>05</rec:number>"} {
		if !strings.Contains(signed, want) {
			t.Errorf("the signed annex's XMP lacks %q", want)
		}
	}
	report := tool(t, pdfs["quarterly/q1.pdf"], "pdfinfo", "-meta")
	for _, want := range []string{"<rec:documentType>Báo cáo</rec:documentType>", "<rec:symbol>BC-LHH</rec:symbol>", "<rec:issueDate>2021-03-31</rec:issueDate>",
		"<rec:summary>Tổng hợp chương trình công tác Quý I năm 2021</rec:summary>"} {
		if !strings.Contains(report, want) {
			t.Errorf("q1's XMP lacks %q", want)
		}
	}
	trailer := tool(t, annex, "qpdf", "--show-object=trailer")
	if !strings.Contains(trailer, "/ID [ <") {
		t.Errorf("the trailer has no /ID: %s", trailer)
	}
	// The /ID is the content's: the same plan gives the same file.
	again, _ := defaultAnnex(t, bundledPlan(t))
	if !bytes.Equal(again, annex) {
		t.Errorf("two renders of the annex differ")
	}
}

// Every byte of each PDF belongs to the object the cross-reference table
// puts there: the header, then the objects end to end, then the table.
// The PDF/A pass once kept fpdf's page objects before the first object
// it wrote, unreferenced: a quarter of the 2021 annex, 37 MB of a
// 100,000-task annex's 90.
func TestPDFsHoldEachObjectOnce(t *testing.T) {
	res, err := Build(bundledPlan(t), Options{Only: []string{"annex", "quarterly"}})
	if err != nil {
		t.Fatal(err)
	}
	pdfs := map[string][]byte{}
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".pdf") {
			pdfs[f.Path] = f.Data()
		}
	}
	if len(pdfs) != 6 {
		t.Fatalf("%d PDFs; want the annex and five reports", len(pdfs))
	}
	pdfs["1000-tasks/annex.pdf"], _ = defaultAnnex(t, parsePlan(t, synth.Plan(1000, 50)))
	for name, pdf := range pdfs {
		if err := objectsTile(pdf); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// objectsTile says where a file is not its header, its objects end to
// end in the places the cross-reference table gives, and the table.
func objectsTile(pdf []byte) error {
	const header = "%PDF-1.3\n%\xc2\xb5\xc2\xb6\n"
	if !bytes.HasPrefix(pdf, []byte(header)) {
		return fmt.Errorf("begins %q, not fpdf's header", pdf[:min(len(pdf), 20)])
	}
	m := regexp.MustCompile(`\nstartxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		return fmt.Errorf("no startxref at the end")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	lines := strings.Split(string(pdf[xref:]), "\n")
	var size int
	fmt.Sscanf(lines[1], "0 %d", &size)
	offs := make([]int, size)
	for n := 1; n < size; n++ {
		offs[n], _ = strconv.Atoi(strings.Fields(lines[2+n])[0])
	}
	order := make([]int, 0, size-1)
	for n := 1; n < size; n++ {
		order = append(order, n)
	}
	sort.Slice(order, func(a, b int) bool { return offs[order[a]] < offs[order[b]] })
	at := len(header)
	for i, n := range order {
		end := xref
		if i+1 < len(order) {
			end = offs[order[i+1]]
		}
		if offs[n] != at {
			return fmt.Errorf("object %d at %d; the bytes before it end at %d", n, offs[n], at)
		}
		// A stream may hold any bytes: an object is what lies between its
		// offset and the next one's.
		if !bytes.HasPrefix(pdf[at:end], fmt.Appendf(nil, "%d 0 obj\n", n)) || !bytes.HasSuffix(pdf[at:end], []byte("\nendobj\n")) {
			return fmt.Errorf("object %d: from its offset to the next, %d bytes not one object", n, end-at)
		}
		at = end
	}
	if at != xref {
		return fmt.Errorf("the objects end at %d, the table begins at %d", at, xref)
	}
	return nil
}
