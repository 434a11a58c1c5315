"""The Excel register of a brief: overview, participation, raw responses, questions.

Written with openpyxl's write-only mode, so 100 000 responses stream to disk without
holding the workbook in memory.
"""

from __future__ import annotations

import re
from pathlib import Path

from survey.model import NUMERIC_TYPES, Question, SurveyDefinition
from survey.store import iter_responses, list_surveys, load_definition
from workspace.catalogue import list_scenarios
from workspace.clock import now_iso
from workspace.files import atomic_output
from workspace.progress import Progress, no_progress
from workspace.project import Project

from ..overview import ProjectSummary, group_names

_HEADER_FILL = "DCE6F5"
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def write_xlsx(project: Project, summary: ProjectSummary, dest: Path, *, progress: Progress = no_progress) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    styles = SheetStyles()
    _overview_sheet(workbook, summary, styles)
    _participation_sheet(workbook, summary, styles)
    surveys = list_surveys(project)
    done, total = 0, max(sum(s.responses for s in surveys), 1)
    used_titles: set[str] = set()
    for info in surveys:
        definition = load_definition(project, info.id)
        title = _sheet_title(f"原始数据-{info.title.zh}", used_titles)
        done = _raw_sheet(workbook, project, info.id, definition, title, styles, done, total, progress)
    _questions_sheet(workbook, project, surveys, styles)
    with atomic_output(dest) as tmp:
        workbook.save(tmp)
    return dest


class SheetStyles:
    """openpyxl cell styles, built once per workbook."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.header_font = Font(bold=True, color="1F2933")
        self.header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
        self.title_font = Font(bold=True, size=14)
        self.wrap = Alignment(wrap_text=True, vertical="top")

    def cells(self, sheet, values, *, header: bool = False, title: bool = False) -> list:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            if header:
                cell.font, cell.fill, cell.alignment = self.header_font, self.header_fill, self.wrap
            elif title:
                cell.font = self.title_font
            cells.append(cell)
        return cells


def _overview_sheet(workbook, summary: ProjectSummary, styles: SheetStyles) -> None:
    sheet = workbook.create_sheet("概况")
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 48
    sheet.append(styles.cells(sheet, [summary.title], title=True))
    sheet.append([])
    rows = [
        ("导出时间", now_iso()),
        ("项目文件", summary.path),
        ("问卷数", summary.surveys),
        ("有效答卷", summary.responses),
        ("研讨会", summary.sessions),
        ("研讨会参与者", summary.participants),
        ("研讨会卡片", summary.cards),
        ("候选应用场景", summary.scenarios),
    ]
    sheet.append(styles.cells(sheet, ["项目", "数值"], header=True))
    for row in rows:
        sheet.append(list(row))


def _participation_sheet(workbook, summary: ProjectSummary, styles: SheetStyles) -> None:
    sheet = workbook.create_sheet("参与情况")
    names = group_names(summary)
    codes = [g.code for g in summary.groups]
    sheet.column_dimensions["A"].width = 36
    sheet.append(styles.cells(sheet, ["问卷", *(names[c].zh for c in codes), "合计"], header=True))
    for p in summary.participation:
        sheet.append([p.title.zh, *(p.by_group.get(c, 0) for c in codes), p.total])
    totals = [sum(p.by_group.get(c, 0) for p in summary.participation) for c in codes]
    sheet.append(styles.cells(sheet, ["合计", *totals, sum(totals)], header=True))
    sheet.append([])
    sheet.append(styles.cells(sheet, ["研讨会参与者", *(names[c].zh for c in codes), "合计"], header=True))
    people = [g.participants for g in summary.groups]
    sheet.append(["全部研讨会", *people, sum(people)])


def _raw_sheet(workbook, project, survey_id, definition: SurveyDefinition, title, styles, done, total, progress) -> int:
    sheet = workbook.create_sheet(title)
    names = {s.code: s.name for s in list_scenarios(project, include_retired=True)}
    columns = definition.answer_columns(names)
    fixed = ["答卷编号", "相关方群体", "采集员", "提交时间", "问卷版本"]
    sheet.freeze_panes = "B2"
    for index, width in enumerate([38, 12, 12, 20, 9], start=1):
        sheet.column_dimensions[_column_letter(index)].width = width
    for index, (_, q, _) in enumerate(columns, start=len(fixed) + 1):
        sheet.column_dimensions[_column_letter(index)].width = 40 if q.type == "text" else 16
    sheet.append(styles.cells(sheet, fixed + [heading.get("zh") or name for name, _, heading in columns], header=True))
    groups = {
        code: zh for code, zh in project.db.conn.execute("SELECT code, name_zh FROM stakeholder_groups")
    }
    versions: dict[int, SurveyDefinition] = {}
    for response in iter_responses(project, survey_id):
        shown = versions.get(response.version)
        if shown is None:
            shown = versions[response.version] = load_definition(project, survey_id, response.version)
        by_name = {q.name: q for q in shown.questions}
        values = [
            _cell_value(shown, by_name[q.name], response.answers.get(name)) if q.name in by_name else ""
            for name, q, _ in columns
        ]
        sheet.append(
            [
                response.uuid,
                groups.get(response.stakeholder_group, response.stakeholder_group or ""),
                response.collector,
                response.submitted_at or "",
                response.version,
                *values,
            ]
        )
        done += 1
        if done % 2000 == 0:
            progress(done / total, f"已写入 {done} 份答卷")
    return done


def _questions_sheet(workbook, project, surveys, styles) -> None:
    sheet = workbook.create_sheet("题目")
    for column, width in zip("ABCDE", (30, 20, 16, 60, 60)):
        sheet.column_dimensions[column].width = width
    sheet.append(styles.cells(sheet, ["问卷", "题目代码", "题型", "题目（中文）", "题目（英文）"], header=True))
    for info in surveys:
        for q in load_definition(project, info.id).questions:
            sheet.append([info.title.zh, q.name, q.type, q.label.get("zh"), q.label.get("en")])


def _cell_value(definition: SurveyDefinition, question: Question, value: str | None):
    """Numeric answers as numbers so that Excel can sum them; choices as their labels."""
    if value and (question.type in NUMERIC_TYPES and not question.list_name or question.type == "scenario_grid"):
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if number.is_integer() else number
    return definition.display_value(question, value)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _sheet_title(title: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("-", title)[:31]
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base[:28]}-{n}"
    used.add(candidate)
    return candidate
