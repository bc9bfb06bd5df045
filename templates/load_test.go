package templates

import "testing"

func TestEmbeddedLoadQuick(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", s.Annex.Table.Columns)
	t.Logf("%+v", s.Workbook.Tasks.Columns)
}
