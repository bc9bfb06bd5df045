package data

import "bytes"

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
	importIt := "; a plan is a .toml file: run plandoc import -o plan.toml " + name + " first, then check or render plan.toml"
	var msg string
	switch OfficeFormat(raw) {
	case ".odt":
		msg = "this is an OpenDocument text file (.odt)" + importIt
	case ".ods":
		msg = "this is an OpenDocument spreadsheet (.ods)" + importIt
	case ".docx":
		msg = "this is a Word file (.docx)" + importIt
	case ".xlsx":
		msg = "this is an Excel file (.xlsx)" + importIt
	case ".zip":
		msg = "this is a zip archive, not a plan; a plan is a .toml file (plandoc import makes one from the program's Word or Excel table)"
	case ".doc/.xls":
		msg = "this is an old Word or Excel file (.doc/.xls); a plan is a .toml file: save it as .docx or .xlsx, then run plandoc import -o plan.toml on that"
	case ".pdf":
		msg = "this is a PDF, not a plan; a plan is a .toml file: import the program's Word or Excel table with plandoc import -o plan.toml TABLE"
	default:
		return Problem{}, false
	}
	return Problem{File: name, Line: 1, Col: 1, Msg: msg}, true
}
