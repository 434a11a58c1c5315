"""How firm is a weighted-sum ranking? Critical weight changes, weight stability, Monte Carlo.

Every function takes the *already normalised* decision matrix ``r`` (one row per alternative,
one column per criterion, any finite reals, typically in [0, 1]) and non-negative weights,
normalised here to sum 1. The score is the weighted sum (WSM)

    P_i = Σ_j w_j · r_ij

Ranking convention, used throughout: a higher score ranks higher; equal scores (compared
exactly, without tolerance) rank by the lower row index first. Ranks are 1-based.

Reference for the critical changes and their terminology: Triantaphyllou, E. & Sánchez, A.
(1997). A sensitivity analysis approach for some deterministic multi-criteria decision-making
methods. Decision Sciences 28(1), 151–194; also Triantaphyllou, E. (2000). Multi-Criteria
Decision Making Methods: A Comparative Study, ch. 8. Kluwer.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import _checks

CRITICAL_MEASURES = ("percent-top", "percent-any", "absolute-top", "absolute-any")
"""The paper's four "most critical criterion" definitions: smallest relative (percent) or
absolute change, over pairs with the top alternative (top) or over any pair (any)."""
MONTE_CARLO_MODES = ("around", "simplex")
GIVEN = "given"
"""``MonteCarloResult.mode`` when the caller supplied its own weight draws."""


# ---------------------------------------------------------------- shared pieces


def _problem(matrix: Sequence[Sequence[float]], weights: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """The checked matrix as an (alternatives × criteria) array and the weights normalised to sum 1."""
    rows = _checks.table(matrix)
    w = _checks.weights(weights, len(rows[0]))
    return np.array(rows, dtype=float), np.array(w, dtype=float)


def _integer(value: object, name: str, low: int, high: int | None = None) -> int:
    """``value`` as an int in [low, high] (``bool`` is refused)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number, got {value!r}")  # noqa: TRY004 (one error type for all bad input)
    result = int(value)
    if result < low or (high is not None and result > high):
        bounds = f"at least {low}" if high is None else f"between {low} and {high}"
        raise ValueError(f"{name} must be {bounds}, got {result}")
    return result


def _rank_array(scores: np.ndarray) -> np.ndarray:
    """1-based ranks along the last axis: higher score first, equal scores by lower index.

    A stable sort of ``−score`` keeps equal scores in row order, which is the tie rule.
    """
    order = np.argsort(-scores, axis=-1, kind="stable")
    result = np.empty_like(order)
    places = np.broadcast_to(np.arange(1, scores.shape[-1] + 1), order.shape)
    np.put_along_axis(result, order, places, axis=-1)
    return result


def _order(scores: np.ndarray) -> list[int]:
    """Row indices from the first-ranked to the last (the ranking convention above)."""
    return [int(i) for i in np.argsort(-scores, kind="stable")]


def ranks(scores: Sequence[float]) -> list[int]:
    """1-based rank of each score, in row order: the highest score gets 1.

    Ties (exactly equal scores) are broken by the lower row index ranking higher, so ranks
    are always a permutation of 1..n: ``ranks([0.5, 0.7, 0.5]) == [2, 1, 3]``.
    """
    values = [_checks.number(s, f"scores[{i}]") for i, s in enumerate(scores)]
    if not values:
        raise ValueError("scores must have at least one value")
    return [int(x) for x in _rank_array(np.array(values))]


# ---------------------------------------------------------------- Triantaphyllou & Sánchez


@dataclass(frozen=True, slots=True)
class CriticalChange:
    """The change of one criterion's weight that makes two alternatives tie (Triantaphyllou & Sánchez 1997)."""

    criterion: int
    higher: int
    """Row index of the alternative ranked higher now."""
    lower: int
    delta: float
    """δ': the new (unnormalised) weight is ``w_k − δ'``. Positive = decrease w_k, negative = increase."""
    relative: float
    """``δ' / w_k × 100`` (percent, same sign as δ'); ±inf when ``w_k = 0`` (0 if δ' is 0 too)."""
    weight: float
    """The criterion's normalised weight at the tie, ``(w_k − δ') / (1 − δ')``; nan when infeasible."""
    feasible: bool
    """``δ' ≤ w_k`` (the changed weight stays non-negative) and ``δ' < 1`` (some weight remains)."""


