package render

import (
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// reportEnd places how a report ends, as Decree 30 lays out a báo cáo: the
// closing paragraph, ending with the closing mark ("./."), then "Nơi
// nhận:" (bold italic 12) with its list at the left, each line starting
// "- " and the last ending with a period, and the signer's block at the
// right with room for the signature and seal. The two blocks stay
// together, on one page.
func (l *quarterlyLayout) reportEnd(p *data.Plan, tpl *templates.Quarterly, paragraph string, size float64) {
	c, d := tpl.Closing, l.d
	l.y += 3
	l.end = l.paragraph(withMark(paragraph, c.Mark.String()), fonts.Regular, size, 1.2, "justify", 12.7)

	var recipients []string
	for _, r := range p.Reports.Recipients {
		recipients = append(recipients, r)
	}
	if len(recipients) == 0 {
		for _, r := range c.Recipients {
			recipients = append(recipients, r.String())
		}
	}
	lines := recipientLines(recipients)
	signer := p.Reports.Signer
	if signer == nil {
		signer = p.Decision.Signer
	}
	var sig []string
	if signer != nil {
		if signer.Authority != "" {
			sig = append(sig, strings.ToUpper(signer.Authority))
		}
		sig = append(sig, strings.ToUpper(signer.Title))
	}
	const sigSize, listSize = 14, 11
	sigLH, listLH := lineHeight(sigSize, 1.2), lineHeight(listSize, 1.2)
	listH := lineHeight(12, 1.2) + float64(len(lines))*listLH
	sigH := 0.0
	if signer != nil {
		sigH = float64(len(sig)+1)*sigLH + c.SignatureSpace
	}
	l.y += 6
	l.need(max(listH, sigH))
	top := l.y
	page := l.page()
	place := func(x, y float64, style fonts.Style, size float64, text string) placedText {
		t := placedText{x: x, y: baseline(y, lineHeight(size, 1.2), size), style: style, size: size, text: text}
		page.texts = append(page.texts, t)
		return t
	}
	d.font(fonts.BoldItalic, 12)
	l.recipients = append(l.recipients, place(l.left, top, fonts.BoldItalic, 12, c.RecipientsTitle.String()))
	y := top + lineHeight(12, 1.2)
	d.font(fonts.Regular, listSize)
	for _, line := range lines {
		l.recipients = append(l.recipients, place(l.left, y, fonts.Regular, listSize, line))
		y += listLH
	}
	if signer != nil {
		cx := l.right - 60
		y := top
		d.font(fonts.Bold, sigSize)
		centred := func(text string) {
			l.signature = append(l.signature, place(cx-d.width(text)/2, y, fonts.Bold, sigSize, text))
			y += sigLH
		}
		for _, s := range sig {
			centred(s)
		}
		y += c.SignatureSpace
		centred(signer.Name)
	}
	l.y = top + max(listH, sigH)
}

// withMark ends a paragraph with the closing mark, which replaces its
// full stop ("… như sau./.", never "…../.").
func withMark(text, mark string) string {
	if text == "" || mark == "" || strings.HasSuffix(text, mark) {
		return text
	}
	if strings.HasPrefix(mark, ".") {
		text = strings.TrimRight(text, ".")
	}
	return text + mark
}

// recipientLines writes the list as Decree 30 does: "- " before each, ";"
// after each but the last, which ends with a period.
func recipientLines(list []string) []string {
	out := make([]string, len(list))
	for i, r := range list {
		r = strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(r), "-")), ";.")
		end := ";"
		if i == len(list)-1 {
			end = "."
		}
		out[i] = "- " + r + end
	}
	return out
}
