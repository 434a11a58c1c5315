"""The evidence behind each candidate scenario, broken down by stakeholder group.

Every measure is a number per (scenario, group) with how many answers, texts or scores
stand behind it (:class:`Cell`); :func:`evidence_rows` lists those answers, texts and
cards. Where each measure comes from:

- survey: ``survey_choice`` — share of a group's respondents who picked the scenario in
  a question whose choices are scenario codes (select one / multiple, rank);
  ``survey_value`` / ``survey_urgency`` — mean of a scenario grid's 1–5 answers;
  ``survey_importance`` — mean of a Likert question tagged ``scenario=<code>`` in its
  parameters, put on 1–5 (a 7-point answer x becomes 1 + (x − 1)·4/6).
- text: ``text_share`` — share of the group's open-text answers and cards classified
  under the scenario (hand codes and card placements win over the classifier; a text
  covering two scenarios counts for both); ``text_negative`` — share of those that are
  negative.
- workshop: ``workshop_value`` / ``_urgency`` / ``_feasibility`` — participants' mean
  scores, put on 1–5 from each round's own scale; ``workshop_dots`` — the group's dots on
  the scenario as a share of the dots it gave in rounds that shortlisted it;
  ``workshop_moscow`` — mean of Must 3, Should 2, Could 1, Won't 0, divided by 3.
- SWOT: ``swot_balance`` = (S + O − W − T) / (S + W + O + T) over the scenario's SWOT
  items in every session, in [−1, 1]; not by group (group ``"*"``).

A respondent's group is the response's, else the survey's audience; a card's, its
author's at the time; with neither, ``""`` (未注明). Survey and text aggregates are cached
in the project (``evidence_cache``) under a fingerprint of everything they read, so a
ranking after the first needs only the (small) workshop tables.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from survey.model import SurveyDefinition, parameter
from workspace.catalogue import list_domains, list_scenarios
from workspace.clock import now_iso
from workspace.progress import Progress, no_progress, sub_progress
from workspace.project import Project
from workspace.stakeholders import list_groups

ALL_GROUPS = "*"
"""The group key of evidence that is not by group (SWOT)."""
UNASSIGNED = ""
EVIDENCE_VERSION = "1"
"""Bump when the way evidence is computed changes, so cached evidence is recomputed."""
MOSCOW_POINTS = {1: 3.0, 2: 2.0, 3: 1.0, 4: 0.0}
"""MoSCoW as stored (M 1, S 2, C 3, W 4) → points."""


@dataclass(frozen=True, slots=True)
class Measure:
    code: str
    name: str
    source: str
    """'survey', 'text', 'workshop' or 'swot'."""
    low: float
    high: float
    """The measure's natural range (shares 0–1, scores 1–5, SWOT −1–1)."""
    share: bool
    """Shown as a percentage."""


MEASURES: tuple[Measure, ...] = (
    Measure("survey_choice", "问卷选择率", "survey", 0, 1, True),
    Measure("survey_value", "问卷价值分", "survey", 1, 5, False),
    Measure("survey_urgency", "问卷紧迫分", "survey", 1, 5, False),
    Measure("survey_importance", "重要性评价", "survey", 1, 5, False),
    Measure("text_share", "意见提及率", "text", 0, 1, True),
    Measure("text_negative", "负面意见占比", "text", 0, 1, True),
    Measure("workshop_value", "研讨会价值分", "workshop", 1, 5, False),
    Measure("workshop_urgency", "研讨会紧迫分", "workshop", 1, 5, False),
    Measure("workshop_feasibility", "研讨会可行性分", "workshop", 1, 5, False),
    Measure("workshop_dots", "投票点占比", "workshop", 0, 1, True),
    Measure("workshop_moscow", "MoSCoW 得分", "workshop", 0, 1, True),
    Measure("swot_balance", "SWOT 平衡", "swot", -1, 1, False),
)
MEASURE = {m.code: m for m in MEASURES}
_GRID_MEASURE = {"value": "survey_value", "urgency": "survey_urgency"}
_WORKSHOP_MEASURE = {"value": "workshop_value", "urgency": "workshop_urgency", "feasibility": "workshop_feasibility"}


@dataclass(frozen=True, slots=True)
class Cell:
    value: float
    n: int
    """What the value is computed from: answers (means), respondents who answered (choice
    shares), the group's texts (text shares), texts about the scenario (negative share),
    scores or votes (workshops), dots the group gave (dots share), SWOT items."""
    hits: float = 0.0
    """For shares: the numerator (respondents who chose it, texts about it, dots)."""


