"""Durable capture: every answer reaches the disk, in its own transaction, before the UI moves on.

A :class:`Capture` is one collector answering one survey version on one device. Each
operation (a new response, one answer, a submit) is a single transaction with
``synchronous=FULL``, so once a call returns the answer survives a crash, a killed
process or a flat battery. A response is a draft until it is submitted; every change of
an answer is kept in ``answer_audit`` (old value, new value, time) with its own UUID,
which is also what merging uses to tell an edited response from a conflicting one.
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass

from workspace.clock import new_uuid, now_iso
from workspace.errors import ValidationError
from workspace.project import Project

from .model import SurveyDefinition
from .runtime import FormState
from .store import load_definition, load_survey_version


class CaptureError(ValidationError):
    """An operation refused before anything was written (unknown question, bad value …)."""


@dataclass(frozen=True, slots=True)
class Draft:
    uuid: str
    survey_id: int
    version: int
    started_at: str
    updated_at: str | None
    answered: int
    collector: str


def device_id() -> str:
    """A stable name for this computer, recorded with each response."""
    return socket.gethostname() or "unknown-device"


class Capture:
    """Answers to one survey version by one collector, written through as they come."""

    def __init__(self, project: Project, survey_id: int, *, collector: str = "", device: str | None = None,
                 version: int | None = None) -> None:
        self.project = project
        self.survey_id = survey_id
        self.version = version or load_survey_version(project, survey_id)
        self.definition: SurveyDefinition = load_definition(project, survey_id, self.version)
        self.collector = collector
        self.device = device or device_id()
        self._names = self._answer_names()
        self.sealing = bool(project.meta("field_public_key"))
        project.db.conn.execute("PRAGMA synchronous = FULL")

    def _answer_names(self) -> dict[str, str]:
        """Every answer name a response may hold, mapped to its question (grid cells to the grid)."""
        names = {}
        for q in self.definition.questions:
            for name in q.answer_names():
                names[name] = q.name
        return names

    # -- operations ------------------------------------------------------------------------

    def new(self, *, stakeholder_group: str | None = None, uuid: str | None = None) -> str:
        """Start a draft response and return its UUID."""
        response_uuid = uuid or new_uuid()
        now = now_iso()
        with self.project.transaction() as db:
            db.execute(
                "INSERT INTO responses(uuid, survey_id, survey_version, stakeholder_group, collector, device_id, "
                "started_at, updated_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft')",
                [response_uuid, self.survey_id, self.version, stakeholder_group or self.definition.audience,
                 self.collector, self.device, now, now],
            )
        return response_uuid

    def answer(self, response_uuid: str, name: str, value: str) -> dict[str, str]:
        """Record one answer (``''`` clears it). Refuses an unknown question, a value that
        breaks the question's constraint, and submitted responses; writes nothing then.

        Returns the response's answers after the change.
        """
        value = "" if value is None else str(value)
        response_id, status, answers = self._load(response_uuid)
        if status != "draft":
            raise CaptureError(f"答卷已提交，不能再修改：{response_uuid}", f"The response is already submitted: {response_uuid}")
        question_name = self._names.get(name)
        if question_name is None:
            raise CaptureError(f"问卷中没有这道题：{name}", f"No such question in this survey: {name}")
        question = self.definition.question(question_name)
        if value and question.type != "scenario_grid":
            state = FormState(self.definition, {**answers, name: value})
            problem = state.check_value(name, value)
            problems = ([problem] if problem else []) + self._choice_problems(question, value, state)
            if problems:
                raise CaptureError(f"{name}：{problems[0].message}", f"{name}: {problems[0].message}")
        elif value and question.type == "scenario_grid" and value not in {"1", "2", "3", "4", "5"}:
            raise CaptureError(f"{name}：请填写 1–5 的分数", f"{name}: a score from 1 to 5")
        old = answers.get(name)
        if (old or "") == value:
            return answers
        now = now_iso()
        with self.project.transaction() as db:
            if value:
                db.execute(
                    "INSERT INTO answers(response_id, question, value) VALUES (?, ?, ?) "
                    "ON CONFLICT(response_id, question) DO UPDATE SET value = excluded.value",
                    [response_id, name, value],
                )
            else:
                db.execute("DELETE FROM answers WHERE response_id = ? AND question = ?", [response_id, name])
            db.execute(
                "INSERT INTO answer_audit(uuid, response_id, question, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?)",
                [new_uuid(), response_id, name, old, value or None, now],
            )
            updates, params = ["updated_at = ?"], [now]
            if question.type == "stakeholder_group" and value:
                updates.append("stakeholder_group = ?")
                params.append(value)
            db.execute(f"UPDATE responses SET {', '.join(updates)} WHERE id = ?", [*params, response_id])
        answers = dict(answers)
        if value:
            answers[name] = value
        else:
            answers.pop(name, None)
        return answers

    def submit(self, response_uuid: str) -> None:
        """Finish a draft: every relevant required question must be answered."""
        response_id, status, answers = self._load(response_uuid)
        if status != "draft":
            raise CaptureError(f"答卷已提交：{response_uuid}", f"The response is already submitted: {response_uuid}")
        state = FormState(self.definition, answers)
        missing = [name for name in state.order if any(p.kind == "required" for p in state.problems(name))]
        if missing:
            raise CaptureError(f"还有必答题未回答：{'、'.join(missing)}", f"Required questions are unanswered: {', '.join(missing)}")
        now = now_iso()
        with self.project.transaction() as db:
            db.execute(
                "UPDATE responses SET status = 'submitted', submitted_at = ?, ended_at = ?, updated_at = ? WHERE id = ?",
                [now, now, now, response_id],
            )
            if self.sealing:
                from .package import seal_response

                seal_response(self.project, response_id)  # on an encrypting field laptop

    def discard(self, response_uuid: str) -> None:
        """Throw away a draft (e.g. the respondent declined); submitted responses are kept."""
        response_id, status, _ = self._load(response_uuid)
        if status != "draft":
            raise CaptureError("只能放弃草稿。", "Only a draft can be discarded.")
        with self.project.transaction() as db:
            db.execute("UPDATE responses SET deleted_at = ? WHERE id = ?", [now_iso(), response_id])

    # -- reading ------------------------------------------------------------------------------

    def answers(self, response_uuid: str) -> dict[str, str]:
        return self._load(response_uuid)[2]

    def _load(self, response_uuid: str) -> tuple[int, str, dict[str, str]]:
        conn = self.project.db.conn
        row = conn.execute(
            "SELECT id, status, survey_id, survey_version FROM responses WHERE uuid = ? AND deleted_at IS NULL",
            [response_uuid],
        ).fetchone()
        if row is None:
            raise CaptureError(f"没有这份答卷：{response_uuid}", f"No such response: {response_uuid}")
        response_id, status, survey_id, version = row
        if (survey_id, version) != (self.survey_id, self.version):
            raise CaptureError("这份答卷属于另一份问卷或另一个版本。", "The response belongs to another survey or version.")
        answers = dict(conn.execute("SELECT question, value FROM answers WHERE response_id = ?", [response_id]))
        return response_id, status, answers

    def _choice_problems(self, question, value: str, state: FormState) -> list:
        """A choice answer must name choices of the question's list."""
        from .runtime import Problem

        if not question.list_name or question.list_name not in self.definition.choice_lists:
            return []
        allowed = {c.name for c in self.definition.choice_lists[question.list_name]}
        values = value.split() if question.type in ("select_multiple", "rank") else [value]
        wrong = [v for v in values if v not in allowed]
        if wrong and not (question.or_other and wrong == ["other"]):
            return [Problem(question.name, "constraint", f"不是可选的选项：{'、'.join(wrong)}")]
        return []


