package progress

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data"
)

// fastParse reads a progress file in exactly the form Encode writes, line
// by line: a large plan's record holds hundreds of thousands of entries,
// which a general TOML decoder reads in tens of seconds. Anything else (a
// file edited by hand into another TOML form) makes it give up, and Parse
// reads the file with the TOML decoder instead.
func fastParse(raw []byte) (*Progress, bool) {
	p := &Progress{}
	var e *Entry
	for len(raw) > 0 {
		line := raw
		if nl := bytes.IndexByte(raw, '\n'); nl >= 0 {
			line, raw = raw[:nl], raw[nl+1:]
		} else {
			raw = nil
		}
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if string(line) == "[[entry]]" {
			p.Entries = append(p.Entries, Entry{})
			e = &p.Entries[len(p.Entries)-1]
			continue
		}
		key, value, ok := bytes.Cut(line, []byte(" = "))
		if !ok {
			return nil, false
		}
		if string(key) == "extra" {
			if e == nil {
				return nil, false
			}
			fields, ok := extraFields(string(value))
			if !ok {
				return nil, false
			}
			e.Extra = fields
			continue
		}
		if string(key) == "done" || string(key) == "as_of" {
			d, err := data.ParseDate(string(value))
			if err != nil || len(value) != 10 {
				return nil, false
			}
			switch {
			case e == nil && string(key) == "as_of":
				p.AsOf = d
			case e == nil:
				return nil, false
			case string(key) == "done":
				e.Done = d
			default:
				e.AsOf = d
			}
			continue
		}
		s, err := strconv.Unquote(string(value))
		if err != nil || value[0] != '"' {
			return nil, false
		}
		if e == nil {
			if string(key) != "plan_sha256" {
				return nil, false
			}
			p.PlanSHA256 = s
			continue
		}
		switch string(key) {
		case "task":
			e.Task = s
		case "tt":
			e.TT = s
		case "unit":
			e.Unit = s
		case "role":
			e.Role = Role(s)
		case "status":
			e.Status = s
		case "new_time":
			e.NewTime = s
		case "notes":
			e.Notes = s
		case "source":
			e.Source = s
		case "source_sha256":
			e.SourceSHA256 = s
		case "saved":
			e.Saved = s
		default:
			return nil, false
		}
	}
	return p, true
}

// extraFields reads `[{ name = "…", value = "…" }, …]` as Encode writes it.
func extraFields(v string) ([]Field, bool) {
	var out []Field
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") {
		return nil, false
	}
	v = v[1 : len(v)-1]
	for strings.TrimSpace(v) != "" {
		v = strings.TrimLeft(v, ", ")
		rest, ok := strings.CutPrefix(v, "{ name = ")
		if !ok {
			return nil, false
		}
		name, rest, ok := quoted(rest)
		if !ok {
			return nil, false
		}
		rest, ok = strings.CutPrefix(rest, ", value = ")
		if !ok {
			return nil, false
		}
		value, rest, ok := quoted(rest)
		if !ok {
			return nil, false
		}
		rest, ok = strings.CutPrefix(rest, " }")
		if !ok {
			return nil, false
		}
		out = append(out, Field{Name: name, Value: value})
		v = rest
	}
	return out, true
}

// quoted reads one quoted string at the start of s and returns the rest.
func quoted(s string) (string, string, bool) {
	if !strings.HasPrefix(s, `"`) {
		return "", s, false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			v, err := strconv.Unquote(s[:i+1])
			return v, s[i+1:], err == nil
		}
	}
	return "", s, false
}
