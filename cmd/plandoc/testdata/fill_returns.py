"""Fill the department workbooks plandoc rendered the way departments do,
with openpyxl (a writer independent of plandoc's), and print what each row
should count as, for the test to compare plandoc's reports with.

Usage: fill_returns.py RENDERED_DIR RETURNS_DIR

What it does to the returns, each once, so the test can check collect
reports each exactly once:
  - van-phong: its lead sheet sorted (rows reversed) and one row hidden;
    a note that starts with "=" (must stay text);
  - ban-khcn-tvpb: saved under another name;
  - tong-thu-ky: returned twice, the second saved later with one status changed;
  - bch-cong-doan: one locked plan cell edited; a joint task reported
    differently from van-phong;
  - ban-kiem-tra: re-saved through LibreOffice (.xlsx); on its partner
    sheet a status outside the list, a date that is not a date, "Hoàn
    thành" without a date;
  - ban-thong-tin-pbkt: converted to .ods by LibreOffice, one row deleted,
    one row added by hand.
"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys

import openpyxl

STATUSES = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Lùi thời hạn", "Không thực hiện"]


def is_task(key):
    """A task's row: plandoc's own rows under the table carry a mark instead."""
    return bool(key) and not str(key).startswith("plandoc:")


def header_columns(ws):
    for r in range(1, 12):
        names = {ws.cell(row=r, column=c).value: c for c in range(1, ws.max_column + 1)}
        if "Mã nhiệm vụ" in names and "Tình trạng" in names:
            return r, names
    raise SystemExit("no header row in " + ws.title)


def fill(path, unit, rng, facts, tweak=None, saved=datetime.datetime(2021, 12, 20, 9, 0, 0)):
    wb = openpyxl.load_workbook(path)
    for sheet, role in (("Chủ trì", "lead"), ("Phối hợp", "partner")):
        ws = wb[sheet]
        head, col = header_columns(ws)
        for r in range(head + 1, ws.max_row + 1):
            key = ws.cell(row=r, column=col["Mã nhiệm vụ"]).value
            if not is_task(key):
                continue
            choice = rng.randrange(7)  # 0..4 a status, 5 and 6 nothing filled in
            fact = {"unit": unit, "role": role, "key": key, "status": None, "done": None}
            if choice < 5:
                status = STATUSES[choice]
                ws.cell(row=r, column=col["Tình trạng"]).value = status
                fact["status"] = status
                if status == "Hoàn thành":
                    # On time or late, by a month either side of mid-year;
                    # the test works out which from the task's due date.
                    done = datetime.datetime(2021, rng.choice([1, 3, 6, 9, 12]), rng.randrange(1, 28))
                    ws.cell(row=r, column=col["Ngày hoàn thành"]).value = done
                    fact["done"] = done.strftime("%Y-%m-%d")
                if status == "Lùi thời hạn":
                    ws.cell(row=r, column=col["Thời hạn mới"]).value = "Tháng 12"
                if status != "Hoàn thành":
                    ws.cell(row=r, column=col["Kết quả / Ghi chú"]).value = "Lý do của " + unit + " về nhiệm vụ " + key
            facts[(unit, role, key)] = fact
        if tweak:
            tweak(ws, sheet, head, col, facts, unit, role)
    wb.properties.modified = saved
    wb.save(path)


def soffice(args, cwd):
    subprocess.run(["soffice", "--headless", "--norestore"] + args, cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


def main(rendered, returns):
    os.makedirs(returns, exist_ok=True)
    facts = {}
    work = os.path.join(returns, "work")
    os.makedirs(work)
    for name in sorted(os.listdir(os.path.join(rendered, "departments"))):
        shutil.copy(os.path.join(rendered, "departments", name), os.path.join(work, name))
    rng = random.Random(2021)

    def van_phong(ws, sheet, head, col, facts, unit, role):
        if sheet != "Chủ trì":
            return
        # Sort: reverse the task rows, every cell moving with its row.
        first = head + 1
        last = max(r for r in range(first, ws.max_row + 1) if is_task(ws.cell(row=r, column=col["Mã nhiệm vụ"]).value))
        rows = [[ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)] for r in range(first, last + 1)]
        rows.reverse()
        for i, values in enumerate(rows):
            for c, v in enumerate(values, start=1):
                ws.cell(row=first + i, column=c).value = v
        ws.row_dimensions[first + 1].hidden = True
        key = ws.cell(row=first, column=col["Mã nhiệm vụ"]).value
        note = ws.cell(row=first, column=col["Kết quả / Ghi chú"])
        note.value = "=1+1 là ghi chú, không phải công thức"
        note.data_type = "s"  # typed as text, as Excel does after an apostrophe
        ws.cell(row=first, column=col["Tình trạng"]).value = "Đang thực hiện"
        facts[(unit, role, key)] = {"unit": unit, "role": role, "key": key, "status": "Đang thực hiện", "done": None, "formula_note": True}

    def cong_doan(ws, sheet, head, col, facts, unit, role):
        if sheet != "Chủ trì":
            return
        for r in range(head + 1, ws.max_row + 1):
            if str(ws.cell(row=r, column=1).value) == "3":  # the task led jointly with van-phong
                ws.cell(row=r, column=col["Tình trạng"]).value = "Không thực hiện"
                ws.cell(row=r, column=col["Ngày hoàn thành"]).value = None
                key = ws.cell(row=r, column=col["Mã nhiệm vụ"]).value
                facts[(unit, role, key)] = {"unit": unit, "role": role, "key": key, "status": "Không thực hiện", "done": None}
        ws.cell(row=head + 1, column=col["Nội dung công việc"]).value = "Nội dung đã bị sửa"

    def kiem_tra(ws, sheet, head, col, facts, unit, role):
        if sheet != "Phối hợp":  # its lead sheet holds one task only
            return
        r = head + 1
        key = ws.cell(row=r, column=col["Mã nhiệm vụ"]).value
        ws.cell(row=r, column=col["Tình trạng"]).value = "Xong"
        ws.cell(row=r, column=col["Ngày hoàn thành"]).value = None
        facts[(unit, role, key)] = {"unit": unit, "role": role, "key": key, "status": None, "done": None}
        r += 1
        key = ws.cell(row=r, column=col["Mã nhiệm vụ"]).value
        ws.cell(row=r, column=col["Tình trạng"]).value = "Hoàn thành"
        ws.cell(row=r, column=col["Ngày hoàn thành"]).value = "khoảng tháng 5"
        facts[(unit, role, key)] = {"unit": unit, "role": role, "key": key, "status": "Hoàn thành", "done": None}
        r += 1
        key = ws.cell(row=r, column=col["Mã nhiệm vụ"]).value
        ws.cell(row=r, column=col["Tình trạng"]).value = "Hoàn thành"
        ws.cell(row=r, column=col["Ngày hoàn thành"]).value = None
        facts[(unit, role, key)] = {"unit": unit, "role": role, "key": key, "status": "Hoàn thành", "done": None}

    def thong_tin(ws, sheet, head, col, facts, unit, role):
        if sheet != "Chủ trì":
            return
        key = ws.cell(row=head + 2, column=col["Mã nhiệm vụ"]).value
        ws.delete_rows(head + 2)
        facts.pop((unit, role, key), None)
        r = max(r for r in range(head + 1, ws.max_row + 1) if is_task(ws.cell(row=r, column=col["Mã nhiệm vụ"]).value)) + 1
        ws.insert_rows(r)
        ws.cell(row=r, column=2).value = "Nhiệm vụ đơn vị tự thêm"
        ws.cell(row=r, column=col["Tình trạng"]).value = "Hoàn thành"

    tweaks = {"van-phong": van_phong, "bch-cong-doan": cong_doan, "ban-kiem-tra": kiem_tra, "ban-thong-tin-pbkt": thong_tin}
    for name in sorted(os.listdir(work)):
        unit = name[:-5]
        fill(os.path.join(work, name), unit, rng, facts, tweaks.get(unit))

    # tong-thu-ky twice: a copy saved later, one status changed.
    first = os.path.join(returns, "tong-thu-ky.xlsx")
    shutil.copy(os.path.join(work, "tong-thu-ky.xlsx"), first)
    later = os.path.join(returns, "tong-thu-ky (ban sua).xlsx")
    wb = openpyxl.load_workbook(first)
    ws = wb["Chủ trì"]
    head, col = header_columns(ws)
    key = ws.cell(row=head + 1, column=col["Mã nhiệm vụ"]).value
    ws.cell(row=head + 1, column=col["Tình trạng"]).value = "Lùi thời hạn"
    ws.cell(row=head + 1, column=col["Thời hạn mới"]).value = "Tháng 12"
    ws.cell(row=head + 1, column=col["Ngày hoàn thành"]).value = None
    facts[("tong-thu-ky", "lead", key)] = {"unit": "tong-thu-ky", "role": "lead", "key": key, "status": "Lùi thời hạn", "done": None}
    wb.properties.modified = datetime.datetime(2021, 12, 22, 15, 30, 0)
    wb.save(later)
    os.remove(os.path.join(work, "tong-thu-ky.xlsx"))

    shutil.move(os.path.join(work, "ban-khcn-tvpb.xlsx"), os.path.join(returns, "bao cao Ban KHCN.xlsx"))
    shutil.move(os.path.join(work, "van-phong.xlsx"), os.path.join(returns, "van-phong.xlsx"))
    shutil.move(os.path.join(work, "bch-cong-doan.xlsx"), os.path.join(returns, "bch-cong-doan.xlsx"))
    # Through LibreOffice: one re-saved as .xlsx, one as .ods.
    resaved = os.path.join(work, "resaved")
    soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved, "ban-kiem-tra.xlsx"], work)
    shutil.move(os.path.join(resaved, "ban-kiem-tra.xlsx"), os.path.join(returns, "ban-kiem-tra.xlsx"))
    soffice(["--convert-to", "ods", "--outdir", returns, "ban-thong-tin-pbkt.xlsx"], work)
    shutil.rmtree(work)
    json.dump(sorted(facts.values(), key=lambda f: (f["unit"], f["role"], f["key"])), sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
