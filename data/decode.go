package data

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/plandoc/plandoc/data/msg"
)

// decoder turns the generic tree BurntSushi/toml produces into the model,
// one field at a time, so that every wrong type, missing field and unknown
// key becomes its own positioned problem instead of stopping at the first.
type decoder struct {
	file  string
	pos   *positions
	probs Problems

	parties []party // registered names, for free-text partners
	nearest map[string]match
}

func (d *decoder) addf(sev Severity, at pos, format string, args ...any) {
	d.probs = append(d.probs, Problem{File: d.file, Line: at.Line, Col: at.Col, Severity: sev, Msg: msg.Sprintf(format, args...)})
}

func (d *decoder) errorf(path string, format string, args ...any) {
	d.addf(Error, d.pos.at(path), format, args...)
}

func (d *decoder) warnf(path string, format string, args ...any) {
	d.addf(Warning, d.pos.at(path), format, args...)
}

// table is one TOML table being decoded; name is how messages call it
// ("task 12", "[decision]").
type table struct {
	d    *decoder
	path string
	name string
	m    map[string]any
}

func (t table) keyPath(key string) string { return joinPath(t.path, key) }

// field fetches a key; when it is missing and required, that is reported.
func (t table) field(key string, required bool, example string) (any, bool) {
	v, ok := t.m[key]
	if !ok && required {
		t.d.errorf(t.path, "%s has no %s; add %s = %s", t.name, key, key, example)
	}
	return v, ok
}

func (t table) wrongType(key string, v any, want string) {
	t.d.errorf(t.keyPath(key), "%s: %s must be %s, not %s", t.name, key, want, typeName(v))
}

// str reads a string; a required one must not be blank. Surrounding
// whitespace is dropped: multi-line strings bring a trailing newline.
func (t table) str(key string, required bool) string {
	v, ok := t.field(key, required, `"…"`)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		t.wrongType(key, v, "text in quotes")
		return ""
	}
	s = strings.TrimSpace(s)
	if s == "" && required {
		t.d.errorf(t.keyPath(key), "%s: %s is empty", t.name, key)
	}
	return s
}

// label reads a value printed as written that users may type either as a
// number or as text (a task's TT, a decision number).
func (t table) label(key string, required bool) string {
	v, ok := t.field(key, required, `"1"`)
	if !ok {
		return ""
	}
	switch x := v.(type) {
	case string:
		s := strings.TrimSpace(x)
		if s == "" && required {
			t.d.errorf(t.keyPath(key), "%s: %s is empty", t.name, key)
		}
		return s
	case int64:
		return strconv.FormatInt(x, 10)
	}
	t.wrongType(key, v, "a number or text in quotes")
	return ""
}

func (t table) integer(key string, required bool) (int, bool) {
	v, ok := t.field(key, required, "2021")
	if !ok {
		return 0, false
	}
	n, isInt := v.(int64)
	if !isInt {
		t.wrongType(key, v, "a whole number")
		return 0, false
	}
	return int(n), true
}

func (t table) boolean(key string) bool {
	v, ok := t.m[key]
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		t.wrongType(key, v, "true or false")
	}
	return b
}

// date reads a TOML local date. Only the date is taken (never t.UTC()): the
// library decodes it at midnight in the machine's zone.
func (t table) date(key string, required bool) Date {
	v, ok := t.field(key, required, "2021-12-31")
	if !ok {
		return Date{}
	}
	tm, isTime := v.(time.Time)
	if !isTime || tm.Location().String() != "date-local" {
		t.d.errorf(t.keyPath(key), "%s: %s must be a date written like 2021-12-31 (no quotes, no time), not %s", t.name, key, typeName(v))
		return Date{}
	}
	y, m, dd := tm.Date()
	return Date{Year: y, Month: int(m), Day: dd}
}

// list reads an array of strings; a single string is taken as a list of
// one, since "units = \"van-phong\"" is what people write for one unit.
func (t table) list(key string, required bool, example string) []string {
	v, ok := t.field(key, required, example)
	if !ok {
		return nil
	}
	switch x := v.(type) {
	case string:
		return []string{strings.TrimSpace(x)}
	case []any:
		out := make([]string, 0, len(x))
		for i, item := range x {
			s, isStr := item.(string)
			if !isStr {
				t.d.errorf(indexPath(t.keyPath(key), i), "%s: %s must hold text in quotes, not %s", t.name, key, typeName(item))
				continue
			}
			out = append(out, strings.TrimSpace(s))
		}
		if len(out) == 0 && required {
			t.d.errorf(t.keyPath(key), "%s: %s is empty; give at least one, like %s = %s", t.name, key, key, example)
		}
		return out
	}
	t.wrongType(key, v, "a list like "+example)
	return nil
}

// sub reads a nested table.
func (t table) sub(key, name string, required bool) (table, bool) {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.d.errorf(t.path, "the plan has no [%s] table; add one", key)
		}
		return table{}, false
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		t.d.errorf(t.keyPath(key), "%s must be a table ([%s]), not %s", key, key, typeName(v))
		return table{}, false
	}
	return table{d: t.d, path: t.keyPath(key), name: name, m: m}, true
}

// tables reads an array of tables ([[key]] or key = [{…}, …]).
func (t table) tables(key string) []table {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	var items []any
	switch x := v.(type) {
	case []map[string]any:
		for _, m := range x {
			items = append(items, m)
		}
	case []any:
		items = x
	default:
		t.d.errorf(t.keyPath(key), "%s must be a list of tables ([[%s]]), not %s", key, key, typeName(v))
		return nil
	}
	out := make([]table, 0, len(items))
	for i, item := range items {
		path := indexPath(t.keyPath(key), i)
		m, isMap := item.(map[string]any)
		if !isMap {
			t.d.errorf(path, "each entry of %s must be a table, not %s", key, typeName(item))
			continue
		}
		out = append(out, table{d: t.d, path: path, m: m})
	}
	return out
}

// unknown reports keys the table does not take, suggesting the nearest
// known key for typos.
func (t table) unknown(known ...string) {
	allowed := map[string]bool{}
	for _, k := range known {
		allowed[k] = true
	}
	var bad []string
	for k := range t.m {
		if !allowed[k] {
			bad = append(bad, k)
		}
	}
	sort.Strings(bad) // map order must not leak into the output
	for _, k := range bad {
		at := t.d.pos.keyAt(t.keyPath(k))
		if s := suggest(k, known); s != "" {
			t.d.addf(Error, at, "unknown key %q in %s; did you mean %q?", k, t.name, s)
		} else {
			t.d.addf(Error, at, "unknown key %q in %s; it takes %s", k, t.name, strings.Join(known, ", "))
		}
	}
}

func typeName(v any) string {
	switch x := v.(type) {
	case string:
		return "text"
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return "a date"
		case "time-local":
			return "a time of day"
		}
		return "a date and time"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%T", v)
}
