"""Surveys and responses in the project file.

Responses are rows of ``responses`` with one ``answers`` row per answered question;
reading goes by survey, in the order responses were recorded.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from workspace.clock import new_uuid, now_iso
from workspace.errors import ValidationError
from workspace.progress import Progress, no_progress
from workspace.project import Project
from workspace.text import LocalText

from .model import TEXT_TYPES, SurveyDefinition

_BATCH = 5000


@dataclass(frozen=True, slots=True)
class SurveyInfo:
    id: int
    uuid: str
    code: str
    title: LocalText
    audience: str | None
    version: int
    questions: int
    responses: int


@dataclass(slots=True)
class ResponseRecord:
    """One respondent's answers, as recorded or imported."""

    answers: dict[str, str]
    stakeholder_group: str | None = None
    uuid: str = field(default_factory=new_uuid)
    collector: str = ""
    device_id: str = ""
    started_at: str | None = None
    ended_at: str | None = None
    submitted_at: str | None = None
    status: str = "submitted"


def create_survey(project: Project, definition: SurveyDefinition, *, strict: bool = True) -> int:
    """Store a new survey as version 1 and return its id.

    ``strict=False`` is for forms imported from other tools, already checked by the
    importer: expressions Huizhi cannot parse were reported as warnings there.
    """
    problems = definition.validate(expressions=strict)
    if problems:
        raise ValidationError("问卷定义有误：\n" + "\n".join(problems), "Invalid survey:\n" + "\n".join(problems))
    with project.transaction() as db:
        cursor = db.execute(
            "INSERT INTO surveys(uuid, code, title_zh, title_en, audience, current_version, created_at) "
            "VALUES (?, ?, ?, ?, ?, 1, ?)",
            [
                new_uuid(),
                definition.form_id,
                definition.title.get("zh"),
                definition.title.get("en"),
                definition.audience,
                now_iso(),
            ],
        )
        survey_id = cursor.lastrowid
        db.execute(
            "INSERT INTO survey_versions(survey_id, version, definition, created_at) VALUES (?, 1, ?, ?)",
            [survey_id, json.dumps(definition.to_json(), ensure_ascii=False), now_iso()],
        )
    return survey_id


def save_definition(project: Project, survey_id: int, definition: SurveyDefinition) -> int:
    """Save an edited survey and return the version it is now.

    If responses were given to the current version, the edit becomes a new version and
    those responses keep theirs; otherwise the current version is updated in place.
    """
    problems = definition.validate()
    if problems:
        raise ValidationError("问卷定义有误：\n" + "\n".join(problems), "Invalid survey:\n" + "\n".join(problems))
    with project.transaction() as db:
        version = load_survey_version(project, survey_id)
        answered = db.conn.execute(
            "SELECT 1 FROM responses WHERE survey_id = ? AND survey_version = ? LIMIT 1", [survey_id, version]
        ).fetchone()
        document = json.dumps(definition.to_json(), ensure_ascii=False)
        if answered:
            version += 1
            db.execute(
                "INSERT INTO survey_versions(survey_id, version, definition, created_at) VALUES (?, ?, ?, ?)",
                [survey_id, version, document, now_iso()],
            )
        else:
            db.execute(
                "UPDATE survey_versions SET definition = ?, created_at = ? WHERE survey_id = ? AND version = ?",
                [document, now_iso(), survey_id, version],
            )
        db.execute(
            "UPDATE surveys SET current_version = ?, code = ?, title_zh = ?, title_en = ?, audience = ? WHERE id = ?",
            [version, definition.form_id, definition.title.get("zh"), definition.title.get("en"), definition.audience,
             survey_id],
        )
    return version


def find_survey(project: Project, key: str | int) -> int:
    """A survey's id from its id, its form id (``code``) or its UUID (or a unique UUID prefix)."""
    text = str(key).strip()
    conn = project.db.conn
    if text.isdigit():
        row = conn.execute("SELECT id FROM surveys WHERE id = ?", [int(text)]).fetchone()
        if row:
            return row[0]
    rows = conn.execute("SELECT id FROM surveys WHERE code = ? OR uuid = ?", [text, text]).fetchall()
    if not rows and len(text) >= 4:
        rows = conn.execute("SELECT id FROM surveys WHERE uuid LIKE ?", [text + "%"]).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if len(rows) > 1:
        raise ValidationError(f"有多份问卷匹配 {text!r}，请用问卷编号。", f"Several surveys match {text!r}; use the survey id.")
    raise ValidationError(f"没有这个问卷：{text}", f"No such survey: {text}")


