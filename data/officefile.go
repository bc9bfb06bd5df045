package data

import "bytes"

// officeFileProblem names the kind of office document raw is, when a
// clerk passes a Word, Excel or OpenDocument file where the plan's TOML
// belongs, so the message says to import it rather than listing encoding
// errors about a zip archive's bytes. It looks at the content, not the
// name: a table renamed to .toml is still a table.
func officeFileProblem(name string, raw []byte) (Problem, bool) {
	head := raw[:min(len(raw), 4096)]
	importIt := "run plandoc import -o plan.toml " + name + " first, then check or render plan.toml"
	var msg string
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		// The zip's central directory at the end names every part, so
		// the whole file is searched, not only its first entries.
		switch {
		case bytes.Contains(head, []byte("opendocument.text")):
			msg = "this is an OpenDocument text file (.odt); a plan is a .toml file: " + importIt
		case bytes.Contains(head, []byte("opendocument.spreadsheet")):
			msg = "this is an OpenDocument spreadsheet (.ods); a plan is a .toml file: " + importIt
		case bytes.Contains(raw, []byte("word/document.xml")):
			msg = "this is a Word file (.docx); a plan is a .toml file: " + importIt
		case bytes.Contains(raw, []byte("xl/workbook.xml")):
			msg = "this is an Excel file (.xlsx); a plan is a .toml file: " + importIt
		default:
			msg = "this is a zip archive, not a plan; a plan is a .toml file (plandoc import makes one from the program's Word or Excel table)"
		}
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		msg = "this is an old Word or Excel file (.doc/.xls); a plan is a .toml file: save it as .docx or .xlsx, then run plandoc import -o plan.toml on that"
	case bytes.HasPrefix(head, []byte("%PDF-")):
		msg = "this is a PDF, not a plan; a plan is a .toml file: import the program's Word or Excel table with plandoc import -o plan.toml TABLE"
	default:
		return Problem{}, false
	}
	return Problem{File: name, Line: 1, Col: 1, Msg: msg}, true
}
