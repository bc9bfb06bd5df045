package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
)

func TestAnnexPassesIndependentReaders(t *testing.T) {
	p := bundledPlan(t)
	pdf, layout := defaultAnnex(t, p)

	info := tool(t, pdf, "pdfinfo")
	for _, want := range []string{
		"Title:           Chương trình công tác năm 2021",
		"Author:          Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa",
		"Creator:         plandoc " + Version,
		"CreationDate:    Fri Dec 31 00:00:00 2021 UTC",
		"ModDate:         Fri Dec 31 00:00:00 2021 UTC",
		"Page size:       841.89 x 595.28 pts (A4)",
		fmt.Sprintf("Pages:           %d\n", len(layout.pages)),
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if !bytes.Contains(pdf, []byte("/Lang (vi-VN)")) {
		t.Errorf("document language vi-VN not set")
	}

	fontsOut := tool(t, pdf, "pdffonts")
	rows := strings.Split(strings.TrimSpace(fontsOut), "\n")[2:]
	if len(rows) < 3 {
		t.Fatalf("pdffonts lists %d fonts:\n%s", len(rows), fontsOut)
	}
	for _, r := range rows {
		f := strings.Fields(r)
		// name type... encoding emb sub uni: emb and sub are yes for every font.
		if n := len(f); f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" {
			t.Errorf("font not embedded as a subset with Unicode map: %s", r)
		}
	}
	if len(pdf) > 300_000 {
		t.Errorf("annex is %d bytes: the fonts (1.5 MB whole) cannot be subset", len(pdf))
	}
	tool(t, pdf, "qpdf", "--check")

	text := squash(pdftext(t, pdf, 0, 0))
	at := 0
	for _, task := range p.Tasks {
		i := strings.Index(text[at:], squash(task.Content))
		if i < 0 {
			t.Fatalf("task %s's content is missing or out of order in pdftotext's output", task.TT)
		}
		at += i
	}
	for _, want := range []string{
		"LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT THANH HÓA",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"CHƯƠNG TRÌNH CÔNG TÁC NĂM 2021",
		"của Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa",
		"(Ban hành kèm theo Quyết định số 313/QĐ-LHH ngày 31 tháng 12 năm 2021 của Chủ tịch Liên hiệp hội Thanh Hóa)",
		"điều chỉnh, bổ sung cho phù hợp với điều kiện thực tế./.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
}

func TestAnnexPageNumbersAndRepeatedHeader(t *testing.T) {
	pdf, layout := defaultAnnex(t, bundledPlan(t))
	if len(layout.pages) < 2 {
		t.Fatalf("the 2021 annex has %d pages", len(layout.pages))
	}
	for n := 1; n <= len(layout.pages); n++ {
		page := pdftext(t, pdf, n, n)
		first := strings.Fields(page)[0]
		if n == 1 && regexp.MustCompile(`^\d+$`).MatchString(first) {
			t.Errorf("page 1 shows a number: %q", first)
		}
		if n > 1 && first != fmt.Sprint(n) {
			t.Errorf("page %d starts with %q, not its number", n, first)
		}
		if len(layout.pages[n-1].tables) > 0 && !strings.Contains(squash(page), "Nội dung công việc") {
			t.Errorf("page %d has table rows but no header row", n)
		}
	}
}

// checkLayout verifies the invariants every annex must keep.
func checkLayout(t *testing.T, l *annexLayout, d measurerAt) {
	t.Helper()
	for pi, page := range l.pages {
		for _, tp := range page.tables {
			checkTablePart(t, pi, tp, l.bottom, d)
		}
	}
	for _, tx := range l.closing {
		if tx.y > l.bottom || tx.x < l.left-epsilon {
			t.Errorf("closing line %q outside the text area", tx.text)
		}
	}
}

// checkTablePart verifies one page's part of a table: below its header row,
// above the bottom margin, every line within its column.
func checkTablePart(t *testing.T, pi int, tp tablePart, bottom float64, d measurerAt) {
	t.Helper()
	ts := tp.ts
	if len(tp.pieces) == 0 {
		t.Errorf("page %d: a header row with no rows under it", pi+1)
	}
	if len(tp.pieces) > 0 && tp.pieces[0].y < tp.headerY+ts.headerH-epsilon {
		t.Errorf("page %d: the first row overlaps the header row", pi+1)
	}
	for _, piece := range tp.pieces {
		if piece.y+piece.h > bottom+1e-6 {
			t.Errorf("page %d: a row ends at %.2f mm, below the bottom margin %.2f", pi+1, piece.y+piece.h, bottom)
		}
		if piece.to <= piece.from {
			t.Errorf("page %d: an empty row piece", pi+1)
		}
		if piece.row.kind != taskRow {
			continue
		}
		for ci, c := range ts.cols {
			for _, line := range piece.row.cells[ci] {
				if w := d.widthOf(line, ts.size); w > c.w-2*ts.padX+1e-6 {
					t.Errorf("page %d: %q is %.2f mm wide in a %.2f mm column", pi+1, line, w, c.w-2*ts.padX)
				}
			}
		}
	}
}

func TestAnnexLayoutInvariants(t *testing.T) {
	for name, src := range map[string][]byte{
		"2021":      nil,
		"500 tasks": synthPlan(500),
		"6000 words": planWithTasks("Nhiệm vụ ngắn trước",
			strings.Repeat("Hội nghị thông qua phương án kiện toàn tổ chức bộ máy ", 750), "Nhiệm vụ ngắn sau"),
	} {
		t.Run(name, func(t *testing.T) {
			p := bundledPlan(t)
			if src != nil {
				p = parsePlan(t, src)
			}
			pdf, l := defaultAnnex(t, p)
			checkLayout(t, l, newMeasurerAt(t))
			tool(t, pdf, "qpdf", "--check")
			if name != "2021" {
				if info := tool(t, pdf, "pdfinfo"); !strings.Contains(info, fmt.Sprintf("Pages:           %d\n", len(l.pages))) {
					t.Errorf("page count differs from the layout's %d", len(l.pages))
				}
			}
		})
	}
}

func TestGiantTaskLosesNoWord(t *testing.T) {
	var words []string
	for i := 0; i < 6000; i++ {
		words = append(words, fmt.Sprintf("từ%d", i))
	}
	p := parsePlan(t, planWithTasks("Mở đầu", strings.Join(words, " "), "Kết thúc"))
	pdf, l := defaultAnnex(t, p)
	split := 0
	for _, page := range l.pages {
		for _, part := range page.tables {
			for _, piece := range part.pieces {
				if piece.from > 0 || piece.to < piece.row.lines {
					split++
				}
			}
		}
	}
	if split < 2 {
		t.Fatalf("the 6,000-word task should be split over pages; %d pieces", split)
	}
	at := 0
	text := " " + squash(pdftext(t, pdf, 0, 0)) + " "
	for _, w := range words {
		i := strings.Index(text[at:], " "+w+" ")
		if i < 0 {
			t.Fatalf("word %q lost or out of order", w)
		}
		at += i + len(w)
	}
	if !strings.Contains(text, "Kết thúc") {
		t.Errorf("the task after the giant one is missing")
	}
}

func TestAnnexIsSameInEveryTimeZone(t *testing.T) {
	if out := os.Getenv("PLANDOC_ANNEX_OUT"); out != "" {
		pdf, _ := defaultAnnex(t, bundledPlan(t))
		if err := os.WriteFile(out, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var renders [][]byte
	for _, tz := range []string{"UTC", "Asia/Ho_Chi_Minh", "America/Los_Angeles", "Pacific/Kiritimati"} {
		out := filepath.Join(t.TempDir(), "annex.pdf")
		cmd := exec.Command(os.Args[0], "-test.run=^TestAnnexIsSameInEveryTimeZone$")
		cmd.Env = append(os.Environ(), "TZ="+tz, "PLANDOC_ANNEX_OUT="+out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("render in %s: %v\n%s", tz, err, msg)
		}
		pdf, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		renders = append(renders, pdf)
	}
	for i := 1; i < len(renders); i++ {
		if !bytes.Equal(renders[0], renders[i]) {
			t.Errorf("render %d differs from the first", i)
		}
	}
	again, _ := defaultAnnex(t, bundledPlan(t))
	if !bytes.Equal(again, renders[0]) {
		t.Errorf("a render in this process differs")
	}
}

func TestMissingCharacterIsAProblemAtItsPlace(t *testing.T) {
	for _, c := range []struct{ char, code string }{{"😀", "U+1F600"}, {"中", "U+4E2D"}} {
		src := planWithTasks("Bình thường", "Hội nghị "+c.char+" tổng kết "+c.char)
		p := parsePlan(t, src)
		_, err := Build(p, Options{})
		var pe *data.PlanError
		if !errors.As(err, &pe) {
			t.Fatalf("%s: render error %v; want the problems", c.char, err)
		}
		line := 1 + strings.Count(string(src[:strings.Index(string(src), c.char)]), "\n")
		want := fmt.Sprintf("test.toml:%d:11: task 2: the character %q (%s) is not in the font (embedded Liberation Serif, regular)", line, []rune(c.char)[0], c.code)
		if len(pe.Problems) != 1 || !strings.HasPrefix(pe.Problems[0].String(), want) {
			t.Errorf("problems %v; want one, each character once, starting %q", pe.Problems, want)
		}
		probs, err := Check(p, Options{})
		if err != nil || len(probs) != 1 || probs[0] != pe.Problems[0] {
			t.Errorf("Check = %v, %v; want what Build refused", probs, err)
		}
	}
}

// TestCheckSeesWhatOnlyTheReportsPrint: a unit's name printed only in the
// quarterly reports' headings and a template's wording are checked too.
func TestCheckSeesWhatOnlyTheReportsPrint(t *testing.T) {
	src := strings.Replace(string(planWithTasks("Một")), `name = "Văn phòng"`, `name = "Văn phòng ✈"`, 1)
	p := parsePlan(t, []byte(src))
	probs, err := Check(p, Options{})
	if err != nil || len(probs) != 1 || !strings.Contains(probs[0].String(), `test.toml:16:8: unit "van-phong": the character '✈' (U+2708)`) {
		t.Errorf("Check = %v, %v", probs, err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "annex.toml"), []byte("[header]\nmotto = \"Độc lập 🇻🇳\"\n"), 0o644)
	probs, err = Check(parsePlan(t, planWithTasks("Một")), Options{TemplatesDir: dir})
	want := filepath.Join(dir, "annex.toml") + ":2:9: header.motto: the character"
	if err != nil || len(probs) != 2 || !strings.HasPrefix(probs[0].String(), want) {
		t.Errorf("Check with a template emoji = %v, %v; want %q…", probs, err, want)
	}
}

func TestOutlineHasAMonthPerEntry(t *testing.T) {
	pdf, _ := defaultAnnex(t, bundledPlan(t))
	raw := tool(t, pdf, "qpdf", "--json", "--json-key=outlines")
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var got []string
	for _, o := range doc.Outlines {
		got = append(got, o.Title)
	}
	want := []string{}
	for m := 1; m <= 12; m++ {
		want = append(want, fmt.Sprintf("Tháng %d", m))
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bookmarks = %v; want %v", got, want)
	}
}

func TestTemplateOverridesWording(t *testing.T) {
	dir := t.TempDir()
	tpl := `[table]
fields = ["tt", "content", "units"]
group_by = "quarter"
[table.width]
content = 120
units = 40
[table.align]
content = "left"
`
	if err := os.WriteFile(filepath.Join(dir, "annex.toml"), []byte(tpl), 0o644); err != nil {
		t.Fatal(err)
	}
	p := bundledPlan(t)
	k := testKit(t, p, dir)
	pdf, l, err := renderAnnex(p, k.set.Annex, k.fam, k.printed)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdftext(t, pdf, 0, 0))
	for _, want := range []string{"Bộ phận tham mưu, thực hiện", "TT", "Quý I", "Quý IV"} {
		if !strings.Contains(text, want) {
			t.Errorf("overridden annex lacks %q", want)
		}
	}
	if strings.Contains(text, "Thời gian thực hiện") || strings.Contains(text, "Người chủ trì") {
		t.Errorf("columns the template dropped are still printed")
	}
	if len(l.table.cols) != 3 || l.table.cols[1].align != "left" {
		t.Errorf("%d columns, content aligned %q; want 3, left", len(l.table.cols), l.table.cols[1].align)
	}
}

func TestSectionsAndSigner(t *testing.T) {
	src := string(planWithTasks("Nhiệm vụ thứ nhất", "Nhiệm vụ thứ hai", "Nhiệm vụ thứ ba"))
	src = strings.Replace(src, "[[units]]", "[[sections]]\nid = \"to-chuc\"\ntitle = \"CÔNG TÁC TỔ CHỨC\"\n[[sections]]\nid = \"chuyen-mon\"\ntitle = \"CÔNG TÁC CHUYÊN MÔN\"\n[[units]]", 1)
	src = strings.Replace(src, "issuer = \"Chủ tịch Liên hiệp hội Thanh Hóa\"", "issuer = \"Chủ tịch Liên hiệp hội Thanh Hóa\"\n[decision.signer]\nauthority = \"KT. Chủ tịch\"\ntitle = \"Phó Chủ tịch\"\nname = \"Nguyễn Văn A\"", 1)
	parts := strings.Split(src, "[[tasks]]")
	src = parts[0] + "[[tasks]]\nsection = \"to-chuc\"" + parts[1] + "[[tasks]]\nsection = \"to-chuc\"" + parts[2] + "[[tasks]]\nsection = \"chuyen-mon\"" + parts[3]
	p := parsePlan(t, []byte(src))
	pdf, _ := defaultAnnex(t, p)
	text := squash(pdftext(t, pdf, 0, 0))
	for _, want := range []string{"I. CÔNG TÁC TỔ CHỨC", "II. CÔNG TÁC CHUYÊN MÔN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A",
		"ngày 05 tháng 01 năm 2021", "Quyết định số 05/QĐ-LHH", "cho phù hợp./."} {
		if !strings.Contains(text, want) {
			t.Errorf("annex lacks %q", want)
		}
	}
	if strings.Index(text, "I. CÔNG TÁC TỔ CHỨC") > strings.Index(text, "Nhiệm vụ thứ nhất") || strings.Index(text, "II. CÔNG TÁC CHUYÊN MÔN") > strings.Index(text, "Nhiệm vụ thứ ba") || strings.Index(text, "II. CÔNG TÁC CHUYÊN MÔN") < strings.Index(text, "Nhiệm vụ thứ hai") {
		t.Errorf("section rows are not above their tasks")
	}
}

func TestOfficialDateParts(t *testing.T) {
	for m, want := range map[int]string{1: "01", 2: "02", 3: "3", 10: "10", 12: "12"} {
		day, month, year := officialDate(data.Date{Year: 2021, Month: m, Day: 5})
		if month != want || day != "05" || year != "2021" {
			t.Errorf("officialDate(2021-%02d-05) = %s %s %s; want 05 %s 2021", m, day, month, year, want)
		}
	}
	for n, want := range map[string]string{"5": "05", "313": "313", "10": "10", "0": "0"} {
		if got := officialNumber(n); got != want {
			t.Errorf("officialNumber(%q) = %q; want %q", n, got, want)
		}
	}
}

func TestClosingMark(t *testing.T) {
	tpl := testKit(t, bundledPlan(t), "").set.Annex
	for in, want := range map[string]string{
		"cho phù hợp với điều kiện thực tế./.": "cho phù hợp với điều kiện thực tế./.",
		"cho phù hợp.": "cho phù hợp./.",
		"cho phù hợp":  "cho phù hợp./.",
		"":             "",
	} {
		p := &data.Plan{Program: data.Program{Closing: in}}
		if got := closingText(p, tpl); got != want {
			t.Errorf("closingText(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestSignatureNeverStandsAlone(t *testing.T) {
	// Enough tasks that the closing lands near the foot of a page for some
	// count: at least one count must push the signature to a page of its
	// own, where the closing's last line must go with it.
	carried := 0
	for n := 20; n <= 32; n++ {
		contents := make([]string, n)
		for i := range contents {
			contents[i] = "Hội nghị thông qua phương án kiện toàn tổ chức"
		}
		src := strings.Replace(string(planWithTasks(contents...)), "issuer = \"Chủ tịch Liên hiệp hội Thanh Hóa\"",
			"issuer = \"Chủ tịch Liên hiệp hội Thanh Hóa\"\n[decision.signer]\ntitle = \"Chủ tịch\"\nname = \"Nguyễn Văn A\"", 1)
		_, l := defaultAnnex(t, parsePlan(t, []byte(src)))
		for pi, page := range l.pages {
			hasSig, other := false, len(page.tables) > 0
			for _, tx := range page.texts {
				switch {
				case tx.text == "Nguyễn Văn A":
					hasSig = true
				case tx.text != "CHỦ TỊCH" && tx.text != fmt.Sprint(pi+1):
					other = true
				}
			}
			if hasSig && !other {
				t.Errorf("%d tasks: the signature stands alone on page %d", n, pi+1)
			}
			if hasSig && len(page.tables) == 0 {
				carried++ // the page break fell between the table and the signature
			}
		}
	}
	if carried == 0 {
		t.Errorf("no task count put a page break before the signature: the test did not reach the case it is for")
	}
}

// Invisible and control characters the font cannot draw are errors at
// their place too, in every field a PDF prints, not only in contents.
func TestInvisibleCharactersAreFoundWhereverTheyArePrinted(t *testing.T) {
	src := string(planWithTasks("Một", "Hai"))
	src = strings.Replace(src, `content = "Một"`, `content = "Một\u061c"`, 1)
	src = strings.Replace(src, `name = "Văn phòng"`, `name = "Văn phòng\u0007"`, 1)
	src = strings.Replace(src, `tt = "2"`, `tt = "2\u0000"`, 1)
	src = strings.Replace(src, `title = "Chương trình công tác năm 2021"`, `title = "Chương trình công tác năm 2021"`+"\nsummary = \"\ufeffTổng hợp\"", 1)
	probs, err := Check(parsePlan(t, []byte(src)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"test.toml:13:11: the program's summary: the character (invisible) (U+FEFF) is not in the font",
		"test.toml:17:8: unit \"van-phong\": the character (invisible) (U+0007) is not in the font",
		"test.toml:20:11: task 1: the character (invisible) (U+061C) is not in the font",
		"test.toml:24:6: task \"2\\x00\": the character (invisible) (U+0000) is not in the font",
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %s\nwant %s…", i, got[i], want[i])
		}
	}
}

// A render's annex, whose layout goes before the file is put together and
// which is held as the parts it is written from, is the annex the tests
// measure, byte for byte.
func TestAnnexBytesAreRenderAnnexs(t *testing.T) {
	p := bundledPlan(t)
	k := testKit(t, p, "")
	measured, _, err := renderAnnex(p, k.set.Annex, k.fam, k.printed)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := annexParts(p, k.set.Annex, k.fam, k.printed)
	if err != nil {
		t.Fatal(err)
	}
	if rendered := parts.join(); !bytes.Equal(measured, rendered) {
		t.Fatalf("the render's annex (%d bytes) differs from renderAnnex's (%d bytes)", len(rendered), len(measured))
	}
}