def _critical(criterion: int, higher: int, lower: int, gap: float, step: float, wk: float) -> CriticalChange:
    """One critical change from ``gap = P_i − P_j ≥ 0`` and ``step = r_ik − r_jk ≠ 0``."""
    delta = gap / step
    if wk > 0:
        relative = delta / wk * 100
    else:
        relative = 0.0 if delta == 0 else math.copysign(math.inf, delta)
    feasible = delta <= wk and delta < 1
    weight = (wk - delta) / (1 - delta) if feasible else math.nan
    return CriticalChange(criterion, higher, lower, delta, relative, weight, feasible)


def critical_changes(matrix: Sequence[Sequence[float]], weights: Sequence[float]) -> list[CriticalChange]:
    """Every critical absolute change δ'_{k,i,j} of a weight (Triantaphyllou & Sánchez 1997, WSM theorem).

    For criterion ``k`` and alternatives ``A_i`` ranked above ``A_j`` (``P_i ≥ P_j``), change
    ``w_k`` to ``w_k* = w_k − δ'`` and leave the other weights as they are. Then
    ``P_i* = P_i − δ'·r_ik`` and ``P_j* = P_j − δ'·r_jk``, and ``P_i* = P_j*`` exactly when

        δ'_{k,i,j} = (P_i − P_j) / (r_ik − r_jk)      (= (P_j − P_i) / (r_jk − r_ik), the paper's form)

    Sign: ``P_i − P_j ≥ 0``, so δ' > 0 (decrease ``w_k``) when ``A_i`` is better on ``k``
    (``r_ik > r_jk``) and δ' < 0 (increase ``w_k`` by ``|δ'|``) when ``A_j`` is. Past the tie
    (a larger change in the same direction) the two are reversed. Renormalising the changed
    weights to sum 1 divides every score by ``1 − δ'`` and so changes no ranking; the
    normalised weight of ``k`` at the tie is ``(w_k − δ') / (1 − δ')`` with the other weights
    scaled in proportion (the same path as ``weight_stability``).

    Feasible (the paper's condition) when ``δ' ≤ w_k``: the new weight is not negative (a tie
    reached at ``w_k* = 0`` counts). Also required here: ``δ' < 1``, so that some weight is
    left. With ``w_k = 1`` every δ' is 1 (only ``k`` counts, ``P_i = r_ik``): removing it
    leaves no weight, so those changes are reported infeasible; ``weight_stability`` treats
    that case by sharing the freed weight equally. A pair with ``r_ik = r_jk`` has no δ'
    (changing ``w_k`` moves both scores alike) and is left out.

    Order of the result: by criterion, then by the current rank of ``higher``, then of
    ``lower`` (pairs in ranking order). Weights are normalised to sum 1 first, so δ' is in
    units of normalised weight.
    """
    r, w = _problem(matrix, weights)
    p = r @ w
    order = _order(p)
    table, scores, wk = r.tolist(), p.tolist(), w.tolist()
    result = []
    for k in range(r.shape[1]):
        for a, i in enumerate(order):
            for j in order[a + 1:]:
                step = table[i][k] - table[j][k]
                if step != 0:
                    result.append(_critical(k, i, j, scores[i] - scores[j], step, wk[k]))
    return result


