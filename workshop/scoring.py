"""Scoring rounds: everyone in the room scores the shortlisted scenarios, votes with dots, or
sorts them with MoSCoW; live aggregates show where the room stands and where groups differ.

* ``scores``: each participant gives each scenario a score per criterion (default 价值
  value, 紧迫性 urgency, 可行性 feasibility, on 1–5). Results: mean, spread and count per
  criterion, the same by stakeholder group, a weighted total, the value × urgency quadrant,
  and a disagreement marker where two groups' means differ by more than a threshold.
* ``dots``: each participant has N dots to place; with stacking, several on one scenario.
* ``moscow``: each participant puts each scenario in Must / Should / Could / Won't.

All answers live in ``scores`` (round, participant, scenario, criterion, value); dots use the
criterion ``dots`` (value = number of dots), MoSCoW the criterion ``moscow`` (value = 1..4).
"""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from workspace.clock import new_uuid, now_iso
from workspace.errors import ValidationError
from workspace.project import Project

METHODS = ("scores", "dots", "moscow")
MOSCOW = ("M", "S", "C", "W")
MOSCOW_NAMES = {"M": "必须有", "S": "应该有", "C": "可以有", "W": "暂不做"}
QUADRANT_NAMES = {"do_first": "优先实施", "plan": "规划推进", "quick": "快速处置", "later": "暂缓"}
DISAGREEMENT = 1.0
"""Default gap between two groups' mean scores (on a 1–5 scale) that marks a disagreement."""
NO_GROUP = ""


@dataclass(frozen=True, slots=True)
class Criterion:
    code: str
    name: str
    low: int = 1
    high: int = 5
    weight: float = 1.0

    def to_json(self) -> dict:
        return {"code": self.code, "name": self.name, "low": self.low, "high": self.high, "weight": self.weight}


DEFAULT_CRITERIA = (Criterion("value", "价值"), Criterion("urgency", "紧迫性"), Criterion("feasibility", "可行性"))


@dataclass(frozen=True, slots=True)
class Round:
    id: int
    session_id: int
    title: str
    method: str
    criteria: tuple[Criterion, ...]
    scenarios: tuple[str, ...]
    dots: int
    stacking: bool


@dataclass(frozen=True, slots=True)
class Stat:
    mean: float
    sd: float
    n: int


@dataclass(slots=True)
class ScenarioResult:
    code: str
    stats: dict[str, Stat] = field(default_factory=dict)
    """criterion → statistics over everyone (``scores``)."""
    by_group: dict[str, dict[str, float]] = field(default_factory=dict)
    """group → criterion → mean (``scores``), or group → {"dots": n} / {category: count}."""
    total: float = 0.0
    """Weighted mean of the criteria (``scores``), dots received (``dots``), or Must votes (``moscow``)."""
    quadrant: str = ""
    disagreements: list[tuple[str, str, str, float]] = field(default_factory=list)
    """(criterion, group with the higher mean, group with the lower, gap)."""
    counts: dict[str, int] = field(default_factory=dict)
    """MoSCoW category → votes."""
    consensus: str = ""
    """The MoSCoW category most chosen (ties go to the higher priority)."""


@dataclass(slots=True)
class RoundResults:
    round: Round
    scenarios: list[ScenarioResult]
    participants: int
    """How many participants gave anything in this round."""


# -- rounds ----------------------------------------------------------------------------------------------------


