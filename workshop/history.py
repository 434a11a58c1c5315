"""Undo and redo for workshop work, kept by SQLite itself.

Temporary triggers on the project's connection write, for every insert, update and delete
on the watched tables, the SQL statement that reverses it into a temporary log. An action
is a *step*: one transaction, and the log entries written while it ran. Undoing a step
runs its statements backwards in one transaction; the triggers record what the undo did,
and that becomes the redo step. This is SQLite's own "automatic undo/redo" recipe: one
mechanism covers every kind of change (capture, moves, edits, deletions, cascades) without
each action having to describe its inverse.

The log is temporary: it lives as long as the connection, like an editor's undo history.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from workspace.project import Project

WORKSHOP_TABLES = (
    "sessions", "agenda_items", "participants", "clusters", "cards", "swot_items", "scoring_rounds", "scores",
    "decisions", "actions", "interest_conflicts", "scenarios", "scenario_kpis",
)
"""Everything a facilitator changes during a workshop, the catalogue included (a cluster
can become a scenario)."""

_LOG = "temp.huizhi_undo_log"


@dataclass(frozen=True, slots=True)
class Step:
    label: str
    first: int
    last: int


class History:
    """The undo and redo stacks of one open project (one connection)."""

    def __init__(self, project: Project, tables: tuple[str, ...] = WORKSHOP_TABLES, *, limit: int = 200) -> None:
        self.project = project
        self.limit = limit
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []
        _install(project.db.conn, tables)

    # -- recording -------------------------------------------------------------------------

    @contextmanager
    def step(self, label: str) -> Iterator:
        """One user action: a transaction whose changes undo as one."""
        conn = self.project.db.conn
        with self.project.transaction() as db:
            first = _next_seq(conn)
            yield db
            last = _next_seq(conn) - 1
        if last < first:
            return  # nothing changed: nothing to undo
        self._drop(self.redo_steps)
        self.redo_steps = []
        self.undo_steps.append(Step(label, first, last))
        if len(self.undo_steps) > self.limit:
            self._drop(self.undo_steps[:1])
            del self.undo_steps[0]

    # -- undo and redo -------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self.undo_steps)

    def can_redo(self) -> bool:
        return bool(self.redo_steps)

    def undo_label(self) -> str:
        return self.undo_steps[-1].label if self.undo_steps else ""

    def redo_label(self) -> str:
        return self.redo_steps[-1].label if self.redo_steps else ""

    def undo(self) -> str:
        """Reverse the last step; returns its label ("" when there was nothing to undo)."""
        if not self.undo_steps:
            return ""
        step = self.undo_steps.pop()
        self.redo_steps.append(self._replay(step))
        return step.label

    def redo(self) -> str:
        if not self.redo_steps:
            return ""
        step = self.redo_steps.pop()
        self.undo_steps.append(self._replay(step))
        return step.label

    def clear(self) -> None:
        self._drop(self.undo_steps + self.redo_steps)
        self.undo_steps, self.redo_steps = [], []

    def _replay(self, step: Step) -> Step:
        """Run a step's inverse statements newest first; the statements this writes are its inverse."""
        conn = self.project.db.conn
        with self.project.transaction():
            conn.execute("PRAGMA defer_foreign_keys = ON")  # rows come back in any order
            first = _next_seq(conn)
            statements = conn.execute(
                f"SELECT sql FROM {_LOG} WHERE seq BETWEEN ? AND ? ORDER BY seq DESC", [step.first, step.last]
            ).fetchall()
            for (sql,) in statements:
                conn.execute(sql)
            conn.execute(f"DELETE FROM {_LOG} WHERE seq BETWEEN ? AND ?", [step.first, step.last])
            last = _next_seq(conn) - 1
        return Step(step.label, first, last)

    def _drop(self, steps: list[Step]) -> None:
        conn = self.project.db.conn
        for step in steps:
            conn.execute(f"DELETE FROM {_LOG} WHERE seq BETWEEN ? AND ?", [step.first, step.last])


def _next_seq(conn: sqlite3.Connection) -> int:
    return conn.execute(f"SELECT COALESCE(MAX(seq), 0) + 1 FROM {_LOG}").fetchone()[0]


def _install(conn: sqlite3.Connection, tables: tuple[str, ...]) -> None:
    """Create the log and one trigger per table and change (idempotent per connection)."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {_LOG} (seq INTEGER PRIMARY KEY, sql TEXT NOT NULL)")
    for table in tables:
        columns = [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]
        keys = [row[1] for row in sorted(conn.execute(f"PRAGMA main.table_info({table})"), key=lambda r: r[5]) if row[5]]
        if not keys:
            raise ValueError(f"{table} has no primary key to undo by")
        where_new = " || ' AND ' || ".join(f"'{k}=' || quote(NEW.{k})" for k in keys)
        restore = " || ',' || ".join(f"quote(OLD.{c})" for c in columns)
        assign = " || ',' || ".join(f"'{c}=' || quote(OLD.{c})" for c in columns)
        inverse = {
            "INSERT": f"'DELETE FROM main.{table} WHERE ' || {where_new}",
            "UPDATE": f"'UPDATE main.{table} SET ' || {assign} || ' WHERE ' || {where_new}",
            "DELETE": f"'INSERT INTO main.{table}({','.join(columns)}) VALUES(' || {restore} || ')'",
        }
        for event, sql in inverse.items():
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS huizhi_undo_{table}_{event.lower()} AFTER {event} ON main.{table} "
                f"BEGIN INSERT INTO huizhi_undo_log(sql) VALUES({sql}); END"  # triggers take no schema names
            )
