package importer

import (
	"fmt"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/lazy"
)

// The plan's columns and the headings real tables give them, folded
// (lower case, no punctuation, single spaces).
var columnHeadings = []struct {
	field    string
	headings []string
}{
	{"tt", []string{"tt", "stt", "số tt", "số thứ tự"}},
	{"content", []string{"nội dung công việc", "nội dung", "tên nhiệm vụ", "nội dung nhiệm vụ", "nhiệm vụ", "công việc"}},
	{"time", []string{"thời gian thực hiện", "thời gian", "thời hạn", "thời gian hoàn thành", "tiến độ"}},
	{"units", []string{"bộ phận tham mưu thực hiện", "bộ phận tham mưu", "bộ phận thực hiện", "cơ quan chủ trì", "đơn vị chủ trì", "đơn vị thực hiện", "đơn vị tham mưu"}},
	{"presiding", []string{"người chủ trì", "lãnh đạo phụ trách", "lãnh đạo chủ trì", "người phụ trách"}},
	{"partners", []string{"đơn vị phối hợp", "cơ quan phối hợp", "bộ phận phối hợp", "phối hợp"}},
	{"approvers", []string{"cấp thông qua", "cấp trình", "cấp phê duyệt", "cấp quyết định"}},
}

var nonWord = lazy.Regexp(`[^\p{L}\p{N}]+`)

// foldHeading reduces a heading to words: "Bộ phận tham mưu,\nthực hiện" →
// "bộ phận tham mưu thực hiện".
func foldHeading(s string) string {
	return strings.TrimSpace(nonWord().ReplaceAllString(data.Fold(s), " "))
}

// headings are the clerk's own names for the plan's columns (-columns),
// folded heading → field, read before the usual ones.
type headings map[string]string

// field names the plan column a heading stands for, or "".
func (hs headings) field(cell string) string {
	h := foldHeading(cell)
	if h == "" {
		return ""
	}
	if f, ok := hs[h]; ok {
		return f
	}
	for _, c := range columnHeadings {
		for _, v := range c.headings {
			if h == v || strings.HasPrefix(h, v+" ") {
				return c.field
			}
		}
	}
	return ""
}

// header is where a table's header is and which column is which.
type header struct {
	row  int // index of the (last) header row
	cols map[string]int
}

// findHeader looks for the header row in the first rows of a table; a
// header merged over two rows (a group heading above sub-headings) is
// read as one.
func (hs headings) findHeader(rows []row) (header, bool) {
	// The header is the row naming the most columns, content among them: a
	// title such as "NHIỆM VỤ QUÝ II" names one at most.
	best, bestCount := -1, 0
	for i := 0; i < len(rows) && i < 20; i++ {
		cols := hs.headingColumns(rows[i])
		if _, ok := cols["content"]; ok && len(cols) > bestCount {
			best, bestCount = i, len(cols)
		}
	}
	if best < 0 {
		return header{}, false
	}
	cols := hs.headingColumns(rows[best])
	last := best
	if best+1 < len(rows) && hs.isHeaderRow(rows[best+1]) {
		// Sub-headings under a group heading ("Đơn vị" over "Cơ quan chủ
		// trì" and "Cơ quan phối hợp") name the columns the row above left open.
		last = best + 1
		for j, c := range rows[best+1].cells {
			f := hs.field(c)
			if _, taken := cols[f]; f != "" && !taken && (j >= len(rows[best].cells) || hs.field(rows[best].cells[j]) == "") {
				cols[f] = j
			}
		}
	}
	return header{row: last, cols: cols}, true
}

// headingColumns maps the fields a row's headings name to their columns.
func (hs headings) headingColumns(r row) map[string]int {
	cols := map[string]int{}
	for j, c := range r.cells {
		if f := hs.field(c); f != "" {
			if _, dup := cols[f]; !dup {
				cols[f] = j
			}
		}
	}
	return cols
}

// isHeaderRow reports whether every non-empty cell of a row is a heading
// (the second row of a two-row header, or a header repeated on a new page).
func (hs headings) isHeaderRow(r row) bool {
	n := 0
	for _, c := range r.cells {
		if c == "" {
			continue
		}
		if hs.field(c) == "" && !monthHeading().MatchString(foldHeading(c)) {
			return false
		}
		n++
	}
	return n > 0
}

var monthHeading = lazy.Regexp(`^(tháng|quý|t) ?\d+$`)

// headingsSeen lists the non-empty cells of what looks like a table's
// header — its first row of two cells or more, within the first 20 — for
// the error when no column of contents is found.
func headingsSeen(b block) []string {
	var first []string
	for i, r := range b.rows {
		if i == 20 {
			break
		}
		cells := nonEmpty(r.cells)
		if len(cells) >= 2 {
			return cells
		}
		if first == nil {
			first = cells
		}
	}
	return first
}

func quoteHeadings(hs []string) string {
	if len(hs) == 0 {
		return "none"
	}
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%q", strings.ReplaceAll(h, "\n", " ")))
	}
	return strings.Join(out, ", ")
}

var (
	sectionRow = lazy.Regexp(`^((?:[IVXL]+|[A-Z]))[\.\)]\s*(.+)$`)
	totalRow   = lazy.Regexp(`^(tổng cộng|tổng số|cộng)\b`)
	floatTT    = lazy.Regexp(`^(\d+)\.0$`)
)
