"""Scoring models for priorities (issue 7): pure functions, no project, no Qt.

- ``weighted_sum``, ``topsis``: alternatives × criteria matrices (``mcda``)
- ``ahp``, ``aggregate_judgements`` (AIJ), ``aggregate_priorities`` (AIP) (``ahp``)
- ``kano_category``, ``kano_coefficients`` (``kano``)
- ``borda`` (``voting``)
- ``quadrant``, ``rice``, ``wsjf`` (``backlog``)
- ``critical_changes``, ``most_critical_criterion``, ``weight_stability``, ``pair_stability``,
  ``monte_carlo``, ``draw_weights``, ``ranks``: how firm a weighted-sum ranking is (``sensitivity``)

Each function states its formula and conventions in its docstring; every invalid input
raises ``ValueError``.
"""

from .ahp import (
    RANDOM_INDEX,
    AhpResult,
    aggregate_judgements,
    aggregate_priorities,
    ahp,
)
from .backlog import QUADRANT_NAMES, quadrant, rice, wsjf
from .kano import KANO_NAMES, KANO_TABLE, kano_category, kano_coefficients
from .mcda import topsis, weighted_sum
from .sensitivity import (
    CriticalChange,
    MonteCarloResult,
    PairStability,
    WeightStability,
    critical_changes,
    draw_weights,
    monte_carlo,
    most_critical_criterion,
    pair_stability,
    ranks,
    weight_stability,
)
from .voting import borda

__all__ = [
    "KANO_NAMES",
    "KANO_TABLE",
    "QUADRANT_NAMES",
    "RANDOM_INDEX",
    "AhpResult",
    "CriticalChange",
    "MonteCarloResult",
    "PairStability",
    "WeightStability",
    "aggregate_judgements",
    "aggregate_priorities",
    "ahp",
    "borda",
    "critical_changes",
    "draw_weights",
    "kano_category",
    "kano_coefficients",
    "monte_carlo",
    "most_critical_criterion",
    "pair_stability",
    "quadrant",
    "ranks",
    "rice",
    "topsis",
    "weight_stability",
    "weighted_sum",
    "wsjf",
]
