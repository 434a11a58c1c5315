"""Undo and redo for workshop work, kept by SQLite itself.

Temporary triggers on the project's connection write, for every insert, update and delete
on the watched tables, the SQL statement that reverses it into a temporary log. An action
is a *step*: one transaction, and the log entries written while it ran. Undoing a step
runs its statements backwards in one transaction; the triggers record what the undo did,
and that becomes the redo step. This is SQLite's own "automatic undo/redo" recipe: one
mechanism covers every kind of change (capture, moves, edits, deletions, cascades) without
each action having to describe its inverse.

The log is temporary: it lives as long as the connection, like an editor's undo history.
The triggers record only while a step (or an undo/redo) runs, so changes made on the same
connection outside any step (an import, a catalogue edit on another page) leave no entries
that no step owns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from workspace.errors import ValidationError
from workspace.project import Project

WORKSHOP_TABLES = (
    "sessions", "agenda_items", "participants", "clusters", "cards", "swot_items", "scoring_rounds", "scores",
    "decisions", "actions", "interest_conflicts", "scenarios", "scenario_kpis",
)
"""Everything a facilitator changes during a workshop, the catalogue included (a cluster
can become a scenario)."""

_LOG = "temp.huizhi_undo_log"
_RECORDING = "temp.huizhi_undo_recording"


@dataclass(frozen=True, slots=True)
class Step:
    label: str
    first: int
    last: int
    tables: frozenset[str] = frozenset()
    """The tables the step changed (cascades included), so a screen can reload just those."""


class History:
    """The undo and redo stacks of one open project (one connection)."""

    def __init__(self, project: Project, tables: tuple[str, ...] = WORKSHOP_TABLES, *, limit: int = 200) -> None:
        self.project = project
        self.limit = limit
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []
        self.touched: frozenset[str] = frozenset()
        """The tables changed by the last step, undo or redo (empty when it changed nothing)."""
        _install(project.db.conn, tables)

    # -- recording -------------------------------------------------------------------------

    @contextmanager
    def step(self, label: str) -> Iterator:
        """One user action: a transaction whose changes undo as one."""
        conn = self.project.db.conn
        self.touched = frozenset()
        with self.project.transaction() as db, _recording(conn):
            first = _next_seq(conn)
            yield db
            last = _next_seq(conn) - 1
            tables = _tables(conn, first, last)
        if last < first:
            return  # nothing changed: nothing to undo
        self.touched = tables
        self._drop(self.redo_steps)
        self.redo_steps = []
        self.undo_steps.append(Step(label, first, last, tables))
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
        self.touched = frozenset()
        if not self.undo_steps:
            return ""
        step = self.undo_steps[-1]
        replayed = self._replay(step)  # may be refused (another connection changed the rows): the step stays
        self.undo_steps.pop()
        self.redo_steps.append(replayed)
        return step.label

    def redo(self) -> str:
        self.touched = frozenset()
        if not self.redo_steps:
            return ""
        step = self.redo_steps[-1]
        replayed = self._replay(step)
        self.redo_steps.pop()
        self.undo_steps.append(replayed)
        return step.label

    def clear(self) -> None:
        self._drop(self.undo_steps + self.redo_steps)
        self.undo_steps, self.redo_steps = [], []

    def _replay(self, step: Step) -> Step:
        """Run a step's inverse statements newest first; the statements this writes are its inverse.
        When the rows have changed under it (another window or process), nothing is changed and
        a :class:`ValidationError` says so."""
        try:
            return self._run_inverse(step)
        except sqlite3.IntegrityError as error:
            raise ValidationError(
                f"无法撤销或重做“{step.label}”：相关数据已在别处被修改（{error}）。",
                f"Cannot undo or redo {step.label!r}: the rows were changed elsewhere ({error}).") from error

    def _run_inverse(self, step: Step) -> Step:
        conn = self.project.db.conn
        with self.project.transaction(), _recording(conn):
            conn.execute("PRAGMA defer_foreign_keys = ON")  # rows come back in any order
            first = _next_seq(conn)
            statements = conn.execute(
                f"SELECT sql FROM {_LOG} WHERE seq BETWEEN ? AND ? ORDER BY seq DESC", [step.first, step.last]
            ).fetchall()
            for (sql,) in statements:
                conn.execute(sql)
            conn.execute(f"DELETE FROM {_LOG} WHERE seq BETWEEN ? AND ?", [step.first, step.last])
            last = _next_seq(conn) - 1
        self.touched = step.tables
        return Step(step.label, first, last, step.tables)

    def _drop(self, steps: list[Step]) -> None:
        if not steps:
            return
        # In a transaction of its own: a bare DELETE would leave the connection in an implicit one.
        with self.project.transaction() as db:
            for step in steps:
                db.conn.execute(f"DELETE FROM {_LOG} WHERE seq BETWEEN ? AND ?", [step.first, step.last])


@contextmanager
def _recording(conn: sqlite3.Connection) -> Iterator[None]:
    """Switch the triggers on for the length of a step (steps may nest: the outer one owns it)."""
    already = conn.execute(f"SELECT on_ FROM {_RECORDING}").fetchone()[0]
    if already:
        yield
        return
    conn.execute(f"UPDATE {_RECORDING} SET on_ = 1")
    try:
        yield
    finally:
        conn.execute(f"UPDATE {_RECORDING} SET on_ = 0")


def _tables(conn: sqlite3.Connection, first: int, last: int) -> frozenset[str]:
    return frozenset(row[0] for row in conn.execute(
        f"SELECT DISTINCT tbl FROM {_LOG} WHERE seq BETWEEN ? AND ?", [first, last]))


def _next_seq(conn: sqlite3.Connection) -> int:
    return conn.execute(f"SELECT COALESCE(MAX(seq), 0) + 1 FROM {_LOG}").fetchone()[0]


def _install(conn: sqlite3.Connection, tables: tuple[str, ...]) -> None:
    """Create the log and one trigger per table and change (idempotent per connection)."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {_LOG} (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, sql TEXT NOT NULL)")
    # DDL only (CREATE … AS SELECT): a bare INSERT would open an implicit transaction.
    conn.execute(f"CREATE TABLE IF NOT EXISTS {_RECORDING} AS SELECT 0 AS on_")
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
                f"WHEN (SELECT on_ FROM huizhi_undo_recording) BEGIN INSERT INTO huizhi_undo_log(tbl, sql) VALUES('{table}', {sql}); END"  # triggers take no schema names
            )
