package templates

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/lazy"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/safefile"
	"golang.org/x/text/unicode/norm"
)

// source is one template file as read: the embedded one, or the user's
// that overrides it key by key.
type source struct {
	name string // as messages call it
	text []byte
	pos  data.Positions
}

// checker collects the problems of one template, each at the place in the
// user's file that sets the key, or else in the embedded file.
type checker struct {
	embedded, user *source
	probs          data.Problems
}

// at finds the file and place of a key path.
func (c *checker) at(path string) (string, int, int) {
	for _, s := range []*source{c.user, c.embedded} {
		if s == nil {
			continue
		}
		for p := path; p != ""; p = parent(p) {
			if s.pos.Sets(p) {
				line, col := s.pos.At(path)
				return s.name, line, col
			}
		}
	}
	return c.embedded.name, 0, 0
}

// setter is whichever of the paths the user's file sets, for a problem
// between two keys to point at the one the user wrote; else the first.
func (c *checker) setter(paths ...string) string {
	for _, p := range paths {
		if c.user != nil && c.user.pos.Sets(p) {
			return p
		}
	}
	return paths[0]
}

func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

func (c *checker) bad(path, format string, args ...any) {
	file, line, col := c.at(path)
	c.probs = append(c.probs, data.Problem{File: file, Line: line, Col: col, Msg: msg.Sprintf(format, args...)})
}

// number checks a value is finite and within lo..hi: NaN and infinities
// fail every comparison, so the test is written to let none through.
func (c *checker) number(path string, v, lo, hi float64, unit, why string) {
	if !(v >= lo && v <= hi) || math.IsInf(v, 0) {
		c.bad(path, "%s %g %s is outside %s %g–%g %s", path, v, unit, msg.Text(why), lo, hi, unit)
	}
}

// fontSize checks a size someone can read and a page can hold.
func (c *checker) fontSize(path string, v float64) {
	c.number(path, v, 6, 30, "pt", msg.Mark("the usable font sizes,"))
}

// texts checks every Text of v (a template struct) against the
// placeholders its field's `fill` tag allows.
func (c *checker) texts(v reflect.Value) {
	walkTexts("", v, nil, func(path string, text Text, allowed []string) {
		for _, ph := range unknownPlaceholders(string(text), allowed) {
			if len(allowed) == 0 {
				c.bad(path, "%s: unknown placeholder %s; this text takes none", path, ph)
			} else {
				c.bad(path, "%s: unknown placeholder %s; it takes {%s}", path, ph, strings.Join(allowed, "} {"))
			}
		}
	})
}

