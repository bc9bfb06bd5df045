package data

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// pos is a place in the plan file: 1-based line and column (in characters).
type pos struct{ Line, Col int }

// positions maps key paths such as "tasks[11].units[1]" to where the key and
// its value stand in the file. BurntSushi/toml keeps positions to itself, so
// this walks the text once more; it runs only on text the TOML parser has
// already accepted, and stops quietly on anything it does not follow.
//
// The index is built the first time a place is asked for: a plan without
// problems never needs it, and for 100,000 tasks it is a map of a million
// paths, a quarter of the time of loading.
type positions struct {
	src     []byte
	once    sync.Once
	keys    map[string]pos
	vals    map[string]pos
	glanced atomic.Bool // the first place asked for was looked for without the index
}

func (p *positions) index() {
	p.once.Do(func() {
		p.keys, p.vals = map[string]pos{}, map[string]pos{}
		p.scan(p, "")
	})
}

// at gives the best-known place for path: its value, else its key, else the
// nearest enclosing table's.
func (p *positions) at(path string) pos {
	if v, ok := p.glance(path); ok {
		return v
	}
	p.index()
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

// glance finds the first place asked for by reading the text only as far
// as its value, without the index: a plan with one warning (the 2021 plan
// warns of its decision date, on line 15) needs no index of all its keys.
// Only the first: a plan with many problems would be read again for each.
// A path found has one value in a text TOML accepted, so the index would
// give the same place.
func (p *positions) glance(path string) (pos, bool) {
	if !p.glanced.CompareAndSwap(false, true) {
		return pos{}, false
	}
	out := &positions{keys: map[string]pos{}, vals: map[string]pos{}}
	p.scan(out, path)
	v, ok := out.vals[path]
	return v, ok
}

// scan walks the text into out's maps, as far as stopAt's value when it
// is given, else to the end.
func (p *positions) scan(out *positions, stopAt string) {
	s := &posScanner{src: p.src, line: 1, arrays: map[string]int{}, out: out, stopAt: stopAt}
	s.run()
}

// keyAt is like at but prefers the key, for problems with the key itself.
func (p *positions) keyAt(path string) pos {
	p.index()
	if k, ok := p.keys[path]; ok {
		return k
	}
	return p.at(path)
}

// Positions tells where the keys and values of a TOML text stand, for the
// other files plandoc reads (templates) to report the way plans do.
type Positions struct{ p *positions }

// IndexPositions indexes a TOML text the TOML parser has accepted.
func IndexPositions(src []byte) Positions { return Positions{indexPositions(src)} }

// At is the line and column of path's value, else its key, else the
// nearest enclosing table's; 0, 0 when the text has none of them. Paths
// are dotted keys with list indexes: "table.columns[2].width".
func (ps Positions) At(path string) (line, col int) {
	at := ps.p.at(path)
	return at.Line, at.Col
}

// KeyAt is like At but prefers the key, for problems with the key itself.
// A path without indexes ("column.widht", as the TOML decoder names an
// unknown key in a list of tables) finds the first place it stands.
func (ps Positions) KeyAt(path string) (line, col int) {
	ps.p.index()
	if _, ok := ps.p.keys[path]; !ok {
		best := pos{}
		for k, at := range ps.p.keys {
			if stripIndexes(k) == path && (best.Line == 0 || at.Line < best.Line || at.Line == best.Line && at.Col < best.Col) {
				best = at
			}
		}
		if best.Line > 0 {
			return best.Line, best.Col
		}
	}
	at := ps.p.keyAt(path)
	return at.Line, at.Col
}

// Sets reports whether the text sets path, itself or inside it.
func (ps Positions) Sets(path string) bool {
	ps.p.index()
	_, key := ps.p.keys[path]
	_, val := ps.p.vals[path]
	return key || val
}

func stripIndexes(path string) string {
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Where is the line and column in the plan file of a key path such as
// "tasks[3].content" or "units[0].name", for problems found after loading
// (a character the font lacks); 0, 0 for a plan not loaded from text.
func (p *Plan) Where(path string) (line, col int) {
	if p.pos == nil {
		return 0, 0
	}
	at := p.pos.at(path)
	return at.Line, at.Col
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
	stopAt    string // a path whose value ends the scan (glance)
	stopped   bool
}

func indexPositions(src []byte) *positions { return &positions{src: src} }

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
	for !s.stopped {
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
		// An unknown table ([[unit]], [tabel.x]) is reported at its plain
		// path: the first header that names it is where it stands.
		if _, seen := s.out.keys[path]; !seen {
			s.out.keys[path] = at
		}
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
	if path == s.stopAt {
		s.stopped = true
		return
	}
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
