package progress

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
)

func TestEncodeParseRoundTrip(t *testing.T) {
	p := &Progress{PlanSHA256: "abc", AsOf: data.Date{Year: 2021, Month: 6, Day: 30}, Entries: []Entry{
		{Task: "1-aa", TT: "1", Unit: "van-phong", Role: Lead, Status: "Hoàn thành", Done: data.Date{Year: 2021, Month: 1, Day: 20},
			Notes: "=1+1 \"trích\" \\ dòng\nhai\tcột\x07", Extra: []Field{{"Kiến nghị", "Bổ sung kinh phí"}},
			Source: "trả về/van-phong.xlsx", SourceSHA256: "ff", Saved: "2021-06-28T10:00:00Z", AsOf: data.Date{Year: 2021, Month: 6, Day: 30}},
		{Task: "2-bb", TT: "2", Unit: "ban-a", Role: Partner, Status: "Lùi thời hạn", NewTime: "Tháng 12"},
	}}
	raw := p.Encode()
	back, err := Parse("progress.toml", raw)
	if err != nil {
		t.Fatalf("%v\n%s", err, raw)
	}
	if !bytes.Equal(back.Encode(), raw) {
		t.Errorf("encoding what was read gives other bytes:\n%s\n---\n%s", back.Encode(), raw)
	}
	if got := back.Entries[0]; got.Notes != p.Entries[0].Notes || got.Done != p.Entries[0].Done || got.Extra[0] != p.Entries[0].Extra[0] {
		t.Errorf("entry read back = %+v", got)
	}
	if e := back.Find("2-bb", "ban-a", Partner); e == nil || e.NewTime != "Tháng 12" {
		t.Errorf("Find = %+v", e)
	}
	// The same file in another TOML form, as a person might write it, reads the same.
	hand := strings.NewReplacer("status = \"Hoàn thành\"", "status = 'Hoàn thành'", "done = 2021-01-20", "done = 2021-01-20 # by hand").Replace(string(raw))
	if other, err := Parse("progress.toml", []byte(hand)); err != nil || !bytes.Equal(other.Encode(), raw) {
		t.Errorf("a hand-edited file: %v\n%s", err, other.Encode())
	}
	if _, err := Parse("bad.toml", []byte("[[entry]]\ntask = \"1\"\n")); err == nil || !strings.Contains(err.Error(), "entry #1 lacks its task, its unit or a role") {
		t.Errorf("an entry without unit: %v", err)
	}
	if q, exists, err := Read(filepath.Join(t.TempDir(), "none.toml")); err != nil || exists || len(q.Entries) != 0 {
		t.Errorf("Read of a missing file = %v %v %v", q, exists, err)
	}
}

// A newer return replaces an older one for the same task, unit and sheet;
// an older one changes nothing; what changed is listed.
func TestMergeKeepsTheNewerFact(t *testing.T) {
	fact := func(status, saved string) Entry {
		return Entry{Task: "1-aa", TT: "1", Unit: "van-phong", Role: Lead, Status: status, Saved: saved}
	}
	p := &Progress{}
	if n, ch := p.Merge([]Entry{fact("Đang thực hiện", "2021-03-01T00:00:00Z")}, 10); n != 1 || len(ch) != 1 || ch[0].Before != nil {
		t.Fatalf("first merge: %+v", ch)
	}
	if n, ch := p.Merge([]Entry{fact("Chưa thực hiện", "2021-02-01T00:00:00Z")}, 10); n != 0 || len(ch) != 0 || p.Entries[0].Status != "Đang thực hiện" {
		t.Errorf("an older return changed the record: %+v %+v", ch, p.Entries)
	}
	_, ch := p.Merge([]Entry{fact("Hoàn thành", "2021-04-01T00:00:00Z")}, 10)
	if len(ch) != 1 || ch[0].Before == nil || ch[0].Before.Status != "Đang thực hiện" || p.Entries[0].Status != "Hoàn thành" {
		t.Errorf("a newer return: %+v %+v", ch, p.Entries)
	}
	if n, _ := p.Merge([]Entry{fact("Hoàn thành", "2021-04-01T00:00:00Z")}, 10); n != 0 {
		t.Errorf("the same return again changed %d facts", n)
	}
	if n, ch := p.Merge([]Entry{fact("Lùi thời hạn", "2021-05-01T00:00:00Z"), {Task: "2-bb", Unit: "ban-a", Role: Lead}}, 1); n != 2 || len(ch) != 1 {
		t.Errorf("two changes listed up to one: %d %+v", n, ch)
	}
	if len(p.Entries) != 2 || p.Find("1-aa", "van-phong", Lead) == nil || p.Find("2-bb", "ban-a", Lead) == nil {
		t.Errorf("entries %+v", p.Entries)
	}
}