@dataclass(frozen=True, slots=True)
class ScenarioInfo:
    code: str
    name: str
    domain: str
    domain_name: str


@dataclass
class Evidence:
    scenarios: list[ScenarioInfo]
    groups: dict[str, str]
    """Group code → name, in the project's order; ``""`` (未注明) when some evidence has no group."""
    cells: dict[tuple[str, str, str], Cell]
    """(measure, scenario, group) → cell."""
    swot: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Scenario → quadrant (S/W/O/T) → item texts."""
    computed: dict[str, bool] = field(default_factory=dict)
    """Part → whether it was computed now (False: read from the cache)."""

    def measures(self) -> list[Measure]:
        """The measures with any evidence, in :data:`MEASURES` order."""
        present = {m for m, _, _ in self.cells}
        return [m for m in MEASURES if m.code in present]

    def cell(self, measure: str, scenario: str, group: str) -> Cell | None:
        return self.cells.get((measure, scenario, group))


# -- gathering ------------------------------------------------------------------------------------------------


def gather_evidence(project: Project, *, progress: Progress = no_progress) -> Evidence:
    """All evidence of the project's active scenarios.

    Survey and text parts come from the cache when their fingerprint still holds, else
    they are computed (the text part classifies only texts it has not classified before,
    see :func:`text_labels`) and cached in one transaction.
    """
    scenarios = _scenarios(project)
    codes = [s.code for s in scenarios]
    survey_cells, survey_new = _cached(project, "survey", _survey_fingerprint(project, codes),
                                       lambda p: _survey_cells(project, codes, p), sub_progress(progress, 0, 0.3))
    text_cells, text_new = _cached(project, "text", _text_fingerprint(project, codes),
                                   lambda p: _text_cells(project, codes, p),
                                   sub_progress(progress, 0.3, 0.95))
    progress(0.95, "正在汇总研讨会证据")
    cells = {**_decode(survey_cells), **_decode(text_cells), **_workshop_cells(project, codes)}
    swot_cells, swot = _swot(project, codes)
    cells.update(swot_cells)
    named = {g.code: g.name.zh for g in list_groups(project, include_retired=True)}
    used = {g for _, _, g in cells if g != ALL_GROUPS}
    groups = {code: name for code, name in named.items() if code in used}
    if UNASSIGNED in used:
        groups[UNASSIGNED] = "未注明"
    groups.update({g: g for g in used if g not in groups})
    progress(1.0, "证据已汇总")
    return Evidence(scenarios, groups, cells, swot, {"survey": survey_new, "text": text_new})


def _scenarios(project: Project) -> list[ScenarioInfo]:
    domains = {d.code: d.name.zh for d in list_domains(project)}
    return [ScenarioInfo(s.code, s.name.zh, s.domain, domains.get(s.domain, s.domain))
            for s in list_scenarios(project) if not s.retired]


def _cached(project: Project, part: str, fingerprint: str, compute: Callable[[Progress], object],
            progress: Progress) -> tuple[object, bool]:
    """``part``'s payload from the cache, or computed now and stored under ``fingerprint``."""
    row = project.db.conn.execute("SELECT fingerprint, payload FROM evidence_cache WHERE part = ?", [part]).fetchone()
    if row is not None and row[0] == fingerprint:
        return json.loads(row[1]), False
    payload = compute(progress)
    _store(project, part, fingerprint, payload)
    return payload, True


def _store(project: Project, part: str, fingerprint: str, payload: object) -> None:
    with project.transaction() as db:
        db.execute("INSERT INTO evidence_cache(part, fingerprint, payload, computed_at) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(part) DO UPDATE SET fingerprint = excluded.fingerprint, "
                   "payload = excluded.payload, computed_at = excluded.computed_at",
                   [part, fingerprint, json.dumps(payload, ensure_ascii=False), now_iso()])


def audiences(project: Project) -> dict[int, str | None]:
    """survey id → its audience: the group of a respondent who gave none."""
    return dict(project.db.conn.execute("SELECT id, audience FROM surveys"))


def _decode(rows: list) -> dict[tuple[str, str, str], Cell]:
    return {(m, s, g): Cell(v, n, h) for m, s, g, v, n, h in rows}


