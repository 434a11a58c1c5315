"""XLSForm in: read an ODK/KoboToolbox/SurveyCTO workbook into a :class:`SurveyDefinition`.

The reader follows XLSForm as it is written in the wild: column aliases (``list name``,
``constraint message``, ``jr:count`` …), translated columns (``label::English (en)``),
type aliases (``select one``, ``int``, ``string``, ``gps``, ``datetime`` …), ``or_other``,
nested groups and repeats, ``select_one_from_file`` and media/geo types (kept, with a
warning that Huizhi shows them as text or a note).

Everything is checked before anything is built; a form that is not valid XLSForm raises
:class:`XlsFormError`, which names the sheet, the row and the column. Expressions are
parsed: a reference to a question that does not exist is an error (as in pyxform);
syntax Huizhi cannot read is a warning with the position, so a form that ODK accepts is
never refused for it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workspace.errors import ValidationError

from .expressions import ExpressionError, parse
from .model import (
    HUIZHI_TYPES,
    MEDIA_GEO_TYPES,
    Choice,
    Group,
    Item,
    Question,
    SurveyDefinition,
    Text,
)

# -- vocabulary ---------------------------------------------------------------------------

# spelling in the sheet (lower-case, single spaces) → canonical XLSForm type
TYPE_ALIASES: dict[str, str] = {}
for _canonical, _spellings in {
    "text": ["text", "string", "q string", "add text prompt"],
    "integer": ["integer", "int", "q int", "add integer prompt", "percentage", "number of days in last month",
                "number of days in last six months", "number of days in last year"],
    "decimal": ["decimal", "q decimal", "add decimal prompt"],
    "date": ["date", "q date", "add date prompt"],
    "time": ["time"],
    "dateTime": ["datetime", "date time", "q date time", "q datetime", "add date time prompt", "add datetime prompt"],
    "geopoint": ["geopoint", "gps", "location", "q location", "q geopoint", "add location prompt"],
    "geotrace": ["geotrace", "q geotrace"],
    "geoshape": ["geoshape", "q geoshape"],
    "image": ["image", "photo", "q picture", "q image", "add image prompt", "add photo prompt"],
    "audio": ["audio", "q audio", "add audio prompt"],
    "video": ["video", "q video", "add video prompt"],
    "file": ["file", "add file prompt"],
    "barcode": ["barcode", "q barcode", "add barcode prompt"],
    "note": ["note", "q note", "add note prompt"],
    "calculate": ["calculate", "q calculate", "add calculate prompt"],
    "acknowledge": ["acknowledge", "q acknowledge", "add acknowledge prompt"],
    "trigger": ["trigger"],
    "hidden": ["hidden"],
    "range": ["range"],
    "start": ["start", "start time", "get start time"],
    "end": ["end", "end time", "get end time"],
    "today": ["today", "get today"],
    "deviceid": ["deviceid", "imei", "device id", "get device id"],
    "subscriberid": ["subscriberid", "subscriber id", "get subscriber id"],
    "simserial": ["simserial", "sim id", "get sim id"],
    "phonenumber": ["phonenumber", "phone number", "get phone number"],
    "username": ["username"],
    "email": ["email"],
    "audit": ["audit"],
    "osm": ["osm"],
    "xml-external": ["xml-external"],
    "csv-external": ["csv-external"],
    "start-geopoint": ["start-geopoint"],
    "background-audio": ["background-audio"],
    "background-geopoint": ["background-geopoint"],
    "uri:deviceid": ["uri:deviceid"],
    "uri:subscriberid": ["uri:subscriberid"],
    "uri:simserial": ["uri:simserial"],
    "uri:phonenumber": ["uri:phonenumber"],
    "uri:username": ["uri:username"],
    "uri:email": ["uri:email"],
}.items():
    for _spelling in _spellings:
        TYPE_ALIASES[_spelling] = _canonical

# types that take an argument: spelling prefix → canonical type (longest prefixes first)
SELECT_PREFIXES: list[tuple[str, str]] = sorted(
    [
        ("select_one_from_file", "select_one_from_file"),
        ("select one from file", "select_one_from_file"),
        ("select_multiple_from_file", "select_multiple_from_file"),
        ("select multiple from file", "select_multiple_from_file"),
        ("select_one_external", "select_one_external"),
        ("select one external", "select_one_external"),
        ("select_one", "select_one"),
        ("select one", "select_one"),
        ("select1", "select_one"),
        ("q select1", "select_one"),
        ("select one from", "select_one"),
        ("select one using", "select_one"),
        ("add select one prompt using", "select_one"),
        ("select_multiple", "select_multiple"),
        ("select multiple", "select_multiple"),
        ("select all that apply", "select_multiple"),
        ("select all that apply from", "select_multiple"),
        ("select multiple from", "select_multiple"),
        ("select multiple using", "select_multiple"),
        ("add select multiple prompt using", "select_multiple"),
        ("q select", "select_multiple"),
        ("rank", "rank"),
    ],
    key=lambda pair: -len(pair[0]),
)
FROM_FILE_TYPES = {"select_one_from_file", "select_multiple_from_file"}
CONTAINERS = {"group": "group", "repeat": "repeat", "lgroup": "repeat", "looped group": "repeat", "loop": "loop"}
# huizhi's own types also read back from a Huizhi-written workbook's "huizhi_type" column
OTHER_SPECIFY = ("or_other", "or specify other")

# column header (lower-case) → canonical column
COLUMN_ALIASES = {
    "type": "type", "command": "type",
    "name": "name", "value": "name", "tag": "name",
    "label": "label", "caption": "label",
    "hint": "hint",
    "required": "required",
    "required_message": "required_message", "requiredmsg": "required_message", "jr:requiredmsg": "required_message",
    "relevant": "relevant", "relevance": "relevant",
    "constraint": "constraint",
    "constraint_message": "constraint_message", "constraint message": "constraint_message",
    "constraining_message": "constraint_message", "jr:constraintmsg": "constraint_message",
    "calculation": "calculation", "calculate": "calculation",
    "choice_filter": "choice_filter", "choice filter": "choice_filter",
    "appearance": "appearance",
    "default": "default",
    "read_only": "read_only", "readonly": "read_only", "read only": "read_only",
    "parameters": "parameters",
    "repeat_count": "repeat_count", "jr:count": "repeat_count", "count": "repeat_count", "repeat count": "repeat_count",
    "list_name": "list_name", "list name": "list_name",
    "pii": "pii", "huizhi_pii": "pii", "huizhi_type": "huizhi_type", "huizhi_parameters": "huizhi_parameters",
}
TRANSLATABLE = {"label", "hint", "required_message", "constraint_message"}
SETTINGS_ALIASES = {"form_title": "form_title", "set_form_title": "form_title", "form_id": "form_id",
                    "set_form_id": "form_id", "version": "version", "default_language": "default_language"}
_SMART_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r" {2,}")
_VALID_NAME = re.compile(r"^[^\W\d][\w.\-]*$")
_REF = re.compile(r"\$\{([^}]*)\}")


# -- errors and results ----------------------------------------------------------------------


class XlsFormError(ValidationError):
    """A workbook that is not valid XLSForm, with where: sheet, row (1-based) and column."""

    def __init__(self, zh: str, en: str, *, sheet: str | None = None, row: int | None = None,
                 column: str | None = None, header: str | None = None) -> None:
        where_zh = _where(sheet, row, column, header, zh=True)
        where_en = _where(sheet, row, column, header, zh=False)
        super().__init__(f"{where_zh}：{zh}" if where_zh else zh, f"{where_en}: {en}" if where_en else en)
        self.sheet, self.row, self.column, self.header = sheet, row, column, header


def _where(sheet, row, column, header, *, zh: bool) -> str:
    parts = []
    if sheet:
        parts.append(f"工作表 {sheet}" if zh else f"sheet '{sheet}'")
    if row:
        parts.append(f"第 {row} 行" if zh else f"row {row}")
    if column:
        named = f"（{header}）" if zh and header else (f" ({header})" if header else "")
        parts.append(f"{column} 列{named}" if zh else f"column {column}{named}")
    return (" " if zh else ", ").join(parts)


@dataclass
class ImportResult:
    definition: SurveyDefinition
    warnings: list[str] = field(default_factory=list)


# -- reading the workbook --------------------------------------------------------------------


@dataclass
class _Sheet:
    title: str
    headers: list[tuple[int, str]]  # (1-based column index, header text) for non-empty headers
    rows: list[tuple[int, dict[str, str]]]  # (1-based row number, header → value) for non-empty rows

    def letter(self, header: str) -> str:
        from openpyxl.utils import get_column_letter

        for index, text in self.headers:
            if text == header:
                return get_column_letter(index)
        return ""


def read_xlsform(path: str | Path, *, title: str | None = None) -> ImportResult:
    """Read and check an XLSForm workbook; raise :class:`XlsFormError` if it is not valid."""
    sheets = _load(Path(path))
    survey = sheets.get("survey")
    if survey is None:
        raise XlsFormError("缺少 survey 工作表。", "The workbook has no 'survey' sheet.")
    warnings: list[str] = []
    settings = _read_settings(sheets.get("settings"))
    choice_lists = _read_choices(sheets.get("choices"), settings, warnings)
    if "external_choices" in sheets:
        _read_choices(sheets["external_choices"], settings, warnings)  # checked, shown as text
    clean = settings.get("clean_text_values", "yes").strip().lower() not in ("no", "false", "false()", "0")
    items = _Builder(survey, choice_lists, warnings, clean_spaces=clean).build()
    form_title = settings.pop("form_title", "") or title or Path(path).stem
    definition = SurveyDefinition(
        title=Text((("default", form_title),)),
        items=items,
        choice_lists=choice_lists,
        form_id=settings.pop("form_id", "") or Path(path).stem,
        version=settings.pop("version", ""),
        default_language=settings.pop("default_language", ""),
        settings=tuple(settings.items()),
    )
    _check_references(definition, survey)
    warnings += _expression_warnings(definition)
    return ImportResult(definition, warnings)


def _load(path: Path) -> dict[str, _Sheet]:
    from openpyxl import load_workbook

    if path.suffix.lower() == ".xls":
        raise XlsFormError(
            "这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入。",
            "This is an old .xls file; save it as .xlsx in Excel or WPS and import that.",
        )
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise XlsFormError(f"找不到文件：{path}", f"File not found: {path}") from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise XlsFormError(
            f"无法读取该文件，它不是有效的 Excel 工作簿（.xlsx）：{exc}",
            f"Cannot read the file; it is not a valid Excel workbook (.xlsx): {exc}",
        ) from exc
    try:
        sheets: dict[str, _Sheet] = {}
        for worksheet in workbook.worksheets:
            key = worksheet.title.strip().lower()
            if key in ("survey", "choices", "settings", "external_choices") and key not in sheets:
                sheets[key] = _read_sheet(worksheet)
        return sheets
    finally:
        workbook.close()


def _read_sheet(worksheet) -> _Sheet:
    rows = worksheet.iter_rows(values_only=True)
    header_row = next(rows, ()) or ()
    headers: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    from openpyxl.utils import get_column_letter

    for index, value in enumerate(header_row, start=1):
        text = _cell_text(value)
        if not text:
            continue
        if text in seen:
            raise XlsFormError(
                f"列标题重复：{text}（与 {get_column_letter(seen[text])} 列相同）",
                f"Duplicate column header: {text} (same as column {get_column_letter(seen[text])})",
                sheet=worksheet.title, row=1, column=get_column_letter(index), header=text,
            )
        seen[text] = index
        headers.append((index, text))
    body: list[tuple[int, dict[str, str]]] = []
    for number, values in enumerate(rows, start=2):
        record = {}
        for index, header in headers:
            if index - 1 < len(values):
                text = _cell_text(values[index - 1])
                if text:
                    record[header] = text
        if record:
            body.append((number, record))
    return _Sheet(worksheet.title, headers, body)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return str(value)
    return str(value).strip()


def _column(header: str) -> tuple[str, str | None]:
    """``label::English (en)`` → (``label``, ``English (en)``); ``list name`` → (``list_name``, None)."""
    base, _, language = header.partition("::")
    key = " ".join(base.strip().lower().split())
    canonical = COLUMN_ALIASES.get(key)
    if canonical in TRANSLATABLE:
        return canonical, (language.strip() or None)
    if canonical and not language:
        return canonical, None
    return "", None


def _read_settings(sheet: _Sheet | None) -> dict[str, str]:
    if sheet is None or not sheet.rows:
        return {}
    _, values = sheet.rows[0]
    settings: dict[str, str] = {}
    for header, value in values.items():
        key = SETTINGS_ALIASES.get(header.strip().lower(), header.strip())
        settings[key] = value
    return settings


def _read_choices(sheet: _Sheet | None, settings: dict[str, str], warnings: list[str]) -> dict[str, tuple[Choice, ...]]:
    if sheet is None:
        return {}
    columns = {header: _column(header) for _, header in sheet.headers}
    list_header = next((h for h, (c, _) in columns.items() if c == "list_name"), None)
    name_header = next((h for h, (c, _) in columns.items() if c == "name"), None)
    if list_header is None or name_header is None:
        missing = "list_name" if list_header is None else "name"
        raise XlsFormError(f"choices 工作表缺少 {missing} 列。", f"The choices sheet has no '{missing}' column.",
                           sheet=sheet.title, row=1)
    allow_duplicates = settings.get("allow_choice_duplicates", "").strip().lower() in ("yes", "true", "1")
    lists: dict[str, list[Choice]] = {}
    seen: dict[tuple[str, str], int] = {}
    for number, values in sheet.rows:
        list_name = values.get(list_header, "")
        name = values.get(name_header, "")
        if not list_name and not name:
            continue
        if not list_name:
            continue  # pyxform ignores choices that belong to no list
        if not name:
            raise XlsFormError("选项缺少 name（选项值）。", "A choice has no name.",
                               sheet=sheet.title, row=number, column=sheet.letter(name_header), header=name_header)
        if (list_name, name) in seen and not allow_duplicates:
            raise XlsFormError(
                f"选项列表 {list_name} 中的选项值 {name!r} 重复（第 {seen[(list_name, name)]} 行已有）。"
                "如确需重复，请在 settings 中设置 allow_choice_duplicates。",
                f"Choice names must be unique within list '{list_name}': {name!r} already on row "
                f"{seen[(list_name, name)]}. Set allow_choice_duplicates to allow it.",
                sheet=sheet.title, row=number, column=sheet.letter(name_header), header=name_header,
            )
        seen[(list_name, name)] = number
        label = Text()
        extra = []
        for header, value in values.items():
            column, language = columns[header]
            if column == "label":
                label = label.with_text(language or "default", value)
            elif header not in (list_header, name_header):
                extra.append((header, value))
        lists.setdefault(list_name, []).append(Choice(name, label, tuple(extra)))
    return {name: tuple(choices) for name, choices in lists.items()}


# -- the survey sheet --------------------------------------------------------------------------


class _Builder:
    """Turns survey-sheet rows into the item tree, checking as it goes."""

    def __init__(self, sheet: _Sheet, choice_lists: dict[str, tuple[Choice, ...]], warnings: list[str], *,
                 clean_spaces: bool = True) -> None:
        self.sheet = sheet
        self.clean_spaces = clean_spaces
        self.choice_lists = choice_lists
        self.warnings = warnings
        self.columns = {header: _column(header) for _, header in sheet.headers}
        self.type_header = next((h for h, (c, _) in self.columns.items() if c == "type"), None)
        self.name_header = next((h for h, (c, _) in self.columns.items() if c == "name"), None)
        if self.type_header is None:
            raise XlsFormError("survey 工作表缺少 type 列。", "The survey sheet has no 'type' column.",
                               sheet=sheet.title, row=1)
        self.repeat_names: dict[str, int] = {}
        self.note_counter = 0

    def error(self, zh: str, en: str, row: int, header: str | None) -> XlsFormError:
        column = self.sheet.letter(header) if header else None
        return XlsFormError(zh, en, sheet=self.sheet.title, row=row, column=column, header=header)

    def build(self) -> tuple[Item, ...]:
        # stack of (kind, begin row, fields, children)
        stack: list[tuple[str, int, dict[str, Any], list[Item]]] = [("survey", 0, {}, [])]
        for number, values in self.sheet.rows:
            raw_type = values.get(self.type_header, "")
            if not raw_type:
                if self.name_header and values.get(self.name_header):
                    raise self.error("该行有题目名称但没有题型（type）。", "Question with no type.", number, self.type_header)
                continue  # comment rows and the like
            words = " ".join(raw_type.replace("_", " ").split()).lower()
            begin = re.match(r"^begin (group|repeat|lgroup|looped group|loop)\b(.*)$", words)
            end = re.match(r"^end (group|repeat|lgroup|looped group|loop)$", words)
            if begin:
                kind = CONTAINERS[begin.group(1)]
                fields = self.fields(values, number)
                if not fields["name"]:
                    raise self.error("分组缺少名称。", "Question or group with no name.", number, self.name_header)
                self.check_name(fields["name"], number)
                if kind == "repeat":
                    self.check_repeat_name(fields["name"], number)
                if kind == "loop":
                    fields.setdefault("extra", []).append(("loop_over", begin.group(2).strip().removeprefix("over").strip()))
                stack.append((kind, number, fields, []))
                continue
            if end:
                kind = CONTAINERS[end.group(1)]
                if len(stack) == 1 or stack[-1][0] != kind:
                    opened = stack[-1][0] if len(stack) > 1 else None
                    raise self.error(
                        f"end {kind} 没有对应的 begin {kind}" + (f"（当前打开的是第 {stack[-1][1]} 行的 {opened}）" if opened else "") + "。",
                        f"Unmatched 'end_{kind}'" + (f" (the open container is the {opened} on row {stack[-1][1]})" if opened else "") + ".",
                        number, self.type_header,
                    )
                kind, begin_row, fields, children = stack.pop()
                group = Group(
                    name=fields["name"], kind="repeat" if kind == "loop" else kind, label=fields["label"],
                    hint=fields["hint"], relevant=fields["relevant"], appearance=fields["appearance"],
                    repeat_count=fields["repeat_count"], children=self.unique(children, fields["name"]),
                    extra=tuple(fields.get("extra", [])) + ((("container", "loop"),) if kind == "loop" else ()),
                    row=begin_row,
                )
                stack[-1][3].append(group)
                continue
            stack[-1][3].append(self.question(raw_type, words, values, number))
        if len(stack) > 1:
            kind, begin_row, fields, _ = stack[-1]
            raise XlsFormError(f"begin {kind}（{fields['name']}）没有对应的 end {kind}。",
                               f"Unmatched 'begin_{kind}' ({fields['name']}).",
                               sheet=self.sheet.title, row=begin_row, column=self.sheet.letter(self.type_header),
                               header=self.type_header)
        return self.unique(stack[0][3], "survey")

    def fields(self, values: dict[str, str], number: int) -> dict[str, Any]:
        fields: dict[str, Any] = {key: Text() for key in TRANSLATABLE}
        fields.update({key: "" for key in ("name", "required", "relevant", "constraint", "calculation", "default",
                                           "read_only", "choice_filter", "appearance", "parameters", "repeat_count",
                                           "pii", "huizhi_type", "huizhi_parameters")})
        extra = []
        for header, value in values.items():
            column, language = self.columns[header]
            value = self.clean(value, expression=column in _EXPRESSION_COLUMNS)
            if column in TRANSLATABLE:
                fields[column] = fields[column].with_text(language or "default", value)
            elif column in fields and column != "type":
                fields[column] = value
            elif column not in ("type",):
                extra.append((header, value))
        fields["extra"] = extra
        return fields

    def clean(self, value: str, *, expression: bool) -> str:
        """As XLSForm tools do: runs of spaces collapse, and in expressions typographic quotes
        (typed by Chinese input methods) become plain ones. Labels keep their “” typography."""
        if expression:
            value = value.translate(_SMART_QUOTES)
        return _SPACES.sub(" ", value) if self.clean_spaces else value

    def question(self, raw_type: str, words: str, values: dict[str, str], number: int) -> Question:
        fields = self.fields(values, number)
        qtype, argument, or_other = self.parse_type(raw_type, words, number)
        name = fields["name"]
        if not name:
            if qtype != "note":
                raise self.error("题目缺少名称（name）。", "Question or group with no name.", number, self.name_header)
            self.note_counter += 1
            name = f"generated_note_name_{self.note_counter}"
        else:
            self.check_name(name, number)
        list_name = file = ""
        if qtype in FROM_FILE_TYPES:
            file = list_name = argument
            self.warnings.append(f"第 {number} 行 {name}：{qtype} 的选项来自外部文件 {argument}，汇智按文本题显示。")
        elif qtype in ("select_one", "select_multiple", "rank", "select_one_external"):
            list_name = argument
            if qtype != "select_one_external" and list_name not in self.choice_lists:
                raise self.error(f"选项列表 {list_name!r} 不在 choices 工作表中。",
                                 f"List name not in choices sheet: {list_name}", number, self.type_header)
            if qtype == "select_one_external":
                self.warnings.append(f"第 {number} 行 {name}：select_one_external 的选项来自外部，汇智按文本题显示。")
        if qtype in MEDIA_GEO_TYPES:
            self.warnings.append(f"第 {number} 行 {name}：{qtype} 类型在汇智中显示为说明或文本。")
        if fields["huizhi_type"] in HUIZHI_TYPES - {"scenario_grid"}:
            qtype = fields["huizhi_type"]  # a Huizhi type that Huizhi's own export lowered to XLSForm
            fields["parameters"] = fields["huizhi_parameters"] or fields["parameters"]
        if qtype == "calculate" and not fields["calculation"] and not fields["default"]:
            raise self.error("calculate 题缺少计算公式（calculation）。", "Missing calculation.", number,
                             self.header_for("calculation") or self.type_header)
        return Question(
            name=name, type=qtype, label=fields["label"], hint=fields["hint"], list_name=list_name,
            required=fields["required"], required_message=fields["required_message"], relevant=fields["relevant"],
            constraint=fields["constraint"], constraint_message=fields["constraint_message"],
            calculation=fields["calculation"], default=fields["default"], read_only=fields["read_only"],
            choice_filter=fields["choice_filter"], appearance=fields["appearance"], parameters=fields["parameters"],
            or_other=or_other, file=file, pii=fields["pii"], extra=tuple(fields["extra"]), row=number,
        )

    def parse_type(self, raw_type: str, words: str, number: int) -> tuple[str, str, bool]:
        """``select_one colors or_other`` → (``select_one``, ``colors``, True)."""
        text = " ".join(raw_type.split())
        lowered = text.lower()
        or_other = False
        for suffix in OTHER_SPECIFY:
            if lowered.endswith(" " + suffix):
                or_other = True
                text = text[: -len(suffix) - 1].rstrip()
                lowered = text.lower()
        normalised = lowered.replace("_", " ")
        for prefix, canonical in SELECT_PREFIXES:
            spaced = prefix.replace("_", " ")
            if normalised.startswith(spaced + " "):
                argument = text[len(prefix):].strip()
                if not argument:
                    break
                return canonical, argument, or_other
            if normalised == spaced:
                raise self.error(f"{text} 后缺少选项列表名。", f"{text} needs a list name.", number, self.type_header)
        canonical = TYPE_ALIASES.get(lowered) or TYPE_ALIASES.get(normalised)
        if canonical is None:
            raise self.error(f"未知题型 {raw_type!r}。", f"Unknown question type '{raw_type}'.", number, self.type_header)
        if or_other:
            raise self.error("or_other 只能用于选择题。", "or_other works only with select questions.", number,
                             self.type_header)
        return canonical, "", False

    def check_name(self, name: str, number: int) -> None:
        if not _VALID_NAME.match(name):
            raise self.error(
                f"名称 {name!r} 无效：必须以字母或下划线开头，只能包含字母、数字、下划线、连字符和点。",
                f"Invalid name {name!r}: names must start with a letter or underscore and contain only letters, "
                "digits, underscores, hyphens and periods.",
                number, self.name_header,
            )
        if name == "meta":
            raise self.error("名称 meta 保留给表单元数据。", "The name 'meta' is reserved for form metadata.",
                             number, self.name_header)

    def check_repeat_name(self, name: str, number: int) -> None:
        if name in self.repeat_names:
            raise self.error(f"重复组名称 {name!r} 在整份问卷中必须唯一（第 {self.repeat_names[name]} 行已用）。",
                             f"Repeat names must be unique in the survey: {name!r} is also on row {self.repeat_names[name]}.",
                             number, self.name_header)
        self.repeat_names[name] = number

    def unique(self, items: list[Item], parent: str) -> tuple[Item, ...]:
        seen: dict[str, Item] = {}
        for item in items:
            if item.name in seen:
                raise self.error(
                    f"名称 {item.name!r} 在 {parent} 中重复（第 {seen[item.name].row} 行已有）。同一分组内的题目和分组名称必须唯一。",
                    f"The name '{item.name}' is used twice in '{parent}' (also on row {seen[item.name].row}); "
                    "names must be unique within their group.",
                    item.row, self.name_header,
                )
            seen[item.name] = item
            lowered = [k for k in seen if k != item.name and k.lower() == item.name.lower()]
            if lowered:
                self.warnings.append(f"第 {item.row} 行：名称 {item.name!r} 与 {lowered[0]!r} 只有大小写不同。")
        return tuple(items)

    def header_for(self, column: str) -> str | None:
        return next((h for h, (c, _) in self.columns.items() if c == column), None)


# -- references and expressions -------------------------------------------------------------


_EXPRESSION_COLUMNS = {"relevant", "constraint", "calculation", "choice_filter", "required", "read_only", "default",
                       "repeat_count", "parameters"}
_REFERENCING_COLUMNS = TRANSLATABLE | {"relevant", "constraint", "calculation", "choice_filter", "required",
                                      "read_only", "default", "repeat_count"}


def _check_references(definition: SurveyDefinition, sheet: _Sheet) -> None:
    """``${name}`` must name a question or group, in expressions and in labels (pyxform rejects it too)."""
    names = {located.question.name for located in definition.walk()} | {g.name for g, _ in definition.groups()}
    columns = {header: _column(header)[0] for _, header in sheet.headers}
    for number, values in sheet.rows:
        for header, value in values.items():
            if columns.get(header) not in _REFERENCING_COLUMNS:
                continue
            for match in _REF.finditer(value):
                if match.group(1).strip() not in names:
                    raise XlsFormError(
                        f"引用的题目 ${{{match.group(1)}}} 不存在。",
                        f"There is no question named '{match.group(1)}' for ${{{match.group(1)}}}.",
                        sheet=sheet.title, row=number, column=sheet.letter(header), header=header,
                    )


def _expression_warnings(definition: SurveyDefinition) -> list[str]:
    warnings = []
    for located in definition.walk():
        q = located.question
        for column in ("relevant", "constraint", "calculation", "choice_filter"):
            text = getattr(q, column)
            if text:
                warnings += _parse_warning(q.row, q.name, column, text)
        if q.required and q.required.strip().lower() not in _FLAG_WORDS:
            warnings += _parse_warning(q.row, q.name, "required", q.required)
    for group, _ in definition.groups():
        if group.relevant:
            warnings += _parse_warning(group.row, group.name, "relevant", group.relevant)
    return warnings


_FLAG_WORDS = {"yes", "no", "true", "false", "true()", "false()", "1", "0"}


def _parse_warning(row: int, name: str, column: str, text: str) -> list[str]:
    try:
        parse(text)
    except ExpressionError as err:
        return [f"第 {row} 行 {name} 的 {column}：汇智无法解析此表达式，预览中不会执行它 — {err}"]
    return []
