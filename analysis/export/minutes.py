"""Workshop minutes (会议纪要) as an Excel workbook: everything one session produced.

Sheets: 概况 (the session and its agenda), 参会者, 卡片, SWOT, 评分原始 (every score, dot and
MoSCoW choice), 评分汇总 (per scenario and criterion, for everyone and by stakeholder group),
投票 (dots and MoSCoW, by group), 决议, 行动, 利益冲突. Each sheet is a plain table with a
header row, so it filters and sorts in Excel as it is.
"""

from __future__ import annotations

from pathlib import Path

from workshop import cards as card_store
from workshop import records, scoring, store, swot
from workspace.files import atomic_output
from workspace.project import Project

from .xlsx import SheetStyles

ALL = "全体"


def write_minutes(project: Project, session_id: int, dest: str | Path) -> Path:
    """Write the session's minutes to ``dest`` (replaced only when complete)."""
    from openpyxl import Workbook

    info = store.get_session(project, session_id)
    names = _Names(project, session_id)
    workbook = Workbook(write_only=True)
    styles = SheetStyles()
    sheets = [
        ("概况", ["项目", "内容"], _overview_rows(project, info)),
        ("参会者", ["姓名", "部门", "机构", "相关方", "角色", "出席"], _people_rows(project, session_id, names)),
        ("卡片", ["编号", "内容", "类型", "作者", "部门", "相关方", "场景", "分组", "标签"],
         _card_rows(project, session_id, names)),
        ("SWOT", ["板块", "象限", "内容", "来源", "作者"], _swot_rows(project, session_id, names)),
        ("评分原始", ["轮次", "方式", "参会者", "部门", "相关方", "场景", "标准", "分值"],
         _raw_score_rows(project, session_id, names)),
        ("评分汇总", ["轮次", "场景", "标准", "相关方", "平均分", "标准差", "人数", "综合得分", "象限", "分歧"],
         _score_summary_rows(project, session_id, names)),
        ("投票", ["轮次", "方式", "场景", "相关方", "点数", "必须有", "应该有", "可以有", "暂不做", "共识"],
         _vote_rows(project, session_id, names)),
        ("决议", ["编号", "决议", "场景"], [(d.id, d.text, names.scenario(d.scenario_code))
                                          for d in records.decisions(project, session_id)]),
        ("行动", ["编号", "行动", "牵头部门", "完成期限", "状态"],
         [(a.id, a.text, a.owner_department, a.due_on or "", records.STATUS_NAMES[a.status])
          for a in records.actions(project, session_id)]),
        ("利益冲突", ["编号", "内容", "场景", "涉及相关方"],
         [(c.id, c.text, names.scenario(c.scenario_code), "、".join(names.group(g) for g in c.groups))
          for c in records.conflicts(project, session_id)]),
    ]
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.freeze_panes = "A2"
        for column, width in zip("ABCDEFGHIJ", _widths(header)):
            sheet.column_dimensions[column].width = width
        sheet.append(styles.cells(sheet, header, header=True))
        for row in rows:
            sheet.append(list(row))
    with atomic_output(Path(dest)) as tmp:
        workbook.save(tmp)
    return Path(dest)


class _Names:
    """Chinese names for codes: scenarios, stakeholder groups, people, clusters."""

    def __init__(self, project: Project, session_id: int) -> None:
        conn = project.db.conn
        self.scenarios = dict(conn.execute("SELECT code, name_zh FROM scenarios"))
        self.groups = dict(conn.execute("SELECT code, name_zh FROM stakeholder_groups"))
        self.people = {row[0]: row[1:] for row in conn.execute(
            "SELECT id, name, department, stakeholder_group FROM participants WHERE session_id = ?", [session_id])}
        self.clusters = {c.id: c.title for c in card_store.list_clusters(project, session_id)}

    def scenario(self, code: str | None) -> str:
        return self.scenarios.get(code, code) if code else ""

    def group(self, code: str | None) -> str:
        return self.groups.get(code, code) if code else ""


def _widths(header: list[str]) -> list[int]:
    wide = {"内容": 60, "行动": 48, "决议": 60, "场景": 24, "板块": 24, "标签": 24, "涉及相关方": 24}
    return [wide.get(h, 12) for h in header]


def _overview_rows(project: Project, info: store.SessionInfo) -> list[tuple]:
    people = store.participants(project, info.id)
    rows = [("研讨会", info.title), ("日期", info.held_on or ""), ("地点", info.place), ("主持人", info.facilitator),
            ("参会人数", len(people)), ("出席人数", sum(p.attended for p in people)), ("卡片数", info.cards),
            ("涉及场景数", _scenario_count(project, info.id))]
    rows += [(f"议程 {item.position}", f"{item.title}（{item.planned_minutes} 分钟）")
             for item in store.agenda(project, info.id)]
    return rows


