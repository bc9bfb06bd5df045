package data

import (
	"bytes"

	"github.com/plandoc/plandoc/data/msg"
)

// OfficeFormat names the kind of office document raw is by its content,
// not its name: ".docx", ".xlsx", ".odt", ".ods", ".zip" (another zip
// archive), ".doc/.xls" (the old binary formats), ".pdf", or "" for
// anything else (text). Import picks its reader by it, and check names
// a table given where the plan belongs.
func OfficeFormat(raw []byte) string {
	head := raw[:min(len(raw), 4096)]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		// ODF's mimetype is its first entry; an OOXML part may stand
		// anywhere, and the central directory at the end names them all.
		switch {
		case bytes.Contains(head, []byte("opendocument.text")):
			return ".odt"
		case bytes.Contains(head, []byte("opendocument.spreadsheet")):
			return ".ods"
		case bytes.Contains(raw, []byte("word/document.xml")):
			return ".docx"
		case bytes.Contains(raw, []byte("xl/workbook.xml")):
			return ".xlsx"
		}
		return ".zip"
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return ".doc/.xls"
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return ".pdf"
	}
	return ""
}

// officeFileProblem is the one message for an office document given where
// the plan's TOML belongs: what it is and what to run, rather than a list
// of encoding errors about a zip archive's bytes.
func officeFileProblem(name string, raw []byte) (Problem, bool) {
	importIt := func(what string) string {
		return msg.Sprintf("this is %s; a plan is a .toml file: run plandoc import -o plan.toml %s first, then check or render plan.toml", what, name)
	}
	var text string
	switch OfficeFormat(raw) {
	case ".odt":
		text = importIt(msg.Sprintf("an OpenDocument text file (.odt)"))
	case ".ods":
		text = importIt(msg.Sprintf("an OpenDocument spreadsheet (.ods)"))
	case ".docx":
		text = importIt(msg.Sprintf("a Word file (.docx)"))
	case ".xlsx":
		text = importIt(msg.Sprintf("an Excel file (.xlsx)"))
	case ".zip":
		text = msg.Sprintf("this is a zip archive, not a plan; a plan is a .toml file (plandoc import makes one from the program's Word or Excel table)")
	case ".doc/.xls":
		text = msg.Sprintf("this is an old Word or Excel file (.doc/.xls); a plan is a .toml file: save it as .docx or .xlsx, then run plandoc import -o plan.toml on that")
	case ".pdf":
		text = msg.Sprintf("this is a PDF, not a plan; a plan is a .toml file: import the program's Word or Excel table with plandoc import -o plan.toml TABLE")
	default:
		return Problem{}, false
	}
	return Problem{File: name, Line: 1, Col: 1, Msg: text}, true
}
