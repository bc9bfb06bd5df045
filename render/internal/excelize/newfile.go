package excelize

import (
	"encoding/xml"
	"sync"

	"github.com/tiendc/go-deepcopy"
)

// plandoc's patch: NewFile decoded the same templates into every file it
// made (its styles, content types, calculation chain and workbook
// relationships), which was most of its time; now they are decoded once
// per process and each file is given a copy of its own.

// newFileParts are the parts of a new file that do not depend on the file.
type newFileParts struct {
	calcChain    *xlsxCalcChain
	contentTypes *xlsxTypes
	styles       *xlsxStyleSheet
	workbookRels *xlsxRelationships
}

// decodedTemplates reads the templates as NewFile read them, through a
// file's readers.
var decodedTemplates = sync.OnceValue(func() newFileParts {
	f := newFile()
	f.Pkg.Store(defaultXMLPathWorkbookRels, []byte(xml.Header+templateWorkbookRels))
	f.Pkg.Store(defaultXMLPathStyles, []byte(xml.Header+templateStyles))
	f.Pkg.Store(defaultXMLPathContentTypes, []byte(xml.Header+templateContentTypes))
	var parts newFileParts
	parts.calcChain, _ = f.calcChainReader()
	parts.contentTypes, _ = f.contentTypesReader()
	parts.styles, _ = f.stylesReader()
	parts.workbookRels, _ = f.relsReader(defaultXMLPathWorkbookRels)
	return parts
})

// CopyStylesFrom gives f a copy of src's styles (plandoc's patch): files
// that start with the same styles make them once, in src, instead of each
// through NewStyle, whose look-ups compare each new style with every one
// made before. The style ids src's NewStyle returned hold in f.
func (f *File) CopyStylesFrom(src *File) error {
	src.mu.Lock()
	s, err := src.stylesReader()
	src.mu.Unlock()
	if err != nil {
		return err
	}
	s.mu.Lock()
	styles := cloneDecoded(s)
	s.mu.Unlock()
	styles.mu = sync.Mutex{} // copied while held
	f.mu.Lock()
	f.Styles = styles
	f.mu.Unlock()
	return nil
}

// cloneDecoded copies a decoded part with the deep copier excelize uses
// to copy rows and sheets; it copies every field, unexported ones too.
func cloneDecoded[T any](src *T) *T {
	dst := new(T)
	_ = deepcopy.Copy(dst, src)
	return dst
}