// walkTexts calls fn with every Text of v, its key path as the file
// writes it and the placeholders its field's `fill` tag allows, walking
// the struct as the TOML decoder does.
func walkTexts(path string, v reflect.Value, allowed []string, fn func(path string, text Text, allowed []string)) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			key := strings.Split(f.Tag.Get("toml"), ",")[0]
			if key == "-" {
				continue
			}
			sub := path
			if !f.Anonymous {
				sub = join(path, key)
			}
			fill := allowed
			if tag, ok := f.Tag.Lookup("fill"); ok {
				fill = strings.Fields(tag)
			}
			walkTexts(sub, v.Field(i), fill, fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkTexts(fmt.Sprintf("%s[%d]", path, i), v.Index(i), allowed, fn)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[Text]() {
			fn(path, Text(v.String()), allowed)
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// sheetName checks a name Excel will take for a sheet.
func (c *checker) sheetName(path, name string) {
	switch {
	case strings.TrimSpace(name) == "":
		c.bad(path, "%s: a sheet name cannot be empty", path)
	case data.UTF16Len(name) > maxSheetName:
		c.bad(path, "%s: %q is longer than Excel's %d characters", path, name, maxSheetName)
	case strings.ContainsAny(name, `:\/?*[]`):
		c.bad(path, `%s: %q holds one of : \ / ? * [ ], which Excel refuses in sheet names`, path, name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		c.bad(path, "%s: %q begins or ends with an apostrophe, which Excel refuses", path, name)
	}
}

// maxSheetName is Excel's limit, in UTF-16 units.
const maxSheetName = 31

// readSource reads a user's template file: NFC, without a byte-order
// mark, and refused with its place when it is not TOML.
func readSource(name string, raw []byte) (*source, data.Problems) {
	src := newSource(name, raw)
	if p := data.NestingProblem(name, src.text); p != nil {
		return nil, data.Problems{*p}
	}
	var tree map[string]any
	if _, err := toml.Decode(string(src.text), &tree); err != nil {
		return nil, data.Problems{data.SyntaxProblem(name, src.text, err)}
	}
	return src, nil
}

// newSource reads a template file's text: NFC, without a byte-order
// mark. An embedded template is read so, its syntax not checked apart
// from its decoding: the tests load every embedded file, and parsing each
// twice was half of every run's reading of them.
func newSource(name string, raw []byte) *source {
	text := []byte(norm.NFC.String(strings.TrimPrefix(string(raw), "\uFEFF")))
	return &source{name: name, text: text, pos: data.IndexPositions(text)}
}

// decode fills v from the source and reports every key v has no place
// for, at its line: a misspelt key is never silently ignored.
func (s *source) decode(v any, file string) data.Problems {
	md, err := toml.Decode(string(s.text), v)
	if err != nil {
		// The text parsed as a tree, so this is a value of the wrong type.
		// BurntSushi/toml reports it as text only: "toml: line 2 (last key
		// "page.margin_top"): incompatible types: TOML value has type
		// string; destination has type float".
		if m := typeError().FindStringSubmatch(err.Error()); m != nil {
			line, col := s.pos.At(m[1])
			return data.Problems{{File: s.name, Line: line, Col: col,
				Msg: msg.Sprintf("%s must be %s, not %s; see plandoc's templates/%s", m[1], typeWords(m[3]), typeWords(m[2]), file)}}
		}
		return data.Problems{{File: s.name, Msg: msg.Sprintf("%v; see plandoc's templates/%s for the keys and their types", err, file)}}
	}
	var probs data.Problems
	var reported []string
	for _, k := range md.Undecoded() {
		path := k.String()
		// A misspelt table makes all its keys unknown: name the table only.
		if slices.ContainsFunc(reported, func(r string) bool { return strings.HasPrefix(path, r+".") || path == r }) {
			continue
		}
		reported = append(reported, path)
		line, col := s.pos.KeyAt(path)
		probs = append(probs, data.Problem{File: s.name, Line: line, Col: col,
			Msg: msg.Sprintf("unknown key %s; no document uses it (see plandoc's templates/%s for the keys)", path, file)})
	}
	return probs
}

var typeError = lazy.Regexp(`last key "([^"]+)"\): incompatible types: TOML value has type (\w+); destination has type (\w+)`)

// typeWords names a TOML or Go type as the README does.
func typeWords(t string) string {
	switch t {
	case "string":
		return msg.Sprintf("text")
	case "float", "float64":
		return msg.Sprintf("a number")
	case "integer", "int", "int64":
		return msg.Sprintf("a whole number")
	case "bool":
		return msg.Sprintf("true or false")
	case "array", "slice":
		return msg.Sprintf("a list")
	case "table", "map", "struct":
		return msg.Sprintf("a table")
	}
	return t
}

// loadFile decodes the embedded template file, then the file of the same
// name in dir over it when dir is set and has one. reset runs before the
// user's file is decoded, with what that file sets, to clear lists it
// replaces whole.
func loadFile(file, dir string, v any, reset func(user data.Positions)) (*checker, data.Problems) {
	raw, err := builtin.ReadFile(file)
	if err != nil {
		return nil, data.Problems{{File: file, Msg: msg.Sprintf("embedded template: %v", err)}}
	}
	emb := newSource(file+" (embedded)", raw)
	probs := emb.decode(v, file)
	c := &checker{embedded: emb}
	if dir == "" {
		return c, probs
	}
	path := filepath.Join(dir, file)
	raw, err = safefile.Read(path, maxTemplateBytes, "template")
	switch {
	case errors.Is(err, os.ErrNotExist):
		return c, probs // a templates folder need not override every document
	case err != nil:
		return nil, append(probs, data.Problem{File: path, Msg: err.Error()})
	}
	user, uprobs := readSource(path, raw)
	if uprobs != nil {
		return nil, append(probs, uprobs...)
	}
	if reset != nil {
		reset(user.pos)
	}
	c.user = user
	return c, append(probs, user.decode(v, file)...)
}

// maxTemplateBytes bounds a template file: the embedded ones are under
// 10 KB.
const maxTemplateBytes = 1 << 20
