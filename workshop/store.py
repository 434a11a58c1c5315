"""Workshop sessions, their participants and the cards captured in them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from workspace.clock import new_uuid, now_iso
from workspace.errors import ValidationError
from workspace.project import Project

CARD_KINDS = ("pain", "need", "idea", "risk")


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    uuid: str
    title: str
    held_on: str | None
    place: str
    facilitator: str
    participants: int
    departments: int
    cards: int


@dataclass(slots=True)
class ParticipantRecord:
    name: str
    department: str = ""
    organisation: str = ""
    stakeholder_group: str | None = None
    role: str = ""
    attended: bool = True
    uuid: str = field(default_factory=new_uuid)


@dataclass(slots=True)
class CardRecord:
    text: str
    kind: str
    participant_uuid: str | None = None
    scenario_code: str | None = None
    tags: tuple[str, ...] = ()
    created_at: str = field(default_factory=now_iso)
    uuid: str = field(default_factory=new_uuid)


def create_session(
    project: Project, title: str, *, held_on: str | None = None, place: str = "", facilitator: str = ""
) -> int:
    if not title.strip():
        raise ValidationError("研讨会需要一个标题。", "A session needs a title.")
    with project.transaction() as db:
        cursor = db.execute(
            "INSERT INTO sessions(uuid, title, held_on, place, facilitator, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [new_uuid(), title.strip(), held_on, place, facilitator, now_iso()],
        )
    return cursor.lastrowid


def add_participants(project: Project, session_id: int, people: Iterable[ParticipantRecord]) -> int:
    rows = [
        (new.uuid, session_id, new.name, new.department, new.organisation, new.stakeholder_group, new.role, int(new.attended))
        for new in people
    ]
    with project.transaction() as db:
        db.conn.executemany(
            "INSERT INTO participants(uuid, session_id, name, department, organisation, stakeholder_group, role, "
            "attended) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def add_cards(project: Project, session_id: int, cards: Iterable[CardRecord]) -> int:
    """Add cards; a card's author is given by the participant's UUID."""
    cards = list(cards)
    for card in cards:
        if card.kind not in CARD_KINDS:
            raise ValidationError(f"未知的卡片类型：{card.kind}", f"Unknown card kind: {card.kind}")
        if not card.text.strip():
            raise ValidationError("卡片内容不能为空。", "A card cannot be empty.")
    with project.transaction() as db:
        people = {uuid: (pid, department, group) for uuid, pid, department, group in db.conn.execute(
            "SELECT uuid, id, department, stakeholder_group FROM participants WHERE session_id = ?", [session_id])}
        start = db.conn.execute("SELECT COALESCE(MAX(position), 0) FROM cards WHERE session_id = ?",
                                [session_id]).fetchone()[0]
        rows = []
        for i, c in enumerate(cards, start=1):
            pid, department, group = people.get(c.participant_uuid, (None, "", None))
            rows.append((c.uuid, session_id, pid, c.kind, c.text.strip(), json.dumps(list(c.tags), ensure_ascii=False),
                         c.scenario_code, c.created_at, department, group, start + i))
        db.conn.executemany(
            "INSERT INTO cards(uuid, session_id, participant_id, kind, text, tags, scenario_code, created_at, "
            "department, stakeholder_group, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(cards)


def list_sessions(project: Project) -> list[SessionInfo]:
    rows = project.db.conn.execute(
        """
        SELECT s.id, s.uuid, s.title, s.held_on, s.place, s.facilitator,
               (SELECT COUNT(*) FROM participants p WHERE p.session_id = s.id),
               (SELECT COUNT(DISTINCT p.department) FROM participants p
                 WHERE p.session_id = s.id AND p.department != ''),
               (SELECT COUNT(*) FROM cards c WHERE c.session_id = s.id)
        FROM sessions s ORDER BY s.held_on, s.id
        """
    ).fetchall()
    return [SessionInfo(*row) for row in rows]


def find_session(project: Project, text: str) -> int:
    """A session by id, UUID (or its unique beginning) or exact title."""
    conn = project.db.conn
    text = str(text).strip()
    if text.isdigit() and conn.execute("SELECT 1 FROM sessions WHERE id = ?", [int(text)]).fetchone():
        return int(text)
    rows = conn.execute("SELECT id FROM sessions WHERE uuid = ? OR title = ?", [text, text]).fetchall()
    if not rows and len(text) >= 4:
        rows = conn.execute("SELECT id FROM sessions WHERE uuid LIKE ?", [text + "%"]).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if rows:
        raise ValidationError(f"有 {len(rows)} 场研讨会符合“{text}”，请用编号。", f"{len(rows)} sessions match {text!r}; use the id.")
    raise ValidationError(f"没有这场研讨会：{text}", f"No such session: {text}")


def session_counts(project: Project) -> list[dict]:
    """Every session with its counts: the ``huizhi workshop list --json`` shape."""
    conn = project.db.conn
    shown = []
    for info in list_sessions(project):
        def count(sql: str) -> int:
            return conn.execute(sql, [info.id]).fetchone()[0]

        shown.append({
            "id": info.id, "uuid": info.uuid, "title": info.title, "date": info.held_on, "place": info.place,
            "facilitator": info.facilitator, "participants": info.participants,
            "attended": count("SELECT COUNT(*) FROM participants WHERE session_id = ? AND attended = 1"),
            "departments": info.departments, "cards": info.cards,
            "scenarios": count("SELECT COUNT(DISTINCT scenario_code) FROM cards WHERE session_id = ? "
                               "AND scenario_code IS NOT NULL"),
            "clusters": count("SELECT COUNT(*) FROM clusters WHERE session_id = ?"),
            "swot_items": count("SELECT COUNT(*) FROM swot_items WHERE session_id = ?"),
            "rounds": count("SELECT COUNT(*) FROM scoring_rounds WHERE session_id = ?"),
            "decisions": count("SELECT COUNT(*) FROM decisions WHERE session_id = ?"),
            "actions": count("SELECT COUNT(*) FROM actions WHERE session_id = ?"),
        })
    return shown


def count_rows(project: Project, table: str) -> int:
    """Rows in one of the workshop tables: ``sessions``, ``participants`` or ``cards``."""
    if table not in ("sessions", "participants", "cards"):
        raise ValueError(table)
    return project.db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def cards_by_kind(project: Project, session_id: int | None = None) -> dict[str, int]:
    sql = "SELECT kind, COUNT(*) FROM cards"
    params: list = []
    if session_id is not None:
        sql += " WHERE session_id = ?"
        params.append(session_id)
    counts = dict(project.db.conn.execute(sql + " GROUP BY kind", params).fetchall())
    return {kind: counts.get(kind, 0) for kind in CARD_KINDS}


# -- sessions, agenda, participants ------------------------------------------------------------------------


SESSION_FIELDS = ("title", "held_on", "place", "facilitator")


def update_session(project: Project, session_id: int, **changes) -> None:
    """Change any of ``title``, ``held_on``, ``place``, ``facilitator``."""
    if set(changes) - set(SESSION_FIELDS):
        raise TypeError(f"cannot change {sorted(set(changes) - set(SESSION_FIELDS))} of a session")
    if "title" in changes and not str(changes["title"]).strip():
        raise ValidationError("研讨会需要一个标题。", "A session needs a title.")
    with project.transaction() as db:
        for key, value in changes.items():
            db.execute(f"UPDATE sessions SET {key} = ? WHERE id = ?", [value, session_id])


def get_session(project: Project, session_id: int) -> SessionInfo:
    for info in list_sessions(project):
        if info.id == session_id:
            return info
    raise ValidationError(f"没有这场研讨会：{session_id}", f"No such session: {session_id}")


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: int
    position: int
    title: str
    planned_minutes: int


def add_agenda_item(project: Project, session_id: int, title: str, planned_minutes: int = 0) -> int:
    if not title.strip():
        raise ValidationError("议程需要一个标题。", "An agenda item needs a title.")
    if planned_minutes < 0:
        raise ValidationError("计划时长不能为负数。", "Planned minutes cannot be negative.")
    with project.transaction() as db:
        position = db.conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE session_id = ?",
                                   [session_id]).fetchone()[0]
        return db.conn.execute(
            "INSERT INTO agenda_items(uuid, session_id, position, title, planned_minutes) VALUES (?, ?, ?, ?, ?)",
            [new_uuid(), session_id, position, title.strip(), planned_minutes]).lastrowid


def agenda(project: Project, session_id: int) -> list[AgendaItem]:
    return [AgendaItem(*row) for row in project.db.conn.execute(
        "SELECT id, position, title, planned_minutes FROM agenda_items WHERE session_id = ? ORDER BY position",
        [session_id])]


def update_agenda_item(project: Project, item_id: int, *, title: str | None = None,
                       planned_minutes: int | None = None) -> None:
    with project.transaction() as db:
        if title is not None:
            if not title.strip():
                raise ValidationError("议程需要一个标题。", "An agenda item needs a title.")
            db.execute("UPDATE agenda_items SET title = ? WHERE id = ?", [title.strip(), item_id])
        if planned_minutes is not None:
            db.execute("UPDATE agenda_items SET planned_minutes = ? WHERE id = ?", [max(0, planned_minutes), item_id])


def move_agenda_item(project: Project, item_id: int, offset: int) -> None:
    """Move an item up (negative) or down (positive) the agenda."""
    with project.transaction() as db:
        row = db.conn.execute("SELECT session_id FROM agenda_items WHERE id = ?", [item_id]).fetchone()
        if row is None:
            raise ValidationError("这项议程已不存在。", "That agenda item is gone.")
        session_id = row[0]
        order = [row[0] for row in db.conn.execute(
            "SELECT id FROM agenda_items WHERE session_id = ? ORDER BY position", [session_id])]
        index = order.index(item_id)
        order.insert(max(0, min(len(order) - 1, index + offset)), order.pop(index))
        db.conn.executemany("UPDATE agenda_items SET position = ? WHERE id = ?",
                            [(i, item) for i, item in enumerate(order, start=1)])


def delete_agenda_item(project: Project, item_id: int) -> None:
    with project.transaction() as db:
        db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])


@dataclass(frozen=True, slots=True)
class Participant:
    id: int
    uuid: str
    name: str
    department: str
    organisation: str
    stakeholder_group: str | None
    role: str
    attended: bool


def participants(project: Project, session_id: int) -> list[Participant]:
    return [Participant(*row[:-1], bool(row[-1])) for row in project.db.conn.execute(
        "SELECT id, uuid, name, department, organisation, stakeholder_group, role, attended FROM participants "
        "WHERE session_id = ? ORDER BY id", [session_id])]


PARTICIPANT_FIELDS = ("name", "department", "organisation", "stakeholder_group", "role", "attended")


def update_participant(project: Project, participant_id: int, **changes) -> None:
    """Change any of the participant's fields; a card keeps the department and group it was written with."""
    if set(changes) - set(PARTICIPANT_FIELDS):
        raise TypeError(f"cannot change {sorted(set(changes) - set(PARTICIPANT_FIELDS))} of a participant")
    if "name" in changes and not str(changes["name"]).strip():
        raise ValidationError("参会者需要姓名。", "A participant needs a name.")
    if changes.get("stakeholder_group"):
        _check_group(project, changes["stakeholder_group"])
    with project.transaction() as db:
        for key, value in changes.items():
            db.execute(f"UPDATE participants SET {key} = ? WHERE id = ?",
                       [int(value) if key == "attended" else value, participant_id])


