package data

import (
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data/lazy"
	"github.com/plandoc/plandoc/data/msg"
	"golang.org/x/text/unicode/norm"
)

// scheduleKind says what sort of time a task's expression names; renderers
// use it to tell tasks with fixed months from those that run all year.
type scheduleKind int

const (
	// kindMonths: one or more named months, a range, a quarter or a half year.
	kindMonths scheduleKind = iota
	// kindDate: one day, "18/5".
	kindDate
	// kindYear: "Cả năm".
	kindYear
	// kindOngoing: "Thường xuyên".
	kindOngoing
	// kindMonthly: "Hằng tháng".
	kindMonthly
	// kindQuarterly: "Hằng quý".
	kindQuarterly
	// kindExplicit: the plan gave the months itself; the time text is free.
	kindExplicit
)

// Schedule is what a task's time expression means.
type Schedule struct {
	kind   scheduleKind
	Months Months
	day    int // day of the month for kindDate
}

// Fixed reports whether the task is tied to particular months rather than
// running through the whole year.
func (s Schedule) Fixed() bool {
	switch s.kind {
	case kindYear, kindOngoing, kindMonthly, kindQuarterly:
		return false
	}
	return true
}

// TimeError explains why a time expression was refused.
type TimeError struct {
	Expr   string
	Reason string
	// UnknownForm is set when no form matched (rather than a form with a
	// wrong number): the loader then lists the forms it knows.
	UnknownForm bool
}

func (e *TimeError) Error() string {
	return msg.Sprintf("cannot read time %q: %s", e.Expr, e.Reason)
}

// reasonUnknownForm is the reason given when no form matched.
var reasonUnknownForm = msg.Mark("it is not a form plandoc knows")

const yearSuffix = `(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?$`

var (
	reMonths   = lazy.Regexp(`^tháng\s*(\d{1,2}(?:\s*(?:,|;|và|-|đến)\s*(?:tháng\s*)?\d{1,2})*)` + yearSuffix)
	reQuarters = lazy.Regexp(`^quý\s+((?:[ivx]+|\d)(?:\s*(?:,|;|và|-|đến)\s*(?:quý\s+)?(?:[ivx]+|\d))*)` + yearSuffix)
	reHalf     = lazy.Regexp(`^(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?$`)
	reDate     = lazy.Regexp(`^(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?$`)
	reYearOnly = lazy.Regexp(`^(cả năm|thường xuyên|hằng tháng|hằng quý)(?:\s+(?:năm\s+)?(\d{4}))?$`)
	reSpaces   = lazy.Regexp(`\s+`)
)

// spellings folds the variants clerks write for the same word.
// listWords reads "3 đến 5 và 7; 9" as "3 - 5 , 7, 9"; made once, as
// building a Replacer costs more than using it.
var listWords = strings.NewReplacer("đến", "-", "và", ",", ";", ",")

var spellings = strings.NewReplacer(
	"–", "-", "—", "-", "−", "-",
	"hàng tháng", "hằng tháng", "hàng quý", "hằng quý",
	"quí", "quý",
)

