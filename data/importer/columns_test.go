package importer

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// trackingSheet is a provincial tracking sheet: none of its headings is
// one plandoc knows.
var trackingSheet = tsv(titleLines,
	"Số\tTên gọi văn bản\tCơ quan soạn thảo\tNgày dự kiến trình ban hành",
	"1\tQuy chế làm việc của Ban Chấp hành\tVăn phòng\tTháng 3",
	"2\tĐề án phát triển hội viên, giai đoạn 2021-2025\tBan Tổ chức\tQuý II")

// A table with unknown headings is refused with the headings seen and the
// command that maps them; that command, run, imports it.
func TestColumnsMapUnknownHeadings(t *testing.T) {
	_, err := Import("bang.txt", trackingSheet, Options{})
	wantCmd := `plandoc import -columns 'tt="Số",content="Tên gọi văn bản",units="Cơ quan soạn thảo",time="Ngày dự kiến trình ban hành"' -o plan.toml bang.txt`
	if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), `headings seen: "Số", "Tên gọi văn bản", "Cơ quan soạn thảo", "Ngày dự kiến trình ban hành"`) ||
		!strings.HasSuffix(err.Error(), "say which column is which: "+wantCmd) {
		t.Fatalf("without a mapping: %v", err)
	}
	quoted := strings.SplitN(wantCmd, "'", 3)[1]
	mapping, err := ParseColumns(quoted)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import("bang.txt", trackingSheet, Options{Columns: mapping})
	if err != nil {
		t.Fatalf("with the mapping the error gave: %v", err)
	}
	toml := string(res.TOML)
	for _, want := range []string{`content = "Quy chế làm việc của Ban Chấp hành"`, `time = "Tháng 3"`, `units = ["ban-to-chuc"]`, `tt = "2"`} {
		if !strings.Contains(toml, want) {
			t.Errorf("the mapped plan lacks %s:\n%s", want, toml)
		}
	}
	// Case, spacing and line breaks in the mapping do not matter.
	if _, err := Import("bang.txt", trackingSheet, Options{Columns: map[string]string{"content": "TÊN GỌI\nvăn  bản"}}); err != nil {
		t.Errorf("a mapping written otherwise: %v", err)
	}
	if _, err := Import("bang.txt", trackingSheet, Options{Columns: map[string]string{"content": "Tên", "units": "tên"}}); err == nil || !strings.Contains(err.Error(), `the heading "tên" is given for both content and units`) {
		t.Errorf("one heading for two columns: %v", err)
	}
}

func TestParseColumns(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{`content="Tên gọi văn bản",units="Cơ quan soạn thảo"`, `map[content:Tên gọi văn bản units:Cơ quan soạn thảo]`, ""},
		{`content=Tên gọi văn bản, time = Thời hạn `, `map[content:Tên gọi văn bản time:Thời hạn]`, ""},
		{`units="Bộ phận tham mưu, thực hiện"`, `map[units:Bộ phận tham mưu, thực hiện]`, ""},
		{``, `map[]`, ""},
		{`noidung="Tên"`, "", `-columns: no column "noidung"; the columns are tt, content, time, units, presiding, partners, approvers`},
		{`content`, "", `-columns: "content" is not field="Heading"; write for example content="Tên gọi văn bản"`},
		{`content="Tên`, "", `-columns: the heading of content has no closing quote`},
		{`content="Tên" units="Ban"`, "", `-columns: a comma must follow the heading of content, not "units=\"Ban\""`},
		{`content="Tên",content="Việc"`, "", `-columns: content is named twice`},
		{`content=""`, "", `-columns: the heading of content is empty`},
	}
	for _, c := range cases {
		got, err := ParseColumns(c.in)
		switch {
		case c.err != "" && (err == nil || err.Error() != c.err):
			t.Errorf("ParseColumns(%q) error %v; want %s", c.in, err, c.err)
		case c.err == "" && (err != nil || fmt.Sprint(got) != c.want):
			t.Errorf("ParseColumns(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
}
