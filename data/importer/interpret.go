package importer

import (
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/lazy"
	"github.com/plandoc/plandoc/data/msg"
)

// Inference is something the importer worked out that a person should
// confirm, with where in the source it came from.
type Inference struct {
	Where string
	Kind  Kind
	Msg   string
}

// Kind sorts inferences so the report can end with a count of each: a
// clerk confirming forty readings wants to know which sort they are.
type Kind int

const (
	kindHeader    Kind = iota // title lines, decision, organisation
	kindSpelling              // spellings merged, or kept apart
	kindJoint                 // a lead cell split into units, or kept whole
	kindPartner               // a partner cell read as units or a group
	kindPresiding             // a presiding person's printed wording
	kindSection               // section headings
	kindTime                  // times kept as written
	kindMissing               // values or columns not found
	kindRows                  // rows skipped or renumbered
	kindLike                  // names and heading compared with last year's plan
)

var kindNames = [...]string{
	kindHeader:    msg.Mark("title and decision"),
	kindSpelling:  msg.Mark("spellings"),
	kindJoint:     msg.Mark("joint units"),
	kindPartner:   msg.Mark("partners"),
	kindPresiding: msg.Mark("presiding"),
	kindSection:   msg.Mark("sections"),
	kindTime:      msg.Mark("times"),
	kindMissing:   msg.Mark("missing"),
	kindRows:      msg.Mark("rows"),
	kindLike:      msg.Mark("last year's plan"),
}

func (k Kind) String() string { return msg.Text(kindNames[k]) }

// CountByKind sums a report per kind, in the order of the kinds, leaving
// out kinds that did not occur: "title and decision 7, spellings 4".
func CountByKind(report []Inference) string {
	var counts [len(kindNames)]int
	for _, inf := range report {
		counts[inf.Kind]++
	}
	var parts []string
	for k, n := range counts {
		if n > 0 {
			parts = append(parts, msg.Sprintf("%s %d", Kind(k), n))
		}
	}
	return strings.Join(parts, ", ")
}

func (i Inference) String() string {
	if i.Where == "" {
		return i.Msg
	}
	return i.Where + ": " + i.Msg
}

// rawTask is a task row as the source gives it.
type rawTask struct {
	where                                                    string
	tt, content, time, units, presiding, partners, approvers string
	section                                                  int // index into sections, or -1
}

type rawSection struct {
	label, title, where string
}

// parsed is everything read out of a document, before registries are made.
type parsed struct {
	titles   []block // text before the table
	closing  []block // text after it
	tasks    []rawTask
	sections []rawSection
	report   []Inference
}

func (p *parsed) infer(where string, kind Kind, format string, args ...any) {
	p.report = append(p.report, Inference{Where: where, Kind: kind, Msg: msg.Sprintf(format, args...)})
}

// interpret finds the program's table in a document and reads its rows.
func interpret(name string, d *document, hs headings) (*parsed, error) {
	tableAt, h := -1, header{}
	for i, b := range d.blocks {
		if len(b.rows) == 0 {
			continue
		}
		if hh, ok := hs.findHeader(b.rows); ok {
			tableAt, h = i, hh
			break
		}
	}
	if tableAt < 0 {
		for _, b := range d.blocks {
			if len(b.rows) > 0 {
				seen := headingsSeen(b)
				return nil, formatError(name, "no column of task contents in the table; headings seen: %s; name one \"Nội dung công việc\" (or Nội dung, Tên nhiệm vụ), or say which column is which: %s",
					quoteHeadings(seen), mappingCommand(name, seen))
			}
		}
		return nil, formatError(name, "no table found; plandoc imports the program's table (from Word, Excel, or text with tab-separated columns)")
	}
	p := &parsed{}
	p.titles = append(p.titles, d.blocks[:tableAt]...)
	t := d.blocks[tableAt]
	// Rows above the header are title lines (a workbook keeps its titles there).
	for _, r := range t.rows[:h.row] {
		if text := strings.Join(nonEmpty(r.cells), " "); text != "" && !hs.isHeaderRow(r) {
			p.titles = append(p.titles, block{text: text, where: r.where})
		}
	}
	header := t.rows[h.row]
	if h.row > 0 && hs.isHeaderRow(t.rows[h.row]) && !hs.hasField(t.rows[h.row], "content") {
		header = t.rows[h.row-1]
	}
	for _, f := range []string{"time", "units", "presiding", "partners", "approvers"} {
		if _, ok := h.cols[f]; !ok {
			p.infer(t.where, kindMissing, "no %s column found; that part of each task is left empty", msg.Text(fieldNames[f]))
		}
	}
	cell := func(r row, f string) string {
		if j, ok := h.cols[f]; ok && j < len(r.cells) {
			return r.cells[j]
		}
		return ""
	}
	rows, after := continuedRows(p, d, tableAt, t.rows[h.row+1:])
	section := -1
	var trailing []block // lone texts after the last task: the closing
	for _, r := range rows {
		texts := nonEmpty(r.cells)
		switch {
		case len(texts) == 0:
			continue
		case sameRow(r, header) || (hs.isHeaderRow(r) && !hs.hasTask(r, h)):
			p.infer(r.where, kindRows, "repeated header row skipped")
			continue
		}
		first := foldHeading(texts[0])
		if totalRow().MatchString(first) {
			p.infer(r.where, kindRows, "total row %q skipped", texts[0])
			continue
		}
		content := cell(r, "content")
		// A row with no content, or only a numbered heading in the content
		// column, is a section heading (or, after the tasks, the closing).
		if content == "" || len(texts) == 1 && cell(r, "tt") == "" && sectionRow().MatchString(content) {
			text := strings.Join(texts, " ")
			if m := sectionRow().FindStringSubmatch(text); m != nil {
				p.sections = append(p.sections, rawSection{label: m[1], title: m[2], where: r.where})
				section = len(p.sections) - 1
				trailing = nil
				p.infer(r.where, kindSection, "section %s. %q", m[1], m[2])
				continue
			}
			trailing = append(trailing, block{text: text, where: r.where})
			continue
		}
		for _, tb := range trailing {
			p.sections = append(p.sections, rawSection{label: data.Roman(len(p.sections) + 1), title: tb.text, where: tb.where})
			section = len(p.sections) - 1
			p.infer(tb.where, kindSection, "a row with text in one column only, read as the section heading %q; check it", tb.text)
		}
		trailing = nil
		p.tasks = append(p.tasks, rawTask{where: r.where, section: section,
			tt: cell(r, "tt"), content: content, time: cell(r, "time"), units: cell(r, "units"),
			presiding: cell(r, "presiding"), partners: cell(r, "partners"), approvers: cell(r, "approvers")})
	}
	p.closing = append(trailing, d.blocks[after:]...)
	if len(p.tasks) == 0 {
		return nil, formatError(name, "the table has a header but no task rows")
	}
	p.cleanTT()
	return p, nil
}

