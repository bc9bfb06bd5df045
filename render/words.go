package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/templates"
)

// The words the templates' placeholders are filled with, written the way
// Decree 30 writes dates and numbers.

// officialDate writes a date's parts as Decree 30 asks: the day with two
// digits, months 1 and 2 with a leading zero and the others without
// ("ngày 05 tháng 01", "ngày 31 tháng 12").
func officialDate(d data.Date) (day, month, year string) {
	month = strconv.Itoa(d.Month)
	if d.Month < 3 {
		month = fmt.Sprintf("%02d", d.Month)
	}
	return fmt.Sprintf("%02d", d.Day), month, strconv.Itoa(d.Year)
}

// officialNumber gives numbers below 10 a leading zero ("05/QĐ-BNV").
func officialNumber(n string) string {
	if len(n) == 1 && n[0] >= '1' && n[0] <= '9' {
		return "0" + n
	}
	return n
}

// decisionWords fill a reference to the decision the program is issued with.
func decisionWords(p *data.Plan) templates.Words {
	dec := p.Decision
	day, month, year := officialDate(dec.Date)
	return templates.Words{"number": officialNumber(dec.Number), "symbol": dec.Symbol,
		"day": day, "month": month, "year": year, "issuer": dec.Issuer}
}

// referenceText is a reference line filled from the plan's decision.
func referenceText(t templates.Text, p *data.Plan) string { return t.Fill(decisionWords(p)) }

// reportWords fill a quarterly report's wording; the date is the report's.
func reportWords(p *data.Plan, q int, date data.Date, tpl *templates.Quarterly) templates.Words {
	code := p.Decision.Symbol
	if i := strings.Index(code, "-"); i >= 0 {
		code = code[i+1:]
	}
	day, month, year := officialDate(date)
	return templates.Words{
		"quarter": data.Roman(q), "plan_year": strconv.Itoa(p.Program.Year),
		"place": p.Organisation.Place, "organisation": p.Organisation.Name,
		"title": lowerFirst(p.Program.Title), "reference": referenceText(tpl.Heading.Reference, p), "code": code,
		"day": day, "month": month, "year": year,
	}
}

// lowerFirst writes a title inside a sentence: "Chương trình công tác năm
// 2021" becomes "chương trình công tác năm 2021".
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// monthWords and quarterWords fill a label of one month or quarter.
func monthWords(m int) templates.Words   { return templates.Words{"month": strconv.Itoa(m)} }
func quarterWords(q int) templates.Words { return templates.Words{"quarter": data.Roman(q)} }
