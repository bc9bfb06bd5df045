package render

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/templates"
)

// departmentWorkbook writes departments/<unit>.xlsx: the tasks the unit
// leads, those it coordinates, and how to fill them in and send them back.
func departmentWorkbook(p *data.Plan, k *kit, w data.Workload, digest string) ([]byte, error) {
	b, err := newBook(p, k)
	if err != nil {
		return nil, err
	}
	tpl, unit := b.tpl, w.Unit.Name
	sheets := []taskSheet{
		{name: tpl.Sheets.Lead, title: tpl.Titles.Lead.Fill(templates.Words{"unit": unit}), tasks: w.Lead, protect: true,
			unit: w.Unit.ID, plan: digest, role: "lead", reported: k.reportedBy(w.Unit.ID, progress.Lead)},
		{name: tpl.Sheets.Partner, title: tpl.Titles.Partner.Fill(templates.Words{"unit": unit}), tasks: w.Partner, protect: true,
			unit: w.Unit.ID, plan: digest, role: "partner", reported: k.reportedBy(w.Unit.ID, progress.Partner)},
	}
	for _, s := range sheets {
		if err := b.writeTaskSheet(s); err != nil {
			return nil, err
		}
	}
	if err := b.writeGuide(unit); err != nil {
		return nil, err
	}
	props := map[string]string{
		"plandoc.kind":        "department",
		"plandoc.unit_digest": digest,
		"plandoc.unit":        w.Unit.ID,
		"plandoc.version":     Version,
	}
	return b.finish(fmt.Sprintf("%s - %s", p.Program.Title, unit), props, []string{"plandoc.kind", "plandoc.unit", "plandoc.unit_digest", "plandoc.version"})
}

// writeGuide adds the "Hướng dẫn" sheet.
func (b *book) writeGuide(unit string) error {
	g, s := b.tpl.Guide, b.tpl.Sheets
	if err := b.newSheet(s.Guide); err != nil {
		return msg.Errorf("sheet %s: %w", s.Guide, err)
	}
	words := templates.Words{"unit": unit, "year": strconv.Itoa(b.plan.Program.Year), "sheet_lead": s.Lead, "sheet_partner": s.Partner}
	if err := b.f.SetColWidth(s.Guide, "A", "A", 100); err != nil {
		return err
	}
	if err := b.f.SetCellStr(s.Guide, "A1", g.Title.String()); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(s.Guide, "A1", "A1", b.st.subtitle); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(s.Guide, 1, 20); err != nil {
		return err
	}
	for i, line := range g.Lines {
		cell, text := cellName(1, i+3), fmt.Sprintf("%d. %s", i+1, line.Fill(words))
		if err := b.f.SetCellStr(s.Guide, cell, text); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(s.Guide, cell, cell, b.st.note); err != nil {
			return err
		}
		// Rows are not fitted when a workbook is opened: each gets the
		// height its wrapped text needs, or it prints cut off.
		if err := b.f.SetRowHeight(s.Guide, i+3, b.cells.rowHeight([]string{text}, []float64{100})); err != nil {
			return err
		}
	}
	return b.printSetupPlain(s.Guide)
}

// printSetupPlain prints a sheet with no table on A4 landscape.
func (b *book) printSetupPlain(sheet string) error {
	size, orientation := 9, "landscape"
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation}); err != nil {
		return msg.Errorf("sheet %s: page layout: %w", sheet, err)
	}
	return nil
}