def load_definition(project: Project, survey_id: int, version: int | None = None) -> SurveyDefinition:
    """The definition of one version (the current one by default)."""
    if version is None:
        row = project.db.conn.execute("SELECT current_version FROM surveys WHERE id = ?", [survey_id]).fetchone()
        if row is None:
            raise ValidationError(f"没有这个问卷：{survey_id}", f"No such survey: {survey_id}")
        version = row[0]
    row = project.db.conn.execute(
        "SELECT definition FROM survey_versions WHERE survey_id = ? AND version = ?", [survey_id, version]
    ).fetchone()
    if row is None:
        raise ValidationError(
            f"问卷 {survey_id} 没有第 {version} 版", f"Survey {survey_id} has no version {version}"
        )
    return SurveyDefinition.from_json(json.loads(row[0]))


def list_surveys(project: Project) -> list[SurveyInfo]:
    rows = project.db.conn.execute(
        """
        SELECT s.id, s.uuid, s.code, s.title_zh, s.title_en, s.audience, s.current_version, v.definition,
               (SELECT COUNT(*) FROM responses r WHERE r.survey_id = s.id AND r.status = 'submitted' AND r.deleted_at IS NULL)
        FROM surveys s JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.current_version
        ORDER BY s.id
        """
    ).fetchall()
    result = []
    for sid, uuid, code, zh, en, audience, version, definition, responses in rows:
        questions = SurveyDefinition.from_json(json.loads(definition)).questions
        result.append(SurveyInfo(sid, uuid, code, LocalText(zh, en), audience, version, len(questions), responses))
    return result


def add_responses(
    project: Project,
    survey_id: int,
    records: Iterable[ResponseRecord],
    *,
    total: int | None = None,
    progress: Progress = no_progress,
) -> int:
    """Insert many responses in one transaction and return how many were added.

    All or nothing: if ``progress`` raises :class:`~workspace.progress.Cancelled` or
    anything fails, the project is left as it was.
    """
    version = load_survey_version(project, survey_id)
    added = 0
    stamp = now_iso()
    with project.transaction() as db:
        conn = db.conn
        next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM responses").fetchone()[0]
        for batch in _batched(records, _BATCH):
            response_rows, answer_rows = [], []
            for record in batch:
                response_rows.append(
                    (
                        next_id,
                        record.uuid,
                        survey_id,
                        version,
                        record.stakeholder_group,
                        record.collector,
                        record.device_id,
                        record.started_at,
                        record.ended_at,
                        record.submitted_at,
                        record.status,
                        stamp,
                    )
                )
                answer_rows.extend((next_id, q, v) for q, v in record.answers.items() if v not in (None, ""))
                next_id += 1
            conn.executemany(
                "INSERT INTO responses(id, uuid, survey_id, survey_version, stakeholder_group, collector, device_id, "
                "started_at, ended_at, submitted_at, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                response_rows,
            )
            conn.executemany("INSERT INTO answers(response_id, question, value) VALUES (?, ?, ?)", answer_rows)
            added += len(response_rows)
            progress(added / total if total else 0.0, f"{added} responses")
    return added


def responses_by_uuid(conn, uuids: Iterable[str]) -> dict[str, tuple[int, str]]:
    """``uuid → (id, status)`` for those of ``uuids`` the project has, in chunks of SQLite's variable limit."""
    wanted = list(uuids)
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        marks = ",".join("?" * len(chunk))
        for uuid, rid, status in conn.execute(f"SELECT uuid, id, status FROM responses WHERE uuid IN ({marks})", chunk):
            found[uuid] = (rid, status)
    return found


