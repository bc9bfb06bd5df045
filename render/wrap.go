package render

import (
	"strings"
	"unicode/utf8"
)

// measurer measures text in one font; wrapping and drawing use the same one,
// so a line that fits when measured fits when drawn.
type measurer interface {
	wordW(s string) float64
}

// wrap breaks s into lines no wider than width, between words; a word wider
// than a whole line is broken between characters. A newline in s starts a
// new line. indent narrows the first line (a paragraph's first-line indent).
func wrap(m measurer, s string, width, indent float64) []string {
	var lines []string
	wrapWords(m, s, width, indent, func(words []string) { lines = append(lines, strings.Join(words, " ")) })
	return lines
}

// countLines is len(wrap(m, s, width, indent)), counted without making
// the lines: a workbook's row height needs only their number, for every
// cell of 1.8 million rows at 100,000 tasks.
func countLines(m measurer, s string, width, indent float64) int {
	return wrapWords(m, s, width, indent, nil)
}

// wrapWords is wrap's walk: it gives each line's words to line (when not
// nil; the part of a word broken between characters comes as one word)
// and returns how many lines there are. A tab is a space to
// strings.Fields, like any other.
func wrapWords(m measurer, s string, width, indent float64, line func(words []string)) int {
	space := m.wordW(" ")
	n := 0
	avail := func() float64 {
		if n == 0 {
			return width - indent
		}
		return width
	}
	var cur []string // the line being filled, when line wants its words
	words, curW := 0, 0.0
	flush := func() {
		if line != nil {
			line(cur)
			cur = cur[:0]
		}
		n++
		words, curW = 0, 0
	}
	for par := range strings.SplitSeq(s, "\n") {
		for word := range strings.FieldsSeq(par) {
			ww := m.wordW(word)
			if words > 0 && curW+space+ww <= avail() {
				if line != nil {
					cur = append(cur, word)
				}
				words++
				curW += space + ww
				continue
			}
			if words > 0 {
				flush()
			}
			if ww > avail() { // a word longer than a line: break it
				var full []string
				full, word, ww = breakWord(m, word, avail(), width)
				for _, f := range full {
					if line != nil {
						line([]string{f})
					}
					n++
				}
			}
			if line != nil {
				cur = append(cur, word)
			}
			words, curW = 1, ww
		}
		flush() // the paragraph's last line, or its empty one
	}
	return n
}

// breakWord breaks a word too long for a line between characters, in one
// pass (a word of a million letters costs a million measures, not a
// million squared): the lines it fills, the first first wide, the others
// width, and the rest with its width. Every line holds at least one
// character, so wrapping advances however narrow the column.
func breakWord(m measurer, word string, first, width float64) (lines []string, rest string, restW float64) {
	avail, start, w := first, 0, 0.0
	for i := 0; i < len(word); {
		_, size := utf8.DecodeRuneInString(word[i:])
		rw := m.wordW(word[i : i+size])
		if w+rw > avail && i > start {
			lines = append(lines, word[start:i])
			avail, start, w = width, i, 0
		}
		w += rw
		i += size
	}
	return lines, word[start:], w
}

// balancedWrap wraps s into as few lines as wrap would, but as evenly as
// possible: headings read "LIÊN HIỆP CÁC HỘI KHOA HỌC / VÀ KỸ THUẬT THANH HÓA",
// not a full line over a lone word.
func balancedWrap(m measurer, s string, width float64) []string {
	lines := wrap(m, s, width, 0)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := width/float64(len(lines)), width
	for i := 0; i < 20 && hi-lo > 0.1; i++ {
		mid := (lo + hi) / 2
		if len(wrap(m, s, mid, 0)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(m, s, hi, 0)
}
