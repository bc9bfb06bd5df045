"""Dump what workbooks hold, as JSON, using openpyxl: an independent reader
for the tests of the workbooks plandoc writes. Usage: xlsx_dump.py FILE.xlsx...
prints a JSON list, one object per file, in the order given."""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl


def chart_parts(path):
    # openpyxl drops the charts of a workbook it loads, so they are counted
    # in the package itself.
    with zipfile.ZipFile(path) as z:
        return sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))


def custom_props(path):
    with zipfile.ZipFile(path) as z:
        if "docProps/custom.xml" not in z.namelist():
            return {}
        root = ET.fromstring(z.read("docProps/custom.xml"))
    out = {}
    for prop in root:
        value = "".join(child.text or "" for child in prop)
        out[prop.get("name")] = value
    return out


def sheet(ws):
    rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    validations = [
        {"type": dv.type, "sqref": str(dv.sqref), "formula1": dv.formula1, "formula2": dv.formula2,
         "prompt_title": dv.promptTitle, "prompt": dv.prompt, "show_input": bool(dv.showInputMessage)}
        for dv in ws.data_validations.dataValidation
    ]
    locked = {}
    fills = {}
    for r in ws.iter_rows():
        for c in r:
            locked[c.coordinate] = bool(c.protection.locked)
            color = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
            if isinstance(color, str):
                fills[c.coordinate] = color
    fonts = sorted({c.font.name for r in ws.iter_rows() for c in r if c.value is not None})
    pr = ws.sheet_properties.pageSetUpPr
    return {
        "rows": rows,
        "merged": sorted(str(m) for m in ws.merged_cells.ranges),
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "validations": validations,
        "protected": bool(ws.protection.sheet),
        "protect_blocks_filter": bool(ws.protection.autoFilter),
        "protect_blocks_sort": bool(ws.protection.sort),
        "locked": locked,
        "fills": fills,
        "fonts": fonts,
        "hidden_columns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
        "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        "heights": {str(k): d.height for k, d in ws.row_dimensions.items() if d.height is not None},
        "print_title_rows": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
        "paper": str(ws.page_setup.paperSize),
        "fit_width": ws.page_setup.fitToWidth,
        "fit_height": ws.page_setup.fitToHeight,
        "fit_to_page": bool(pr.fitToPage) if pr is not None else False,
        "footer": ws.oddFooter.center.text,
        "charts": len(ws._charts),
    }


def dump(path):
    wb = openpyxl.load_workbook(path)
    chartsheets = {cs.title for cs in wb.chartsheets}
    # What a reader that does not calculate sees: the values stored with formulas.
    cached = openpyxl.load_workbook(path, data_only=True)
    p = wb.properties
    out = {
        "sheets": wb.sheetnames,
        "props": {
            "title": p.title, "subject": p.subject, "creator": p.creator, "language": p.language,
            "created": p.created.isoformat() if p.created else None,
            "modified": p.modified.isoformat() if p.modified else None,
        },
        "custom": custom_props(path),
        "chart_parts": chart_parts(path),
        "sheet": {name: sheet(wb[name]) for name in wb.sheetnames if name not in chartsheets},
        "values": {name: [list(r) for r in cached[name].iter_rows(values_only=True)]
                   for name in wb.sheetnames if name not in chartsheets},
        "chartsheets": sorted(chartsheets),
    }
    return out


if __name__ == "__main__":
    json.dump([dump(p) for p in sys.argv[1:]], sys.stdout, ensure_ascii=False, default=str)