def most_critical_criterion(
    matrix: Sequence[Sequence[float]],
    weights: Sequence[float],
    measure: str = "percent-top",
) -> CriticalChange | None:
    """The feasible critical change that defines the paper's most critical criterion, or None.

    - ``"percent-top"`` (PT): smallest ``|relative|`` over pairs of the top alternative
      (rank 1) with any other;
    - ``"percent-any"`` (PA): smallest ``|relative|`` over any pair;
    - ``"absolute-top"`` (AT) / ``"absolute-any"`` (AA): the same with ``|delta|``.

    Only feasible changes count; None when there is none (e.g. one alternative, or
    ``w = 1`` on the only criterion that separates them). Ties go to the first change in
    ``critical_changes`` order (lowest criterion, then highest-ranked pair). The criterion is
    ``result.criterion``.
    """
    if measure not in CRITICAL_MEASURES:
        raise ValueError(f"measure must be one of {CRITICAL_MEASURES}, got {measure!r}")
    r, w = _problem(matrix, weights)
    top = _order(r @ w)[0]
    size, scope = measure.split("-")
    candidates = [c for c in critical_changes(matrix, weights) if c.feasible and (scope == "any" or c.higher == top)]
    if size == "percent":
        return min(candidates, key=lambda c: abs(c.relative), default=None)
    return min(candidates, key=lambda c: abs(c.delta), default=None)


# ---------------------------------------------------------------- one weight at a time


@dataclass(frozen=True, slots=True)
class WeightStability:
    """How far one criterion's normalised weight can move before the ranking changes.

    Changes are positive amounts of normalised weight (the new weight is ``weight ± change``);
    None when no weight in [0, 1] in that direction does it. Each change is where the named
    pair ties; any further change reverses them (at the tie itself the lower row index ranks
    higher). Pairs are ``(higher, lower)``: row indices, ``higher`` ranked above now.
    """

    criterion: int
    weight: float
    top_k: int
    top_k_up: float | None
    """Smallest increase that changes the set of the top ``top_k`` alternatives."""
    top_k_pair_up: tuple[int, int] | None
    """``(leaves the top k, enters it)``."""
    top_k_down: float | None
    top_k_pair_down: tuple[int, int] | None
    swap_up: float | None
    """Smallest increase that changes the order at all (two neighbours swap)."""
    swap_pair_up: tuple[int, int] | None
    swap_down: float | None
    swap_pair_down: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class PairStability:
    """The smallest one-weight change that swaps two neighbours of the current ranking."""

    higher: int
    lower: int
    criterion: int | None
    """The criterion whose weight to change; None when no single weight swaps them."""
    change: float | None
    """Signed change of that criterion's normalised weight: > 0 increase, < 0 decrease."""
    weight: float | None
    """That criterion's normalised weight at the tie."""


def _rest_scores(r: np.ndarray, w: np.ndarray, k: int) -> np.ndarray | None:
    """``Q_i = Σ_{j≠k} u_j r_ij``: the scores when ``w_k = 0`` on the path of ``weight_stability``.

    ``u_j = w_j / Σ_{l≠k} w_l`` (the other weights in proportion); when they are all 0
    (``w_k = 1``), ``u_j = 1 / (m − 1)``. None with a single criterion (nothing to share with).
    """
    m = r.shape[1]
    if m == 1:
        return None
    others = [j for j in range(m) if j != k]
    total = float(w[others].sum())
    u = w[others] / total if total > 0 else np.full(m - 1, 1 / (m - 1))
    return r[:, others] @ u


def _first_crossing(
    highs: np.ndarray,
    lows: np.ndarray,
    at0: np.ndarray,
    at1: np.ndarray,
    t0: float,
    up: bool,
) -> tuple[float, tuple[int, int]] | None:
    """The smallest move of ``t`` from ``t0`` (up or down) at which some pair ``(highs[n], lows[n])`` ties.

    On the path ``P_i(t) = (1 − t)·at0_i + t·at1_i`` the gap of a pair is
    ``g(t) = (1 − t)·A + t·B`` with ``A = at0_h − at0_l`` (gap at ``t = 0``) and
    ``B = at1_h − at1_l`` (gap at ``t = 1``); it is 0 at ``t* = A / (A − B)``. The pair
    reverses strictly inside [0, 1] going up only if ``B < 0``, going down only if ``A < 0``.
    Rounding can put ``t*`` a hair on the wrong side of ``t0`` for pairs tied now: the move
    is then 0. Ties between pairs go to the first in the given order.
    """
    if (up and t0 >= 1) or (not up and t0 <= 0):
        return None
    a = at0[highs] - at0[lows]
    b = at1[highs] - at1[lows]
    crosses = (b < 0) if up else (a < 0)
    crosses &= a != b
    if not crosses.any():
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        tie = np.where(crosses, a / np.where(crosses, a - b, 1.0), np.nan)
    move = np.maximum(tie - t0 if up else t0 - tie, 0.0)
    move = np.where(crosses, move, np.inf)
    n = int(np.argmin(move))
    return float(move[n]), (int(highs[n]), int(lows[n]))