def _batched(items: Iterable, size: int) -> Iterator[list]:
    """``itertools.batched`` for Python 3.11."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def load_survey_version(project: Project, survey_id: int) -> int:
    row = project.db.conn.execute("SELECT current_version FROM surveys WHERE id = ?", [survey_id]).fetchone()
    if row is None:
        raise ValidationError(f"没有这个问卷：{survey_id}", f"No such survey: {survey_id}")
    return row[0]


def count_responses(project: Project) -> int:
    return project.db.conn.execute(
        "SELECT COUNT(*) FROM responses WHERE status = 'submitted' AND deleted_at IS NULL"
    ).fetchone()[0]


def responses_by_group(project: Project) -> list[tuple[int, str | None, int]]:
    """Submitted responses as ``(survey_id, stakeholder_group, count)`` rows."""
    return project.db.conn.execute(
        "SELECT survey_id, stakeholder_group, COUNT(*) FROM responses WHERE status = 'submitted' "
        "AND deleted_at IS NULL GROUP BY survey_id, stakeholder_group ORDER BY survey_id, stakeholder_group"
    ).fetchall()


@dataclass(frozen=True, slots=True)
class StoredResponse:
    id: int
    uuid: str
    version: int
    stakeholder_group: str | None
    collector: str
    submitted_at: str | None
    answers: dict[str, str]


def iter_responses(project: Project, survey_id: int) -> Iterator[StoredResponse]:
    """Submitted responses of a survey with their answers, in recorded order.

    Two ordered scans merged in step, so memory stays flat for any number of responses.
    """
    conn = project.db.conn
    heads = conn.execute(
        "SELECT id, uuid, survey_version, stakeholder_group, collector, submitted_at FROM responses "
        "WHERE survey_id = ? AND status = 'submitted' AND deleted_at IS NULL ORDER BY id",
        [survey_id],
    )
    answers = conn.execute(
        "SELECT a.response_id, a.question, a.value FROM answers a JOIN responses r ON r.id = a.response_id "
        "WHERE r.survey_id = ? AND r.status = 'submitted' AND r.deleted_at IS NULL ORDER BY a.response_id",
        [survey_id],
    )
    grouped = itertools.groupby(answers, key=lambda row: row[0])
    pending = next(grouped, None)
    for rid, uuid, version, group, collector, submitted in heads:
        values: dict[str, str] = {}
        while pending is not None and pending[0] < rid:
            pending = next(grouped, None)
        if pending is not None and pending[0] == rid:
            values = {q: v for _, q, v in pending[1]}
            pending = next(grouped, None)
        yield StoredResponse(rid, uuid, version, group, collector, submitted, values)


def open_text_answers(project: Project, *, stakeholder_group: str | None = None) -> Iterator[str]:
    """Every non-empty open-text answer of submitted responses, optionally of one group."""
    for where, params in _open_text_filters(project, stakeholder_group):
        sql = "SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id WHERE " + where
        for (value,) in project.db.conn.execute(sql, params):
            if value and value.strip():
                yield value


def count_open_text_answers(project: Project, *, stakeholder_group: str | None = None) -> int:
    total = 0
    for where, params in _open_text_filters(project, stakeholder_group):
        sql = "SELECT COUNT(*) FROM answers a JOIN responses r ON r.id = a.response_id WHERE " + where
        total += project.db.conn.execute(sql, params).fetchone()[0]
    return total


def _open_text_filters(project: Project, stakeholder_group: str | None) -> Iterator[tuple[str, list]]:
    """One SQL filter per survey version that has open-text questions (found from its definition)."""
    rows = project.db.conn.execute("SELECT survey_id, version, definition FROM survey_versions").fetchall()
    for survey_id, version, definition in rows:
        names = [q.name for q in SurveyDefinition.from_json(json.loads(definition)).questions if q.type in TEXT_TYPES]
        if not names:
            continue
        where = (
            "r.survey_id = ? AND r.survey_version = ? AND r.status = 'submitted' AND r.deleted_at IS NULL "
            "AND r.excluded = 0 "
            f"AND a.question IN ({','.join('?' * len(names))})"
        )
        params: list = [survey_id, version, *names]
        if stakeholder_group is not None:
            where += " AND r.stakeholder_group = ?"
            params.append(stakeholder_group)
        yield where, params
