package excelize

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"runtime"
	"sync"
	"testing"
)

// partsToMarshal are values of each kind the patch marshals through
// marshalXML, as a workbook with a streamed sheet, a chart and document
// properties holds them.
func partsToMarshal(t *testing.T) []any {
	t.Helper()
	f := NewFile()
	if err := f.SetCellValue("Sheet1", "A1", "Chương trình & <kế hoạch>"); err != nil {
		t.Fatal(err)
	}
	if err := f.AddChart("Sheet1", "C1", &Chart{Type: Col, Series: []ChartSeries{{Name: "Sheet1!$A$1", Values: "Sheet1!$B$1:$B$2"}}}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCustomProps(CustomProperty{Name: "plandoc", Value: "năm 2021"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetDocProps(&DocProperties{Title: "Quý I", Creator: "plandoc"}); err != nil {
		t.Fatal(err)
	}
	ws, err := f.workSheetReader("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	rels, _ := f.relsReader(defaultXMLPathWorkbookRels)
	return []any{f.WorkBook, f.Styles, f.ContentTypes, rels, f.SharedStrings, ws,
		&xlsxWsDr{}, &xlsxChartSpace{}, &xlsxChartsheet{}, &xlsxTable{Name: "T", Ref: "A1:B2"},
		&xlsxProperties{Application: "plandoc"}, &decodeCoreProperties{Title: "Quý I"},
		&xlsxCustomProperties{Property: []xlsxProperty{{Name: "a", Lpwstr: stringPtr("b")}}}}
}

// marshalXML writes what xml.Marshal writes, alone and on goroutines at once.
func TestMarshalXMLIsXMLMarshal(t *testing.T) {
	parts := partsToMarshal(t)
	want := make([][]byte, len(parts))
	for i, v := range parts {
		var err error
		if want[i], err = xml.Marshal(v); err != nil {
			t.Fatalf("%T: %v", v, err)
		}
		got, err := marshalXML(v)
		if err != nil || !bytes.Equal(got, want[i]) {
			t.Fatalf("%T: marshalXML wrote\n%s (%v)\nxml.Marshal\n%s", v, got, err, want[i])
		}
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for round := range 20 {
				for i, v := range parts {
					if got, err := marshalXML(v); err != nil || !bytes.Equal(got, want[i]) {
						t.Errorf("round %d, %T: marshalXML at once with others wrote another", round, v)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// An error is xml.Marshal's, and leaves the pooled writers as good as new.
func TestMarshalXMLErrorLeavesThePoolWhole(t *testing.T) {
	_, want := xml.Marshal(make(chan int))
	if _, err := marshalXML(make(chan int)); err == nil || err.Error() != want.Error() {
		t.Fatalf("marshalXML(chan) = %v; xml.Marshal gives %v", err, want)
	}
	type unclosed struct {
		XMLName xml.Name `xml:"a"`
		Inner   any      `xml:"b"`
	}
	for range 4 {
		marshalXML(unclosed{Inner: func() {}})
	}
	v := &xlsxTable{Name: "T", Ref: "A1:B2"}
	want2, _ := xml.Marshal(v)
	if got, err := marshalXML(v); err != nil || !bytes.Equal(got, want2) {
		t.Fatalf("after errors marshalXML wrote %s (%v); want %s", got, err, want2)
	}
}

// bulkAppendFields writes a sheet's fields as upstream's encoder of its own
// wrote them.
func TestBulkAppendFieldsIsUpstreams(t *testing.T) {
	f := NewFile()
	for _, cell := range []string{"A1", "B2", "C3"} {
		if err := f.SetCellValue("Sheet1", cell, "ô "+cell); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell("Sheet1", "A1", "B1"); err != nil {
		t.Fatal(err)
	}
	ws, err := f.workSheetReader("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	// The ranges the stream writer writes.
	for _, r := range [][2]int{{3, 4}, {5, 6}, {9, 16}, {18, 39}, {41, 41}} {
		var want bytes.Buffer
		enc := xml.NewEncoder(&want)
		s := reflect.ValueOf(ws).Elem()
		for i := r[0]; i <= r[1]; i++ {
			_ = enc.Encode(s.Field(i).Interface())
		}
		var got bytes.Buffer
		bulkAppendFields(&got, ws, r[0], r[1])
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("fields %d to %d: got\n%s\nwant\n%s", r[0], r[1], got.Bytes(), want.Bytes())
		}
		written += got.Len()
	}
	if written < 100 {
		t.Fatalf("the fields wrote %d bytes: the sheet must have some", written)
	}
}

// The point of the patch: a small part no longer costs a 4 KB writer.
func TestMarshalXMLSparesTheWriter(t *testing.T) {
	v := &xlsxTable{Name: "T", Ref: "A1:B2"}
	bytesPer := func(marshal func(any) ([]byte, error)) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for range 100 {
			marshal(v)
		}
		runtime.ReadMemStats(&after)
		return (after.TotalAlloc - before.TotalAlloc) / 100
	}
	upstream, patched := bytesPer(xml.Marshal), bytesPer(marshalXML)
	// At least half the writer: under the race detector a pool drops a
	// quarter of what it is given.
	if patched+2048 > upstream {
		t.Errorf("marshalXML allocates %d bytes a call, xml.Marshal %d: want the 4 KB writer spared", patched, upstream)
	}
}