def weight_stability(
    matrix: Sequence[Sequence[float]],
    weights: Sequence[float],
    top_k: int,
) -> list[WeightStability]:
    """For each criterion, the smallest rise and fall of its weight that changes the top ``top_k`` or the order.

    Path (closed form, no search): the weights always sum to 1. Set ``w_k(t) = t`` and scale
    the other weights in proportion, ``w_j(t) = (1 − t)·u_j`` with ``u_j = w_j / (1 − w_k)``.
    Rule for ``w_k = 1`` (no other weight to scale): the freed weight ``1 − t`` is shared
    equally, ``u_j = 1 / (m − 1)``. With a single criterion nothing can move (all None).
    Every score is then affine in ``t``:

        P_i(t) = (1 − t)·Q_i + t·r_ik,     Q_i = Σ_{j≠k} u_j r_ij,     P_i(w_k) = P_i

    so two alternatives ``h`` (ranked above now) and ``l`` tie at ``t* = A / (A − B)`` with
    ``A = Q_h − Q_l`` and ``B = r_hk − r_lk``: ``h`` falls behind going up iff ``B < 0``
    (then ``t* ≥ w_k``), going down iff ``A < 0`` (then ``t* ≤ w_k``). The change is
    ``|t* − w_k|``. A tie reached only at ``t = 0`` or ``t = 1`` (no room to reverse) does not
    count. For ``w_k < 1`` this ``t*`` is the ``weight`` of ``critical_changes``.

    - top k: the first crossing of an alternative in the current top ``top_k`` with one
      outside it (they need not be neighbours now). ``top_k`` = n never changes.
    - swap: the first crossing of any two; it is always between two neighbours of the current
      ranking (lines that meet first have nothing between them), so only those are solved.

    When several pairs tie at the same change, the one whose ``higher`` (then ``lower``)
    ranks highest now is named. Weights of 0 cannot fall (``*_down`` None); a weight of 1
    cannot rise (``*_up`` None). One result per criterion, in column order.
    """
    r, w = _problem(matrix, weights)
    n, m = r.shape
    k_top = _integer(top_k, "top_k", 1, n)
    order = np.array(_order(r @ w))
    inside, outside = order[:k_top], order[k_top:]
    cut_highs, cut_lows = np.repeat(inside, len(outside)), np.tile(outside, len(inside))
    result = []
    for k in range(m):
        rest = _rest_scores(r, w, k)
        t0 = float(w[k])
        found = []
        for highs, lows in ((cut_highs, cut_lows), (order[:-1], order[1:])):
            for up in (True, False):
                hit = None if rest is None else _first_crossing(highs, lows, rest, r[:, k], t0, up)
                found.extend((None, None) if hit is None else hit)
        result.append(WeightStability(k, t0, k_top, *found))
    return result


