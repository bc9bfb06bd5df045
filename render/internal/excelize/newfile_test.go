package excelize

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"sync"
	"testing"
)

// upstreamNewFile decodes the templates into a file as upstream's NewFile
// did, each time.
func upstreamNewFile() *File {
	f := newFile()
	f.Pkg.Store(defaultXMLPathRels, []byte(xml.Header+templateRels))
	f.Pkg.Store(defaultXMLPathDocPropsApp, []byte(xml.Header+templateDocpropsApp))
	f.Pkg.Store(defaultXMLPathDocPropsCore, []byte(xml.Header+templateDocpropsCore))
	f.Pkg.Store(defaultXMLPathWorkbookRels, []byte(xml.Header+templateWorkbookRels))
	f.Pkg.Store(defaultXMLPathTheme, []byte(xml.Header+templateTheme))
	f.Pkg.Store(defaultXMLPathSheet, []byte(xml.Header+templateSheet))
	f.Pkg.Store(defaultXMLPathStyles, []byte(xml.Header+templateStyles))
	f.Pkg.Store(defaultXMLPathWorkbook, []byte(xml.Header+templateWorkbook))
	f.Pkg.Store(defaultXMLPathContentTypes, []byte(xml.Header+templateContentTypes))
	f.SheetCount = 1
	f.CalcChain, _ = f.calcChainReader()
	f.ContentTypes, _ = f.contentTypesReader()
	f.Styles, _ = f.stylesReader()
	f.WorkBook, _ = f.workbookReader()
	f.Relationships = sync.Map{}
	rels, _ := f.relsReader(defaultXMLPathWorkbookRels)
	f.Relationships.Store(defaultXMLPathWorkbookRels, rels)
	f.sheetMap["Sheet1"] = defaultXMLPathSheet
	ws, _ := f.workSheetReader("Sheet1")
	f.Sheet.Store(defaultXMLPathSheet, ws)
	f.Theme, _ = f.themeReader()
	f.options = f.getOptions()
	return f
}

// NewFile's parts are what upstream decoded, and each file's are its own:
// changing one file's leaves the next file's as decoded.
func TestNewFilePartsAreDecodedOnesCopied(t *testing.T) {
	want := upstreamNewFile()
	wantRels, _ := want.relsReader(defaultXMLPathWorkbookRels)
	for i := range 2 {
		f := NewFile()
		rels, _ := f.relsReader(defaultXMLPathWorkbookRels)
		for _, part := range []struct {
			name      string
			got, want any
		}{
			{"calc chain", f.CalcChain, want.CalcChain},
			{"content types", f.ContentTypes, want.ContentTypes},
			{"styles", f.Styles, want.Styles},
			{"workbook relationships", rels, wantRels},
			{"theme", f.Theme, want.Theme},
			{"workbook", f.WorkBook, want.WorkBook},
			{"first sheet", sheetOf(f), sheetOf(want)},
			{"sheets checked", checkedOf(f), checkedOf(want)},
			{"attributes", xmlAttrs(f), xmlAttrs(want)},
		} {
			if !reflect.DeepEqual(part.got, part.want) {
				t.Errorf("file %d: %s differ from upstream's decoding", i, part.name)
			}
		}
		// What the first file does to its parts must not reach the second.
		if _, err := f.NewStyle(&Style{Font: &Font{Bold: true, Family: "Times New Roman"}}); err != nil {
			t.Fatal(err)
		}
		f.ContentTypes.Defaults = append(f.ContentTypes.Defaults, xlsxDefault{Extension: "png", ContentType: "image/png"})
		rels.Relationships[0].Target = "changed.xml"
		f.CalcChain.C = append(f.CalcChain.C, xlsxCalcChainC{R: "A1"})
		if _, err := f.NewSheet("Second"); err != nil {
			t.Fatal(err)
		}
		f.WorkBook.Sheets.Sheet[0].Name = "Renamed"
		if err := f.SetCellValue("Sheet1", "B2", "changed"); err != nil {
			t.Fatal(err)
		}
		sheetOf(f).SheetViews.SheetView[0].TabSelected = false
		if attrs, ok := f.xmlAttr.Load(defaultXMLPathWorkbook); ok && len(attrs.([]xml.Attr)) > 0 {
			attrs.([]xml.Attr)[0].Value = "changed"
		}
	}
}

// sheetOf is the first sheet as a file holds it.
func sheetOf(f *File) *xlsxWorksheet {
	ws, _ := f.Sheet.Load(defaultXMLPathSheet)
	return ws.(*xlsxWorksheet)
}

