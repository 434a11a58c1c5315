"""Data-quality flags: duplicates, speeders and straight-lining.

* ``duplicate``: the same identifying answers (questions flagged as PII: name, phone, ID
  number, address) as an earlier response, or the very same answers to every closed
  question (a near-identical answer vector: free text aside);
* ``speeder``: finished in less than :data:`SPEEDER_SHARE` of the survey's median time;
* ``straight``: the same score on at least :data:`STRAIGHT_MIN` items of one battery: a
  scenario grid, or the Likert / matrix (``list-nolabel``) questions of one group, which
  respondents see together. Scores compare by choice position, so "agree" on two lists
  with different names still counts as the same score.

Flags live in ``response_flags``; :func:`set_exclusion` turns on or off the switch that
keeps flagged responses out of analysis.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections import defaultdict

from workspace.project import Project

from .model import TEXT_TYPES, SurveyDefinition
from .store import load_definition

SPEEDER_SHARE = 0.35
STRAIGHT_MIN = 6
MIN_CLOSED_ANSWERS = 6
KINDS = ("duplicate", "speeder", "straight")


def compute_flags(project: Project, survey_id: int) -> dict[str, int]:
    """Recompute the survey's flags (one transaction) and return how many of each."""
    conn = project.db.conn
    rows = conn.execute(
        "SELECT id, survey_version, started_at, ended_at FROM responses WHERE survey_id = ? AND status = 'submitted' "
        "AND deleted_at IS NULL ORDER BY id", [survey_id]).fetchall()
    definitions: dict[int, SurveyDefinition] = {}
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    for rid, question, value in conn.execute(
        "SELECT a.response_id, a.question, a.value FROM answers a JOIN responses r ON r.id = a.response_id "
        "WHERE r.survey_id = ? AND r.status = 'submitted' AND r.deleted_at IS NULL", [survey_id]):
        answers[rid][question] = value
    flags: list[tuple[int, str, str]] = []
    seen_identity: dict[str, int] = {}
    seen_vector: dict[str, int] = {}
    durations: dict[int, float] = {}
    for rid, version, started, ended in rows:
        definition = definitions.get(version) or definitions.setdefault(version, load_definition(project, survey_id, version))
        kinds = _kinds(definition)
        given = answers.get(rid, {})
        identity = [given.get(name, "").strip() for name in kinds["pii"]]
        if kinds["pii"] and all(identity):
            key = _hash(identity)
            if key in seen_identity:
                flags.append((rid, "duplicate", f"与 #{seen_identity[key]} 的身份信息相同"))
            else:
                seen_identity[key] = rid
        closed = [(name, given[name]) for name in kinds["closed"] if given.get(name)]
        if len(closed) >= MIN_CLOSED_ANSWERS and not any(f[0] == rid for f in flags):
            key = _hash(closed)
            if key in seen_vector:
                flags.append((rid, "duplicate", f"与 #{seen_vector[key]} 的全部选择题答案相同"))
            else:
                seen_vector[key] = rid
        straight = _straight_battery(kinds["batteries"], given)
        if straight:
            flags.append((rid, "straight", straight))
        seconds = _seconds(started, ended)
        if seconds is not None:
            durations[rid] = seconds
    if len(durations) >= 10:
        median = statistics.median(durations.values())
        for rid, seconds in durations.items():
            if seconds < median * SPEEDER_SHARE:
                flags.append((rid, "speeder", f"用时 {seconds:.0f} 秒，中位数 {median:.0f} 秒"))
    with project.transaction() as db:
        db.execute("DELETE FROM response_flags WHERE response_id IN (SELECT id FROM responses WHERE survey_id = ?)",
                   [survey_id])
        db.conn.executemany("INSERT OR IGNORE INTO response_flags(response_id, kind, detail) VALUES (?, ?, ?)", flags)
        if project.meta("exclude_flagged") == "1":
            _apply_exclusion(db.conn, True)
    counts = dict.fromkeys(KINDS, 0)
    for _, kind, _ in flags:
        counts[kind] += 1
    return counts


def set_exclusion(project: Project, exclude: bool) -> int:
    """Keep flagged responses out of analysis (or let them back in); returns how many are excluded."""
    with project.transaction() as db:
        db.execute("INSERT INTO meta(key, value) VALUES ('exclude_flagged', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", ["1" if exclude else "0"])
        _apply_exclusion(db.conn, exclude)
    return project.db.conn.execute("SELECT COUNT(*) FROM responses WHERE excluded = 1").fetchone()[0]


def _apply_exclusion(conn, exclude: bool) -> None:
    conn.execute("UPDATE responses SET excluded = 0 WHERE excluded = 1")
    if exclude:
        conn.execute("UPDATE responses SET excluded = 1 WHERE id IN (SELECT response_id FROM response_flags)")


def flag_counts(project: Project, survey_id: int | None = None) -> dict[str, int]:
    sql = "SELECT f.kind, COUNT(*) FROM response_flags f JOIN responses r ON r.id = f.response_id WHERE r.deleted_at IS NULL"
    params: list = []
    if survey_id is not None:
        sql += " AND r.survey_id = ?"
        params.append(survey_id)
    counts = dict(project.db.conn.execute(sql + " GROUP BY f.kind", params).fetchall())
    return {kind: counts.get(kind, 0) for kind in KINDS}


def _kinds(definition: SurveyDefinition) -> dict:
    """Which answers identify a respondent (``pii``), which are closed (``closed``), and the
    batteries of scores (``batteries``: key → (title, {answer name: {value: position} or None}))."""
    pii, closed = [], []
    batteries: dict[str, tuple[str, dict[str, dict[str, int] | None]]] = {}
    for located in definition.walk():
        q = located.question
        if q.pii:
            pii += q.answer_names()
        if q.type in TEXT_TYPES or q.type in ("note", "calculate", "date", "time", "dateTime") or q.pii:
            continue
        closed += q.answer_names()
        group = located.ancestors[-1] if located.ancestors else None
        title = (group.label.get("zh") or group.name) if group is not None else ""
        if q.type == "scenario_grid":
            batteries[q.name] = (title or q.name, dict.fromkeys(q.answer_names()))
        elif q.type == "likert" or (q.type == "select_one" and "list-nolabel" in q.appearance):
            key = f"group:{group.name}" if group is not None else "group:"
            items = batteries.setdefault(key, (title, {}))[1]
            items[q.name] = {c.name: i for i, c in enumerate(definition.choices(q))}
    return {"pii": pii, "closed": closed, "batteries": batteries}


def _straight_battery(batteries: dict, given: dict[str, str]) -> str:
    """Why the answers straight-line one battery (a flag's detail), or "" when none does."""
    for title, items in batteries.values():
        scores = [positions.get(given[name], given[name]) if positions else given[name]
                  for name, positions in items.items() if given.get(name)]
        if len(scores) >= STRAIGHT_MIN and len(set(scores)) == 1:
            shown = next(given[name] for name in items if given.get(name))
            where = f"“{title}”" if title else ""
            return f"{where}{len(scores)} 项评分都选了 {shown}"
    return ""


def _hash(values) -> str:
    return hashlib.sha1(repr(values).encode("utf-8")).hexdigest()


def _seconds(started: str | None, ended: str | None) -> float | None:
    if not started or not ended:
        return None
    try:
        return (dt.datetime.fromisoformat(ended) - dt.datetime.fromisoformat(started)).total_seconds()
    except ValueError:
        return None