def pair_stability(matrix: Sequence[Sequence[float]], weights: Sequence[float]) -> list[PairStability]:
    """For each pair of neighbours in the current ranking, the smallest single weight change that swaps them.

    Each criterion's weight moves on the path of ``weight_stability`` (the others in
    proportion; shared equally when the weight is 1); the change is where the two tie, and
    any further change in that direction reverses them. The smallest ``|change|`` over all
    criteria and both directions wins; ties go to the lower criterion index, a rise before a
    fall. Only the two alternatives are considered: others may swap earlier. Pairs are given
    from the top of the ranking down (n − 1 of them).
    """
    r, w = _problem(matrix, weights)
    order = _order(r @ w)
    rests = [_rest_scores(r, w, k) for k in range(r.shape[1])]
    result = []
    for higher, lower in itertools.pairwise(order):
        best: tuple[float, int, float] | None = None  # (|change|, criterion, signed change)
        for k, rest in enumerate(rests):
            if rest is None:
                continue
            for up in (True, False):
                hit = _first_crossing(np.array([higher]), np.array([lower]), rest, r[:, k], float(w[k]), up)
                if hit is not None and (best is None or hit[0] < best[0]):
                    best = (hit[0], k, hit[0] if up else -hit[0])
        if best is None:
            result.append(PairStability(higher, lower, None, None, None))
        else:
            _, k, change = best
            result.append(PairStability(higher, lower, k, change, float(w[k]) + change))
    return result


# ---------------------------------------------------------------- Monte Carlo


@dataclass(frozen=True, slots=True)
class MonteCarloResult:
    """Ranks of every alternative over random weight vectors; tuples are in row order."""

    draws: int
    mode: str
    """``"around"``, ``"simplex"`` or ``"given"`` (the caller's own draws)."""
    spread: float
    seed: int | None
    top_k: int
    stable_at: float
    p_top_k: tuple[float, ...]
    """Share of draws in which the alternative is in the top ``top_k``."""
    rank_low: tuple[int, ...]
    """5th percentile of its rank (numpy's "linear" method), rounded down: the better end of a 90 % interval."""
    rank_high: tuple[int, ...]
    """95th percentile of its rank, rounded up."""
    rank_best: tuple[int, ...]
    rank_worst: tuple[int, ...]
    base_rank: tuple[int, ...]
    """Its rank with the given weights."""
    agreement: tuple[float, ...]
    """Share of draws in which its top-k membership is the same as with the given weights."""
    stable: tuple[bool, ...]
    """``agreement ≥ stable_at``."""

    def label(self, i: int) -> str:
        """``"stable"`` or ``"fragile"`` for alternative ``i`` (row index)."""
        index = _integer(i, "i", 0, len(self.stable) - 1)
        return "stable" if self.stable[index] else "fragile"


def draw_weights(
    weights: Sequence[float],
    draws: int = 1000,
    mode: str = "around",
    spread: float = 0.2,
    seed: int | None = 0,
) -> np.ndarray:
    """Random weight vectors, one per row (draws × criteria), each summing to 1.

    - ``"around"``: ``w_j · f_j`` with independent ``f_j ~ Uniform[1 − spread, 1 + spread]``,
      then renormalised; a zero weight stays zero. ``0 ≤ spread < 1``, so every factor is
      positive and no draw loses all its weight.
    - ``"simplex"``: uniform on the simplex, i.e. Dirichlet(1, …, 1), as independent standard
      exponentials divided by their sum; ``weights`` only fixes the number of criteria, and
      ``spread`` is not used.

    ``numpy.random.default_rng(seed)``: the same seed gives the same draws (None: fresh entropy).
    """
    checked = [_checks.number(x, f"weights[{j}]") for j, x in enumerate(weights)]
    if not checked:
        raise ValueError("weights must have at least one value")
    w = np.array(_checks.weights(checked, len(checked)))
    count = _integer(draws, "draws", 1)
    if mode not in MONTE_CARLO_MODES:
        raise ValueError(f"mode must be one of {MONTE_CARLO_MODES}, got {mode!r}")
    s = _checks.number(spread, "spread")
    if not 0 <= s < 1:
        raise ValueError(f"spread must be at least 0 and below 1, got {spread!r}")
    if seed is not None:
        _integer(seed, "seed", 0)
    rng = np.random.default_rng(seed)
    if mode == "simplex":
        raw = rng.standard_exponential((count, len(w)))
    else:
        raw = w * rng.uniform(1 - s, 1 + s, (count, len(w)))
    return raw / raw.sum(axis=1, keepdims=True)