def delete_participant(project: Project, participant_id: int) -> None:
    """Remove a participant; their cards stay, still carrying their department and group."""
    with project.transaction() as db:
        db.execute("DELETE FROM participants WHERE id = ?", [participant_id])


_PEOPLE_HEADERS = {
    "name": ("姓名", "名字", "name", "参会人", "参会者"),
    "department": ("部门", "单位", "department", "dept", "所在部门"),
    "organisation": ("机构", "组织", "organisation", "organization", "工作单位"),
    "stakeholder_group": ("相关方", "相关方群体", "群体", "类别", "stakeholder", "stakeholder group", "group"),
    "role": ("角色", "职务", "职位", "role", "title"),
}


def people_from_rows(project: Project, headers: list[str] | None, rows: list[tuple[int, list[str]]], *,
                     where: str = "") -> list[ParticipantRecord]:
    """Participants from a table: with ``headers`` the columns are found by name (姓名, 部门,
    相关方, 角色 …); without, they are name, department, group, role in that order. A group is
    matched by code or Chinese name. Every problem is raised at once, with its row and column."""
    if headers is not None:
        columns = {key: next((i for i, h in enumerate(headers) if h.strip().lower() in names), None)
                   for key, names in _PEOPLE_HEADERS.items()}
        if columns["name"] is None:
            raise ValidationError(f"{where}找不到“姓名”列（表头：{'、'.join(headers)}）。",
                                  f"{where}No name column (headers: {', '.join(headers)}).")
    else:
        columns = {"name": 0, "department": 1, "stakeholder_group": 2, "role": 3, "organisation": None}
    groups = _group_lookup(project)
    people, problems = [], []
    for number, cells in rows:
        def cell(key: str) -> str:
            index = columns.get(key)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        name = cell("name")
        if not name:
            if any(c.strip() for c in cells):
                problems.append(f"第 {number} 行：没有姓名")
            continue
        group_text = cell("stakeholder_group")
        group = groups.get(group_text.lower()) if group_text else None
        if group_text and group is None:
            column = headers[columns["stakeholder_group"]] if headers else "第 3 列"
            problems.append(f"第 {number} 行“{column}”：不认识的相关方“{group_text}”（可用：{'、'.join(sorted(set(groups.values())))}）")
            continue
        people.append(ParticipantRecord(name, cell("department"), cell("organisation"), group, cell("role")))
    if problems:
        raise ValidationError(f"{where}有 {len(problems)} 处问题，未导入：\n" + "\n".join(problems[:20]),
                              f"{where}{len(problems)} problems; nothing imported.")
    return people