def _encode(cells: dict[tuple[str, str, str], Cell]) -> list:
    return [[m, s, g, c.value, c.n, c.hits] for (m, s, g), c in sorted(cells.items())]


def _digest(*parts: object) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(json.dumps(part, ensure_ascii=False, default=str).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _rows(project: Project, sql: str) -> list:
    return [list(row) for row in project.db.conn.execute(sql)]


def _definitions(project: Project) -> list:
    """Each survey version with a hash of its definition (an edit in place changes it)."""
    return [[survey_id, version, hashlib.blake2b(definition.encode("utf-8"), digest_size=16).hexdigest()]
            for survey_id, version, definition in project.db.conn.execute(
                "SELECT survey_id, version, definition FROM survey_versions ORDER BY survey_id, version")]


def _survey_fingerprint(project: Project, codes: list[str]) -> str:
    return _digest(EVIDENCE_VERSION, project.meta("responses_stamp"), codes, _definitions(project), audiences(project))


def _text_fingerprint(project: Project, codes: list[str]) -> str:
    """The classifier's ingredients, plus what decides which texts there are and whose."""
    return _digest(_classifier_fingerprint(project), project.meta("responses_stamp"), codes, _definitions(project),
                   audiences(project),
                   _rows(project, "SELECT c.id, c.text, c.scenario_code, c.stakeholder_group, p.stakeholder_group "
                                  "FROM cards c LEFT JOIN participants p ON p.id = c.participant_id ORDER BY c.id"))


# -- survey -----------------------------------------------------------------------------------------------------


@dataclass
class _SurveyPlan:
    """Which answers of one survey say something about which scenario."""

    grid: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Answer name → (measure, scenario)."""
    choice: dict[str, set[str]] = field(default_factory=dict)
    """Question → the scenario codes among its choices."""
    likert: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Question → (scenario, points)."""

    def names(self) -> list[str]:
        return sorted({*self.grid, *self.choice, *self.likert})


def survey_plans(project: Project, codes: list[str]) -> dict[int, _SurveyPlan]:
    """survey id → what its questions (in any version) say about the scenarios."""
    known = set(codes)
    plans: dict[int, _SurveyPlan] = defaultdict(_SurveyPlan)
    for survey_id, definition in project.db.conn.execute(
            "SELECT survey_id, definition FROM survey_versions ORDER BY survey_id, version"):
        form = SurveyDefinition.from_json(json.loads(definition))
        plan = plans[survey_id]
        for q in form.questions:
            if q.type == "scenario_grid":
                for code in q.scenario_codes():
                    if code in known:
                        for aspect, measure in _GRID_MEASURE.items():
                            plan.grid[f"{q.name}_{code}_{aspect}"] = (measure, code)
            elif q.type in ("select_one", "select_multiple", "rank"):
                offered = {c.name for c in form.choices(q)} & known
                if len(offered) >= 2:
                    plan.choice[q.name] = offered
            elif q.type == "likert" and parameter(q.parameters, "scenario") in known:
                points = len(form.choices(q)) or 5
                plan.likert[q.name] = (parameter(q.parameters, "scenario"), points)
    return {k: v for k, v in plans.items() if v.names()}


def _survey_cells(project: Project, codes: list[str], progress: Progress) -> list:
    plans = survey_plans(project, codes)
    audience = audiences(project)
    sums: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0, 0.0])  # value sum, n, hits
    for done, (survey_id, plan) in enumerate(plans.items()):
        progress(done / max(len(plans), 1), "正在汇总问卷证据")
        names = plan.names()
        rows = project.db.conn.execute(
            "SELECT COALESCE(r.stakeholder_group, ?, ''), a.question, a.value, COUNT(*) "
            "FROM answers a JOIN responses r ON r.id = a.response_id "
            "WHERE r.survey_id = ? AND r.status = 'submitted' AND r.deleted_at IS NULL AND r.excluded = 0 "
            f"AND a.question IN ({','.join('?' * len(names))}) AND length(trim(a.value)) > 0 GROUP BY 1, 2, 3",
            [audience.get(survey_id), survey_id, *names])
        for group, question, value, count in rows:
            _add_answer(sums, plan, group, question, value, count)
    cells = {}
    for key, (total, n, hits) in sums.items():
        if n:
            cells[key] = Cell(hits / n if MEASURE[key[0]].share else total / n, int(n), hits)
    return _encode(cells)


