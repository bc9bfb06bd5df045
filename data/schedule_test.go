package data

import (
	"strings"
	"testing"
)

func TestParseTime(t *testing.T) {
	cases := []struct {
		expr   string
		kind   scheduleKind
		months string
		day    int
	}{
		{"Tháng 1", kindMonths, "1", 0},
		{"Tháng 01", kindMonths, "1", 0},
		{"tháng 12", kindMonths, "12", 0},
		{"Tháng 3/2021", kindMonths, "3", 0},
		{"Tháng 3 năm 2021", kindMonths, "3", 0},
		{"Tháng 3-6", kindMonths, "3,4,5,6", 0},
		{"Tháng 3 – 6", kindMonths, "3,4,5,6", 0},
		{"Tháng 3 đến tháng 6", kindMonths, "3,4,5,6", 0},
		{"Tháng 3-6/2021", kindMonths, "3,4,5,6", 0},
		{"Tháng 3, 6, 9", kindMonths, "3,6,9", 0},
		{"Tháng 3, 6 và 9", kindMonths, "3,6,9", 0},
		{"Tháng 3; tháng 9", kindMonths, "3,9", 0},
		{"Quý I", kindMonths, "1,2,3", 0},
		{"Quý II", kindMonths, "4,5,6", 0},
		{"Quý III", kindMonths, "7,8,9", 0},
		{"Quý IV", kindMonths, "10,11,12", 0},
		{"Quý IV/2021", kindMonths, "10,11,12", 0},
		{"quí 2", kindMonths, "4,5,6", 0},
		{"Quý I-II", kindMonths, "1,2,3,4,5,6", 0},
		{"Quý I, III", kindMonths, "1,2,3,7,8,9", 0},
		{"6 tháng đầu năm", kindMonths, "1,2,3,4,5,6", 0},
		{"6 tháng cuối năm", kindMonths, "7,8,9,10,11,12", 0},
		{"6 tháng cuối năm 2021", kindMonths, "7,8,9,10,11,12", 0},
		{"Cả năm", kindYear, "1,2,3,4,5,6,7,8,9,10,11,12", 0},
		{"Thường xuyên", kindOngoing, "1,2,3,4,5,6,7,8,9,10,11,12", 0},
		{"Hằng tháng", kindMonthly, "1,2,3,4,5,6,7,8,9,10,11,12", 0},
		{"Hàng tháng", kindMonthly, "1,2,3,4,5,6,7,8,9,10,11,12", 0},
		{"Hằng quý", kindQuarterly, "1,2,3,4,5,6,7,8,9,10,11,12", 0},
		{"18/5", kindDate, "5", 18},
		{"Ngày 18/5", kindDate, "5", 18},
		{"28/10/2021", kindDate, "10", 28},
		{"29/2", kindDate, "2", 29}, // checked against the year below only when one is given
		{"  Tháng   01. ", kindMonths, "1", 0},
	}
	for _, c := range cases {
		year := 2021
		if c.expr == "29/2" {
			year = 2024
		}
		s, err := ParseTime(c.expr, year)
		if err != nil {
			t.Errorf("ParseTime(%q): %v", c.expr, err)
			continue
		}
		if s.kind != c.kind || s.Months.String() != c.months || s.day != c.day {
			t.Errorf("ParseTime(%q) = kind %d months %s day %d; want kind %d months %s day %d", c.expr, s.kind, s.Months, s.day, c.kind, c.months, c.day)
		}
	}
}

func TestParseTimeRefuses(t *testing.T) {
	cases := []struct{ expr, reason string }{
		{"", "it is empty"},
		{"Tháng Mười", reasonUnknownForm},
		{"Tháng 13", "month 13 is outside 1–12"},
		{"Tháng 0", "month 0 is outside 1–12"},
		{"Tháng 3-13", "month 13 is outside 1–12"},
		{"Tháng 6-3", "the range 6-3 runs backwards"},
		{"Tháng 3/2020", "it names the year 2020 but the plan is for 2021"},
		{"Quý V", `"v" is not a quarter`},
		{"Quý 5", "quarter 5 is outside 1–4"},
		{"31/4", "day 31 does not exist in month 4"},
		{"29/2", "day 29 does not exist in month 2"},
		{"18/13", "month 13 is outside 1–12"},
		{"28/10/2020", "it names the year 2020 but the plan is for 2021"},
		{"Cả năm 2022", "it names the year 2022 but the plan is for 2021"},
		{"Mùa xuân", reasonUnknownForm},
		{"3", reasonUnknownForm},
	}
	for _, c := range cases {
		_, err := ParseTime(c.expr, 2021)
		if err == nil {
			t.Errorf("ParseTime(%q) accepted it; want refusal %q", c.expr, c.reason)
			continue
		}
		te, ok := err.(*TimeError)
		if !ok || te.Reason != c.reason {
			t.Errorf("ParseTime(%q) = %v; want reason %q", c.expr, err, c.reason)
		}
		if !strings.Contains(err.Error(), c.expr) {
			t.Errorf("error %q does not quote the expression", err)
		}
	}
}

func TestMonthsQuarters(t *testing.T) {
	m := monthSpan(3, 6)
	if got := m.Quarters(); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("Tháng 3-6 quarters = %v; want [1 2]", got)
	}
	if m.InQuarter(3) || !m.InQuarter(1) || m.First() != 3 {
		t.Errorf("InQuarter/First wrong for %s", m)
	}
	if got := allMonths.Quarters(); len(got) != 4 {
		t.Errorf("all months quarters = %v", got)
	}
	if (Schedule{kind: kindOngoing}).Fixed() || !(Schedule{kind: kindDate}).Fixed() {
		t.Errorf("Fixed: ongoing must not be fixed, a date must")
	}
}

func TestDueDates(t *testing.T) {
	for expr, want := range map[string]string{"Tháng 3": "2021-03-31", "Tháng 3-6": "2021-06-30", "18/5": "2021-05-18", "Quý II": "2021-06-30",
		"Cả năm": "2021-12-31", "Thường xuyên": "2021-12-31", "Tháng 2": "2021-02-28", "Tháng 3, 6, 9": "2021-09-30"} {
		s, err := ParseTime(expr, 2021)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Due(2021).String(); got != want {
			t.Errorf("Due(%q) = %s; want %s", expr, got, want)
		}
	}
	if s, _ := ParseTime("Tháng 3-6", 2021); s.DueQuarter() != 2 {
		t.Errorf("Tháng 3-6 is due in quarter %d; want 2", s.DueQuarter())
	}
}
