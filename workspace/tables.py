"""Tables from files people bring: CSV in any Chinese encoding, or the first sheet of a workbook.

CSV comes in UTF-8 (with or without BOM), GBK or GB18030, told apart by charset-normalizer,
never asked; XLSX, XLS and ODS are read by calamine. Survey response imports and workshop
participant and card lists all read through :func:`read_table`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from .bulk import collector_paused
from .errors import ValidationError


class TableError(ValidationError):
    """A file that cannot be read as a table."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number in the file, cells)
    encoding: str = ""


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


@collector_paused()
def read_table(path: str | Path) -> Table:
    path = Path(path)
    if not path.exists():
        raise TableError(f"找不到文件：{path}", f"File not found: {path}")
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return _read_workbook(path)
    return _read_csv(path)


def _read_csv(path: Path) -> Table:
    data = path.read_bytes()
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise TableError(f"无法识别文件的编码：{path.name}", f"Cannot tell the file's text encoding: {path.name}") from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = [(number, [cell.strip() for cell in row]) for number, row in enumerate(reader, start=1)]
    rows = [(n, r) for n, r in rows if any(r)]
    if not rows:
        raise TableError(f"文件是空的：{path.name}", f"The file is empty: {path.name}")
    return Table(rows[0][1], rows[1:], encoding)


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), else what charset-normalizer finds; GBK read as GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    name = (best.encoding if best else "gb18030").lower().replace("_", "")
    if name in ("gbk", "gb2312", "gb18030", "cp936", "hz"):
        return "gb18030"  # a superset: reads GBK and GB2312 files too
    return best.encoding if best else "gb18030"


def _read_workbook(path: Path) -> Table:
    """The first sheet of an XLSX, XLS or ODS file, read by calamine (Rust; many times openpyxl's speed).

    Rows are numbered as in the spreadsheet (the sheet is read from A1), so problems point
    at the row the user sees.
    """
    import python_calamine

    try:
        with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
            if not book.sheet_names:
                raise TableError(f"文件中没有工作表：{path.name}", f"The file has no sheets: {path.name}")
            grid = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except python_calamine.PasswordError as exc:
        raise TableError(f"文件设有密码，请先在 Excel 中取消密码：{path.name}",
                         f"The file is password-protected; remove the password in Excel first: {path.name}") from exc
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        raise TableError(f"无法读取这个电子表格文件：{path.name}", f"Cannot read this spreadsheet: {path.name}") from exc
    rows = []
    for number, values in enumerate(grid, start=1):
        cells = [_cell(v) for v in values]
        if any(cells):
            rows.append((number, cells))
    if not rows:
        raise TableError(f"工作表是空的：{path.name}", f"The sheet is empty: {path.name}")
    return Table(rows[0][1], rows[1:], path.suffix.lower().lstrip("."))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    return str(value).strip()
