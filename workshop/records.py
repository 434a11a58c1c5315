"""What a session decides: decisions, actions (owner department, due date, status) and
conflicts of interest (利益冲突: which stakeholder groups disagree, about what)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from workspace.clock import new_uuid, now_iso
from workspace.errors import ValidationError
from workspace.project import Project

ACTION_STATUSES = ("open", "doing", "done")
STATUS_NAMES = {"open": "未开始", "doing": "进行中", "done": "已完成"}


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    text: str
    scenario_code: str | None


@dataclass(frozen=True, slots=True)
class Action:
    id: int
    text: str
    owner_department: str
    due_on: str | None
    status: str


@dataclass(frozen=True, slots=True)
class InterestConflict:
    id: int
    text: str
    scenario_code: str | None
    groups: tuple[str, ...]


def add_decision(project: Project, session_id: int, text: str, *, scenario_code: str | None = None) -> int:
    _require(text, "决议")
    with project.transaction() as db:
        return db.conn.execute(
            "INSERT INTO decisions(uuid, session_id, scenario_code, text, created_at) VALUES (?, ?, ?, ?, ?)",
            [new_uuid(), session_id, scenario_code, text.strip(), now_iso()]).lastrowid


def add_action(project: Project, session_id: int, text: str, *, owner_department: str = "",
               due_on: str | None = None, status: str = "open") -> int:
    _require(text, "行动")
    _check_status(status)
    _check_date(due_on)
    with project.transaction() as db:
        return db.conn.execute(
            "INSERT INTO actions(uuid, session_id, text, owner_department, due_on, status, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [new_uuid(), session_id, text.strip(), owner_department.strip(), due_on or None, status, now_iso()]).lastrowid


def update_action(project: Project, action_id: int, **changes) -> None:
    """Change any of ``text``, ``owner_department``, ``due_on``, ``status``."""
    allowed = {"text", "owner_department", "due_on", "status"}
    if set(changes) - allowed:
        raise TypeError(f"cannot change {sorted(set(changes) - allowed)} of an action")
    if "status" in changes:
        _check_status(changes["status"])
    if "text" in changes:
        _require(changes["text"], "行动")
    _check_date(changes.get("due_on"))
    with project.transaction() as db:
        for key, value in changes.items():
            db.execute(f"UPDATE actions SET {key} = ? WHERE id = ?", [value, action_id])


def add_conflict(project: Project, session_id: int | None, text: str, *, groups: list[str] = (),
                 scenario_code: str | None = None) -> int:
    """Record a conflict of interest raised in a session, or (``session_id`` None) found by
    comparing the stakeholder groups' rankings on the Priorities page."""
    _require(text, "利益冲突")
    with project.transaction() as db:
        return db.conn.execute(
            "INSERT INTO interest_conflicts(uuid, session_id, scenario_code, groups, text, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [new_uuid(), session_id, scenario_code, json.dumps(list(groups)), text.strip(), now_iso()]).lastrowid


def delete_record(project: Project, table: str, record_id: int) -> None:
    """Delete a decision, action or conflict (``table``: decisions, actions, interest_conflicts)."""
    if table not in ("decisions", "actions", "interest_conflicts"):
        raise ValueError(table)
    with project.transaction() as db:
        db.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])


def decisions(project: Project, session_id: int) -> list[Decision]:
    return [Decision(*row) for row in project.db.conn.execute(
        "SELECT id, text, scenario_code FROM decisions WHERE session_id = ? ORDER BY id", [session_id])]


def actions(project: Project, session_id: int) -> list[Action]:
    return [Action(*row) for row in project.db.conn.execute(
        "SELECT id, text, owner_department, due_on, status FROM actions WHERE session_id = ? ORDER BY id", [session_id])]


def conflicts(project: Project, session_id: int) -> list[InterestConflict]:
    return [InterestConflict(row[0], row[1], row[2], tuple(json.loads(row[3]))) for row in project.db.conn.execute(
        "SELECT id, text, scenario_code, groups FROM interest_conflicts WHERE session_id = ? ORDER BY id", [session_id])]


def project_conflicts(project: Project) -> list[InterestConflict]:
    """The conflicts recorded outside any session (the Priorities page's list)."""
    return [InterestConflict(row[0], row[1], row[2], tuple(json.loads(row[3]))) for row in project.db.conn.execute(
        "SELECT id, text, scenario_code, groups FROM interest_conflicts WHERE session_id IS NULL ORDER BY id")]


def _require(text: str, what: str) -> None:
    if not text or not text.strip():
        raise ValidationError(f"{what}需要内容。", f"The {what} needs text.")


def _check_status(status: str) -> None:
    if status not in ACTION_STATUSES:
        raise ValidationError(f"行动状态应为 open、doing、done 之一：{status}", f"Unknown action status: {status}")


def _check_date(value: str | None) -> None:
    import datetime as dt

    if value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(f"日期应写成 2026-12-31 这样：{value}", f"Dates look like 2026-12-31: {value}") from None
