"""Scoring models for priorities (issue 7): pure functions, no project, no Qt.

- ``weighted_sum``, ``topsis``: alternatives × criteria matrices (``mcda``)
- ``ahp``, ``aggregate_judgements`` (AIJ), ``aggregate_priorities`` (AIP) (``ahp``)
- ``kano_category``, ``kano_coefficients`` (``kano``)
- ``borda`` (``voting``)
- ``quadrant``, ``rice``, ``wsjf`` (``backlog``)

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
from .voting import borda

__all__ = [
    "KANO_NAMES",
    "KANO_TABLE",
    "QUADRANT_NAMES",
    "RANDOM_INDEX",
    "AhpResult",
    "aggregate_judgements",
    "aggregate_priorities",
    "ahp",
    "borda",
    "kano_category",
    "kano_coefficients",
    "quadrant",
    "rice",
    "topsis",
    "weighted_sum",
    "wsjf",
]
