"""SWOT boards (优势 / 劣势 / 机会 / 威胁): one per scenario, and one for the city as a whole.

An item is typed text, or a link to a card: a linked item shows the card's current text
and author, so editing the card edits the item, and deleting the card removes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workspace.clock import new_uuid
from workspace.errors import ValidationError
from workspace.project import Project

QUADRANTS = ("S", "W", "O", "T")
QUADRANT_NAMES = {"S": "优势", "W": "劣势", "O": "机会", "T": "威胁"}


@dataclass(frozen=True, slots=True)
class SwotItem:
    id: int
    quadrant: str
    text: str
    card_id: int | None
    author: str
    position: float


def add_item(project: Project, session_id: int, quadrant: str, *, text: str = "", card_id: int | None = None,
             scenario_code: str | None = None) -> int:
    """Add typed text, or link a card (``card_id``), to a quadrant of a scenario's board
    (``scenario_code=None``: the city-wide board)."""
    _check_quadrant(quadrant)
    if card_id is None and not text.strip():
        raise ValidationError("SWOT 条目需要内容或一张卡片。", "A SWOT item needs text or a card.")
    with project.transaction() as db:
        position = db.conn.execute(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM swot_items WHERE session_id = ? AND scenario_code IS ? "
            "AND quadrant = ?", [session_id, scenario_code, quadrant]).fetchone()[0]
        return db.conn.execute(
            "INSERT INTO swot_items(uuid, session_id, scenario_code, quadrant, text, card_id, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [new_uuid(), session_id, scenario_code, quadrant, "" if card_id else text.strip(), card_id, position],
        ).lastrowid


def board(project: Project, session_id: int, scenario_code: str | None = None) -> dict[str, list[SwotItem]]:
    """The four quadrants of one board, each in order."""
    rows = project.db.conn.execute(
        """
        SELECT s.id, s.quadrant, COALESCE(c.text, s.text), s.card_id,
               COALESCE(p.name, c.department, ''), s.position
        FROM swot_items s LEFT JOIN cards c ON c.id = s.card_id LEFT JOIN participants p ON p.id = c.participant_id
        WHERE s.session_id = ? AND s.scenario_code IS ? ORDER BY s.position, s.id
        """, [session_id, scenario_code])
    quadrants: dict[str, list[SwotItem]] = {q: [] for q in QUADRANTS}
    for row in rows:
        quadrants[row[1]].append(SwotItem(*row))
    return quadrants


def boards_in_use(project: Project, session_id: int) -> list[str | None]:
    """The scenarios with a SWOT board in this session (None: the city-wide one), city first."""
    codes = [row[0] for row in project.db.conn.execute(
        "SELECT DISTINCT scenario_code FROM swot_items WHERE session_id = ?", [session_id])]
    return sorted(codes, key=lambda code: (code is not None, code or ""))


def move_item(project: Project, item_id: int, quadrant: str) -> None:
    """Put an item at the end of another quadrant of its board."""
    _check_quadrant(quadrant)
    with project.transaction() as db:
        row = db.conn.execute("SELECT session_id, scenario_code FROM swot_items WHERE id = ?", [item_id]).fetchone()
        if row is None:
            raise ValidationError("这条 SWOT 条目已不存在。", "That SWOT item is gone.")
        session_id, code = row
        position = db.conn.execute(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM swot_items WHERE session_id = ? AND scenario_code IS ? "
            "AND quadrant = ?", [session_id, code, quadrant]).fetchone()[0]
        db.execute("UPDATE swot_items SET quadrant = ?, position = ? WHERE id = ?", [quadrant, position, item_id])


def edit_item(project: Project, item_id: int, text: str) -> None:
    """Change a typed item's text (a linked item is edited through its card)."""
    if not text.strip():
        raise ValidationError("SWOT 条目不能为空。", "A SWOT item cannot be empty.")
    with project.transaction() as db:
        linked = db.conn.execute("SELECT card_id FROM swot_items WHERE id = ?", [item_id]).fetchone()
        if linked and linked[0] is not None:
            db.execute("UPDATE cards SET text = ? WHERE id = ?", [text.strip(), linked[0]])
        else:
            db.execute("UPDATE swot_items SET text = ? WHERE id = ?", [text.strip(), item_id])


def delete_item(project: Project, item_id: int) -> None:
    """Remove the item (a linked card stays on the card board)."""
    with project.transaction() as db:
        db.execute("DELETE FROM swot_items WHERE id = ?", [item_id])


def _check_quadrant(quadrant: str) -> None:
    if quadrant not in QUADRANTS:
        raise ValidationError(f"SWOT 象限应为 S、W、O、T 之一：{quadrant}", f"A SWOT quadrant is S, W, O or T: {quadrant}")
