"""Responses from other tools: CSV and XLSX exports of 问卷星, 腾讯问卷, KoboToolbox, ODK Central.

1. :func:`read_table` reads the file: CSV in any of UTF-8 (with or without BOM), GBK or
   GB18030, detected by charset-normalizer (never asked), or the first sheet of an XLSX,
   XLS or ODS workbook (read by calamine).
2. :func:`propose_mapping` matches each column to a question by name or by label, after
   removing what the tools add (``1、``, ``Q3：``, ``group/``, ``(必填)``); per-choice
   columns (``q/choice``, ``3、题目:选项``) become parts of one multiple choice answer.
   A mapping can be edited, saved as JSON and reused.
3. :func:`check_rows` converts every value (choices by name or label, multiple choices
   split on space, comma, ``┋``, ``、`` …, numbers, dates) and lists each problem with its
   row, column, value and reason.
4. :func:`import_rows` writes the good rows in one transaction. A row's UUID comes from
   the tool's own instance id when there is one, else from its content, so importing the
   same file twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid as uuid_module
from dataclasses import dataclass, field
from pathlib import Path

from workspace.bulk import collector_paused
from workspace.project import Project
from workspace.tables import Table, TableError, read_table  # noqa: F401 - TableError is part of this API

from .model import Question, SurveyDefinition
from .runtime import FormState
from .store import ResponseRecord, add_responses, load_definition, responses_by_uuid

# Special targets a column can map to besides a question.
META_TARGETS = {"_uuid", "_submitted_at", "_started_at", "_collector", "_stakeholder_group"}
_META_HEADERS = {
    "_uuid": ["_uuid", "uuid", "meta/instanceid", "instanceid", "meta-instanceid", "key", "答卷编号"],
    "_submitted_at": ["_submission_time", "submissiondate", "提交答卷时间", "提交时间", "end", "答题结束时间"],
    "_started_at": ["start", "开始时间", "答题开始时间"],
    "_collector": ["_submitted_by", "submitterid", "submittername", "username", "采集员"],
}
_PREFIX = re.compile(r"^\s*(?:[Qq]?\d+[\.、:：．)）]|[Qq]\d+\s*)\s*")
_SPLIT_MULTI = re.compile(r"[┋|,，;；、\n]+")
_NOISE = re.compile(r"[\s\-_:：/\\.。,，、？?！!（）()\[\]【】“”\"'‘’*]+")


@dataclass(frozen=True, slots=True)
class Target:
    """Where a column goes: an answer name (and for per-choice columns, the choice), or a meta field."""

    name: str
    choice: str = ""

    def to_json(self):
        return {"question": self.name, "choice": self.choice} if self.choice else self.name

    @classmethod
    def from_json(cls, value) -> Target | None:
        if value is None or value == "":
            return None
        if isinstance(value, dict):
            return cls(value["question"], value.get("choice", ""))
        return cls(str(value))


@dataclass
class Problem:
    row: int
    column: str
    value: str
    reason: str

    def to_json(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}


@dataclass
class Checked:
    good: list[tuple[int, dict[str, str], dict[str, str]]] = field(default_factory=list)  # row, answers, meta
    problems: list[Problem] = field(default_factory=list)


# -- reading -------------------------------------------------------------------------------------


# -- mapping ---------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    return _NOISE.sub("", _PREFIX.sub("", text or "")).lower()


def propose_mapping(definition: SurveyDefinition, headers: list[str]) -> dict[str, Target | None]:
    """Each column's best target: meta fields, question names, labels, per-choice columns."""
    by_name: dict[str, str] = {}
    by_label: dict[str, str] = {}
    for q in definition.questions:
        for answer in q.answer_names():
            by_name[answer.lower()] = answer
        for _, text in q.label.items:
            by_label.setdefault(normalise(text), q.name)
    mapping: dict[str, Target | None] = {}
    for header in headers:
        mapping[header] = _match(definition, header, by_name, by_label)
    return mapping


def _match(definition, header: str, by_name, by_label) -> Target | None:
    lowered = header.strip().lower()
    for target, spellings in _META_HEADERS.items():
        if lowered in spellings:
            return Target(target)
    bare = re.sub(r"^.*[/]", "", header.strip())  # Kobo/ODK group paths: group/question
    for candidate in (header.strip(), bare, bare.rsplit("-", 1)[-1]):
        if candidate.lower() in by_name:
            return Target(by_name[candidate.lower()])
    # per-choice columns: question/choice (Kobo), question.choice, "题目:选项" or "题目(选项)" (问卷星, 腾讯问卷)
    parts = re.split(r"[/.]", header.strip())
    if len(parts) >= 2 and parts[-2].lower() in by_name:
        question = definition.question(by_name[parts[-2].lower()])
        choice = _choice_by_name_or_label(definition, question, parts[-1])
        if choice:
            return Target(question.name, choice)
    label_part = re.match(r"^(.*?)[:：\(（]\s*([^:：()（）]+?)\s*[\)）]?\s*$", _PREFIX.sub("", header))
    if label_part:
        question_name = by_label.get(normalise(label_part.group(1)))
        if question_name:
            question = definition.question(question_name)
            choice = _choice_by_name_or_label(definition, question, label_part.group(2))
            if choice and question.type in ("select_multiple", "rank"):
                return Target(question.name, choice)
    name = by_label.get(normalise(header))
    if name:
        return Target(name)
    return None