def paste_people(project: Project, session_id: int, text: str) -> int:
    """Add participants from pasted lines: name, department, group, role separated by tabs,
    commas or spaces; a first line of headers (姓名 …) is recognised."""
    rows = [(n, _split_pasted(line)) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not rows:
        return 0
    headers = rows[0][1] if any(h.lower() in _PEOPLE_HEADERS["name"] for h in rows[0][1]) else None
    people = people_from_rows(project, headers, rows[1:] if headers else rows)
    return add_participants(project, session_id, people)


def _split_pasted(line: str) -> list[str]:
    """Cells of a pasted line: tabs (from Excel) first, else commas, else spaces."""
    import re

    for separator in (r"\t", r"[,，]", r"\s+"):
        if re.search(separator, line.strip()):
            return [cell.strip() for cell in re.split(separator, line.strip())]
    return [line.strip()]


def import_people(project: Project, session_id: int, path) -> int:
    """Add participants from an Excel/CSV list (first sheet, a header row with 姓名 …)."""
    from pathlib import Path

    from workspace.tables import read_table

    table = read_table(path)
    people = people_from_rows(project, table.headers, table.rows, where=f"{Path(path).name}：")
    return add_participants(project, session_id, people)


def _group_lookup(project: Project) -> dict[str, str]:
    lookup = {}
    for code, name_zh, name_en in project.db.conn.execute("SELECT code, name_zh, name_en FROM stakeholder_groups"):
        for key in (code, name_zh, name_en):
            if key:
                lookup[key.lower()] = code
    return lookup


def _check_group(project: Project, code: str) -> None:
    if not project.db.conn.execute("SELECT 1 FROM stakeholder_groups WHERE code = ?", [code]).fetchone():
        raise ValidationError(f"没有这个相关方群体：{code}", f"No such stakeholder group: {code}")
