package excelize

import (
	"encoding/xml"
	"reflect"
	"slices"
	"sync"
)

// plandoc's patch: NewFile decoded the same templates into every file it
// made (its styles, content types, calculation chain, workbook, workbook
// relationships and first sheet), which was most of its time; now they are
// decoded once per process and each file is given a copy of its own.

// newFileParts are the parts of a new file that do not depend on the file.
type newFileParts struct {
	calcChain     *xlsxCalcChain
	contentTypes  *xlsxTypes
	styles        *xlsxStyleSheet
	workbookRels  *xlsxRelationships
	workbook      *xlsxWorkbook
	workbookAttrs []xml.Attr // the workbook's root attributes, as its reader keeps them
	sheet         *xlsxWorksheet
	sheetAttrs    []xml.Attr
}

// decodedTemplates reads the templates as NewFile read them, through a
// file's readers.
var decodedTemplates = sync.OnceValue(func() newFileParts {
	f := newFile()
	f.Pkg.Store(defaultXMLPathWorkbookRels, []byte(xml.Header+templateWorkbookRels))
	f.Pkg.Store(defaultXMLPathStyles, []byte(xml.Header+templateStyles))
	f.Pkg.Store(defaultXMLPathContentTypes, []byte(xml.Header+templateContentTypes))
	f.Pkg.Store(defaultXMLPathRels, []byte(xml.Header+templateRels))
	f.Pkg.Store(defaultXMLPathWorkbook, []byte(xml.Header+templateWorkbook))
	var parts newFileParts
	parts.calcChain, _ = f.calcChainReader()
	parts.contentTypes, _ = f.contentTypesReader()
	parts.styles, _ = f.stylesReader()
	parts.workbookRels, _ = f.relsReader(defaultXMLPathWorkbookRels)
	parts.workbook, _ = f.workbookReader()
	if attrs, ok := f.xmlAttr.Load(defaultXMLPathWorkbook); ok {
		parts.workbookAttrs = attrs.([]xml.Attr)
	}
	f.Pkg.Store(defaultXMLPathSheet, []byte(xml.Header+templateSheet))
	f.sheetMap["Sheet1"] = defaultXMLPathSheet
	parts.sheet, _ = f.workSheetReader("Sheet1")
	if attrs, ok := f.xmlAttr.Load(defaultXMLPathSheet); ok {
		parts.sheetAttrs = attrs.([]xml.Attr)
	}
	return parts
})

// workbookFor gives f a copy of the decoded workbook, and keeps its root
// attributes as the workbook's reader does.
func (p newFileParts) workbookFor(f *File) *xlsxWorkbook {
	f.xmlAttr.Store(defaultXMLPathWorkbook, slices.Clone(p.workbookAttrs))
	return cloneDecoded(p.workbook)
}

// sheetFor gives f a copy of the decoded first sheet, kept as the sheet's
// reader keeps it: its root attributes, and checked.
func (p newFileParts) sheetFor(f *File) *xlsxWorksheet {
	f.xmlAttr.Store(defaultXMLPathSheet, slices.Clone(p.sheetAttrs))
	f.checked.Store(defaultXMLPathSheet, true)
	return cloneDecoded(p.sheet)
}

// CopyStylesFrom gives f a copy of src's styles (plandoc's patch): files
// that start with the same styles make them once, in src, instead of each
// through NewStyle, whose look-ups compare each new style with every one
// made before. The style ids src's NewStyle returned hold in f.
//
// The files share one copy of src's styles, which none of them changes, and
// which is marshalled once: a file's styles are copied for it alone when
// one of its functions may change them (stylesReader), and a function that
// only reads them reads the shared copy (readStyles). A file given styles
// so must not have its Styles field changed directly. src gives the same
// copy to the files that copy its styles until its own styles may change.
func (f *File) CopyStylesFrom(src *File) error {
	src.mu.Lock()
	snap := src.stylesShared
	if snap == nil {
		s, err := src.readStyles()
		if err != nil {
			src.mu.Unlock()
			return err
		}
		s.mu.Lock()
		snap = newStylesSnapshot(s)
		s.mu.Unlock()
		src.stylesShared = snap
	}
	src.mu.Unlock()
	f.mu.Lock()
	f.Styles, f.stylesFrom = snap.sheet, snap
	f.mu.Unlock()
	return nil
}

// stylesSnapshot is a copy of a file's styles that other files share
// unchanged (CopyStylesFrom), with its XML, made when the first of them is
// saved.
type stylesSnapshot struct {
	sheet *xlsxStyleSheet
	xml   func() []byte
}

func newStylesSnapshot(s *xlsxStyleSheet) *stylesSnapshot {
	sheet := cloneDecoded(s)
	return &stylesSnapshot{sheet: sheet, xml: sync.OnceValue(func() []byte {
		output, _ := marshalXML(sheet)
		return output
	})}
}

// readStyles gives the styles to a function that only reads them
// (plandoc's patch): styles shared with other files stay shared.
func (f *File) readStyles() (*xlsxStyleSheet, error) {
	if f.Styles != nil {
		return f.Styles, nil
	}
	return f.stylesReader()
}

// cloneDecoded copies a decoded part: every pointer, slice, map and
// interface among its exported fields is copied, so the copy shares
// nothing with src. Unexported fields (locks, caches) are left zero, as
// decoding leaves them, and never read: a lock another goroutine holds is
// not copied. (go-deepcopy, which excelize uses to copy rows, copies them.)
// So a value that keeps its meaning in unexported fields, a time.Time,
// would be copied empty: the parts copied here hold none, and the tests
// compare each copy with a fresh decoding.
func cloneDecoded[T any](src *T) *T {
	dst := new(T)
	copyExported(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem())
	return dst
}

func copyExported(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			p := reflect.New(src.Type().Elem())
			copyExported(p.Elem(), src.Elem())
			dst.Set(p)
		}
	case reflect.Interface:
		if !src.IsNil() {
			v := reflect.New(src.Elem().Type()).Elem()
			copyExported(v, src.Elem())
			dst.Set(v)
		}
	case reflect.Slice:
		if !src.IsNil() {
			s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
			for i := range src.Len() {
				copyExported(s.Index(i), src.Index(i))
			}
			dst.Set(s)
		}
	case reflect.Map:
		if !src.IsNil() {
			m := reflect.MakeMapWithSize(src.Type(), src.Len())
			for it := src.MapRange(); it.Next(); {
				k := reflect.New(src.Type().Key()).Elem()
				copyExported(k, it.Key())
				v := reflect.New(src.Type().Elem()).Elem()
				copyExported(v, it.Value())
				m.SetMapIndex(k, v)
			}
			dst.Set(m)
		}
	case reflect.Struct:
		for i := range src.NumField() {
			if src.Type().Field(i).IsExported() {
				copyExported(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Array:
		for i := range src.Len() {
			copyExported(dst.Index(i), src.Index(i))
		}
	default:
		dst.Set(src)
	}
}
