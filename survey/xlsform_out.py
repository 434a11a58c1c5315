"""XLSForm out: write any survey as a workbook that pyxform (ODK, KoboToolbox) converts.

Imported forms go out as they came in: same types, names, columns (unknown columns
included) and translations. Huizhi's own question types are lowered to standard
XLSForm, with the original type kept in a ``huizhi_type`` column so that Huizhi can
read its own export back without loss:

* ``likert``, ``consent``, ``stakeholder_group``, ``department`` (with a list), ``kano``
  → ``select_one`` over their choice list (Likert gets the ``likert`` appearance);
* ``rating`` (0–10) → ``range`` with ``start=0 end=10 step=1``;
* ``scenario_grid`` → a ``field-list`` group with a value and an urgency question (1–5)
  per scenario named in its ``parameters`` (``scenarios=code code …``).
"""

from __future__ import annotations

from pathlib import Path

from workspace.files import atomic_output

from .model import Choice, Group, Item, Question, SurveyDefinition, Text

_TRANSLATED = ("label", "hint", "required_message", "constraint_message")
_PLAIN = ("required", "relevant", "constraint", "calculation", "choice_filter", "appearance", "default", "read_only",
          "parameters", "repeat_count")
_LANGUAGE_NAMES = {"zh": "中文 (zh)", "en": "English (en)"}
SCALE_1_5 = "huizhi_scale_1_5"


def column_language(key: str) -> str | None:
    """The XLSForm language suffix for a text key: ``zh`` → ``中文 (zh)``; ``default`` → none."""
    if key == "default":
        return None
    return _LANGUAGE_NAMES.get(key, key)


def write_xlsform(definition: SurveyDefinition, dest: str | Path, *, scenario_names: dict[str, Text] | None = None) -> Path:
    """Write ``definition`` as an XLSForm workbook at ``dest`` (atomically)."""
    from openpyxl import Workbook

    lowered = _Lowering(definition, scenario_names or {})
    rows = lowered.rows()
    languages = _languages(definition, lowered)
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    header = ["type", "name"]
    for column in _TRANSLATED:
        header += [_text_header(column, lang) for lang in languages]
    header += list(_PLAIN) + ["huizhi_type", "huizhi_pii"]
    header += [column for column in _extra_columns(rows) if column not in header]
    survey.append(header)
    for row in rows:
        survey.append([_cell(row, column) for column in header])
    _write_choices(book, definition.choice_lists | lowered.extra_lists, languages)
    _write_settings(book, definition, languages)
    with atomic_output(dest) as tmp:
        book.save(tmp)
    return Path(dest)


def _text_header(column: str, lang: str) -> str:
    suffix = column_language(lang)
    return f"{column}::{suffix}" if suffix else column


def _cell(row: dict, column: str) -> str | None:
    value = row.get(column)
    return value if value not in ("", None) else None


def _languages(definition: SurveyDefinition, lowered: _Lowering) -> list[str]:
    keys = definition.languages()
    for choices in lowered.extra_lists.values():
        for choice in choices:
            keys += [k for k in choice.label.languages() if k not in keys]
    return keys or ["default"]


