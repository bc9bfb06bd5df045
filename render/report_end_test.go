package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
)

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// wordsOf is each word of a page, with its box, as poppler reads it.
type placedWord struct {
	x0, y0, x1, y1 float64
	text           string
}

func wordsOfLastPage(t *testing.T, pdf []byte) (words []placedWord, pageWidth float64) {
	t.Helper()
	html := outside(t, "pdf", [][]byte{pdf}, "pdftotext", "-bbox", "{}", "-")
	pages := strings.Split(html, "<page ")
	last := pages[len(pages)-1]
	w := regexp.MustCompile(`width="([\d.]+)"`).FindStringSubmatch(last)
	pageWidth, _ = strconv.ParseFloat(w[1], 64)
	for _, m := range bboxWord.FindAllStringSubmatch(last, -1) {
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		words = append(words, placedWord{f(m[1]), f(m[2]), f(m[3]), f(m[4]), m[5]})
	}
	return words, pageWidth
}

// A quarterly report ends as Decree 30 lays out a báo cáo: the closing
// paragraph with "./.", "Nơi nhận:" and its list at the left, each line
// "- …;" and the last "….", and the signer's block at the right, on the
// last page, side by side; the rule under the summary line is 1/3 to 1/2
// of its length.
func TestReportEndsAsDecree30Says(t *testing.T) {
	src := string(planWithTasks("Hội nghị tổng kết", "Hội thảo khoa học"))
	src = strings.Replace(src, "[program]", `[reports]
recipients = ["Thường trực Tỉnh ủy (để báo cáo)", "Các hội thành viên", "Lưu: VT, VP"]
[reports.signer]
authority = "TM. Ban Thường vụ"
title = "Chủ tịch"
name = "Trần Văn B"
[program]`, 1)
	p := parsePlan(t, []byte(src))
	k := testKit(t, p, "")
	qd := buildQuarter(p, 1, k.set.Quarterly)
	parts, l, err := renderQuarterlyPDF(p, qd, data.QuarterEnd(2021, 1), k.set, k.fam, k.printed, nil)
	pdf := parts.join()
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdftext(t, pdf, 0, 0))
	for _, want := range []string{
		"Trên đây là báo cáo tổng hợp chương trình công tác Quý I năm 2021 của Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa./.",
		"- Thường trực Tỉnh ủy (để báo cáo); - Các hội thành viên; - Lưu: VT, VP.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	words, width := wordsOfLastPage(t, pdf)
	find := func(text string) placedWord {
		for _, w := range words {
			if w.text == text {
				return w
			}
		}
		t.Fatalf("the last page lacks %q", text)
		return placedWord{}
	}
	recipients, signer, authority := find("Nơi"), find("B"), find("TM.")
	mm := 72 / 25.4
	if recipients.x0 < 29*mm || recipients.x0 > 32*mm {
		t.Errorf("Nơi nhận starts %.1f mm from the edge; want at the left margin, 30 mm", recipients.x0/mm)
	}
	if authority.x0 < width/2 || signer.x0 < width/2 {
		t.Errorf("the signer's block is not in the right half: %v, %v (page %.0f pt wide)", authority, signer, width)
	}
	if d := authority.y0 - recipients.y0; d > 2 || d < -2 {
		t.Errorf("Nơi nhận and the signer's block do not start on one line (%.1f pt apart)", d)
	}
	if signer.y0-authority.y0 < 25*mm {
		t.Errorf("%.1f mm between the authority and the name; want room to sign and stamp (25 mm)", (signer.y0-authority.y0)/mm)
	}
	// Nơi nhận is bold italic, 12 pt.
	if r := l.recipients[0]; r.style.String() != "bold italic" || r.size != 12 {
		t.Errorf("Nơi nhận is set %s %g pt", r.style, r.size)
	}
	// The rule under the summary line.
	l.d.font(1, 14)
	summary := l.d.width("Tổng hợp chương trình công tác Quý I năm 2021")
	if ratio := (l.titleRule.x2 - l.titleRule.x1) / summary; ratio < 1.0/3 || ratio > 0.5 {
		t.Errorf("the rule is %.2f of the summary line; want 1/3 to 1/2", ratio)
	}
}

// The annex keeps the top right of its first page clear: the agency's
// electronic signature (VGCA) is placed there, above the national title.
func TestAnnexKeepsTheSignatureCornerClear(t *testing.T) {
	pdf, _ := defaultAnnex(t, bundledPlan(t))
	html := outside(t, "pdf", [][]byte{pdf}, "pdftotext", "-bbox", "-f", "1", "-l", "1", "{}", "-")
	mm := 72 / 25.4
	found := 0
	for _, m := range bboxWord.FindAllStringSubmatch(html, -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		found++
		if x0 > 148*mm && y0 < 20*mm {
			t.Errorf("%q stands in the top right corner, at %.0f, %.0f mm", m[5], x0/mm, y0/mm)
		}
	}
	if found < 50 {
		t.Fatalf("only %d words on the annex's first page", found)
	}
}
