package data

import (
	"strconv"
	"strings"
)

// Months is a set of months of the plan year, bit m-1 for month m.
type Months uint16

// allMonths covers the whole year.
const allMonths Months = 1<<12 - 1

// monthSpan is the set of months from..to inclusive.
func monthSpan(from, to int) Months {
	var m Months
	for i := from; i <= to; i++ {
		m = m.With(i)
	}
	return m
}

// With adds month m (1–12).
func (m Months) With(month int) Months { return m | 1<<(month-1) }

// Has reports whether month (1–12) is in the set.
func (m Months) Has(month int) bool { return month >= 1 && month <= 12 && m&(1<<(month-1)) != 0 }

// List gives the months in order.
func (m Months) List() []int {
	var out []int
	for i := 1; i <= 12; i++ {
		if m.Has(i) {
			out = append(out, i)
		}
	}
	return out
}

// First is the earliest month, or 0 for an empty set.
func (m Months) First() int {
	for i := 1; i <= 12; i++ {
		if m.Has(i) {
			return i
		}
	}
	return 0
}

// Quarters gives the quarters (1–4) the months touch, in order.
func (m Months) Quarters() []int {
	var out []int
	for q := 1; q <= 4; q++ {
		if m&QuarterMonths(q) != 0 {
			out = append(out, q)
		}
	}
	return out
}

// InQuarter reports whether any month lies in quarter q.
func (m Months) InQuarter(q int) bool { return m&QuarterMonths(q) != 0 }

// String lists the months, "3,6,9".
func (m Months) String() string {
	parts := make([]string, 0, 12)
	for _, i := range m.List() {
		parts = append(parts, strconv.Itoa(i))
	}
	return strings.Join(parts, ",")
}
