package importer

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/plandoc/plandoc/data/msg"
)

// ColumnFields are the names -columns gives the plan's columns, in the
// order a program table has them.
var ColumnFields = []string{"tt", "content", "time", "units", "presiding", "partners", "approvers"}

// ParseColumns reads a -columns value: field="Heading" pairs separated by
// commas, as in content="Tên gọi văn bản",units="Cơ quan soạn thảo". A
// heading in double quotes may hold commas; one without quotes may not.
func ParseColumns(s string) (map[string]string, error) {
	out := map[string]string{}
	rest := strings.TrimSpace(s)
	for rest != "" {
		field, after, ok := strings.Cut(rest, "=")
		field = strings.TrimSpace(field)
		if !ok || field == "" {
			return nil, msg.Errorf("-columns: %q is not field=\"Heading\"; write for example content=\"Tên gọi văn bản\"", rest)
		}
		after = strings.TrimSpace(after)
		var heading string
		if strings.HasPrefix(after, `"`) {
			end := strings.Index(after[1:], `"`)
			if end < 0 {
				return nil, msg.Errorf("-columns: the heading of %s has no closing quote", field)
			}
			heading, rest = after[1:1+end], strings.TrimSpace(after[2+end:])
			if rest != "" && !strings.HasPrefix(rest, ",") {
				return nil, msg.Errorf("-columns: a comma must follow the heading of %s, not %q", field, rest)
			}
		} else {
			heading, rest, _ = strings.Cut(after, ",")
			rest = "," + rest
		}
		rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
		if !slices.Contains(ColumnFields, field) {
			return nil, msg.Errorf("-columns: no column %q; the columns are %s", field, strings.Join(ColumnFields, ", "))
		}
		if _, dup := out[field]; dup {
			return nil, msg.Errorf("-columns: %s is named twice", field)
		}
		if strings.TrimSpace(heading) == "" {
			return nil, msg.Errorf("-columns: the heading of %s is empty", field)
		}
		out[field] = strings.TrimSpace(heading)
	}
	return out, nil
}

// headings folds the clerk's mapping the way table headings are folded,
// so case, spacing, line breaks and punctuation do not matter.
func (o Options) headings() (headings, error) {
	for _, field := range slices.Sorted(maps.Keys(o.Columns)) {
		if !slices.Contains(ColumnFields, field) {
			return nil, msg.Errorf("%w: no column %q; the columns are %s", ErrFormat, field, strings.Join(ColumnFields, ", "))
		}
	}
	// In the fields' own order, so the same mapping gives the same message.
	hs := headings{}
	for _, field := range ColumnFields {
		heading, ok := o.Columns[field]
		if !ok {
			continue
		}
		h := foldHeading(heading)
		if other, dup := hs[h]; dup {
			return nil, msg.Errorf("%w: the heading %q is given for both %s and %s", ErrFormat, heading, other, field)
		}
		hs[h] = field
	}
	return hs, nil
}

// mappingCommand is the import command that names a table's columns, with
// a guess from each heading's words for the clerk to correct.
func mappingCommand(name string, seen []string) string {
	var pairs []string
	used := map[string]bool{}
	for _, h := range seen {
		f := guessField(foldHeading(h))
		if f == "" || used[f] {
			continue
		}
		used[f] = true
		pairs = append(pairs, fmt.Sprintf("%s=%q", f, strings.ReplaceAll(h, "\n", " ")))
	}
	if !used["content"] && len(seen) > 0 {
		pairs = append([]string{fmt.Sprintf("content=%q", strings.ReplaceAll(seen[0], "\n", " "))}, pairs...)
	}
	return fmt.Sprintf("plandoc import -columns '%s' -o plan.toml %s", strings.Join(pairs, ","), name)
}

// guessField is a first guess at which column a heading names.
func guessField(h string) string {
	switch {
	case h == "số" || strings.HasPrefix(h, "số thứ tự") || h == "tt" || h == "stt":
		return "tt"
	case strings.Contains(h, "tên") || strings.Contains(h, "nội dung") || strings.Contains(h, "văn bản") || strings.Contains(h, "nhiệm vụ"):
		return "content"
	case strings.Contains(h, "ngày") || strings.Contains(h, "thời") || strings.Contains(h, "hạn") || strings.Contains(h, "tháng"):
		return "time"
	case strings.Contains(h, "phối hợp"):
		return "partners"
	case strings.Contains(h, "cơ quan") || strings.Contains(h, "đơn vị") || strings.Contains(h, "bộ phận"):
		return "units"
	case strings.Contains(h, "lãnh đạo") || strings.Contains(h, "người"):
		return "presiding"
	case strings.Contains(h, "cấp"):
		return "approvers"
	}
	return ""
}
