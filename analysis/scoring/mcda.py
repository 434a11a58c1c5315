"""Multi-criteria scores of alternatives: the weighted sum and TOPSIS.

A decision matrix has one row per alternative and one column per criterion. ``benefit[j]``
is ``True`` when more is better on criterion ``j`` and ``False`` for a cost (less is better).
Weights must be non-negative and are normalised to sum 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from . import _checks

NORMALISATIONS = ("minmax", "vector")


def _scaled(column: list[float], normalisation: str) -> list[float] | None:
    """The column normalised in the benefit direction (``minmax``: (x − min)/(max − min);
    ``vector``: x/‖x‖), or None when it cannot be (constant, or all zeros)."""
    if normalisation == "minmax":
        low, high = min(column), max(column)
        return [(x - low) / (high - low) for x in column] if high > low else None
    norm = math.sqrt(sum(x * x for x in column))
    return [x / norm for x in column] if norm else None


def _inputs(matrix, weights, benefit, normalisation: str) -> tuple[list[list[float]], list[float], list[bool]]:
    """The checked decision matrix, weights normalised to sum 1, and directions."""
    rows = _checks.table(matrix)
    n_criteria = len(rows[0])
    if normalisation not in NORMALISATIONS:
        raise ValueError(f"normalisation must be one of {NORMALISATIONS}, got {normalisation!r}")
    return rows, _checks.weights(weights, n_criteria), _checks.directions(benefit, n_criteria)


def weighted_sum(
    matrix: Sequence[Sequence[float]],
    weights: Sequence[float],
    benefit: Sequence[bool],
    normalisation: str = "minmax",
) -> list[float]:
    """Simple additive weighting: ``S_i = Σ_j w_j · r_ij`` with ``Σ_j w_j = 1``.

    ``normalisation="minmax"`` (the default), per column with ``min``/``max`` over alternatives:

    - benefit: ``r_ij = (x_ij − min_j) / (max_j − min_j)``
    - cost:    ``r_ij = (max_j − x_ij) / (max_j − min_j)``

    so every ``r_ij`` is in [0, 1] and the best alternative on a criterion gets 1.
    Rule for a constant column (``max_j = min_j``): ``r_ij = 0`` for every row, that is,
    a criterion on which no alternative differs adds nothing to any score.

    ``normalisation="vector"``, with ``‖x_j‖ = sqrt(Σ_i x_ij²)``:

    - benefit: ``r_ij = x_ij / ‖x_j‖``
    - cost:    ``r_ij = 1 − x_ij / ‖x_j‖``

    (for non-negative data both are in [0, 1]). Rule for an all-zero column: ``r_ij = 0``.

    Returns one score per alternative, in row order; higher is better.
    """
    rows, w, is_benefit = _inputs(matrix, weights, benefit, normalisation)
    n_criteria = len(rows[0])
    scores = [0.0] * len(rows)
    for j in range(n_criteria):
        r = _scaled([row[j] for row in rows], normalisation)
        if r is None:
            continue  # no alternative differs: the criterion adds nothing
        if not is_benefit[j]:
            r = [1 - x for x in r]  # (max − x)/(max − min), or 1 − x/‖x‖
        for i, value in enumerate(r):
            scores[i] += w[j] * value
    return scores


def topsis(
    matrix: Sequence[Sequence[float]],
    weights: Sequence[float],
    benefit: Sequence[bool],
    normalisation: str = "vector",
) -> list[float]:
    """TOPSIS closeness coefficients (Hwang & Yoon 1981), one per alternative in row order.

    1. Normalise each column. ``"vector"`` (the default): ``r_ij = x_ij / sqrt(Σ_i x_ij²)``;
       ``"minmax"``: ``r_ij = (x_ij − min_j) / (max_j − min_j)``. Directions are *not*
       reversed here: cost criteria are handled by the ideal points. A constant column under
       ``"minmax"`` and an all-zero column under ``"vector"`` give ``r_ij = 0``.
    2. Weight after normalising: ``v_ij = w_j · r_ij`` with ``Σ_j w_j = 1``.
    3. Ideal ``A+_j = max_i v_ij`` for a benefit, ``min_i v_ij`` for a cost criterion;
       anti-ideal ``A−_j`` the other way round.
    4. Euclidean distances ``D+_i = ‖v_i − A+‖``, ``D−_i = ‖v_i − A−‖``.
    5. ``C_i = D−_i / (D+_i + D−_i)`` in [0, 1]; higher is better.

    Rule when ``D+_i + D−_i = 0`` (possible only when the ideal and the anti-ideal coincide,
    i.e. all alternatives are equal on every weighted criterion): ``C_i = 0.5``.
    """
    rows, w, is_benefit = _inputs(matrix, weights, benefit, normalisation)
    n_criteria = len(rows[0])
    weighted = [[0.0] * n_criteria for _ in rows]
    for j in range(n_criteria):
        r = _scaled([row[j] for row in rows], normalisation) or [0.0] * len(rows)
        for i, value in enumerate(r):
            weighted[i][j] = w[j] * value
    ideal, anti = [], []
    for j in range(n_criteria):
        column = [row[j] for row in weighted]
        best, worst = (max(column), min(column)) if is_benefit[j] else (min(column), max(column))
        ideal.append(best)
        anti.append(worst)
    result = []
    for v in weighted:
        d_plus = math.dist(v, ideal)
        d_minus = math.dist(v, anti)
        total = d_plus + d_minus
        result.append(d_minus / total if total > 0 else 0.5)
    return result
