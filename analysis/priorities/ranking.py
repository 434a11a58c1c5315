"""The combined ranking of scenarios from their evidence, per stakeholder group, and how
robust it is.

1. Group weighting. For a criterion c and scenario s, the combined value is the weighted
   mean over the groups with evidence: ``X[s,c] = Σ_g γ_g x[s,g,c] / Σ_g γ_g`` (γ: group
   weights, equal by default, so a group of 20 officials counts as much as 10 000
   residents). SWOT is not by group and enters as it is.
2. Normalisation (``minmax``, the default): ``r = (X − min) / (max − min)`` across the
   scenarios with evidence; a criterion on which no scenario differs adds 0; a scenario
   without evidence on it gets 0. ``vector``: ``r = y / ‖y‖`` with ``y = X − low`` (the
   measure's natural floor, so SWOT's −1..1 stays non-negative).
3. Score: the weighted sum ``S = Σ_c w_c r[s,c]`` with the weights renormalised over the
   criteria the project has evidence for (:func:`analysis.scoring.weighted_sum` is the
   same model on a complete matrix). Ties are broken by catalogue order.
4. Quadrant: value = mean of the combined survey and workshop value scores (1–5), urgency
   likewise; :func:`analysis.scoring.quadrant` splits them at the midpoint, ties high.
5. Per group: the same model on one group's own evidence (plus SWOT); the fairness view
   compares these rankings and lists the scenarios the groups rank furthest apart.
6. Robustness: :mod:`analysis.scoring.sensitivity` on the normalised matrix and weights
   (closed-form weight changes, and a Monte Carlo of the weights).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from analysis.scoring import QUADRANT_NAMES, quadrant
from analysis.scoring.sensitivity import monte_carlo, ranks, weight_stability

from .evidence import ALL_GROUPS, MEASURE, Evidence, Measure, ScenarioInfo
from .model import PriorityModel

VALUE_MEASURES = ("survey_value", "workshop_value")
URGENCY_MEASURES = ("survey_urgency", "workshop_urgency")
SUPPORT_MEASURES = ("survey_choice", "text_share", "workshop_dots")
FLAGGED = 5
"""At most this many disagreements are flagged: the largest, so the conflicts list gets the
few worth a workshop's time, not every wobble of a small group."""
DIGITS = 12
"""Combined values are rounded to this many decimals before normalising, so that values
equal by arithmetic (7/12 reached two ways) are equal, and a criterion on which no
scenario really differs adds nothing."""


@dataclass
class RankedScenario:
    info: ScenarioInfo
    rank: int
    score: float
    criteria: dict[str, float | None]
    """Criterion → combined (group-weighted) value in the measure's own unit; None: no evidence."""
    value: float | None
    urgency: float | None
    quadrant: str | None
    support: float
    """Respondents who chose it + texts about it + dots on it: the matrix's bubble size."""
    group_ranks: dict[str, int | None] = field(default_factory=dict)
    p_top_k: float = 0.0
    rank_interval: tuple[int, int] = (0, 0)
    stable: bool = True

    @property
    def code(self) -> str:
        return self.info.code


@dataclass(frozen=True, slots=True)
class Disagreement:
    scenario: str
    high_group: str
    """The group that ranks it best."""
    low_group: str
    high_rank: int
    low_rank: int
    threshold: int = 3
    """A disagreement from this gap: max(3, ⌈m/5⌉), m the scenarios both groups ranked."""
    flagged: bool = False
    """Among the :data:`FLAGGED` largest gaps at or above the threshold: highlighted, and
    what the page sends to the conflicts list."""

    @property
    def gap(self) -> int:
        return self.low_rank - self.high_rank


@dataclass
class Ranking:
    rows: list[RankedScenario]
    """Best first."""
    criteria: list[tuple[Measure, float]]
    """Criteria used, with their normalised weights (zero-weight criteria included)."""
    groups: dict[str, str]
    model: PriorityModel
    top_k: int
    stability: list = field(default_factory=list)
    """:class:`analysis.scoring.sensitivity.WeightStability` per weighted criterion."""
    monte_carlo: object | None = None
    disagreements: list[Disagreement] = field(default_factory=list)
    """Largest rank gaps between groups first; see :attr:`Disagreement.flagged`."""
    scenarios: list[ScenarioInfo] = field(default_factory=list)
    """In evidence (catalogue) order: the row indices the sensitivity results use."""

    def row(self, code: str) -> RankedScenario | None:
        return next((r for r in self.rows if r.code == code), None)

    def flagged(self) -> list[Disagreement]:
        return [d for d in self.disagreements if d.flagged]