// continuedRows adds to the program table's rows those of the tables that
// follow it with the same number of columns, with nothing but empty
// paragraphs between: Word splits a table in two at a page break or when
// a row is cut and pasted, and the tasks after the split are the
// program's too. It returns the rows and the index of the first block
// after the last table read, where the closing begins.
func continuedRows(p *parsed, d *document, tableAt int, rows []row) ([]row, int) {
	width := tableWidth(d.blocks[tableAt])
	after := tableAt + 1
	for i := after; i < len(d.blocks); i++ {
		b := d.blocks[i]
		if len(b.rows) == 0 {
			if strings.TrimSpace(b.text) == "" {
				continue
			}
			break
		}
		if tableWidth(b) != width {
			break
		}
		p.infer(b.where, kindRows, "a second table with the same %d columns follows the program's table; its rows are read as the table's continuation", width)
		rows = append(rows[:len(rows):len(rows)], b.rows...)
		after = i + 1
	}
	return rows, after
}

// tableWidth is the number of columns of a table's widest row.
func tableWidth(b block) int {
	n := 0
	for _, r := range b.rows {
		n = max(n, len(r.cells))
	}
	return n
}

var fieldNames = map[string]string{"time": msg.Mark("time (Thời gian thực hiện)"), "units": msg.Mark("implementing unit (Bộ phận tham mưu, thực hiện)"),
	"presiding": msg.Mark("presiding person (Người chủ trì)"), "partners": msg.Mark("partner (Đơn vị phối hợp)"), "approvers": msg.Mark("approving body (Cấp thông qua)")}

func (hs headings) hasTask(r row, h header) bool {
	j, ok := h.cols["content"]
	return ok && j < len(r.cells) && r.cells[j] != "" && hs.field(r.cells[j]) == ""
}

func (hs headings) hasField(r row, f string) bool {
	for _, c := range r.cells {
		if hs.field(c) == f {
			return true
		}
	}
	return false
}

func sameRow(a, b row) bool {
	x, y := nonEmpty(a.cells), nonEmpty(b.cells)
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if foldHeading(x[i]) != foldHeading(y[i]) {
			return false
		}
	}
	return true
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// cleanTT turns "1.0", "2.0" … into "1", "2" when every number of the
// column is written so: a spreadsheet's artefact, not a numbering scheme.
func (p *parsed) cleanTT() {
	numeric, floats := 0, 0
	for _, t := range p.tasks {
		if _, err := strconv.ParseFloat(t.tt, 64); err == nil {
			numeric++
			if floatTT().MatchString(t.tt) {
				floats++
			}
		}
	}
	if floats == 0 || floats != numeric {
		return
	}
	for i := range p.tasks {
		if m := floatTT().FindStringSubmatch(p.tasks[i].tt); m != nil {
			p.tasks[i].tt = m[1]
		}
	}
	p.infer("", kindRows, "task numbers written 1.0, 2.0 … (a spreadsheet's number format) are written 1, 2 …")
}

var (
	programLine  = lazy.Regexp(`(?i)^(chương trình công tác(?: năm)?)\s*(\d{4})\s*(.*)$`)
	decisionLine = lazy.Regexp(`(?i)quyết định số\s*([0-9A-Za-z]+)\s*/\s*([^\s,]+)\s*,?\s*ngày\s+(\d{1,2})\s*(?:/|\s+tháng\s+)\s*(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})\s*(?:của\s+)?(.*?)\)?\s*$`)
	nationalLine = lazy.Regexp(`(?i)^(cộng hòa|cộng hoà|độc lập)`)
)
