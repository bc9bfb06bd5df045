package templates

import "github.com/plandoc/plandoc/data/msg"

// Annex is annex.toml: the layout and wording of the decision annex.
type Annex struct {
	Page       Page       `toml:"page"`
	Header     Header     `toml:"header"`
	Title      Title      `toml:"title"`
	Table      AnnexTable `toml:"table"`
	Closing    Closing    `toml:"closing"`
	PageNumber PageNumber `toml:"page_number"`
	Signature  Signature  `toml:"signature"`
}

// Page is the sheet and its margins, in millimetres.
type Page struct {
	Orientation  string  `toml:"orientation"`
	MarginTop    float64 `toml:"margin_top"`
	MarginBottom float64 `toml:"margin_bottom"`
	MarginLeft   float64 `toml:"margin_left"`
	MarginRight  float64 `toml:"margin_right"`
}

// Header is the first page's header blocks.
type Header struct {
	NationalTitle     Text    `toml:"national_title"`
	Motto             Text    `toml:"motto"`
	BodySize          float64 `toml:"body_size"`
	NationalTitleSize float64 `toml:"national_title_size"`
	MottoSize         float64 `toml:"motto_size"`
	LeftWidth         float64 `toml:"left_width"`
	RightWidth        float64 `toml:"right_width"`
}

// Title is the type line, summary and reference line.
type Title struct {
	Size      float64 `toml:"size"`
	Reference Text    `toml:"reference" fill:"number symbol day month year issuer"`
}

// AnnexTable is the program's table: a task table that can also group its
// rows by month or quarter.
type AnnexTable struct {
	TaskTable
	GroupBy      string `toml:"group_by"`
	MonthLabel   Text   `toml:"month_label" fill:"month"`
	QuarterLabel Text   `toml:"quarter_label" fill:"quarter"`
}

// Closing is the paragraph after the table.
type Closing struct {
	Size        float64 `toml:"size"`
	Indent      float64 `toml:"indent"`
	SpaceBefore float64 `toml:"space_before"`
	Mark        Text    `toml:"mark"`
}

// PageNumber is the number in the top margin.
type PageNumber struct {
	Size float64 `toml:"size"`
}

// Signature is the signer's block.
type Signature struct {
	Size  float64 `toml:"size"`
	Space float64 `toml:"space"`
}

// A4 in millimetres.
const a4Short, a4Long = 210.0, 297.0

// Size is the page's width and height in millimetres.
func (p Page) Size() (w, h float64) {
	if p.Orientation == "portrait" {
		return a4Short, a4Long
	}
	return a4Long, a4Short
}

// check reports margins outside the decree's ranges and returns the width
// of the text between the margins, or 0 when the page is unusable.
func (p Page) check(k *checker) float64 {
	before := len(k.probs)
	if p.Orientation != "landscape" && p.Orientation != "portrait" {
		k.bad("page.orientation", "page.orientation %q must be \"landscape\" or \"portrait\"", p.Orientation)
	}
	for _, m := range []struct {
		key       string
		v, lo, hi float64
	}{{"margin_top", p.MarginTop, 20, 25}, {"margin_bottom", p.MarginBottom, 20, 25}, {"margin_left", p.MarginLeft, 30, 35}, {"margin_right", p.MarginRight, 15, 20}} {
		k.number("page."+m.key, m.v, m.lo, m.hi, "mm", msg.Mark("Decree 30's"))
	}
	if len(k.probs) > before {
		return 0
	}
	w, _ := p.Size()
	return w - p.MarginLeft - p.MarginRight
}

func (a *Annex) check(k *checker, cols *Columns) {
	text := a.Page.check(k)
	h := a.Header
	k.fontSize("header.body_size", h.BodySize)
	k.fontSize("header.national_title_size", h.NationalTitleSize)
	k.fontSize("header.motto_size", h.MottoSize)
	if text > 0 {
		k.number("header.left_width", h.LeftWidth, 40, text/2, "mm", msg.Mark("the widths that fit beside the other block,"))
		k.number("header.right_width", h.RightWidth, 40, text/2+20, "mm", msg.Mark("the widths that fit beside the other block,"))
	}
	k.fontSize("title.size", a.Title.Size)
	k.fontSize("closing.size", a.Closing.Size)
	k.number("closing.indent", a.Closing.Indent, 0, 30, "mm", msg.Mark("the indents"))
	k.number("closing.space_before", a.Closing.SpaceBefore, 0, 72, "pt", msg.Mark("the spaces"))
	k.fontSize("page_number.size", a.PageNumber.Size)
	k.fontSize("signature.size", a.Signature.Size)
	k.number("signature.space", a.Signature.Space, 10, 60, "mm", msg.Mark("the room for a signature and seal,"))
	switch a.Table.GroupBy {
	case "", "month", "quarter":
	default:
		k.bad("table.group_by", "table.group_by %q must be \"\", \"month\" or \"quarter\"", a.Table.GroupBy)
	}
	a.Table.check(k, cols, text)
}
