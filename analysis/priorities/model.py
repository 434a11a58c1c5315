"""The ranking model a project uses: criteria weights, normalisation, top-k and the
Monte Carlo settings, saved in the project (``meta.priority_model``); stakeholder group
weights live with the groups (``stakeholder_groups.weight``, equal by default).

The default model (documented in ``docs/architecture.md`` and printed by ``huizhi rank``):
every evidence measure is a benefit criterion, min–max normalised across the scenarios
that have it; a scenario with no evidence on a criterion scores 0 on it ("no evidence, no
credit"); weights are those of :data:`DEFAULT_WEIGHTS`, renormalised over the criteria the
project has evidence for.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace

from workspace.errors import ValidationError
from workspace.project import Project
from workspace.stakeholders import list_groups, update_group

from .evidence import MEASURE, UNASSIGNED

DEFAULT_WEIGHTS: dict[str, float] = {
    "survey_choice": 0.15,
    "survey_value": 0.125,
    "survey_urgency": 0.125,
    "survey_importance": 0.05,
    "text_share": 0.10,
    "text_negative": 0.0,
    "workshop_value": 0.10,
    "workshop_urgency": 0.10,
    "workshop_feasibility": 0.10,
    "workshop_dots": 0.05,
    "workshop_moscow": 0.05,
    "swot_balance": 0.05,
}
"""Surveys 45 %, text 10 %, workshops 40 %, SWOT 5 %. Negative sentiment is shown as
evidence but weighs nothing by default: a complaint says a scenario matters, which the
mention share already counts."""
MODES = ("around", "simplex")
NORMALISATIONS = ("minmax", "vector")


@dataclass(frozen=True)
class PriorityModel:
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    group_weights: dict[str, float] = field(default_factory=dict)
    """Group code → weight; a group not listed weighs 1 (equal weights)."""
    normalisation: str = "minmax"
    top_k: int = 5
    draws: int = 1000
    mode: str = "around"
    """Monte Carlo: 'around' (each weight × U(1 − spread, 1 + spread)) or 'simplex' (uniform)."""
    spread: float = 0.2
    seed: int = 0
    midpoint: float = 3.0
    """Value × urgency quadrants split at the 1–5 scale's midpoint; a tie counts as high."""
    ahp: dict | None = None
    """When the criteria weights came from an AHP comparison of the evidence sources:
    ``{"sources": [...], "matrix": [[...]], "random_index": ..., "weights": [...], "cr": ...}``;
    None once a weight is set by hand."""

    def group_weight(self, group: str) -> float:
        return self.group_weights.get(group, 1.0)

    def with_weight(self, criterion: str, weight: float) -> PriorityModel:
        return replace(self, weights={**self.weights, criterion: weight}, ahp=None)

    def with_group_weight(self, group: str, weight: float) -> PriorityModel:
        return replace(self, group_weights={**self.group_weights, group: weight})

    def check(self) -> None:
        unknown = sorted(set(self.weights) - set(MEASURE))
        if unknown:
            raise ValidationError(f"未知的排序标准：{'、'.join(unknown)}", f"Unknown criteria: {', '.join(unknown)}")
        for name, value in [*self.weights.items(), *self.group_weights.items()]:
            if not 0 <= value <= 100:
                raise ValidationError(f"权重应在 0 到 100 之间：{name} = {value}",
                                      f"A weight must be between 0 and 100: {name} = {value}")
        if not any(self.weights.values()):
            raise ValidationError("至少要有一项证据的权重大于 0。", "At least one criterion needs a weight above 0.")
        if not 1 <= self.midpoint <= 5:
            raise ValidationError("象限分界应在 1 到 5 之间。", "The quadrant midpoint must be between 1 and 5.")
        if self.normalisation not in NORMALISATIONS or self.mode not in MODES:
            raise ValidationError("归一化或抽样方式无效。", "Unknown normalisation or sampling mode.")
        if self.top_k < 1 or not 10 <= self.draws <= 100_000 or not 0 <= self.spread < 1:
            raise ValidationError("前 k 名、抽样次数或扰动幅度超出范围。", "top-k, draws or spread out of range.")


def load_model(project: Project) -> PriorityModel:
    """The project's saved model (defaults for anything not saved), with its group weights."""
    saved = json.loads(project.meta("priority_model") or "{}")
    weights = {**DEFAULT_WEIGHTS, **{k: float(v) for k, v in saved.get("weights", {}).items() if k in MEASURE}}
    groups = {g.code: g.weight for g in list_groups(project, include_retired=True)}
    groups[UNASSIGNED] = float(saved.get("unassigned_weight", 1.0))
    fields = {k: saved[k] for k in ("normalisation", "top_k", "draws", "mode", "spread", "seed", "midpoint", "ahp")
              if k in saved}
    return PriorityModel(weights=weights, group_weights=groups, **fields)


def save_model(project: Project, model: PriorityModel) -> None:
    """Write the model in one transaction: settings to ``meta``, group weights to the groups."""
    model.check()
    data = asdict(model)
    groups = data.pop("group_weights")
    data["unassigned_weight"] = groups.pop(UNASSIGNED, 1.0)
    known = {g.code for g in list_groups(project, include_retired=True)}
    with project.transaction():
        project.set_meta("priority_model", json.dumps(data, ensure_ascii=False, sort_keys=True))
        for code, weight in groups.items():
            if code in known:
                update_group(project, code, weight=weight)


SOURCES = ("survey", "text", "workshop", "swot")


def weights_from_ahp(model: PriorityModel, criteria: list[str], matrix: list[list[float]], sources: list[str],
                     *, random_index: str = "saaty1980"):
    """Criteria weights from an AHP comparison of the evidence sources (``sources``, in the
    order of ``matrix``'s rows): each source gets its AHP priority (principal eigenvector,
    :func:`analysis.scoring.ahp`), shared among its ``criteria`` in proportion to their
    current weights (equally when those are all 0). Criteria of sources not compared keep
    weight 0. Returns the new model and the :class:`~analysis.scoring.AhpResult`.
    """
    from analysis.scoring import ahp

    result = ahp(matrix, random_index=random_index)
    weights = {code: 0.0 for code in model.weights}
    for source, priority in zip(sources, result.weights, strict=True):
        members = [c for c in criteria if MEASURE[c].source == source]
        current = sum(model.weights.get(c, 0.0) for c in members)
        for c in members:
            share = model.weights.get(c, 0.0) / current if current > 0 else 1 / len(members)
            weights[c] = round(priority * share, 6)
    record = {"sources": list(sources), "matrix": [list(map(float, row)) for row in matrix],
              "random_index": random_index, "weights": [round(w, 6) for w in result.weights],
              "cr": round(result.cr, 6)}
    return replace(model, weights=weights, ahp=record), result
