package importer

import (
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/lazy"
)

// heading is what the title lines and the text after the table say.
type heading struct {
	orgName, place, title string
	parent                string
	year                  int
	decision              data.Decision
	closing               string
}

// readHeading reads the program's year, title and organisation, the
// decision reference and the closing paragraph.
func (p *parsed) readHeading(ly *lastYear) heading {
	var h heading
	var orgLines []string
	for _, b := range p.titles {
		text := strings.ReplaceAll(b.text, "\n", " ")
		if m := decisionLine().FindStringSubmatch(text); m != nil {
			h.decision = decisionFrom(m)
			p.infer(b.where, kindHeader, "decision %s/%s of %s by %q", h.decision.Number, h.decision.Symbol, h.decision.Date, h.decision.Issuer)
			continue
		}
		if m := programLine().FindStringSubmatch(text); m != nil {
			h.year, _ = strconv.Atoi(m[2])
			h.title = sentenceCase(m[1]) + " " + m[2]
			if rest := strings.TrimSpace(m[3]); rest != "" {
				org := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(rest, "CỦA "), "của "))
				if org != "" {
					orgLines = []string{org}
				}
			}
			continue
		}
		if nationalLine().MatchString(text) || len(orgLines) > 0 {
			continue
		}
		if text == strings.ToUpper(text) && len([]rune(text)) > 3 {
			orgLines = append(orgLines, text) // a header block: the issuing body in capitals
		}
	}
	switch {
	case len(orgLines) > 0:
		h.orgName = strings.Join(orgLines, " ")
		p.infer("", kindHeader, "organisation %q read from the title lines; write its name as it should be printed", h.orgName)
		words := strings.Fields(h.orgName)
		if len(words) >= 2 {
			h.place = titleCase(strings.Join(words[len(words)-2:], " "))
			p.infer("", kindHeader, "place of the date line taken to be %q (the organisation name's last words); check it", h.place)
		}
	case ly.organisation(p, &h):
	default:
		p.infer("", kindHeader, "no organisation found above the table; fill in [organisation]")
	}
	if y, where := p.yearOfDates(); h.year == 0 && y != 0 && h.decision.Date.Year == 0 {
		h.year = y
		h.title = "Chương trình công tác năm " + strconv.Itoa(h.year)
		p.infer(where, kindHeader, "year %d taken from the table's dates, which all name it; write the program's title line to be sure", y)
	} else if h.year == 0 && ly != nil {
		ly.year(p, &h)
	} else if h.year == 0 {
		p.infer("", kindHeader, "no \"CHƯƠNG TRÌNH CÔNG TÁC NĂM …\" line found; fill in the program's year and title")
		if h.decision.Date.Year != 0 {
			h.year = h.decision.Date.Year
			h.title = "Chương trình công tác năm " + strconv.Itoa(h.year)
			p.infer("", kindHeader, "year taken from the decision's date: %d", h.year)
		}
	} else {
		p.infer("", kindHeader, "program %q, year %d", h.title, h.year)
	}
	if h.decision.Number == "" && !ly.decision(p, &h) {
		p.infer("", kindHeader, "no decision reference (\"Ban hành kèm theo Quyết định số …\") found; fill in [decision]")
	}
	ly.signer(p, &h)
	for _, b := range p.closing {
		if len([]rune(b.text)) >= 40 {
			h.closing = strings.ReplaceAll(b.text, "\n", " ")
			p.infer(b.where, kindHeader, "closing paragraph %q", abbreviate(h.closing))
			break
		}
	}
	return h
}

func decisionFrom(m []string) data.Decision {
	day, _ := strconv.Atoi(m[3])
	month, _ := strconv.Atoi(m[4])
	year, _ := strconv.Atoi(m[5])
	return data.Decision{Number: strings.TrimSpace(m[1]), Symbol: strings.TrimSpace(m[2]),
		Date: data.Date{Year: year, Month: month, Day: day}, Issuer: strings.TrimSpace(m[6])}
}

// sentenceCase writes "CHƯƠNG TRÌNH CÔNG TÁC NĂM" as "Chương trình công tác năm".
func sentenceCase(s string) string {
	lower := strings.ToLower(s)
	for i, r := range lower {
		return strings.ToUpper(string(r)) + lower[i+len(string(r)):]
	}
	return lower
}

// titleCase writes "THANH HÓA" as "Thanh Hóa".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = sentenceCase(w)
	}
	return strings.Join(words, " ")
}

func abbreviate(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:57]) + "…"
}

var yearInTime = lazy.Regexp(`\b(20\d\d)\b`)

// yearOfDates is the year every year written in the tasks' times names
// ("Tháng 3/2026", "15/6/2026"), with where it is first written; 0 when
// none is written or they disagree.
func (p *parsed) yearOfDates() (int, string) {
	year, where := 0, ""
	for _, t := range p.tasks {
		for _, m := range yearInTime().FindAllStringSubmatch(t.time, -1) {
			y, _ := strconv.Atoi(m[1])
			switch {
			case year == 0:
				year, where = y, t.where
			case y != year:
				return 0, ""
			}
		}
	}
	return year, where
}