def _choice_by_name_or_label(definition: SurveyDefinition, question: Question, value: str) -> str:
    value = value.strip()
    choices = definition.choices(question)
    for choice in choices:
        if choice.name == value:
            return choice.name
    wanted = normalise(value)
    for choice in choices:
        if any(normalise(text) == wanted for _, text in choice.label.items):
            return choice.name
    return ""


def load_mapping(path: str | Path) -> dict[str, Target | None]:
    data = json.loads(Path(path).read_text("utf-8"))
    columns = data.get("columns", data)
    return {header: Target.from_json(value) for header, value in columns.items()}


def save_mapping(mapping: dict[str, Target | None], path: str | Path) -> None:
    Path(path).write_text(json.dumps({"columns": {h: (t.to_json() if t else None) for h, t in mapping.items()}},
                                     ensure_ascii=False, indent=1), "utf-8")


# -- checking ------------------------------------------------------------------------------------


@collector_paused()
def check_rows(definition: SurveyDefinition, table: Table, mapping: dict[str, Target | None]) -> Checked:
    """Convert and check every row; a row with any problem is set aside with all its problems listed."""
    questions = {name: q for q in definition.questions for name in q.answer_names()}
    columns = [(index, header, mapping.get(header)) for index, header in enumerate(table.headers)]
    columns = [(index, header, target) for index, header, target in columns if target is not None]
    header_of = {}
    for _, header, target in reversed(columns):
        header_of[target.name] = header
    converters = {index: _Converter(definition, questions.get(target.name), target.name)
                  for index, _, target in columns if target.name not in META_TARGETS and not target.choice}
    constraints = _Constraints(definition)
    result = Checked()
    for number, cells in table.rows:
        answers: dict[str, str] = {}
        meta: dict[str, str] = {}
        picked: dict[str, list[str]] = {}
        problems: list[Problem] = []
        width = len(cells)
        for index, header, target in columns:
            raw = cells[index] if index < width else ""
            if raw == "":
                continue
            if target.name in META_TARGETS:
                meta[target.name] = raw
            elif target.name not in questions:
                problems.append(Problem(number, header, raw, f"问卷中没有题目 {target.name}"))
            elif target.choice:
                if raw.strip().lower() not in _UNPICKED:
                    picked.setdefault(target.name, []).append(target.choice)
            else:
                value, reason = converters[index](raw)
                if reason:
                    problems.append(Problem(number, header, raw, reason))
                elif value:
                    answers[target.name] = value
        for name, chosen in picked.items():
            merged = answers.get(name, "").split() + chosen
            answers[name] = " ".join(dict.fromkeys(merged))
        for name, message in constraints.broken(answers):
            problems.append(Problem(number, header_of.get(name, name), answers[name], message))
        if problems:
            result.problems += problems
        else:
            result.good.append((number, answers, meta))
    return result


_UNPICKED = frozenset(("0", "false", "否", "未选", "no", "n"))


class _Converter:
    """:func:`convert` for one column, remembering the verdict on each distinct closed answer.

    Exports repeat the same few choice labels and numbers down 100 000 rows; open text is
    passed through as it is and not remembered.
    """

    def __init__(self, definition: SurveyDefinition, question: Question | None, name: str) -> None:
        self.definition, self.question, self.name = definition, question, name
        self.remember = question is not None and (bool(question.list_name) or question.type in _CLOSED_TYPES)
        self.seen: dict[str, tuple[str, str]] = {}

    def __call__(self, raw: str) -> tuple[str, str]:
        if not self.remember:
            return convert(self.definition, self.question, self.name, raw)
        verdict = self.seen.get(raw)
        if verdict is None:
            if len(self.seen) > 50_000:
                self.seen.clear()
            verdict = self.seen[raw] = convert(self.definition, self.question, self.name, raw)
        return verdict


_CLOSED_TYPES = frozenset(("integer", "decimal", "date", "rating", "scenario_grid"))


class _Constraints:
    """Constraint checks for imported rows, with the survey's compiled form shared by all rows.

    A constraint that reads only ``.`` is decided once per distinct value; one that reads
    other answers is checked against the row's own :class:`FormState`.
    """

    def __init__(self, definition: SurveyDefinition) -> None:
        self.definition = definition
        self.reads_answers = definition.program.constrained()
        self.blank = FormState(definition)
        self.seen: dict[tuple[str, str], str] = {}

    def broken(self, answers: dict[str, str]) -> list[tuple[str, str]]:
        """``(name, message)`` for each answer that breaks its question's constraint."""
        broken = []
        state = None
        for name, value in answers.items():
            reads = self.reads_answers.get(name)
            if reads is None:
                continue
            if reads:
                state = state or FormState(self.definition, answers)
                problem = state.check_value(name, value)
                message = problem.message if problem else ""
            else:
                message = self.seen.get((name, value))
                if message is None:
                    problem = self.blank.check_value(name, value)
                    message = self.seen[(name, value)] = problem.message if problem else ""
            if message:
                broken.append((name, message))
        return broken


