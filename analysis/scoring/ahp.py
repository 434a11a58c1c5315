"""The analytic hierarchy process (Saaty): priorities from a pairwise comparison matrix.

``matrix[i][j]`` says how much more important criterion ``i`` is than ``j`` on Saaty's
1–9 scale; the matrix must be square, positive and reciprocal (``a_ji = 1 / a_ij``, ``a_ii = 1``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import _checks

RANDOM_INDEX: dict[str, tuple[float, ...]] = {
    # Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill. n = 1..10
    "saaty1980": (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49),
    # Alonso, J. A. & Lamata, M. T. (2006). Consistency in the analytic hierarchy process:
    # a new approach. Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4). n = 1..10
    "alonso_lamata2006": (0.0, 0.0, 0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854),
}
CR_THRESHOLD = 0.1
"""Saaty's rule: judgements with a consistency ratio above 0.1 should be revised."""
RECIPROCAL_TOLERANCE = 0.05
"""How far ``a_ij · a_ji`` may be from 1: reciprocals typed with two decimals (0.33 for 1/3,
0.14 for 1/7, 0.13 for 1/8) are accepted; 2 against 2 is not."""


@dataclass(frozen=True, slots=True)
class AhpResult:
    weights: tuple[float, ...]
    """The principal right eigenvector, normalised to sum 1, in the matrix's order."""
    lambda_max: float
    ci: float
    cr: float
    consistent: bool
    """``cr <= 0.1``; ``False`` flags judgements to revise."""


def _square(matrix: Sequence[Sequence[float]], tolerance: float, name: str = "matrix") -> np.ndarray:
    rows = _checks.table(matrix, name)
    n = len(rows)
    if any(len(row) != n for row in rows):
        raise ValueError(f"{name} must be square: {n} rows of {len(rows[0])} values")
    a = np.array(rows, dtype=float)
    if (a <= 0).any():
        i, j = map(int, np.argwhere(a <= 0)[0])
        raise ValueError(f"{name}[{i}][{j}] = {a[i, j]!r}: pairwise comparisons must be positive")
    for i in range(n):
        if abs(a[i, i] - 1) > tolerance:
            raise ValueError(f"{name}[{i}][{i}] = {a[i, i]!r}: the diagonal must be 1")
        for j in range(i + 1, n):
            if abs(a[i, j] * a[j, i] - 1) > tolerance:
                raise ValueError(
                    f"{name} is not reciprocal: [{i}][{j}] = {a[i, j]!r} but [{j}][{i}] = {a[j, i]!r}"
                    f" (expected {1 / a[i, j]!r})")
    return a


def ahp(
    matrix: Sequence[Sequence[float]],
    *,
    random_index: str = "saaty1980",
    tolerance: float = RECIPROCAL_TOLERANCE,
) -> AhpResult:
    """Priorities and consistency of one pairwise comparison matrix (eigenvector method).

    - ``weights``: the principal right eigenvector ``w`` of ``A`` (``A w = λmax w``, numpy
      ``linalg.eig``), normalised to ``Σ w_i = 1``.
    - ``lambda_max``: the principal (Perron) eigenvalue, ``λmax ≥ n`` for a reciprocal matrix.
    - ``CI = (λmax − n) / (n − 1)`` (taken as 0 for n ≤ 2, and never below 0 from rounding).
    - ``CR = CI / RI(n)`` with the random index table ``random_index``: ``"saaty1980"``
      (the default) or ``"alonso_lamata2006"`` (see ``RANDOM_INDEX``, n = 1..10);
      ``CR = 0`` for n ≤ 2, where every reciprocal matrix is consistent.
    - ``consistent``: ``CR ≤ 0.1``.

    Raises ``ValueError`` when the matrix is not square, has a non-positive or non-finite
    entry, a diagonal other than 1, or ``a_ij · a_ji`` further than ``tolerance`` from 1,
    when n exceeds the table (10), or for an unknown table.
    """
    if random_index not in RANDOM_INDEX:
        raise ValueError(f"random_index must be one of {tuple(RANDOM_INDEX)}, got {random_index!r}")
    table = RANDOM_INDEX[random_index]
    a = _square(matrix, tolerance)
    n = a.shape[0]
    if n > len(table):
        raise ValueError(f"the random index table {random_index!r} covers n ≤ {len(table)}, got n = {n}")
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lambda_max = float(values[k].real)
    vector = np.abs(vectors[:, k].real)
    w = vector / vector.sum()
    if n <= 2:
        ci = cr = 0.0
    else:
        ci = max(0.0, (lambda_max - n) / (n - 1))
        cr = ci / table[n - 1]
    return AhpResult(tuple(float(x) for x in w), lambda_max, ci, cr, cr <= CR_THRESHOLD)


