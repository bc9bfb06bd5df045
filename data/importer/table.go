package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/plandoc/plandoc/data"
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

var nonWord = regexp.MustCompile(`[^\p{L}\p{N}]+`)

// foldHeading reduces a heading to words: "Bộ phận tham mưu,\nthực hiện" →
// "bộ phận tham mưu thực hiện".
func foldHeading(s string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(data.Fold(s), " "))
}

// headingField names the plan column a heading stands for, or "".
func headingField(cell string) string {
	h := foldHeading(cell)
	if h == "" {
		return ""
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
func findHeader(rows []row) (header, bool) {
	// The header is the row naming the most columns, content among them: a
	// title such as "NHIỆM VỤ QUÝ II" names one at most.
	best, bestCount := -1, 0
	for i := 0; i < len(rows) && i < 20; i++ {
		cols := headingColumns(rows[i])
		if _, ok := cols["content"]; ok && len(cols) > bestCount {
			best, bestCount = i, len(cols)
		}
	}
	if best < 0 {
		return header{}, false
	}
	cols := headingColumns(rows[best])
	last := best
	if best+1 < len(rows) && isHeaderRow(rows[best+1]) {
		// Sub-headings under a group heading ("Đơn vị" over "Cơ quan chủ
		// trì" and "Cơ quan phối hợp") name the columns the row above left open.
		last = best + 1
		for j, c := range rows[best+1].cells {
			f := headingField(c)
			if _, taken := cols[f]; f != "" && !taken && (j >= len(rows[best].cells) || headingField(rows[best].cells[j]) == "") {
				cols[f] = j
			}
		}
	}
	return header{row: last, cols: cols}, true
}

// headingColumns maps the fields a row's headings name to their columns.
func headingColumns(r row) map[string]int {
	cols := map[string]int{}
	for j, c := range r.cells {
		if f := headingField(c); f != "" {
			if _, dup := cols[f]; !dup {
				cols[f] = j
			}
		}
	}
	return cols
}

// isHeaderRow reports whether every non-empty cell of a row is a heading
// (the second row of a two-row header, or a header repeated on a new page).
func isHeaderRow(r row) bool {
	n := 0
	for _, c := range r.cells {
		if c == "" {
			continue
		}
		if headingField(c) == "" && !monthHeading.MatchString(foldHeading(c)) {
			return false
		}
		n++
	}
	return n > 0
}

var monthHeading = regexp.MustCompile(`^(tháng|quý|t) ?\d+$`)

// headingsSeen lists the non-empty cells of a table's first row, for the
// error when no column of contents is found.
func headingsSeen(b block) string {
	var out []string
	for _, r := range b.rows {
		for _, c := range r.cells {
			if c != "" {
				out = append(out, fmt.Sprintf("%q", strings.ReplaceAll(c, "\n", " ")))
			}
		}
		if len(out) > 0 {
			break
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

var (
	sectionRow = regexp.MustCompile(`^((?:[IVXL]+|[A-Z]))[\.\)]\s*(.+)$`)
	totalRow   = regexp.MustCompile(`^(tổng cộng|tổng số|cộng)\b`)
	floatTT    = regexp.MustCompile(`^(\d+)\.0$`)
)
