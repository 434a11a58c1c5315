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
        ids = dict(db.conn.execute("SELECT uuid, id FROM participants WHERE session_id = ?", [session_id]))
        db.conn.executemany(
            "INSERT INTO cards(uuid, session_id, participant_id, kind, text, tags, scenario_code, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.uuid,
                    session_id,
                    ids.get(c.participant_uuid),
                    c.kind,
                    c.text.strip(),
                    json.dumps(list(c.tags), ensure_ascii=False),
                    c.scenario_code,
                    c.created_at,
                )
                for c in cards
            ],
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