def aggregate_judgements(
    matrices: Sequence[Sequence[Sequence[float]]],
    weights: Sequence[float] | None = None,
    *,
    tolerance: float = RECIPROCAL_TOLERANCE,
) -> list[list[float]]:
    """Aggregation of individual judgements (AIJ): the element-wise geometric mean.

    ``g_ij = Π_k (a_ij^(k))^(λ_k)`` with judge weights ``λ_k`` summing to 1 (equal by
    default), i.e. ``(Π_k a_ij^(k))^(1/m)`` for m equal judges. The geometric mean keeps the
    group matrix reciprocal (Aczél & Saaty 1983; Forman & Peniwati 1998). Feed the result
    to ``ahp``. Every matrix is checked as ``ahp`` does, and all must have the same size.
    """
    checked = [_square(m, tolerance, f"matrices[{k}]") for k, m in enumerate(matrices)]
    if not checked:
        raise ValueError("matrices must hold at least one matrix")
    n = checked[0].shape[0]
    for k, m in enumerate(checked):
        if m.shape[0] != n:
            raise ValueError(f"matrices[{k}] is {m.shape[0]}×{m.shape[0]}, matrices[0] is {n}×{n}")
    lam = [1 / len(checked)] * len(checked) if weights is None else _checks.weights(
        weights, len(checked), "weights")
    logs = sum(w * np.log(m) for w, m in zip(lam, checked, strict=True))
    return [[float(x) for x in row] for row in np.exp(logs)]


def aggregate_priorities(
    weight_vectors: Sequence[Sequence[float]],
    *,
    method: str = "arithmetic",
) -> list[float]:
    """Aggregation of individual priorities (AIP): one weight vector from several judges'.

    ``method="arithmetic"`` (the default): ``w_i = Σ_k w_i^(k) / m``, then renormalised to
    ``Σ w_i = 1`` (vectors that already sum to 1 give a mean that does too).
    ``method="geometric"``: ``w_i ∝ (Π_k w_i^(k))^(1/m)``, renormalised to sum 1 (a zero
    priority of one judge makes the group's zero). Forman & Peniwati (1998, EJOR 108:165–169)
    accept either mean for AIP. Each vector must be non-negative, with a positive sum,
    and all must have the same length; each is itself first normalised to sum 1.
    """
    if method not in ("arithmetic", "geometric"):
        raise ValueError(f"method must be 'arithmetic' or 'geometric', got {method!r}")
    vectors = [list(v) for v in weight_vectors]
    if not vectors or not vectors[0]:
        raise ValueError("weight_vectors must hold at least one non-empty vector")
    n = len(vectors[0])
    normalised = [_checks.weights(v, n, f"weight_vectors[{k}]") for k, v in enumerate(vectors)]
    m = len(normalised)
    if method == "arithmetic":
        mean = [sum(v[i] for v in normalised) / m for i in range(n)]
    else:
        mean = [
            0.0 if any(v[i] == 0 for v in normalised)
            else math.exp(sum(math.log(v[i]) for v in normalised) / m)
            for i in range(n)
        ]
    total = sum(mean)
    if total <= 0:
        raise ValueError("the geometric mean of the priorities is zero for every item")
    return [x / total for x in mean]