def _add_answer(sums, plan: _SurveyPlan, group: str, question: str, value: str, count: int) -> None:
    if question in plan.grid:
        measure, code = plan.grid[question]
        number = _number(value)
        if number is not None and 1 <= number <= 5:
            cell = sums[(measure, code, group)]
            cell[0] += number * count
            cell[1] += count
    elif question in plan.choice:
        picked = set(value.split())
        for code in plan.choice[question]:
            cell = sums[("survey_choice", code, group)]
            cell[1] += count
            cell[2] += count if code in picked else 0
    elif question in plan.likert:
        code, points = plan.likert[question]
        number = _number(value)
        if number is not None and 1 <= number <= points:
            cell = sums[("survey_importance", code, group)]
            cell[0] += (1 + (number - 1) * 4 / (points - 1)) * count
            cell[1] += count


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


# -- text -----------------------------------------------------------------------------------------------------


def _text_cells(project: Project, codes: list[str], progress: Progress) -> list:
    """Text shares and negative shares per (scenario, group), from :func:`text_labels`."""
    docs, labels = text_labels(project, progress)
    audience = audiences(project)
    known = set(codes)
    texts: dict[str, int] = defaultdict(int)
    about: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (scenario, group) → texts, negative
    for doc in docs:
        group = doc.group or audience.get(doc.survey_id) or UNASSIGNED
        texts[group] += 1
        scenarios, negative = labels[doc.doc]
        for code in scenarios:
            if code in known:
                counts = about[(code, group)]
                counts[0] += 1
                counts[1] += negative
    cells = {}
    for (code, group), (count, negative) in about.items():
        cells[("text_share", code, group)] = Cell(count / texts[group], texts[group], count)
        cells[("text_negative", code, group)] = Cell(negative / count, count, negative)
    return _encode(cells)


def text_labels(project: Project, progress: Progress = no_progress) -> tuple[list, dict[str, tuple[list[str], bool]]]:
    """Every text document of the project, and for each (by its key) the scenarios it is
    about and whether it is negative: a hand code, then a card's placement, win over the
    classifier, as on the Analysis page.

    The classifier's verdicts are cached per distinct text (``evidence_cache`` part
    ``text_classes``) under a fingerprint of what the classifier is made of (catalogue,
    project words, placed cards and hand codes it learns from, bundled resources), so new
    answers cost only their own classification; a change to the classifier classifies all.
    """
    from analysis.text.corpus import hand_codes, read_documents

    progress(0.0, "正在读取文本")
    docs = read_documents(project)
    codes = hand_codes(project)
    fingerprint = _classifier_fingerprint(project)
    row = project.db.conn.execute("SELECT fingerprint, payload FROM evidence_cache WHERE part = 'text_classes'"
                                  ).fetchone()
    classes: dict[str, list] = json.loads(row[1]) if row is not None and row[0] == fingerprint else {}
    needed = {d.hash for d in docs if d.hash.hex() not in classes}
    if needed:
        classes.update(_classify(project, docs, needed, codes, sub_progress(progress, 0.1, 0.95)))
        _store(project, "text_classes", fingerprint, classes)
    labels = {}
    for doc in docs:
        scenarios, negative = classes[doc.hash.hex()]
        if doc.doc in codes:
            scenarios = [codes[doc.doc]] if codes[doc.doc] else []
        elif doc.placed:
            scenarios = [doc.placed]
        labels[doc.doc] = (scenarios, bool(negative))
    progress(1.0, f"已归类 {len(docs)} 条文本")
    return docs, labels


def _classify(project: Project, docs: list, hashes: set[bytes], codes: dict, progress: Progress) -> dict[str, list]:
    """distinct text (hash, hex) → [scenarios, negative] for the texts not classified yet."""
    from analysis.text.classify import TextClassifier
    from analysis.text.corpus import load_corpus, without_gc
    from analysis.text.sentiment import sentiment_of

    corpus = load_corpus(project, keep=lambda d: d.hash in hashes or d.placed is not None or d.doc in codes,
                         documents=docs, progress=sub_progress(progress, 0.0, 0.5))
    progress(0.5, "正在归类文本")
    classifier = TextClassifier.from_project(project, corpus.documents)
    found: dict[str, list] = {}
    with without_gc():
        for i, doc in enumerate(corpus.documents, 1):
            key = doc.hash.hex()
            if doc.hash in hashes and key not in found:
                negative = sentiment_of(doc.raw) == "negative"
                found[key] = [list(classifier.classify_tokens(doc.terms).scenarios), int(negative)]
            if i % 5000 == 0:
                progress(0.5 + 0.5 * i / len(corpus.documents), f"已归类 {i} / {len(corpus.documents)} 条")
    return found


