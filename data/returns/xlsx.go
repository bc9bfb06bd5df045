package returns

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
)

// readXlsx reads every sheet with raw values, so a date is its day number
// whatever the cell's format.
func readXlsx(name string, src []byte) (*workbook, error) {
	if bytes.HasPrefix(src, []byte("\xD0\xCF\x11\xE0")) {
		return nil, fmt.Errorf("the workbook is password-protected or an old .xls file; remove the password (File > Info > Protect Workbook), save it as .xlsx and send it again")
	}
	f, err := excelize.OpenReader(bytes.NewReader(src), excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped / 4})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) {
			return nil, fmt.Errorf("the workbook is password-protected; remove the password and send it again")
		}
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, fmt.Errorf("the workbook unzips to more than %d MB; a returned workbook is far smaller", maxUnzipped>>20)
		}
		return nil, fmt.Errorf("not a workbook plandoc can read (%v)", err)
	}
	defer f.Close()
	wb := &workbook{}
	if props, err := f.GetDocProps(); err == nil && props.Modified != "" {
		if t, err := time.Parse(time.RFC3339, props.Modified); err == nil {
			wb.saved = t.UTC().Format(time.RFC3339)
		}
	}
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			return nil, fmt.Errorf("cannot read sheet %q: %v", name, err)
		}
		s := sheet{name: name}
		for r := 1; rows.Next(); r++ {
			if r > maxRows {
				rows.Close()
				return nil, fmt.Errorf("sheet %q has more than %d rows; a returned workbook holds the plan's tasks", name, maxRows)
			}
			values, err := rows.Columns()
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("cannot read row %d of sheet %q: %v", r, name, err)
			}
			values = values[:min(len(values), maxColumns)]
			row := make([]cell, len(values))
			for i, v := range values {
				row[i] = cell{text: v}
			}
			s.rows = append(s.rows, row)
		}
		rows.Close()
		wb.sheets = append(wb.sheets, s)
	}
	return wb, nil
}

// excelDate reads a date a department entered: a day number (Excel's and
// LibreOffice's date cells, raw), or text written 20/5/2021 or 2021-05-20.
func excelDate(c cell) (data.Date, bool) {
	if !c.date.IsZero() {
		return c.date, true
	}
	s := strings.TrimSpace(c.text)
	if serial, err := strconv.ParseFloat(s, 64); err == nil && serial > 0 && serial < 2958466 {
		t, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			return data.Date{}, false
		}
		return data.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
	}
	d, err := data.ParseDate(s)
	return d, err == nil
}