def create_round(project: Project, session_id: int, title: str, scenarios: list[str], *, method: str = "scores",
                 criteria: tuple[Criterion, ...] = DEFAULT_CRITERIA, dots: int = 5, stacking: bool = True) -> int:
    if method not in METHODS:
        raise ValidationError(f"未知的评分方式：{method}", f"Unknown scoring method: {method}")
    if not scenarios:
        raise ValidationError("评分需要至少一个入围场景。", "A round needs at least one shortlisted scenario.")
    if len(set(scenarios)) != len(scenarios):
        raise ValidationError("入围场景有重复。", "A scenario is shortlisted twice.")
    if method == "scores":
        _check_criteria(criteria)
    if method == "dots" and dots < 1:
        raise ValidationError("每人至少要有 1 个投票点。", "Each participant needs at least one dot.")
    known = {row[0] for row in project.db.conn.execute("SELECT code FROM scenarios")}
    missing = [code for code in scenarios if code not in known]
    if missing:
        raise ValidationError(f"场景目录中没有：{'、'.join(missing)}", f"Not in the catalogue: {', '.join(missing)}")
    with project.transaction() as db:
        return db.conn.execute(
            "INSERT INTO scoring_rounds(uuid, session_id, title, method, criteria, scenarios, dots, stacking, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [new_uuid(), session_id, title.strip() or "评分", method,
             json.dumps([c.to_json() for c in criteria] if method == "scores" else [], ensure_ascii=False),
             json.dumps(list(scenarios)), dots if method == "dots" else 0, int(stacking), now_iso()]).lastrowid


def get_round(project: Project, round_id: int) -> Round:
    row = project.db.conn.execute(
        "SELECT id, session_id, title, method, criteria, scenarios, dots, stacking FROM scoring_rounds WHERE id = ?",
        [round_id]).fetchone()
    if row is None:
        raise ValidationError(f"没有这一轮评分：{round_id}", f"No such scoring round: {round_id}")
    criteria = tuple(Criterion(**c) for c in json.loads(row[4]))
    return Round(row[0], row[1], row[2], row[3], criteria, tuple(json.loads(row[5])), row[6], bool(row[7]))


def list_rounds(project: Project, session_id: int) -> list[Round]:
    ids = [row[0] for row in project.db.conn.execute(
        "SELECT id FROM scoring_rounds WHERE session_id = ? ORDER BY id", [session_id])]
    return [get_round(project, i) for i in ids]


# -- entering ------------------------------------------------------------------------------------------------------


def set_score(project: Project, round_id: int, participant_id: int, scenario: str, criterion: str,
              value: float | None) -> None:
    """One cell of the scoring grid; ``None`` clears it."""
    current = get_round(project, round_id)
    _check_cell(project, current, participant_id, scenario)
    spec = next((c for c in current.criteria if c.code == criterion), None)
    if current.method != "scores" or spec is None:
        raise ValidationError(f"这一轮没有“{criterion}”这项评分。", f"This round has no criterion {criterion!r}.")
    if value is not None and not spec.low <= value <= spec.high:
        raise ValidationError(f"{spec.name}的分数应在 {spec.low}–{spec.high} 之间：{value:g}",
                              f"{criterion} scores run from {spec.low} to {spec.high}: {value:g}")
    _write(project, round_id, participant_id, scenario, criterion, value)


def set_dots(project: Project, round_id: int, participant_id: int, scenario: str, count: int) -> None:
    """How many of a participant's dots sit on a scenario."""
    current = get_round(project, round_id)
    _check_cell(project, current, participant_id, scenario)
    if current.method != "dots":
        raise ValidationError("这一轮不是投票点。", "This round is not a dot vote.")
    if count < 0 or (not current.stacking and count > 1):
        raise ValidationError("本轮每个场景最多投 1 点。" if not current.stacking else "投票点不能为负数。",
                              "One dot per scenario in this round." if not current.stacking else "Dots cannot be negative.")
    used = project.db.conn.execute(
        "SELECT COALESCE(SUM(value), 0) FROM scores WHERE round_id = ? AND participant_id = ? AND scenario_code != ?",
        [round_id, participant_id, scenario]).fetchone()[0]
    if used + count > current.dots:
        raise ValidationError(f"每人只有 {current.dots} 个投票点，已用 {used:g} 个。",
                              f"Each participant has {current.dots} dots; {used:g} are used.")
    _write(project, round_id, participant_id, scenario, "dots", count or None)