class RankingInputs:
    """The evidence as arrays, built once per :class:`Evidence` so that re-ranking after a
    weight change (a slider) is only array arithmetic."""

    def __init__(self, evidence: Evidence) -> None:
        self.evidence = evidence
        self.measures = evidence.measures()
        self.groups = list(evidence.groups)
        index_s = {s.code: i for i, s in enumerate(evidence.scenarios)}
        index_c = {m.code: j for j, m in enumerate(self.measures)}
        index_g = {g: k for k, g in enumerate(self.groups)}
        shape = (len(self.groups), len(evidence.scenarios), len(self.measures))
        self.values = np.zeros(shape)
        self.mask = np.zeros(shape, dtype=bool)
        self.overall = np.zeros(shape[1:])
        self.overall_mask = np.zeros(shape[1:], dtype=bool)
        self.hits = np.zeros(len(evidence.scenarios))
        for (measure, scenario, group), cell in evidence.cells.items():
            i, j = index_s.get(scenario), index_c[measure]
            if i is None:
                continue
            if group == ALL_GROUPS:
                self.overall[i, j], self.overall_mask[i, j] = cell.value, True
            else:
                k = index_g[group]
                self.values[k, i, j], self.mask[k, i, j] = cell.value, True
            if measure in SUPPORT_MEASURES:
                self.hits[i] += cell.hits
        self.lows = np.array([m.low for m in self.measures])
        self.combined_mask = self.mask.copy()
        if "text_share" in index_c:  # a group that wrote texts but none about a scenario: a share of 0
            j = index_c["text_share"]
            wrote = self.mask[:, :, j].any(axis=1)
            self.combined_mask[wrote, :, j] = True

    def combined(self, model: PriorityModel) -> tuple[np.ndarray, np.ndarray]:
        """(X, present): group-weighted values per scenario × criterion."""
        gamma = np.array([model.group_weight(g) for g in self.groups]).reshape(-1, 1, 1)
        weight = (gamma * self.combined_mask).sum(axis=0)
        total = (gamma * self.combined_mask * self.values).sum(axis=0)
        present = weight > 0
        x = np.divide(total, weight, out=np.zeros_like(total), where=present)
        x = np.where(self.overall_mask, self.overall, x)
        return np.round(x, DIGITS), present | self.overall_mask

    def for_group(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """One group's own evidence (plus SWOT); a text share only where it mentioned the scenario."""
        x = np.where(self.overall_mask, self.overall, self.values[k])
        return np.round(x, DIGITS), self.mask[k] | self.overall_mask


def normalise(x: np.ndarray, present: np.ndarray, lows: np.ndarray, method: str) -> np.ndarray:
    """Column-wise normalisation (see the module docstring); absent cells become 0."""
    if method == "vector":
        y = np.where(present, x - lows, 0.0)
        norm = np.sqrt((y * y).sum(axis=0))
        return np.divide(y, norm, out=np.zeros_like(y), where=norm > 0)
    big = np.where(present, x, np.inf).min(axis=0)
    small = np.where(present, x, -np.inf).max(axis=0)
    span = small - big
    ok = np.isfinite(span) & (span > 0)
    r = np.divide(x - np.where(ok, big, 0), np.where(ok, span, 1), out=np.zeros_like(x), where=ok)
    return np.where(present & ok, r, 0.0)


def rank_scenarios(evidence: Evidence | RankingInputs, model: PriorityModel) -> Ranking:
    """The combined ranking, the per-group rankings, robustness and disagreements."""
    inputs = evidence if isinstance(evidence, RankingInputs) else RankingInputs(evidence)
    evidence = inputs.evidence
    n = len(evidence.scenarios)
    raw = np.array([model.weights.get(m.code, 0.0) for m in inputs.measures])
    total = raw.sum()
    weights = raw / total if total > 0 else raw
    criteria = list(zip(inputs.measures, weights.tolist(), strict=True))
    top_k = max(1, min(model.top_k, n))
    ranking = Ranking([], criteria, dict(evidence.groups), model, top_k, scenarios=list(evidence.scenarios))
    if n == 0 or total <= 0:
        return ranking
    x, present = inputs.combined(model)
    r = normalise(x, present, inputs.lows, model.normalisation)
    scores = r @ weights
    base = ranks(scores)
    group_ranks = _group_ranks(inputs, model, weights)
    used = weights > 0
    if used.any():
        ranking.stability = weight_stability(r[:, used], weights[used], top_k)
        ranking.monte_carlo = monte_carlo(r[:, used], weights[used], top_k, draws=model.draws, mode=model.mode,
                                          spread=model.spread, seed=model.seed)
    for i, info in enumerate(evidence.scenarios):
        values = {m.code: (float(x[i, j]) if present[i, j] else None) for j, m in enumerate(inputs.measures)}
        value = _mean(values, VALUE_MEASURES)
        urgency = _mean(values, URGENCY_MEASURES)
        row = RankedScenario(
            info, int(base[i]), float(scores[i]), values, value, urgency,
            quadrant(value, urgency, midpoint=model.midpoint) if value is not None and urgency is not None else None,
            float(inputs.hits[i]), {g: ranks_[i] for g, ranks_ in group_ranks.items()})
        mc = ranking.monte_carlo
        if mc is not None:
            row.p_top_k = float(mc.p_top_k[i])
            row.rank_interval = (int(mc.rank_low[i]), int(mc.rank_high[i]))
            row.stable = bool(mc.stable[i])
        ranking.rows.append(row)
    ranking.rows.sort(key=lambda row: row.rank)
    ranking.disagreements = _disagreements(ranking.rows)
    return ranking


def _mean(values: dict[str, float | None], codes: tuple[str, ...]) -> float | None:
    found = [values[c] for c in codes if values.get(c) is not None]
    return sum(found) / len(found) if found else None


def _group_ranks(inputs: RankingInputs, model: PriorityModel, weights: np.ndarray) -> dict[str, list[int | None]]:
    """Group → rank of each scenario on that group's own evidence (None: the group said
    nothing about it); ranks count only the scenarios the group spoke about."""
    result: dict[str, list[int | None]] = {}
    for k, group in enumerate(inputs.groups):
        x, present = inputs.for_group(k)
        spoke = inputs.mask[k].any(axis=1)
        if not spoke.any():
            continue
        r = normalise(x, present, inputs.lows, model.normalisation)
        scores = r @ weights
        scores = np.where(spoke, scores, scores.min() - 1)  # the silent ones rank below, unranked
        order = ranks(scores)
        result[group] = [int(order[i]) if spoke[i] else None for i in range(len(spoke))]
    return result


def _disagreements(rows: list[RankedScenario]) -> list[Disagreement]:
    """For each scenario, the groups ranking it best and worst, with the gap that counts as a
    disagreement for those two groups (a fifth of the scenarios both ranked, at least 3)."""
    counts: dict[str, set[str]] = {}
    for row in rows:
        for g, r in row.group_ranks.items():
            if r is not None:
                counts.setdefault(g, set()).add(row.code)
    found = []
    for row in rows:
        ranked = {g: r for g, r in row.group_ranks.items() if r is not None}
        if len(ranked) < 2:
            continue
        high = min(ranked, key=ranked.get)
        low = max(ranked, key=ranked.get)
        if ranked[low] > ranked[high]:
            both = len(counts[high] & counts[low])
            found.append(Disagreement(row.code, high, low, ranked[high], ranked[low], max(3, math.ceil(both / 5))))
    found.sort(key=lambda d: (-d.gap, d.high_rank))
    over = [i for i, d in enumerate(found) if d.gap >= d.threshold][:FLAGGED]
    return [replace(d, flagged=True) if i in over else d for i, d in enumerate(found)]


def conventions(ranking: Ranking) -> dict:
    """The conventions a ranking follows, as ``huizhi rank`` prints them."""
    model = ranking.model
    return {
        "model": "weighted sum (simple additive weighting) of the evidence criteria",
        "normalisation": {"minmax": "min-max across the scenarios with evidence; no evidence scores 0; "
                                    "a constant criterion adds 0",
                          "vector": "(x - floor) / Euclidean norm; no evidence scores 0"}[model.normalisation],
        "group_weighting": "each criterion is the weighted mean of the stakeholder groups' values "
                           "(group weights, equal by default), over the groups with evidence",
        "weights": "renormalised to sum 1 over the criteria with evidence",
        "criteria_weights": _weights_origin(model),
        "ties": "equal scores keep catalogue order",
        "quadrant": f"value and urgency (1-5; means of the survey and workshop scores) split at {model.midpoint:g}, "
                    "ties count as high",
        "top_k": ranking.top_k,
        "monte_carlo": {
            "draws": model.draws, "mode": model.mode, "spread": model.spread, "seed": model.seed,
            "around": "each weight multiplied by U(1 - spread, 1 + spread), then renormalised",
            "simplex": "weights uniform on the simplex (Dirichlet(1, ..., 1))",
            "rank_interval": "5th to 95th percentile of the rank over the draws",
            "stable": "in (or out of) the top k in at least 90 % of the draws, as in the base ranking",
        },
        "sensitivity": "closed form (Triantaphyllou & Sanchez 1997) for the weighted sum; one weight moves, "
                       "the others are rescaled in proportion so the weights keep summing to 1",
        "disagreement": "rank gap between the groups ranking a scenario best and worst; a disagreement from "
                        "max(3, ceil(m/5)) places (m = the scenarios both groups ranked); the 5 largest are flagged",
    }


def _weights_origin(model: PriorityModel) -> str:
    if model.ahp:
        table = {"saaty1980": "Saaty 1980", "alonso_lamata2006": "Alonso & Lamata 2006"}.get(
            model.ahp["random_index"], model.ahp["random_index"])
        return (f"AHP over the evidence sources {', '.join(model.ahp['sources'])} (principal eigenvector, "
                f"CR {model.ahp['cr']:.3f}, random index {table}), shared within each source in proportion")
    return "as set on the Priorities page (defaults: DEFAULT_WEIGHTS)"


def ranking_json(ranking: Ranking) -> dict:
    """The shape ``huizhi rank --json`` prints (its keys are a contract)."""
    groups = ranking.groups
    return {
        "conventions": conventions(ranking),
        "criteria": [{"code": m.code, "name": m.name, "source": m.source, "weight": round(w, 4)}
                     for m, w in ranking.criteria],
        "groups": [{"code": g, "name": name, "weight": ranking.model.group_weight(g)} for g, name in groups.items()],
        "top_k": ranking.top_k,
        "ranking": [
            {
                "rank": row.rank,
                "scenario": row.code,
                "name": row.info.name,
                "domain": row.info.domain,
                "score": round(row.score, 4),
                "quadrant": row.quadrant,
                "quadrant_name": QUADRANT_NAMES.get(row.quadrant) if row.quadrant else None,
                "value": _round(row.value),
                "urgency": _round(row.urgency),
                "support": round(row.support, 1),
                "group_ranks": row.group_ranks,
                "top_k_probability": round(row.p_top_k, 4),
                "rank_interval": list(row.rank_interval),
                "robustness": "stable" if row.stable else "fragile",
                "criteria": {code: _round(v) for code, v in row.criteria.items()},
            }
            for row in ranking.rows
        ],
        "sensitivity": [stability_json(s, ranking) for s in ranking.stability],
        "disagreements": [
            {"scenario": d.scenario, "high_group": d.high_group, "high_rank": d.high_rank,
             "low_group": d.low_group, "low_rank": d.low_rank, "gap": d.gap, "threshold": d.threshold,
             "flagged": d.flagged}
            for d in ranking.disagreements
        ],
    }


def weighted_criteria(ranking: Ranking) -> list[Measure]:
    """The criteria with a weight above 0, in the order the sensitivity results use."""
    return [m for m, w in ranking.criteria if w > 0]


def stability_json(stability, ranking: Ranking) -> dict:
    """One criterion's closed-form weight changes, scenario pairs by code."""
    codes = [s.code for s in ranking.scenarios]

    def pair(p):
        return [codes[p[0]], codes[p[1]]] if p else None

    return {
        "criterion": weighted_criteria(ranking)[stability.criterion].code,
        "weight": round(stability.weight, 4),
        "top_k_up": _round(stability.top_k_up, 4), "top_k_down": _round(stability.top_k_down, 4),
        "top_k_pair_up": pair(stability.top_k_pair_up), "top_k_pair_down": pair(stability.top_k_pair_down),
        "swap_up": _round(stability.swap_up, 4), "swap_down": _round(stability.swap_down, 4),
        "swap_pair_up": pair(stability.swap_pair_up), "swap_pair_down": pair(stability.swap_pair_down),
    }


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


__all__ = ["MEASURE", "Disagreement", "RankedScenario", "Ranking", "RankingInputs", "conventions", "rank_scenarios",
           "ranking_json"]
