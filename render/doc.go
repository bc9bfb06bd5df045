// Package render turns a checked plan into the documents the office sends
// out, and writes them with a manifest.
//
// Two back ends, three documents, and what they share:
//
//	render.go       Build and Check: load the templates and fonts, check every
//	                character, run the outputs in parallel
//	columns.go      the task columns every table prints (data.TaskFields with
//	                the headings of templates/columns.toml)
//	words.go        what fills the templates' placeholders, dates and numbers
//	                written the official way
//	quarter.go      a quarter's tasks, groups and counts, for its PDF and workbook
//	results.go      what was done, from the returns (Options.Progress), per unit
//	reported.go     what a task sheet shows of what a department reported
//	glyphs.go       the characters the fonts must have, placed in plan or template
//	wrap.go         line breaking, for PDF cells and workbook row heights
//	output.go       files and manifest.json; write.go: writing the folder as one set
//
//	pdf_doc.go      fpdf set up for reproducible bytes; pdf_flow.go, pdf_table.go:
//	                layout decided before drawing; pdf_official.go: Decree 30's
//	                header blocks and title lines
//	pdf_annex.go    the decision annex
//	pdf_quarterly.go the quarterly reports and the year's; pdf_results.go their
//	                results part
//
//	xlsx_book.go    excelize set up (styles, measuring rows); xlsx_tasksheet.go:
//	                a sheet of tasks with the columns a department fills in;
//	                xlsx_zip.go: parts in a fixed order for reproducible bytes
//	xlsx_department.go the department workbooks
//	xlsx_overview.go   the overview workbook
//	xlsx_quarterly.go  the quarterly workbooks; xlsx_results.go their results
//	                   sheets and the year's workbook
package render