def set_moscow(project: Project, round_id: int, participant_id: int, scenario: str, category: str | None) -> None:
    """Must / Should / Could / Won't (``M``, ``S``, ``C``, ``W``); ``None`` clears."""
    current = get_round(project, round_id)
    _check_cell(project, current, participant_id, scenario)
    if current.method != "moscow":
        raise ValidationError("这一轮不是 MoSCoW 分类。", "This round is not a MoSCoW round.")
    if category is not None and category not in MOSCOW:
        raise ValidationError(f"MoSCoW 分类应为 M、S、C、W 之一：{category}", f"MoSCoW is M, S, C or W: {category}")
    _write(project, round_id, participant_id, scenario, "moscow", MOSCOW.index(category) + 1 if category else None)


def set_participant(project: Project, round_id: int, participant_id: int,
                    values: dict[tuple[str, str], float | str | None]) -> None:
    """Everything one participant gave in a round, in one transaction: ``(scenario, criterion)``
    → score; for dots the criterion is ``dots`` and the value a count (their dots are replaced
    as a whole, so moving a dot never trips the limit half-way); for MoSCoW ``moscow`` and
    ``M``/``S``/``C``/``W``. ``None`` clears a cell."""
    current = get_round(project, round_id)
    with project.transaction():
        if current.method == "dots":
            for code in current.scenarios:
                _write(project, round_id, participant_id, code, "dots", None)
        for (code, criterion), value in values.items():
            if current.method == "scores":
                set_score(project, round_id, participant_id, code, criterion, value)
            elif current.method == "dots":
                set_dots(project, round_id, participant_id, code, int(value or 0))
            else:
                set_moscow(project, round_id, participant_id, code, value)


def entries(project: Project, round_id: int) -> dict[tuple[int, str, str], float]:
    """Everything entered in a round: (participant, scenario, criterion) → value."""
    return {(p, s, c): v for p, s, c, v in project.db.conn.execute(
        "SELECT participant_id, scenario_code, criterion, value FROM scores WHERE round_id = ?", [round_id])}


def _check_cell(project: Project, current: Round, participant_id: int, scenario: str) -> None:
    if scenario not in current.scenarios:
        raise ValidationError(f"场景“{scenario}”不在本轮入围名单中。", f"{scenario} is not shortlisted in this round.")
    row = project.db.conn.execute("SELECT session_id FROM participants WHERE id = ?", [participant_id]).fetchone()
    if row is None or row[0] != current.session_id:
        raise ValidationError("这位参会者不在本场研讨会中。", "This participant is not in this session.")


def _write(project: Project, round_id: int, participant_id: int, scenario: str, criterion: str,
           value: float | None) -> None:
    with project.transaction() as db:
        if value is None:
            db.execute("DELETE FROM scores WHERE round_id = ? AND participant_id = ? AND scenario_code = ? "
                       "AND criterion = ?", [round_id, participant_id, scenario, criterion])
        else:
            db.execute("INSERT INTO scores(round_id, participant_id, scenario_code, criterion, value) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
                       [round_id, participant_id, scenario, criterion, value])


def _check_criteria(criteria: tuple[Criterion, ...]) -> None:
    if not criteria:
        raise ValidationError("评分需要至少一项标准。", "A round needs at least one criterion.")
    codes = [c.code for c in criteria]
    if len(set(codes)) != len(codes):
        raise ValidationError("评分标准重名。", "Two criteria share a code.")
    for c in criteria:
        if c.low >= c.high or c.weight < 0 or not c.name.strip():
            raise ValidationError(f"评分标准“{c.name or c.code}”的量表或权重不对。",
                                  f"Criterion {c.code!r} has a bad scale or weight.")


# -- results --------------------------------------------------------------------------------------------------------