// ParseTime reads a time expression as printed in a plan ("Tháng 01",
// "Quý II/2021", "18/5", "Cả năm", …) into the months it covers. year is the
// plan's year: an expression naming another year is refused. An expression it
// cannot read is an error, never a guess.
func ParseTime(expr string, year int) (Schedule, error) {
	s := strings.ToLower(norm.NFC.String(expr))
	s = spellings.Replace(s)
	s = strings.TrimSpace(reSpaces().ReplaceAllString(s, " "))
	s = strings.TrimRight(s, ".; ")
	fail := func(format string, args ...any) (Schedule, error) {
		return Schedule{}, &TimeError{Expr: expr, Reason: msg.Sprintf(format, args...)}
	}
	if s == "" {
		return fail("it is empty")
	}
	checkYear := func(ys ...string) error {
		for _, y := range ys {
			if y == "" || year == 0 {
				continue
			}
			if n, _ := strconv.Atoi(y); n != year {
				return &TimeError{Expr: expr, Reason: msg.Sprintf("it names the year %d but the plan is for %d", n, year)}
			}
		}
		return nil
	}

	if m := reYearOnly().FindStringSubmatch(s); m != nil {
		if err := checkYear(m[2]); err != nil {
			return Schedule{}, err
		}
		kind := map[string]scheduleKind{"cả năm": kindYear, "thường xuyên": kindOngoing, "hằng tháng": kindMonthly, "hằng quý": kindQuarterly}[m[1]]
		return Schedule{kind: kind, Months: allMonths}, nil
	}
	if m := reHalf().FindStringSubmatch(s); m != nil {
		if err := checkYear(m[2]); err != nil {
			return Schedule{}, err
		}
		if m[1] == "đầu" {
			return Schedule{kind: kindMonths, Months: monthSpan(1, 6)}, nil
		}
		return Schedule{kind: kindMonths, Months: monthSpan(7, 12)}, nil
	}
	if m := reMonths().FindStringSubmatch(s); m != nil {
		if err := checkYear(m[2], m[3]); err != nil {
			return Schedule{}, err
		}
		months, reason := parseItems(strings.ReplaceAll(m[1], "tháng", ""), msg.Sprintf("month"), 12, strconv.Atoi)
		if reason != "" {
			return fail("%s", reason)
		}
		return Schedule{kind: kindMonths, Months: months}, nil
	}
	if m := reQuarters().FindStringSubmatch(s); m != nil {
		if err := checkYear(m[2], m[3]); err != nil {
			return Schedule{}, err
		}
		quarters, reason := parseItems(strings.ReplaceAll(m[1], "quý", ""), msg.Sprintf("quarter"), 4, parseQuarter)
		if reason != "" {
			return fail("%s", reason)
		}
		var months Months
		for _, q := range quarters.List() {
			months |= QuarterMonths(q)
		}
		return Schedule{kind: kindMonths, Months: months}, nil
	}
	if m := reDate().FindStringSubmatch(s); m != nil {
		if err := checkYear(m[3]); err != nil {
			return Schedule{}, err
		}
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		if month < 1 || month > 12 {
			return fail("month %d is outside 1–12", month)
		}
		if day < 1 || day > daysIn(month, year) {
			return fail("day %d does not exist in month %d", day, month)
		}
		return Schedule{kind: kindDate, Months: Months(0).With(month), day: day}, nil
	}
	return Schedule{}, &TimeError{Expr: expr, Reason: msg.Text(reasonUnknownForm), UnknownForm: true}
}

// parseItems reads "3, 6, 9", "3-6" or "I - II" into a set of numbers 1..max
// (months, or quarters kept in the low bits). It returns a reason on failure.
func parseItems(list, what string, max int, atoi func(string) (int, error)) (Months, string) {
	list = listWords.Replace(list)
	var set Months
	for _, part := range strings.Split(list, ",") {
		bounds := strings.Split(part, "-")
		if len(bounds) > 2 {
			return 0, msg.Sprintf("%q is not a range", strings.TrimSpace(part))
		}
		nums := make([]int, len(bounds))
		for i, b := range bounds {
			n, err := atoi(strings.TrimSpace(b))
			if err != nil {
				return 0, msg.Sprintf("%q is not a %s", strings.TrimSpace(b), what)
			}
			if n < 1 || n > max {
				return 0, msg.Sprintf("%s %d is outside 1–%d", what, n, max)
			}
			nums[i] = n
		}
		if len(nums) == 2 && nums[0] > nums[1] {
			return 0, msg.Sprintf("the range %d-%d runs backwards", nums[0], nums[1])
		}
		set |= monthSpan(nums[0], nums[len(nums)-1])
	}
	return set, ""
}

func parseQuarter(s string) (int, error) {
	switch s {
	case "i", "1":
		return 1, nil
	case "ii", "2":
		return 2, nil
	case "iii", "3":
		return 3, nil
	case "iv", "4":
		return 4, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, nil // out of range: the caller says so
	}
	return 0, msg.Errorf("not a quarter: %q", s)
}

// daysIn gives the length of a month; with no year known it allows 29 February.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year == 0 || (year%4 == 0 && (year%100 != 0 || year%400 == 0)) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
