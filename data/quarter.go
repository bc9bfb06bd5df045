package data

// The calendar of a plan year as the reports see it: quarters, their
// months and last days, and which tasks fall in them.

// QuarterMonths is the set of the three months of quarter q (1–4).
func QuarterMonths(q int) Months { return monthSpan(3*q-2, 3*q) }

// QuarterEnd is the last day of quarter q (1–4) of year y: a quarterly
// report's date when none is given.
func QuarterEnd(y, q int) Date {
	return Date{Year: y, Month: 3 * q, Day: daysIn(3*q, y)}
}

// QuarterTasks lists, in plan order, the tasks any of whose months lie in
// quarter q: a task running from March to May is in quarters I and II.
func (p *Plan) QuarterTasks(q int) []*Task {
	var out []*Task
	for i := range p.Tasks {
		if t := &p.Tasks[i]; t.Schedule.Months.InQuarter(q) {
			out = append(out, t)
		}
	}
	return out
}

// Roman writes n in Roman numerals, as sections and quarters are numbered.
func Roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	out := ""
	for i, v := range vals {
		for n >= v {
			out += syms[i]
			n -= v
		}
	}
	return out
}

// DueMonth is the month a task is due by: the last of its months, or for
// a task that runs all year (no fixed month), December.
func (s Schedule) DueMonth() int {
	if !s.Fixed() {
		return 12
	}
	months := s.Months.List()
	if len(months) == 0 {
		return 12
	}
	return months[len(months)-1]
}

// Due is the day a task is due by in year y: its day when the time names
// one ("18/5"), else the last day of its due month.
func (s Schedule) Due(y int) Date {
	m := s.DueMonth()
	if s.kind == kindDate && s.day > 0 {
		return Date{Year: y, Month: m, Day: s.day}
	}
	return Date{Year: y, Month: m, Day: daysIn(m, y)}
}

// DueQuarter is the quarter (1–4) a task is due in.
func (s Schedule) DueQuarter() int { return (s.DueMonth()-1)/3 + 1 }