def results(project: Project, round_id: int, *, threshold: float = DISAGREEMENT) -> RoundResults:
    """The round's aggregates, computed from what is in the file now."""
    current = get_round(project, round_id)
    rows = project.db.conn.execute(
        "SELECT s.participant_id, s.scenario_code, s.criterion, s.value, COALESCE(p.stakeholder_group, '') "
        "FROM scores s JOIN participants p ON p.id = s.participant_id WHERE s.round_id = ?", [round_id]).fetchall()
    cells: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)  # (scenario, criterion) → (group, value)
    for _, scenario, criterion, value, group in rows:
        cells[(scenario, criterion)].append((group, value))
    summarize = {"scores": _scores_result, "dots": _dots_result, "moscow": _moscow_result}[current.method]
    scenarios = [summarize(current, code, cells, threshold) for code in current.scenarios]
    return RoundResults(current, scenarios, len({row[0] for row in rows}))


def _scores_result(current: Round, code: str, cells, threshold: float) -> ScenarioResult:
    result = ScenarioResult(code)
    weighted, weights = 0.0, 0.0
    for criterion in current.criteria:
        given = cells.get((code, criterion.code), [])
        values = [v for _, v in given]
        if not values:
            continue
        result.stats[criterion.code] = _stat(values)
        weighted += criterion.weight * result.stats[criterion.code].mean
        weights += criterion.weight
        by_group: dict[str, list[float]] = defaultdict(list)
        for group, value in given:
            by_group[group].append(value)
        means = {group: statistics.fmean(vs) for group, vs in by_group.items()}
        for group, mean in means.items():
            result.by_group.setdefault(group, {})[criterion.code] = mean
        scale = (criterion.high - criterion.low) / 4  # the threshold is given on a 1–5 scale
        named = {g: m for g, m in means.items() if g != NO_GROUP}
        if len(named) >= 2:
            high, low = max(named, key=named.get), min(named, key=named.get)
            gap = named[high] - named[low]
            if gap > threshold * scale:
                result.disagreements.append((criterion.code, high, low, gap))
    result.total = weighted / weights if weights else 0.0
    result.quadrant = _quadrant(current, result)
    return result


def _stat(values: list[float]) -> Stat:
    """Mean and population standard deviation (the spread of the people in the room, not an
    estimate for a larger population)."""
    n = len(values)
    mean = sum(values) / n
    return Stat(mean, math.sqrt(sum((v - mean) ** 2 for v in values) / n), n)


def _quadrant(current: Round, result: ScenarioResult) -> str:
    specs = {c.code: c for c in current.criteria}
    if "value" not in result.stats or "urgency" not in result.stats:
        return ""
    high_value = result.stats["value"].mean >= (specs["value"].low + specs["value"].high) / 2
    high_urgency = result.stats["urgency"].mean >= (specs["urgency"].low + specs["urgency"].high) / 2
    return {(True, True): "do_first", (True, False): "plan", (False, True): "quick", (False, False): "later"}[
        (high_value, high_urgency)]


def _dots_result(current: Round, code: str, cells, threshold: float) -> ScenarioResult:
    result = ScenarioResult(code)
    for group, value in cells.get((code, "dots"), []):
        result.total += value
        result.by_group.setdefault(group, {"dots": 0.0})["dots"] += value
    return result


def _moscow_result(current: Round, code: str, cells, threshold: float) -> ScenarioResult:
    result = ScenarioResult(code)
    votes = Counter()
    for group, value in cells.get((code, "moscow"), []):
        category = MOSCOW[int(value) - 1]
        votes[category] += 1
        result.by_group.setdefault(group, {}).setdefault(category, 0)
        result.by_group[group][category] += 1
    result.counts = {category: votes.get(category, 0) for category in MOSCOW}
    result.total = float(votes.get("M", 0))
    if votes:
        result.consensus = max(MOSCOW, key=lambda c: (votes.get(c, 0), -MOSCOW.index(c)))
    return result
