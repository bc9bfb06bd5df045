package data

import (
	"bytes"
	"unicode/utf8"

	"github.com/plandoc/plandoc/data/msg"
)

// MaxNesting bounds how deep lists and tables nest in a plan or template.
// A plan nests three deep ([[tasks]], then partners = [{ … }]); the TOML
// decoder's work grows faster than the text with depth (20,000 levels, a
// 60 KB file, ran past two minutes and 7 GB), so deeper text is refused
// before it is decoded.
const MaxNesting = 32

// NestingProblem reports text nested deeper than MaxNesting, at the
// bracket that goes too deep; nil when it does not. Brackets inside strings
// and comments do not count.
func NestingProblem(name string, text []byte) *Problem {
	depth := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			// Skip the string; a multi-line one may hold newlines.
			quote := string(text[i : i+1])
			if i+2 < len(text) && text[i+1] == c && text[i+2] == c {
				quote = string(text[i : i+3])
			}
			i += len(quote)
			for i < len(text) && string(text[i:min(i+len(quote), len(text))]) != quote {
				if text[i] == '\\' && c == '"' {
					i++
				}
				i++
			}
			i += len(quote) - 1
		case c == '[' || c == '{':
			depth++
			if depth > MaxNesting {
				line := 1 + bytes.Count(text[:i], []byte("\n"))
				col := utf8.RuneCount(text[bytes.LastIndexByte(text[:i], '\n')+1:i]) + 1
				return &Problem{File: name, Line: line, Col: col,
					Msg: msg.Sprintf("lists and tables nest more than %d deep here; a plan needs 3 or 4: close the brackets", MaxNesting)}
			}
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
	}
	return nil
}
