package data

import "regexp"

// Warm compiles the patterns that reading a plan uses, so that a caller
// about to read one can have them compiled on another goroutine while it
// reads the file (a sixth of a millisecond, where compiled as the program
// started they cost every command its time).
func Warm() {
	for _, re := range planPatterns {
		re()
	}
}

var planPatterns = [...]func() *regexp.Regexp{reSpaces, reYearOnly, reHalf, reMonths, reQuarters, reDate, safeID, yearRange, fourDigitYear}