def _given_draws(values: object, m: int) -> np.ndarray:
    """The caller's draws as a (draws × m) array of non-negative finite numbers, rows normalised to sum 1."""
    try:
        a = np.array(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"weights_draws must be a table of numbers: {error}") from None
    if a.ndim != 2 or a.shape[0] < 1 or a.shape[1] != m:
        raise ValueError(f"weights_draws must have shape (draws ≥ 1, {m}), got {a.shape}")
    if not np.isfinite(a).all():
        raise ValueError("weights_draws must be finite numbers")
    if (a < 0).any():
        raise ValueError("weights_draws must not be negative")
    totals = a.sum(axis=1, keepdims=True)
    if (totals <= 0).any():
        raise ValueError(f"weights_draws row {int(np.argmax(totals[:, 0] <= 0))} is all zeros")
    return a / totals


def monte_carlo(
    matrix: Sequence[Sequence[float]],
    weights: Sequence[float],
    top_k: int,
    draws: int = 1000,
    mode: str = "around",
    spread: float = 0.2,
    seed: int | None = 0,
    stable_at: float = 0.9,
    weights_draws: Sequence[Sequence[float]] | np.ndarray | None = None,
) -> MonteCarloResult:
    """Rank the alternatives under many random weight vectors (vectorised: one matrix product, one sort).

    Weights come from ``draw_weights(weights, draws, mode, spread, seed)``, or, when
    ``weights_draws`` (draws × criteria, non-negative, no all-zero row) is given, from it with
    each row renormalised; then ``draws``, ``mode``, ``spread`` and ``seed`` are not used and
    the result says ``mode="given"``, ``spread=0``, ``seed=None``.

    For each draw ``d``: ``P_d = r · w_d``, ranked by the module's convention (ties by row
    index). Per alternative: ``p_top_k`` = share of draws with rank ≤ ``top_k``;
    ``rank_low``/``rank_high`` = 5th/95th percentile of its rank, numpy's default "linear"
    interpolation, rounded outward (floor, ceil; after rounding to 9 decimals so float noise
    cannot push an exact integer across); ``rank_best``/``rank_worst`` = min/max;
    ``stable`` = its membership of the top ``top_k`` agrees with the base ranking's in at
    least ``stable_at`` (0 < stable_at ≤ 1) of the draws.
    """
    r, w = _problem(matrix, weights)
    n, m = r.shape
    k_top = _integer(top_k, "top_k", 1, n)
    threshold = _checks.number(stable_at, "stable_at")
    if not 0 < threshold <= 1:
        raise ValueError(f"stable_at must be above 0 and at most 1, got {stable_at!r}")
    if weights_draws is None:
        sample = draw_weights(w.tolist(), draws, mode, spread, seed)
        used_mode, used_spread, used_seed = mode, float(spread), seed
    else:
        sample = _given_draws(weights_draws, m)
        used_mode, used_spread, used_seed = GIVEN, 0.0, None
    place = _rank_array(sample @ r.T)
    base = _rank_array(r @ w)
    in_top = place <= k_top
    agreement = (in_top == (base <= k_top)).mean(axis=0)
    low = np.floor(np.round(np.percentile(place, 5, axis=0), 9))
    high = np.ceil(np.round(np.percentile(place, 95, axis=0), 9))
    return MonteCarloResult(
        draws=int(sample.shape[0]),
        mode=used_mode,
        spread=used_spread,
        seed=used_seed,
        top_k=k_top,
        stable_at=threshold,
        p_top_k=tuple(float(x) for x in in_top.mean(axis=0)),
        rank_low=tuple(int(x) for x in low),
        rank_high=tuple(int(x) for x in high),
        rank_best=tuple(int(x) for x in place.min(axis=0)),
        rank_worst=tuple(int(x) for x in place.max(axis=0)),
        base_rank=tuple(int(x) for x in base),
        agreement=tuple(float(x) for x in agreement),
        stable=tuple(bool(x >= threshold) for x in agreement),
    )