def _classifier_fingerprint(project: Project) -> str:
    """What the classifier and the sentiment lexicon are made of."""
    import resources
    from analysis.text.lexicons import dictionary_version

    bundled = hashlib.blake2b(digest_size=16)
    for name in ("domain_lexicon.tsv", "sentiment.tsv", "stopwords.txt"):
        bundled.update(resources.path("text", name).read_bytes())
    return _digest(EVIDENCE_VERSION, dictionary_version(), bundled.hexdigest(),
                   _rows(project, "SELECT code, domain_code, name_zh, keywords, retired, updated_at FROM scenarios"),
                   _rows(project, "SELECT id, text, scenario_code FROM cards WHERE scenario_code IS NOT NULL "
                                  "ORDER BY id"),
                   _rows(project, "SELECT doc, hex(text_hash), scenario_code FROM text_codes ORDER BY doc"),
                   _rows(project, "SELECT kind, term, target FROM text_terms ORDER BY kind, term"))


# -- workshops and SWOT -----------------------------------------------------------------------------------------


def _workshop_cells(project: Project, codes: list[str]) -> dict[tuple[str, str, str], Cell]:
    known = set(codes)
    rounds = {rid: (method, json.loads(criteria), json.loads(shortlist)) for rid, method, criteria, shortlist in
              project.db.conn.execute("SELECT id, method, criteria, scenarios FROM scoring_rounds")}
    rows = project.db.conn.execute(
        "SELECT s.round_id, s.participant_id, s.scenario_code, s.criterion, s.value, "
        "COALESCE(p.stakeholder_group, '') FROM scores s JOIN participants p ON p.id = s.participant_id").fetchall()
    sums: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0, 0.0])
    given: dict[tuple[int, str], float] = defaultdict(float)  # (round, group) → dots given
    dots: dict[tuple[int, str, str], float] = defaultdict(float)  # (round, scenario, group) → dots
    for round_id, _, code, criterion, value, group in rows:
        method, criteria, _ = rounds[round_id]
        if method == "dots":
            given[(round_id, group)] += value
            dots[(round_id, code, group)] += value
        elif code not in known:
            continue
        elif method == "moscow":
            cell = sums[("workshop_moscow", code, group)]
            cell[0] += MOSCOW_POINTS.get(int(value), 0.0) / 3
            cell[1] += 1
        elif criterion in _WORKSHOP_MEASURE:
            spec = next((c for c in criteria if c["code"] == criterion), {"low": 1, "high": 5})
            low, high = spec["low"], spec["high"]
            cell = sums[(_WORKSHOP_MEASURE[criterion], code, group)]
            cell[0] += 1 + (value - low) * 4 / (high - low)
            cell[1] += 1
    for (round_id, group), total in given.items():
        for code in rounds[round_id][2]:
            if code in known and total:
                cell = sums[("workshop_dots", code, group)]
                cell[1] += total
                cell[2] += dots.get((round_id, code, group), 0.0)
    return {key: Cell(hits / n if MEASURE[key[0]].share and key[0] != "workshop_moscow" else total / n, int(n), hits)
            for key, (total, n, hits) in sums.items() if n}


def _swot(project: Project, codes: list[str]) -> tuple[dict[tuple[str, str, str], Cell], dict]:
    known = set(codes)
    items: dict[str, dict[str, list[str]]] = {}
    for code, quadrant, text in project.db.conn.execute(
            "SELECT s.scenario_code, s.quadrant, COALESCE(c.text, s.text) FROM swot_items s "
            "LEFT JOIN cards c ON c.id = s.card_id WHERE s.scenario_code IS NOT NULL "
            "ORDER BY s.session_id, s.position, s.id"):
        if code in known:
            items.setdefault(code, {q: [] for q in "SWOT"})[quadrant].append(text)
    cells = {}
    for code, quadrants in items.items():
        counts = {q: len(v) for q, v in quadrants.items()}
        total = sum(counts.values())
        balance = (counts["S"] + counts["O"] - counts["W"] - counts["T"]) / total
        cells[("swot_balance", code, ALL_GROUPS)] = Cell(balance, total, counts["S"] + counts["O"])
    return cells, items