def _extra_columns(rows: list[dict]) -> list[str]:
    """Every column some row uses, in first-seen order (unknown columns kept for the round trip)."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


class _Lowering:
    """Turns the item tree into survey-sheet rows, lowering Huizhi's own types."""

    def __init__(self, definition: SurveyDefinition, scenario_names: dict[str, Text]) -> None:
        self.definition = definition
        self.scenario_names = scenario_names
        self.extra_lists: dict[str, tuple[Choice, ...]] = {}

    def rows(self) -> list[dict]:
        rows: list[dict] = []
        for item in self.definition.items:
            self.visit(item, rows)
        return rows

    def visit(self, item: Item, rows: list[dict]) -> None:
        if isinstance(item, Group):
            rows.append(self.row(item, f"begin_{item.kind}"))
            for child in item.children:
                self.visit(child, rows)
            rows.append({"type": f"end_{item.kind}"})
            return
        if item.type == "scenario_grid":
            rows.extend(self.scenario_grid(item))
            return
        rows.append(self.row(item, self.type_cell(item)))

    def row(self, item: Item, type_cell: str) -> dict:
        row: dict = {"type": type_cell, "name": item.name}
        for column in _TRANSLATED:
            text: Text | None = getattr(item, column, None)
            for lang, value in (text.items if text else ()):
                row[_text_header(column, lang)] = value
        for column in _PLAIN:
            value = getattr(item, column, "")
            if value:
                row[column] = value
        for key, value in item.extra:
            row.setdefault(key, value)
        if isinstance(item, Question):
            if item.pii:
                row["huizhi_pii"] = item.pii
            self.lower(item, row)
        return row

    def type_cell(self, q: Question) -> str:
        if q.type in ("select_one", "select_multiple", "rank", "select_one_external"):
            return f"{q.type} {q.list_name}" + (" or_other" if q.or_other else "")
        if q.type in ("select_one_from_file", "select_multiple_from_file"):
            return f"{q.type} {q.file or q.list_name}"
        if q.type in ("likert", "consent", "stakeholder_group", "kano") or (q.type == "department" and q.list_name):
            return f"select_one {q.list_name}"
        if q.type == "department":
            return "text"
        if q.type == "rating":
            return "range"
        return q.type

    def lower(self, q: Question, row: dict) -> None:
        if q.type not in ("likert", "consent", "stakeholder_group", "kano", "department", "rating"):
            return
        row["huizhi_type"] = q.type
        if q.type != "rating" and row.get("parameters"):
            # Huizhi's own settings (e.g. the Kano feature) are not XLSForm parameters
            row["huizhi_parameters"] = row.pop("parameters")
        if q.type == "likert" and not q.appearance:
            row["appearance"] = "likert"
        if q.type == "rating":
            row["parameters"] = q.parameters or "start=0 end=10 step=1"

    def scenario_grid(self, q: Question) -> list[dict]:
        """A field-list group: for each scenario, its value and its urgency on 1–5."""
        self.extra_lists.setdefault(SCALE_1_5, _scale_1_5())
        codes = q.scenario_codes()
        group = self.row(q, "begin_group")
        group["huizhi_type"] = "scenario_grid"
        group["huizhi_parameters"] = group.pop("parameters", "")
        group["appearance"] = q.appearance or "field-list"
        rows = [group]
        answer_names = iter(q.answer_names())
        for code in codes:
            name = self.scenario_names.get(code, Text.of(code, code))
            for aspect, zh, en in (("value", "价值", "value"), ("urgency", "紧迫性", "urgency")):
                rows.append(
                    {
                        "type": f"select_one {SCALE_1_5}",
                        "name": next(answer_names),
                        _text_header("label", "zh"): f"{name.get('zh')}：{zh}",
                        _text_header("label", "en"): f"{name.get('en')}: {en}",
                        "appearance": "horizontal-compact",
                        "required": q.required,
                    }
                )
        rows.append({"type": "end_group"})
        return rows


def _scale_1_5() -> tuple[Choice, ...]:
    words = [("很低", "Very low"), ("较低", "Low"), ("中等", "Medium"), ("较高", "High"), ("很高", "Very high")]
    return tuple(Choice(str(i), Text.of(f"{i} {zh}", f"{i} {en}")) for i, (zh, en) in enumerate(words, start=1))


def _write_choices(book, lists: dict[str, tuple[Choice, ...]], languages: list[str]) -> None:
    if not lists:
        return
    sheet = book.create_sheet("choices")
    extra: dict[str, None] = {}
    for choices in lists.values():
        for choice in choices:
            for key, _ in choice.extra:
                extra.setdefault(key, None)
    header = ["list_name", "name"] + [_text_header("label", lang) for lang in languages] + list(extra)
    sheet.append(header)
    for list_name, choices in lists.items():
        for choice in choices:
            labels = dict(choice.label.items)
            values = dict(choice.extra)
            row = [list_name, choice.name] + [labels.get(lang) or None for lang in languages]
            row += [values.get(key) for key in extra]
            sheet.append(row)


def _write_settings(book, definition: SurveyDefinition, languages: list[str]) -> None:
    sheet = book.create_sheet("settings")
    default = definition.default_language
    if not default and "zh" in languages:  # Huizhi's own surveys: Chinese is the default
        default = column_language("zh") or ""
    values = {
        "form_title": definition.title.get(default or "zh") or definition.form_id or "survey",
        "form_id": definition.form_id or "huizhi_survey",
        "version": definition.version,
        "default_language": default,
    }
    for key, value in definition.settings:
        values.setdefault(key, value)
    values = {k: v for k, v in values.items() if v}
    sheet.append(list(values))
    sheet.append(list(values.values()))