def _scenario_count(project: Project, session_id: int) -> int:
    return project.db.conn.execute(
        "SELECT COUNT(DISTINCT scenario_code) FROM cards WHERE session_id = ? AND scenario_code IS NOT NULL",
        [session_id]).fetchone()[0]


def _people_rows(project: Project, session_id: int, names: _Names) -> list[tuple]:
    return [(p.name, p.department, p.organisation, names.group(p.stakeholder_group), p.role, "是" if p.attended else "否")
            for p in store.participants(project, session_id)]


def _card_rows(project: Project, session_id: int, names: _Names) -> list[tuple]:
    return [(c.id, c.text, card_store.KIND_NAMES[c.kind], c.author, c.department, names.group(c.stakeholder_group),
             names.scenario(c.scenario_code), names.clusters.get(c.cluster_id, ""), "、".join(c.tags))
            for c in sorted(card_store.list_cards(project, session_id), key=lambda c: c.id)]


def _swot_rows(project: Project, session_id: int, names: _Names) -> list[tuple]:
    rows = []
    for code in swot.boards_in_use(project, session_id):
        for quadrant, items in swot.board(project, session_id, code).items():
            for item in items:
                rows.append((names.scenario(code) or "全市总体", swot.QUADRANT_NAMES[quadrant], item.text,
                             f"卡片 {item.card_id}" if item.card_id else "手写", item.author))
    return rows


def _raw_score_rows(project: Project, session_id: int, names: _Names) -> list[tuple]:
    rows = []
    for current in scoring.list_rounds(project, session_id):
        criteria = {c.code: c.name for c in current.criteria} | {"dots": "投票点", "moscow": "MoSCoW"}
        for (person, code, criterion), value in sorted(scoring.entries(project, current.id).items()):
            name, department, group = names.people.get(person, ("", "", None))
            shown = scoring.MOSCOW_NAMES[scoring.MOSCOW[int(value) - 1]] if criterion == "moscow" else value
            rows.append((current.title, _METHOD_NAMES[current.method], name, department, names.group(group),
                         names.scenario(code), criteria.get(criterion, criterion), shown))
    return rows


_METHOD_NAMES = {"scores": "评分", "dots": "投票点", "moscow": "MoSCoW"}


def _score_summary_rows(project: Project, session_id: int, names: _Names) -> list[tuple]:
    rows = []
    for current in scoring.list_rounds(project, session_id):
        if current.method != "scores":
            continue
        outcome = scoring.results(project, current.id)
        for result in outcome.scenarios:
            quadrant = scoring.QUADRANT_NAMES.get(result.quadrant, "")
            for criterion in current.criteria:
                stat = result.stats.get(criterion.code)
                if stat is None:
                    continue
                gaps = [f"{names.group(high)}高于{names.group(low)} {gap:.1f} 分"
                        for code, high, low, gap in result.disagreements if code == criterion.code]
                rows.append((current.title, names.scenario(result.code), criterion.name, ALL, round(stat.mean, 2),
                             round(stat.sd, 2), stat.n, round(result.total, 2), quadrant, "；".join(gaps)))
                for group, means in sorted(result.by_group.items()):
                    if criterion.code in means:
                        rows.append((current.title, names.scenario(result.code), criterion.name,
                                     names.group(group) or "未分组", round(means[criterion.code], 2), None, None, None,
                                     None, None))
    return rows


def _vote_rows(project: Project, session_id: int, names: _Names) -> list[tuple]:
    rows = []
    for current in scoring.list_rounds(project, session_id):
        if current.method == "scores":
            continue
        for result in scoring.results(project, current.id).scenarios:
            groups = [(ALL, result.counts or {"dots": result.total})]
            groups += [(names.group(g) or "未分组", v) for g, v in sorted(result.by_group.items())]
            for label, values in groups:
                if current.method == "dots":
                    rows.append((current.title, "投票点", names.scenario(result.code), label, values.get("dots", 0),
                                 None, None, None, None, None))
                else:
                    rows.append((current.title, "MoSCoW", names.scenario(result.code), label, None,
                                 *(values.get(c, 0) for c in scoring.MOSCOW),
                                 scoring.MOSCOW_NAMES.get(result.consensus, "") if label == ALL else None))
    return rows
