package data

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// pos is a place in the plan file: 1-based line and column (in characters).
type pos struct{ Line, Col int }

// positions maps key paths such as "tasks[11].units[1]" to where the key and
// its value stand in the file. BurntSushi/toml keeps positions to itself, so
// this walks the text once more; it runs only on text the TOML parser has
// already accepted, and stops quietly on anything it does not follow.
type positions struct {
	keys map[string]pos
	vals map[string]pos
}

// at gives the best-known place for path: its value, else its key, else the
// nearest enclosing table's.
func (p *positions) at(path string) pos {
	for path != "" {
		if v, ok := p.vals[path]; ok {
			return v
		}
		if k, ok := p.keys[path]; ok {
			return k
		}
		path = parentPath(path)
	}
	return pos{}
}

// keyAt is like at but prefers the key, for problems with the key itself.
func (p *positions) keyAt(path string) pos {
	if k, ok := p.keys[path]; ok {
		return k
	}
	return p.at(path)
}

func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

func joinPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func indexPath(parent string, i int) string { return parent + "[" + strconv.Itoa(i) + "]" }

type posScanner struct {
	src       []byte
	off       int
	line      int
	lineStart int
	out       *positions
	arrays    map[string]int // array-of-tables path -> elements so far
	table     string
}

func indexPositions(src []byte) *positions {
	s := &posScanner{src: src, line: 1, arrays: map[string]int{},
		out: &positions{keys: map[string]pos{}, vals: map[string]pos{}}}
	s.run()
	return s.out
}

func (s *posScanner) here() pos {
	return pos{Line: s.line, Col: utf8.RuneCount(s.src[s.lineStart:s.off]) + 1}
}

func (s *posScanner) peek(n int) byte {
	if s.off+n < len(s.src) {
		return s.src[s.off+n]
	}
	return 0
}

func (s *posScanner) advance() {
	if s.src[s.off] == '\n' {
		s.line++
		s.lineStart = s.off + 1
	}
	s.off++
}

func (s *posScanner) done() bool { return s.off >= len(s.src) }

// skip passes spaces, tabs and comments, and newlines when nl is set.
func (s *posScanner) skip(nl bool) {
	for !s.done() {
		switch c := s.src[s.off]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '\n' && nl:
			s.advance()
		case c == '#':
			for !s.done() && s.src[s.off] != '\n' {
				s.advance()
			}
		default:
			return
		}
	}
}

func (s *posScanner) run() {
	for {
		s.skip(true)
		if s.done() {
			return
		}
		start := s.off
		if s.src[s.off] == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		if s.off == start { // not TOML we follow; give up rather than loop
			return
		}
	}
}

func (s *posScanner) header() {
	at := s.here()
	array := s.peek(1) == '['
	s.advance()
	if array {
		s.advance()
	}
	s.skip(false)
	segs := s.key()
	s.skip(false)
	for !s.done() && s.src[s.off] == ']' {
		s.advance()
	}
	path := ""
	for i, seg := range segs {
		path = joinPath(path, seg)
		if i == len(segs)-1 && array {
			n := s.arrays[path]
			s.arrays[path] = n + 1
			path = indexPath(path, n)
		} else if n := s.arrays[path]; n > 0 {
			path = indexPath(path, n-1)
		}
	}
	s.out.keys[path] = at
	s.table = path
}

// key reads a dotted key and returns its segments.
func (s *posScanner) key() []string {
	var segs []string
	for !s.done() {
		s.skip(false)
		seg, ok := s.keySegment()
		if !ok {
			return segs
		}
		segs = append(segs, seg)
		s.skip(false)
		if s.done() || s.src[s.off] != '.' {
			return segs
		}
		s.advance()
	}
	return segs
}

func (s *posScanner) keySegment() (string, bool) {
	if s.done() {
		return "", false
	}
	switch c := s.src[s.off]; {
	case c == '"' || c == '\'':
		start := s.off
		s.stringValue()
		raw := string(s.src[start:s.off])
		if c == '"' {
			if v, err := strconv.Unquote(raw); err == nil {
				return v, true
			}
		}
		return strings.Trim(raw, string(c)), true
	case isBareKeyByte(c):
		start := s.off
		for !s.done() && isBareKeyByte(s.src[s.off]) {
			s.advance()
		}
		return string(s.src[start:s.off]), true
	}
	return "", false
}

func isBareKeyByte(c byte) bool {
	return c == '_' || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func (s *posScanner) keyValue(table string) {
	at := s.here()
	segs := s.key()
	if len(segs) == 0 {
		return
	}
	path := table
	for _, seg := range segs {
		path = joinPath(path, seg)
	}
	s.out.keys[path] = at
	s.skip(false)
	if s.done() || s.src[s.off] != '=' {
		return
	}
	s.advance()
	s.skip(false)
	s.value(path)
}

func (s *posScanner) value(path string) {
	if s.done() {
		return
	}
	s.out.vals[path] = s.here()
	switch s.src[s.off] {
	case '"', '\'':
		s.stringValue()
	case '[':
		s.items(']', func(i int) { s.value(indexPath(path, i)) })
	case '{':
		s.items('}', func(int) { s.keyValue(path) })
	default:
		for !s.done() && !strings.ContainsRune(",]}\n#", rune(s.src[s.off])) {
			s.advance()
		}
	}
}

// items passes the comma-separated items of an array or inline table,
// calling item at the start of each, and the closing bracket.
func (s *posScanner) items(closing byte, item func(i int)) {
	s.advance()
	for i := 0; ; i++ {
		s.skip(true)
		if s.done() || s.src[s.off] == closing {
			break
		}
		start := s.off
		item(i)
		s.skip(true)
		if !s.done() && s.src[s.off] == ',' {
			s.advance()
		} else if s.off == start {
			return
		}
	}
	if !s.done() {
		s.advance()
	}
}

// stringValue passes a basic, literal or multi-line string.
func (s *posScanner) stringValue() {
	q := s.src[s.off]
	multi := s.peek(1) == q && s.peek(2) == q
	if multi {
		s.advance()
		s.advance()
	}
	s.advance()
	for !s.done() {
		c := s.src[s.off]
		if c == '\\' && q == '"' {
			s.advance()
			if !s.done() {
				s.advance()
			}
			continue
		}
		if c == q {
			if !multi {
				s.advance()
				return
			}
			if s.peek(1) == q && s.peek(2) == q {
				s.advance()
				s.advance()
				s.advance()
				// Up to two more quotes belong to the string's content.
				for i := 0; i < 2 && !s.done() && s.src[s.off] == q; i++ {
					s.advance()
				}
				return
			}
		}
		if c == '\n' && !multi {
			return
		}
		s.advance()
	}
}
