"""The answers, texts, scores and SWOT items behind one number of the evidence table.

:func:`evidence_rows` re-reads them from the project for a (measure, scenario, group)
cell, by the same rules :mod:`.evidence` used to compute it, so a facilitator can check
any figure against what people actually said.
"""

from __future__ import annotations

from dataclasses import dataclass

from workspace.project import Project

from .evidence import ALL_GROUPS, MOSCOW_POINTS, audiences, survey_plans

LIMIT = 500


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    source: str
    """问卷 / 意见 / 研讨会 / SWOT."""
    where: str
    """The survey question, the session and round, or the SWOT quadrant."""
    who: str
    """The response (short UUID) or the participant, with the group."""
    value: str
    """The answer, the score or the sentiment."""
    text: str = ""
    key: str = ""
    """Response UUID, card UUID or text key."""


def evidence_rows(project: Project, measure: str, scenario: str, group: str | None, *,
                  limit: int = LIMIT) -> list[EvidenceRow]:
    """What stands behind a cell (``group`` None: every group), at most ``limit`` rows."""
    if measure.startswith("survey_"):
        return _survey_rows(project, measure, scenario, group, limit)
    if measure.startswith("text_"):
        return _text_rows(project, measure, scenario, group, limit)
    if measure == "swot_balance":
        return _swot_rows(project, scenario, limit)
    return _workshop_rows(project, measure, scenario, group, limit)


def _group_sql(group: str | None, column: str) -> tuple[str, list]:
    if group is None or group == ALL_GROUPS:
        return "", []
    return f" AND COALESCE({column}, '') = ?", [group]


def _survey_rows(project, measure, scenario, group, limit) -> list[EvidenceRow]:
    rows: list[EvidenceRow] = []
    titles = dict(project.db.conn.execute("SELECT id, title_zh FROM surveys"))
    for survey_id, plan in _plans(project):
        if measure == "survey_choice":
            names = [q for q, codes in plan.choice.items() if scenario in codes]
        elif measure == "survey_importance":
            names = [q for q, (code, _) in plan.likert.items() if code == scenario]
        else:
            names = [a for a, (m, code) in plan.grid.items() if m == measure and code == scenario]
        if not names:
            continue
        where, params = _group_sql(group, "COALESCE(r.stakeholder_group, s.audience)")
        found = project.db.conn.execute(
            "SELECT r.uuid, a.question, a.value, COALESCE(r.stakeholder_group, s.audience, '') "
            "FROM answers a JOIN responses r ON r.id = a.response_id JOIN surveys s ON s.id = r.survey_id "
            "WHERE r.survey_id = ? AND r.status = 'submitted' AND r.deleted_at IS NULL AND r.excluded = 0 "
            f"AND a.question IN ({','.join('?' * len(names))}) AND length(trim(a.value)) > 0{where} "
            "ORDER BY r.id LIMIT ?", [survey_id, *names, *params, limit - len(rows)]).fetchall()
        for uuid, question, value, who in found:
            shown = value
            if measure != "survey_choice" and not _counted(plan, question, value):
                continue  # out of the scale: the cell skipped it too
            if measure == "survey_choice":
                shown = "选了" if scenario in value.split() else "未选"
            rows.append(EvidenceRow("问卷", f"{titles.get(survey_id, '')} · {question}", _who(uuid, who), shown,
                                    key=uuid))
        if len(rows) >= limit:
            break
    if measure == "survey_choice":
        rows.sort(key=lambda row: row.value != "选了")
    return rows


def _counted(plan, question: str, value: str) -> bool:
    """Whether a grid or Likert answer is on its scale, as :mod:`.evidence` requires."""
    top = plan.likert[question][1] if question in plan.likert else 5
    try:
        return 1 <= float(value) <= top
    except ValueError:
        return False


def _plans(project: Project):
    codes = [row[0] for row in project.db.conn.execute("SELECT code FROM scenarios")]
    return survey_plans(project, codes).items()


def _who(uuid: str, group: str) -> str:
    return f"{uuid[:8]} · {group or '未注明'}"


def _text_rows(project, measure, scenario, group, limit) -> list[EvidenceRow]:
    from .evidence import text_labels

    audience = audiences(project)
    titles = dict(project.db.conn.execute("SELECT id, title FROM sessions"))
    docs, labels = text_labels(project)
    rows = []
    for doc in docs:
        scenarios, negative = labels[doc.doc]
        who = doc.group or audience.get(doc.survey_id) or ""
        if scenario not in scenarios or (group is not None and who != group) or \
                (measure == "text_negative" and not negative):
            continue
        where = f"研讨会 · {titles.get(doc.session_id, '')}" if doc.session_id is not None else f"问卷 · {doc.question}"
        rows.append(EvidenceRow("意见", where, who or "未注明", "负面" if negative else "", doc.text, doc.doc))
        if len(rows) >= limit:
            break
    return rows


def _workshop_rows(project, measure, scenario, group, limit) -> list[EvidenceRow]:
    criterion = {"workshop_dots": "dots", "workshop_moscow": "moscow"}.get(measure, measure.removeprefix("workshop_"))
    where, params = _group_sql(group, "p.stakeholder_group")
    found = project.db.conn.execute(
        "SELECT se.title, r.title, p.name, COALESCE(p.stakeholder_group, ''), sc.value, p.uuid "
        "FROM scores sc JOIN scoring_rounds r ON r.id = sc.round_id JOIN participants p ON p.id = sc.participant_id "
        "JOIN sessions se ON se.id = r.session_id "
        f"WHERE sc.scenario_code = ? AND sc.criterion = ?{where} ORDER BY se.id, r.id, p.name LIMIT ?",
        [scenario, criterion, *params, limit]).fetchall()
    names = {1: "必须有", 2: "应该有", 3: "可以有", 4: "暂不做"}
    rows = []
    for session, title, name, who, value, uuid in found:
        shown = names.get(int(value), "") if criterion == "moscow" else f"{value:g}"
        if criterion == "moscow":
            shown += f"（{MOSCOW_POINTS.get(int(value), 0):g} 分）"
        rows.append(EvidenceRow("研讨会", f"{session} · {title}", f"{name} · {who or '未注明'}", shown,
                                key=uuid))
    return rows


def _swot_rows(project, scenario, limit) -> list[EvidenceRow]:
    names = {"S": "优势", "W": "劣势", "O": "机会", "T": "威胁"}
    found = project.db.conn.execute(
        "SELECT se.title, s.quadrant, COALESCE(c.text, s.text), COALESCE(c.uuid, s.uuid) FROM swot_items s "
        "JOIN sessions se ON se.id = s.session_id LEFT JOIN cards c ON c.id = s.card_id "
        "WHERE s.scenario_code = ? ORDER BY se.id, s.quadrant, s.position LIMIT ?", [scenario, limit]).fetchall()
    return [EvidenceRow("SWOT", f"{session} · {names[q]}", "", "+1" if q in "SO" else "−1", text, key)
            for session, q, text, key in found]