def drafts(project: Project, survey_id: int | None = None) -> list[Draft]:
    """Unsubmitted responses, newest first (what a restart offers to resume)."""
    sql = (
        "SELECT r.uuid, r.survey_id, r.survey_version, r.started_at, r.updated_at, "
        "(SELECT COUNT(*) FROM answers a WHERE a.response_id = r.id), r.collector "
        "FROM responses r WHERE r.status = 'draft' AND r.deleted_at IS NULL"
    )
    params: list = []
    if survey_id is not None:
        sql += " AND r.survey_id = ?"
        params.append(survey_id)
    rows = project.db.conn.execute(sql + " ORDER BY COALESCE(r.updated_at, r.started_at) DESC, r.id DESC", params).fetchall()
    return [Draft(*row) for row in rows]


def audit_trail(project: Project, response_uuid: str) -> list[dict]:
    rows = project.db.conn.execute(
        "SELECT a.uuid, a.question, a.old_value, a.new_value, a.at FROM answer_audit a "
        "JOIN responses r ON r.id = a.response_id WHERE r.uuid = ? ORDER BY a.id",
        [response_uuid],
    ).fetchall()
    return [{"uuid": u, "question": q, "old": o, "new": n, "at": at} for u, q, o, n, at in rows]


def dump_responses(project: Project, survey_id: int | None = None):
    """Every response as ``{"response", "survey", "status", "answers"}`` (``huizhi responses dump``)."""
    sql = "SELECT id, uuid, survey_id, status FROM responses WHERE deleted_at IS NULL"
    params: list = []
    if survey_id is not None:
        sql += " AND survey_id = ?"
        params.append(survey_id)
    conn = project.db.conn
    for rid, uuid, sid, status in conn.execute(sql + " ORDER BY id", params).fetchall():
        answers = dict(conn.execute("SELECT question, value FROM answers WHERE response_id = ? ORDER BY question", [rid]))
        yield {"response": uuid, "survey": sid, "status": status, "answers": answers}


def to_json_line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