def convert(definition: SurveyDefinition, question: Question, name: str, raw: str) -> tuple[str, str]:
    """``(value, '')`` in Huizhi's form, or ``('', reason)``."""
    raw = raw.strip()
    qtype = question.type
    if question.type == "scenario_grid" or qtype == "rating":
        number = _number(raw)
        low, high = (1, 5) if qtype == "scenario_grid" else (0, 10)
        if number is None or not number.is_integer() or not low <= number <= high:
            return "", f"应为 {low}–{high} 的整数"
        return str(int(number)), ""
    if question.list_name and qtype in ("select_multiple", "rank"):
        whole = _choice_by_name_or_label(definition, question, raw)
        if whole:
            return whole, ""
        tokens = [t for t in _SPLIT_MULTI.split(raw) if t.strip()]
        if len(tokens) == 1:
            tokens = raw.split()
        names, unknown = [], []
        for token in tokens:
            choice = _choice_by_name_or_label(definition, question, token)
            (names.append(choice) if choice else unknown.append(token.strip()))
        if unknown:
            return "", f"不是可选的选项：{'、'.join(unknown)}"
        return " ".join(dict.fromkeys(names)), ""
    if question.list_name:
        choice = _choice_by_name_or_label(definition, question, raw)
        if not choice and qtype == "stakeholder_group":
            choice = raw if raw in {c.name for c in definition.choices(question)} else ""
        return (choice, "") if choice else ("", "不是可选的选项")
    if qtype in ("integer", "decimal"):
        number = _number(raw)
        if number is None:
            return "", "不是数字"
        if qtype == "integer":
            if not number.is_integer():
                return "", "应为整数"
            return str(int(number)), ""
        return (str(int(number)) if number.is_integer() else repr(number)), ""
    if qtype == "date":
        parsed = _date(raw)
        return (parsed, "") if parsed else ("", "不是日期")
    return raw, ""


def _number(raw: str) -> float | None:
    try:
        return float(raw.replace(",", "").replace("，", ""))
    except ValueError:
        return None


def _date(raw: str) -> str:
    """``2026-10-08``, ``2026/10/8``, ``2026.10.8``, ``2026年10月8日`` (a time after it is ignored)."""
    match = re.match(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", raw)
    if not match:
        return ""
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return ""


# -- writing ------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    imported: int
    duplicates: int
    rejected: list[Problem]

    def to_json(self) -> dict:
        return {"imported": self.imported, "rejected": [p.to_json() for p in self.rejected],
                "duplicates": self.duplicates}


def import_rows(project: Project, survey_id: int, checked: Checked, *, source: str = "") -> ImportResult:
    """Write the good rows as submitted responses, in one transaction; skip rows already imported."""
    definition = load_definition(project, survey_id)
    survey_uuid = project.db.conn.execute("SELECT uuid FROM surveys WHERE id = ?", [survey_id]).fetchone()[0]
    group_question = next((q.name for q in definition.questions if q.type == "stakeholder_group"), None)
    rows = {_row_uuid(survey_uuid, answers, meta): (answers, meta) for _, answers, meta in checked.good}
    device = f"import:{source}"[:120]
    with project.transaction() as db:
        known = responses_by_uuid(db.conn, rows)
        records = (
            ResponseRecord(
                answers,
                meta.get("_stakeholder_group") or (answers.get(group_question) if group_question else None) or definition.audience,
                response_uuid, meta.get("_collector", ""), device,
                meta.get("_started_at"), meta.get("_submitted_at"), meta.get("_submitted_at"),
            )
            for response_uuid, (answers, meta) in rows.items() if response_uuid not in known
        )
        imported = add_responses(project, survey_id, records)
    return ImportResult(imported, len(checked.good) - imported, checked.problems)


def _row_uuid(survey_uuid: str, answers: dict[str, str], meta: dict[str, str]) -> str:
    given = meta.get("_uuid", "").removeprefix("uuid:").strip()
    try:
        return str(uuid_module.UUID(given))
    except ValueError:
        seed = given or json.dumps([meta.get("_submitted_at", ""), sorted(answers.items())], ensure_ascii=False)
        return str(uuid_module.uuid5(uuid_module.NAMESPACE_URL, f"huizhi-import:{survey_uuid}:{seed}"))


def import_file(project: Project, survey_id: int, path: str | Path, *, mapping: dict[str, Target | None] | None = None,
                good_rows_only: bool = True) -> ImportResult:
    """Read, map, check and write in one go (the command line's path)."""
    definition = load_definition(project, survey_id)
    table = read_table(path)
    mapping = mapping or propose_mapping(definition, table.headers)
    checked = check_rows(definition, table, mapping)
    if not good_rows_only and checked.problems:
        return ImportResult(0, 0, checked.problems)
    return import_rows(project, survey_id, checked, source=Path(path).name)