// checkedOf are the parts a file's readers have checked.
func checkedOf(f *File) map[any]any {
	m := map[any]any{}
	f.checked.Range(func(k, v any) bool { m[k] = v; return true })
	return m
}

// xmlAttrs are the root attributes a file's readers kept, by part.
func xmlAttrs(f *File) map[string][]xml.Attr {
	attrs := map[string][]xml.Attr{}
	f.xmlAttr.Range(func(k, v any) bool {
		attrs[k.(string)] = v.([]xml.Attr)
		return true
	})
	return attrs
}

// A file's styles copied from another are the same part, written as the
// other writes it, and the copy changes apart from its source.
func TestCopyStylesFrom(t *testing.T) {
	src := NewFile()
	if err := src.SetDefaultFont("Times New Roman"); err != nil {
		t.Fatal(err)
	}
	id, err := src.NewStyle(&Style{Font: &Font{Size: 13, Bold: true}, Fill: Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Border: []Border{{Type: "left", Color: "000000", Style: 1}}, Alignment: &Alignment{Horizontal: "center", WrapText: true}})
	if err != nil {
		t.Fatal(err)
	}
	src.Styles.mu.Lock() // as while another file copies them
	dst := NewFile()
	done := make(chan error)
	go func() { done <- dst.CopyStylesFrom(src) }()
	src.Styles.mu.Unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := dst.SetCellStyle("Sheet1", "A1", "A1", id); err != nil {
		t.Fatalf("the source's style id in the copy: %v", err)
	}
	// Workbooks made at once copy from one source at once (run with -race).
	copies := make([]*File, 8)
	var wg sync.WaitGroup
	for i := range copies {
		copies[i] = NewFile()
		wg.Go(func() {
			if err := copies[i].CopyStylesFrom(src); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i, c := range copies {
		if a, b := stylesPart(t, src), stylesPart(t, c); !bytes.Equal(a, b) {
			t.Fatalf("copy %d made at once with others differs from its source", i)
		}
	}
	if a, b := stylesPart(t, src), stylesPart(t, dst); !bytes.Equal(a, b) {
		t.Fatalf("copied styles written as\n%s\nthe source's as\n%s", b, a)
	}
	before := stylesPart(t, src)
	if _, err := dst.NewStyle(&Style{Font: &Font{Italic: true}}); err != nil {
		t.Fatal(err)
	}
	if after := stylesPart(t, src); !bytes.Equal(before, after) {
		t.Error("a style made in the copy changed the source")
	}
}

// The theme every new file shares is written as upstream wrote each
// file's own.
func TestSharedThemeWrittenAsUpstream(t *testing.T) {
	f, g := NewFile(), NewFile()
	if f.Theme != g.Theme {
		t.Error("new files do not share the decoded theme")
	}
	up := upstreamNewFile()
	up.themeWriter()
	f.themeWriter()
	want, _ := up.Pkg.Load(defaultXMLPathTheme)
	got, _ := f.Pkg.Load(defaultXMLPathTheme)
	if !bytes.Equal(got.([]byte), want.([]byte)) {
		t.Fatalf("shared theme written as\n%s\nupstream wrote\n%s", got, want)
	}
	f.themeWriter() // a second save of the same file
	again, _ := f.Pkg.Load(defaultXMLPathTheme)
	if !bytes.Equal(again.([]byte), want.([]byte)) {
		t.Fatal("the theme's second writing differs")
	}
}

// stylesPart is xl/styles.xml as the file saves it.
func stylesPart(t *testing.T, f *File) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := zr.Open(defaultXMLPathStyles)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Custom properties set one after another, replaced and removed, are
// written as when each set decoded the part again, as upstream did.
func TestCustomPropsAsUpstream(t *testing.T) {
	steps := []CustomProperty{
		{Name: "plandoc.kind", Value: "department"},
		{Name: "plandoc.unit", Value: "van-phong"},
		{Name: "count", Value: int32(7)},
		{Name: "ratio", Value: 0.5},
		{Name: "done", Value: true},
		{Name: "plandoc.unit", Value: "ban-kiem-tra"},
		{Name: "count", Value: nil},
		{Name: "plandoc.version", Value: "0.1.0"},
	}
	f, upstream := NewFile(), NewFile()
	for i, prop := range steps {
		upstream.customProps = nil // decode the part, as upstream did
		if err := upstream.SetCustomProps(prop); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCustomProps(prop); err != nil {
			t.Fatal(err)
		}
		got, want := f.readXML(defaultXMLPathDocPropsCustom), upstream.readXML(defaultXMLPathDocPropsCustom)
		if !bytes.Equal(got, want) {
			t.Fatalf("step %d: custom properties written as\n%s\nupstream's\n%s", i, got, want)
		}
	}
	// A part changed by other means is decoded again.
	other := NewFile()
	if err := other.SetCustomProps(CustomProperty{Name: "other", Value: "y"}); err != nil {
		t.Fatal(err)
	}
	upstream.customProps = nil
	for _, g := range []*File{f, upstream} {
		g.Pkg.Store(defaultXMLPathDocPropsCustom, append([]byte{}, other.readXML(defaultXMLPathDocPropsCustom)...))
		if err := g.SetCustomProps(CustomProperty{Name: "last", Value: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := f.readXML(defaultXMLPathDocPropsCustom), upstream.readXML(defaultXMLPathDocPropsCustom); !bytes.Equal(got, want) {
		t.Fatalf("after the part was replaced: %s\nupstream's\n%s", got, want)
	}
	props, err := f.GetCustomProps()
	if err != nil || len(props) != 2 {
		t.Fatalf("GetCustomProps: %d properties, %v; want the other file's and the last", len(props), err)
	}
}

// Files given one file's styles share one copy of them, written once for
// all, until a function that may change a file's styles copies them for it
// alone; functions that only read them (a cell's style set by id) leave
// them shared. Each file writes the styles upstream's own copy would have.
func TestCopiedStylesSharedUntilChanged(t *testing.T) {
	src := NewFile()
	id, err := src.NewStyle(&Style{Font: &Font{Size: 13, Bold: true}, Alignment: &Alignment{Horizontal: "center"}})
	if err != nil {
		t.Fatal(err)
	}
	own := func(f *File) []byte { // what f writes with a copy of its own
		g := NewFile()
		g.Styles = cloneDecoded(f.Styles)
		return stylesPart(t, g)
	}
	want := own(src)
	copies := make([]*File, 3)
	for i := range copies {
		copies[i] = NewFile()
		if err := copies[i].CopyStylesFrom(src); err != nil {
			t.Fatal(err)
		}
	}
	if copies[0].Styles != copies[1].Styles || copies[0].Styles == src.Styles {
		t.Fatal("the copies do not share one copy of the source's styles")
	}
	if err := copies[0].SetCellStyle("Sheet1", "A1", "B2", id); err != nil {
		t.Fatal(err)
	}
	if err := copies[0].SetColStyle("Sheet1", "C", id); err != nil {
		t.Fatal(err)
	}
	if copies[0].Styles != copies[2].Styles {
		t.Error("setting a cell's style by id copied the shared styles")
	}
	italic, err := copies[1].NewStyle(&Style{Font: &Font{Italic: true}})
	if err != nil {
		t.Fatal(err)
	}
	if copies[1].Styles == copies[2].Styles || copies[1].stylesFrom != nil {
		t.Fatal("a style made in a copy changed the shared styles")
	}
	// Saved at once (run with -race), the sharing files write the
	// source's styles; the one with a style of its own writes that too.
	got := make([][]byte, len(copies))
	var wg sync.WaitGroup
	for i, c := range copies {
		wg.Go(func() { got[i] = stylesPart(t, c) })
	}
	wg.Wait()
	for _, i := range []int{0, 2} {
		if !bytes.Equal(got[i], want) {
			t.Errorf("copy %d wrote its shared styles as\n%s\nwant\n%s", i, got[i], want)
		}
	}
	if !bytes.Equal(got[1], own(copies[1])) || bytes.Equal(got[1], want) {
		t.Error("the copy with a style of its own did not write it")
	}
	if !bytes.Equal(stylesPart(t, src), want) {
		t.Error("the source's styles changed")
	}
	// A style made in the source afterwards is in later copies only.
	if _, err := src.NewStyle(&Style{Font: &Font{Underline: "single"}}); err != nil {
		t.Fatal(err)
	}
	later := NewFile()
	if err := later.CopyStylesFrom(src); err != nil {
		t.Fatal(err)
	}
	if later.Styles == copies[0].Styles || !bytes.Equal(stylesPart(t, later), own(src)) || !bytes.Equal(stylesPart(t, copies[0]), want) {
		t.Error("a style made in the source after copies reached them, or not the later copy")
	}
	if _, err := later.GetStyle(italic); err != nil {
		t.Fatal(err)
	}
	// Written from the XML made once: a sharing file's styles are not
	// marshalled again (10 allocations, against 61 for a file's own).
	shared := testing.AllocsPerRun(20, copies[2].styleSheetWriter)
	marshalled := testing.AllocsPerRun(20, copies[1].styleSheetWriter)
	if shared*3 > marshalled {
		t.Errorf("writing shared styles allocated %.0f times, marshalling a file's own %.0f", shared, marshalled)
	}
}
