"""Sensitivity of a weighted-sum ranking (analysis.scoring.sensitivity) against hand-worked examples.

The published WSM example of Triantaphyllou & Sánchez (1997) could not be read in full from
the sources available when these tests were written, so no number of it is quoted here. Every
expected value below is instead derived step by step in the docstrings with plain arithmetic
(fractions where they are exact) and re-checked with the small plain-Python scorer below,
never taken from the implementation's output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.scoring import (
    CriticalChange,
    critical_changes,
    draw_weights,
    monte_carlo,
    most_critical_criterion,
    pair_stability,
    ranks,
    weight_stability,
)

EPS = 1e-9


def _scores(matrix, weights):
    """P_i = Σ_j w_j r_ij with the weights normalised to sum 1 (plain Python)."""
    total = sum(weights)
    return [sum(w / total * x for w, x in zip(weights, row, strict=True)) for row in matrix]


def _order(matrix, weights):
    """Row indices best first; equal scores by the lower row index."""
    p = _scores(matrix, weights)
    return sorted(range(len(p)), key=lambda i: (-p[i], i))


def _path(weights, k, t):
    """Weights with w_k = t and the others scaled in proportion to sum 1 − t (equal shares if all 0)."""
    total = sum(weights)
    w = [x / total for x in weights]
    rest = sum(x for j, x in enumerate(w) if j != k)
    m = len(w)
    return [t if j == k else (1 - t) * (x / rest if rest > 0 else 1 / (m - 1)) for j, x in enumerate(w)]


# Example A: 3 alternatives × 2 criteria, weights 3 : 2 → 0.6, 0.4
#   P0 = 0.6·0.9 + 0.4·0.2 = 0.62;  P1 = 0.24 + 0.32 = 0.56;  P2 = 0.06 + 0.20 = 0.26
A = [[0.9, 0.2], [0.4, 0.8], [0.1, 0.5]]
# Example B: Example A plus A3 = (0.6, 0.48): P3 = 0.36 + 0.192 = 0.552 → ranking A0, A1, A3, A2
B = [*A, [0.6, 0.48]]
# Example D: weight 1 on criterion 0, 0 on the others: P = r_·0 = 0.8, 0.6, 0.2
D = [[0.8, 0.0, 0.0], [0.6, 1.0, 0.4], [0.2, 0.0, 1.0]]


# ---------------------------------------------------------------- ranks


def test_ranks_break_ties_by_row_index():
    assert ranks([0.5, 0.7, 0.5, 0.1]) == [2, 1, 3, 4]
    assert ranks([1, 1, 1]) == [1, 2, 3]
    assert ranks([3.0]) == [1]
    for bad in ([], [float("nan")], ["1"], [True]):
        with pytest.raises(ValueError):
            ranks(bad)


# ---------------------------------------------------------------- critical changes


def test_critical_changes_example_b_by_hand():
    """δ' = (P_i − P_j) / (r_ik − r_jk), A_i ranked above A_j; w = (0.6, 0.4).

    ranking A0 (0.62), A1 (0.56), A3 (0.552), A2 (0.26); pairs in ranking order:
    (0,1) (0,3) (0,2) (1,3) (1,2) (3,2).

    criterion 0 (w = 0.6):
      (0,1) d = 0.06,  e = 0.9 − 0.4 = 0.5  → δ' = 0.12    (20 %),   tie weight 0.48/0.88 = 6/11
      (0,3) d = 0.068, e = 0.3              → δ' = 0.068/0.3 (37.78 %)
      (0,2) d = 0.36,  e = 0.8              → δ' = 0.45    (75 %),   tie weight 0.15/0.55 = 3/11
      (1,3) d = 0.008, e = −0.2             → δ' = −0.04   (−6.67 %: increase), 0.64/1.04
      (1,2) d = 0.30,  e = 0.3              → δ' = 1       infeasible (1 > 0.6)
      (3,2) d = 0.292, e = 0.5              → δ' = 0.584   feasible (≤ 0.6), 0.016/0.416
    criterion 1 (w = 0.4):
      (0,1) d = 0.06,  e = 0.2 − 0.8 = −0.6 → δ' = −0.1    (−25 %), tie weight 0.5/1.1 = 5/11
      (0,3) d = 0.068, e = −0.28            → δ' = −0.068/0.28
      (0,2) d = 0.36,  e = −0.3             → δ' = −1.2    (−300 %), 1.6/2.2 = 8/11
      (1,3) d = 0.008, e = 0.32             → δ' = 0.025   (6.25 %), 0.375/0.975
      (1,2) d = 0.30,  e = 0.3              → δ' = 1       infeasible (1 > 0.4)
      (3,2) d = 0.292, e = −0.02            → δ' = −14.6   (−3650 %), 15/15.6
    """
    expected = [
        (0, 0, 1, 0.12, 6 / 11, True),
        (0, 0, 3, 0.068 / 0.3, (0.6 - 0.068 / 0.3) / (1 - 0.068 / 0.3), True),
        (0, 0, 2, 0.45, 3 / 11, True),
        (0, 1, 3, -0.04, 0.64 / 1.04, True),
        (0, 1, 2, 1.0, math.nan, False),
        (0, 3, 2, 0.584, 0.016 / 0.416, True),
        (1, 0, 1, -0.1, 5 / 11, True),
        (1, 0, 3, -0.068 / 0.28, (0.4 + 0.068 / 0.28) / (1 + 0.068 / 0.28), True),
        (1, 0, 2, -1.2, 8 / 11, True),
        (1, 1, 3, 0.025, 0.375 / 0.975, True),
        (1, 1, 2, 1.0, math.nan, False),
        (1, 3, 2, -14.6, 15 / 15.6, True),
    ]
    changes = critical_changes(B, [3, 2])
    assert [(c.criterion, c.higher, c.lower) for c in changes] == [e[:3] for e in expected]
    w = [0.6, 0.4]
    for c, (k, _, _, delta, weight, feasible) in zip(changes, expected, strict=True):
        assert isinstance(c, CriticalChange)
        assert c.delta == pytest.approx(delta)
        assert c.relative == pytest.approx(delta / w[k] * 100)
        assert c.feasible is feasible
        if feasible:
            assert c.weight == pytest.approx(weight)
        else:
            assert math.isnan(c.weight)
    # the sign: positive δ' lowers the weight of the criterion the higher one is better on
    assert changes[0].delta > 0 and B[0][0] > B[1][0]
    assert changes[6].delta < 0 and B[0][1] < B[1][1]


def test_critical_change_really_makes_a_tie():
    """Re-score with w_k* = w_k − δ' (others unchanged): the two scores are equal, and a bit
    further in the same direction the order of the two is reversed. Renormalising changes nothing."""
    w = [0.6, 0.4]
    for c in critical_changes(B, [3, 2]):
        if not c.feasible:
            continue
        changed = list(w)
        changed[c.criterion] -= c.delta
        p = _scores(B, changed)
        assert p[c.higher] == pytest.approx(p[c.lower], abs=1e-12)
        # the normalised weight at the tie is the one reported
        assert changed[c.criterion] / sum(changed) == pytest.approx(c.weight)
        beyond = list(w)
        beyond[c.criterion] -= c.delta + math.copysign(1e-6, c.delta)
        if beyond[c.criterion] >= 0:
            q = _scores(B, beyond)
            assert q[c.lower] > q[c.higher]


def test_critical_change_feasible_down_to_zero_and_undefined_for_equal_values():
    """A0 = (0.5, 0.5), A1 = (0, 0.5), w = (0.5, 0.5): P0 = 0.5, P1 = 0.25.

    criterion 0: δ' = 0.25 / 0.5 = 0.5 = w_0 → feasible (the new weight is exactly 0; then
    P0 = P1 = 0.25), relative 100 %, normalised tie weight 0 / 0.5 = 0.
    criterion 1: r_01 = r_11 → no δ' (left out).
    """
    (c,) = critical_changes([[0.5, 0.5], [0, 0.5]], [1, 1])
    assert (c.criterion, c.higher, c.lower) == (0, 0, 1)
    assert c.delta == 0.5 and c.feasible and c.relative == 100.0 and c.weight == 0.0


def test_critical_changes_with_weight_one_and_zero():
    """Example D, w = (1, 0, 0).

    criterion 0 (w = 1): P_i = r_i0, so every δ' = (r_i0 − r_j0)/(r_i0 − r_j0) = 1: taking
    the whole weight away leaves none → infeasible, relative 100 %.
    criterion 1 (w = 0): (0,1) d = 0.2, e = 0 − 1 → δ' = −0.2 (increase), relative −inf,
    tie weight 0.2/1.2 = 1/6;  (0,2) e = 0 → left out;  (1,2) d = 0.4, e = 1 → δ' = 0.4 > 0 = w
    → infeasible, relative +inf.
    """
    changes = {(c.criterion, c.higher, c.lower): c for c in critical_changes(D, [1, 0, 0])}
    for pair in ((0, 1), (0, 2), (1, 2)):
        c = changes[(0, *pair)]
        assert c.delta == 1.0 and not c.feasible and c.relative == 100.0
    assert (1, 0, 2) not in changes
    c = changes[(1, 0, 1)]
    assert c.delta == pytest.approx(-0.2) and c.feasible and c.relative == -math.inf
    assert c.weight == pytest.approx(1 / 6)
    c = changes[(1, 1, 2)]
    assert c.delta == pytest.approx(0.4) and not c.feasible and c.relative == math.inf


def test_most_critical_criterion_example_b_by_hand():
    """Feasible changes of Example B (see the first test), the top alternative is A0.

    percent-top:  |relative| of the (0, j) pairs: 20, 37.8, 75 (criterion 0); 25, 60.7, 300
                  (criterion 1) → criterion 0, pair (0,1), δ' = 0.12
    percent-any:  adds (1,3): 6.67 (c0), 6.25 (c1); (3,2): 97.3 (c0), 3650 (c1)
                  → criterion 1, pair (1,3), δ' = 0.025
    absolute-top: |δ'| 0.12, 0.227, 0.45 (c0); 0.1, 0.243, 1.2 (c1) → criterion 1, (0,1), −0.1
    absolute-any: adds 0.04, 0.584 (c0); 0.025, 14.6 (c1) → criterion 1, (1,3), 0.025
    """
    pt = most_critical_criterion(B, [3, 2])
    assert (pt.criterion, pt.higher, pt.lower) == (0, 0, 1) and pt.delta == pytest.approx(0.12)
    pa = most_critical_criterion(B, [3, 2], "percent-any")
    assert (pa.criterion, pa.higher, pa.lower) == (1, 1, 3) and pa.relative == pytest.approx(6.25)
    at = most_critical_criterion(B, [3, 2], "absolute-top")
    assert (at.criterion, at.higher, at.lower) == (1, 0, 1) and at.delta == pytest.approx(-0.1)
    aa = most_critical_criterion(B, [3, 2], "absolute-any")
    assert (aa.criterion, aa.higher, aa.lower) == (1, 1, 3) and aa.delta == pytest.approx(0.025)
    # nothing to reverse: one alternative; or every change infeasible (w = 1 on the only criterion)
    assert most_critical_criterion([[0.3, 0.4]], [1, 1]) is None
    assert most_critical_criterion([[1.0], [0.5]], [1], "percent-any") is None
    with pytest.raises(ValueError):
        most_critical_criterion(B, [3, 2], "percent-all")


# ---------------------------------------------------------------- weight stability


def _assert_crossing(matrix, weights, k, t0, change, sign, top_k=None):
    """Just before ``t0 + sign·change`` the order (or top-k set) is the current one; just after, not."""

    def view(t):
        order = _order(matrix, _path(weights, k, t))
        return set(order[:top_k]) if top_k else order

    now = view(t0)
    assert view(t0 + sign * (change - EPS)) == now
    assert view(t0 + sign * (change + EPS)) != now


def test_weight_stability_two_criteria_by_hand():
    """Example A. With two criteria the path is w = (t, 1 − t) for criterion 0.

    criterion 0 (t0 = 0.6): P0 = 0.2 + 0.7t, P1 = 0.8 − 0.4t, P2 = 0.5 − 0.4t
      P0 = P1 at 1.1t = 0.6 → t = 6/11 (below 0.6): down by 0.6 − 6/11 = 3/55
      P0 = P2 at 1.1t = 0.3 → t = 3/11: down by 0.6 − 3/11 = 18/55
      P1, P2 parallel; going up A0 only gains → nothing up
      top 1: first change is A1 overtaking A0 (3/55); top 2 = {0, 1}: A2 must pass A0 (18/55)
    criterion 1 (t0 = 0.4): P0 = 0.9 − 0.7t, P1 = 0.4 + 0.4t, P2 = 0.1 + 0.4t
      P0 = P1 at t = 5/11: up by 5/11 − 0.4 = 3/55;  P0 = P2 at t = 8/11: up by 18/55
    """
    top1 = weight_stability(A, [3, 2], 1)
    c0, c1 = top1
    assert (c0.criterion, c0.weight, c0.top_k) == (0, pytest.approx(0.6), 1)
    assert c0.top_k_up is None and c0.top_k_pair_up is None and c0.swap_up is None and c0.swap_pair_up is None
    assert c0.top_k_down == pytest.approx(3 / 55) and c0.top_k_pair_down == (0, 1)
    assert c0.swap_down == pytest.approx(3 / 55) and c0.swap_pair_down == (0, 1)
    assert c1.top_k_down is None and c1.swap_down is None
    assert c1.top_k_up == pytest.approx(3 / 55) and c1.top_k_pair_up == (0, 1)
    assert c1.swap_up == pytest.approx(3 / 55) and c1.swap_pair_up == (0, 1)
    c0, c1 = weight_stability(A, [3, 2], 2)
    assert c0.top_k_down == pytest.approx(18 / 55) and c0.top_k_pair_down == (0, 2)
    assert c0.swap_down == pytest.approx(3 / 55) and c0.swap_pair_down == (0, 1)
    assert c1.top_k_up == pytest.approx(18 / 55) and c1.top_k_pair_up == (0, 2)
    # the crossings are exactly there
    _assert_crossing(A, [3, 2], 0, 0.6, 3 / 55, -1)
    _assert_crossing(A, [3, 2], 0, 0.6, 18 / 55, -1, top_k=2)
    _assert_crossing(A, [3, 2], 1, 0.4, 3 / 55, +1, top_k=1)
    _assert_crossing(A, [3, 2], 1, 0.4, 18 / 55, +1, top_k=2)


def test_weight_stability_rescales_the_other_weights_in_proportion():
    """r = identity (A_i is best only on criterion i), w = (0.5, 0.3, 0.2): P = 0.5, 0.3, 0.2.

    criterion 1, w_1 = t: w_0 = 0.5(1 − t)/0.7 = (5/7)(1 − t), w_2 = (2/7)(1 − t)
      P0 = (5/7)(1 − t), P1 = t, P2 = (2/7)(1 − t)
      up:   P1 = P0 at (12/7)t = 5/7 → t = 5/12, change 5/12 − 0.3 = 7/60 (A1 takes the top)
      down: P1 = P2 at (9/7)t = 2/7 → t = 2/9, change 0.3 − 2/9 = 7/90 (A1, A2 swap)
            the top stays A0 going down: P0 − P2 = (3/7)(1 − t) > 0 → top_k_down None
    Triantaphyllou's δ' for the same pairs lands on the same weights:
      (0,1): δ' = 0.2/(0 − 1) = −0.2 → (0.3 + 0.2)/(1 + 0.2) = 5/12
      (1,2): δ' = 0.1/(1 − 0)  = 0.1  → (0.3 − 0.1)/(1 − 0.1) = 2/9
    criterion 0, w_0 = t: P0 = t, P1 = 0.6(1 − t), P2 = 0.4(1 − t)
      down: P0 = P1 at t = 0.375, change 0.125; up: P1, P2 tie only at t = 1 → None
    """
    identity = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    c0, c1, _ = weight_stability(identity, [0.5, 0.3, 0.2], 1)
    assert c1.top_k_up == pytest.approx(7 / 60) and c1.top_k_pair_up == (0, 1)
    assert c1.swap_up == pytest.approx(7 / 60) and c1.swap_pair_up == (0, 1)
    assert c1.swap_down == pytest.approx(7 / 90) and c1.swap_pair_down == (1, 2)
    assert c1.top_k_down is None
    assert c0.swap_down == pytest.approx(0.125) and c0.swap_pair_down == (0, 1)
    assert c0.swap_up is None and c0.top_k_up is None
    _assert_crossing(identity, [0.5, 0.3, 0.2], 1, 0.3, 7 / 60, +1, top_k=1)
    _assert_crossing(identity, [0.5, 0.3, 0.2], 1, 0.3, 7 / 90, -1)
    _assert_crossing(identity, [0.5, 0.3, 0.2], 0, 0.5, 0.125, -1)
    tie = {(c.criterion, c.higher, c.lower): c.weight for c in critical_changes(identity, [0.5, 0.3, 0.2])}
    assert tie[(1, 0, 1)] == pytest.approx(5 / 12)
    assert tie[(1, 1, 2)] == pytest.approx(2 / 9)


def test_weight_stability_weight_one_and_weight_zero():
    """Example D, w = (1, 0, 0); ranking A0 (0.8), A1 (0.6), A2 (0.2).

    criterion 0 (w = 1): nothing can rise. The stated rule shares the freed weight equally:
      w = (t, (1 − t)/2, (1 − t)/2), Q = mean of columns 1, 2 = 0, 0.7, 0.5
      P0 = 0.8t, P1 = 0.7 − 0.1t, P2 = 0.5 − 0.3t
      P0 = P1 at 0.9t = 0.7 → t = 7/9, change 2/9 (pair (0,1))
      P0 = P2 at 1.1t = 0.5 → t = 5/11, change 6/11 (the top 2 {0,1} lose A0 to A2)
      P1 = P2 at t = −1: outside [0, 1]
    criterion 1 (w = 0): nothing can fall. w = (1 − t, t, 0):
      P0 = 0.8 − 0.8t, P1 = 0.6 + 0.4t, P2 = 0.2 − 0.2t
      P0 = P1 at 1.2t = 0.2 → t = 1/6; A2 never gains on A1, and ties A0 only at t = 1 → top 2 None
    criterion 2 (w = 0): w = (1 − t, 0, t): P0 = 0.8 − 0.8t, P1 = 0.6 − 0.2t, P2 = 0.2 + 0.8t
      P0 = P1 at t = 1/3 (swap, top 1);  P0 = P2 at t = 3/8, P1 = P2 at t = 0.4: the top 2 first
      changes when A2 passes A0 at 3/8 (A0 and A2 are not neighbours now)
    """
    w = [1, 0, 0]
    c0, c1, c2 = weight_stability(D, w, 1)
    assert c0.weight == 1.0 and c0.swap_up is None and c0.top_k_up is None
    assert c0.swap_down == pytest.approx(2 / 9) and c0.swap_pair_down == (0, 1)
    assert c1.weight == 0.0 and c1.swap_down is None and c1.top_k_down is None
    assert c1.swap_up == pytest.approx(1 / 6) and c1.swap_pair_up == (0, 1)
    assert c2.swap_up == pytest.approx(1 / 3) and c2.top_k_up == pytest.approx(1 / 3)
    _assert_crossing(D, w, 0, 1.0, 2 / 9, -1)
    _assert_crossing(D, w, 1, 0.0, 1 / 6, +1, top_k=1)
    c0, c1, c2 = weight_stability(D, w, 2)
    assert c0.top_k_down == pytest.approx(6 / 11) and c0.top_k_pair_down == (0, 2)
    assert c1.top_k_up is None and c1.top_k_pair_up is None
    assert c2.top_k_up == pytest.approx(3 / 8) and c2.top_k_pair_up == (0, 2)
    _assert_crossing(D, w, 0, 1.0, 6 / 11, -1, top_k=2)
    _assert_crossing(D, w, 2, 0.0, 3 / 8, +1, top_k=2)


def test_weight_stability_degenerate_cases():
    # one criterion: its weight is always 1, nothing can move
    (only,) = weight_stability([[0.2], [0.9]], [5], 1)
    assert only.weight == 1.0
    assert (only.top_k_up, only.top_k_down, only.swap_up, only.swap_down) == (None, None, None, None)
    # top_k = n: the set of all alternatives never changes, the order still can
    for s in weight_stability(A, [3, 2], 3):
        assert s.top_k_up is None and s.top_k_down is None
    assert weight_stability(A, [3, 2], 3)[0].swap_down == pytest.approx(3 / 55)
    # two identical alternatives never swap (the tie is broken by row index whatever the weights)
    for s in weight_stability([[0.4, 0.6], [0.4, 0.6]], [1, 1], 1):
        assert s.swap_up is None and s.swap_down is None


def test_pair_stability_by_hand():
    """Example A: neighbours (0,1) and (1,2).

    (0,1): criterion 0 down by 3/55 (to 6/11) or criterion 1 up by 3/55 (to 5/11): with two
           criteria both are the same path. Exactly equal, the rule picks criterion 0; in
           floats the two can differ in the last bit, so either is accepted, with its sign.
    (1,2): P1 − P2 = 0.3 on both paths (parallel lines) → no single weight swaps them
    Example D: (0,1): criterion 1 up 1/6 (criterion 0 down 2/9, criterion 2 up 1/3) → 1/6
               (1,2): criterion 2 up to t = 0.4 (P1 = 0.6 − 0.2t, P2 = 0.2 + 0.8t);
                      criterion 0: tie at t = −1; criterion 1: P1 − P2 = 0.4 + 0.6t > 0 → 0.4
    """
    first, second = pair_stability(A, [3, 2])
    assert (first.higher, first.lower) == (0, 1)
    if first.criterion == 0:
        assert first.change == pytest.approx(-3 / 55) and first.weight == pytest.approx(6 / 11)
    else:
        assert first.criterion == 1
        assert first.change == pytest.approx(3 / 55) and first.weight == pytest.approx(5 / 11)
    assert (second.higher, second.lower, second.criterion, second.change, second.weight) == (1, 2, None, None, None)
    first, second = pair_stability(D, [1, 0, 0])
    assert (first.higher, first.lower, first.criterion) == (0, 1, 1)
    assert first.change == pytest.approx(1 / 6) and first.weight == pytest.approx(1 / 6)
    assert (second.higher, second.lower, second.criterion) == (1, 2, 2)
    assert second.change == pytest.approx(0.4) and second.weight == pytest.approx(0.4)


def test_pair_stability_a_decrease_is_negative():
    """A0 = (1, 0, 0), A1 = (0.3, 0.5, 0.5), w = (0.6, 0.2, 0.2): P0 = 0.6, P1 = 0.38.

    criterion 0 down, w = (t, (1 − t)/2, (1 − t)/2): P0 = t, P1 = 0.3t + 0.5(1 − t) = 0.5 − 0.2t
      tie at 1.2t = 0.5 → t = 5/12, change 5/12 − 0.6 = −11/60 ≈ −0.183
    criterion 1 up, w = (0.75(1 − t), t, 0.25(1 − t)): P0 = 0.75 − 0.75t,
      P1 = 0.225(1 − t) + 0.5t + 0.125(1 − t) = 0.35 + 0.15t → tie at t = 0.4/0.9 = 4/9,
      change 4/9 − 0.2 = 11/45 ≈ 0.244; criterion 2 is the same by symmetry
    → criterion 0, −11/60. Triantaphyllou agrees: δ' = 0.22/0.7, (0.6 − δ')/(1 − δ') = 5/12.
    """
    (only,) = pair_stability([[1, 0, 0], [0.3, 0.5, 0.5]], [3, 1, 1])
    assert (only.higher, only.lower, only.criterion) == (0, 1, 0)
    assert only.change == pytest.approx(-11 / 60) and only.weight == pytest.approx(5 / 12)
    tie = critical_changes([[1, 0, 0], [0.3, 0.5, 0.5]], [3, 1, 1])[0]
    assert tie.delta == pytest.approx(0.22 / 0.7) and tie.weight == pytest.approx(5 / 12)


# ---------------------------------------------------------------- Monte Carlo


def test_draw_weights_reproducible_and_simplex_moments():
    """Dirichlet(1, …, 1) on m = 4: each row sums to 1, every component has mean 1/m = 0.25
    (standard deviation of one component √(3/(16·5)) ≈ 0.19, of the mean of 20 000 ≈ 0.0014)."""
    a = draw_weights([1, 1, 1, 1], 20_000, "simplex", seed=7)
    b = draw_weights([1, 1, 1, 1], 20_000, "simplex", seed=7)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, draw_weights([1, 1, 1, 1], 20_000, "simplex", seed=8))
    assert a.shape == (20_000, 4)
    assert np.allclose(a.sum(axis=1), 1.0)
    assert (a >= 0).all()
    assert np.allclose(a.mean(axis=0), 0.25, atol=0.01)


def test_draw_weights_around_keeps_zero_and_stays_within_the_spread():
    """Factors in [0.8, 1.2], so any ratio w_i/w_j moves by at most 1.2/0.8 = 1.5 either way."""
    w = [0.5, 0.3, 0.2, 0.0]
    d = draw_weights(w, 5000, "around", spread=0.2, seed=3)
    assert np.allclose(d.sum(axis=1), 1.0)
    assert (d[:, 3] == 0).all()
    ratio = (d[:, 0] / d[:, 1]) / (0.5 / 0.3)
    assert ratio.min() >= 0.8 / 1.2 - 1e-12 and ratio.max() <= 1.2 / 0.8 + 1e-12
    assert np.allclose(d.mean(axis=0), [0.5, 0.3, 0.2, 0.0], atol=0.01)
    assert np.allclose(draw_weights(w, 10, spread=0.0), [0.5, 0.3, 0.2, 0.0])


def test_monte_carlo_is_reproducible_with_a_seed():
    rng = np.random.default_rng(11)
    r, w = rng.random((8, 5)), rng.random(5)
    first = monte_carlo(r, w, 3, draws=500, seed=42)
    assert first == monte_carlo(r, w, 3, draws=500, seed=42)
    assert (first.draws, first.mode, first.spread, first.seed, first.top_k, first.stable_at) == (
        500, "around", 0.2, 42, 3, 0.9)
    other = monte_carlo(r, w, 3, draws=500, seed=43, mode="simplex")
    assert other.mode == "simplex" and other.p_top_k != first.p_top_k
    assert sum(first.p_top_k) == pytest.approx(3.0)  # exactly 3 alternatives in the top 3 per draw
    assert first.base_rank == tuple(ranks(list(r @ (w / w.sum()))))


def test_dominant_alternative_is_always_on_top_and_stable():
    """A0 is at least as good on every criterion and better on one → first under any weights."""
    r = [[0.9, 0.8, 0.7], [0.5, 0.8, 0.1], [0.2, 0.3, 0.6], [0.4, 0.1, 0.2]]
    for mode in ("around", "simplex"):
        res = monte_carlo(r, [1, 2, 3], 1, draws=400, mode=mode, seed=1)
        assert res.p_top_k[0] == 1.0
        assert (res.rank_low[0], res.rank_high[0], res.rank_best[0], res.rank_worst[0]) == (1, 1, 1, 1)
        assert res.stable[0] and res.label(0) == "stable"
        assert res.base_rank[0] == 1


def test_nearly_tied_alternatives_at_the_cut_are_fragile():
    """A0 = (0.6, 0.4), A1 = (0.4, 0.6), weights 1.001 : 1: P0 − P1 = 0.2·(0.001/2.001) ≈ 1e-4.
    A draw puts A0 first iff its w_0 > w_1 (up to that 1e-4): about half the draws either way,
    far from the 90 % needed. A2 = (0, 0) is last in every draw: stable outside the top."""
    res = monte_carlo([[0.6, 0.4], [0.4, 0.6], [0, 0]], [1.001, 1], 1, draws=2000, seed=5)
    assert res.base_rank == (1, 2, 3)
    assert 0.35 < res.p_top_k[0] < 0.65 and res.p_top_k[0] + res.p_top_k[1] == pytest.approx(1.0)
    assert res.stable == (False, False, True)
    assert [res.label(i) for i in range(3)] == ["fragile", "fragile", "stable"]
    assert (res.rank_best[0], res.rank_worst[0], res.rank_low[0], res.rank_high[0]) == (1, 2, 1, 2)
    assert res.rank_low[2] == res.rank_high[2] == 3


def test_monte_carlo_given_draws_percentiles_by_hand():
    """A0 = (1, 0), A1 = (0, 1), base w = (0.7, 0.3) → A0 first. Five given draws: A0 leads
    in the four with w_0 > w_1, A1 in the last.

    ranks of A0: 1 1 1 1 2. numpy "linear": position p·(5 − 1) in the sorted ranks
      5th:  position 0.2 → 1;   95th: position 3.8 → 1 + 0.8·(2 − 1) = 1.8 → ceil 2
    ranks of A1: sorted 1 2 2 2 2: 5th at 0.2 → 1 + 0.2 = 1.2 → floor 1; 95th at 3.8 → 2
    top-1 share: A0 4/5, A1 1/5; agreement with the base (A0 in, A1 out) 4/5 each
      → fragile at stable_at 0.9, stable at 0.8. Rows are renormalised (×10 is the same draw).
    """
    given = [[0.9, 0.1], [8, 2], [0.7, 0.3], [0.6, 0.4], [0.2, 0.8]]
    res = monte_carlo([[1, 0], [0, 1]], [0.7, 0.3], 1, weights_draws=given)
    assert (res.draws, res.mode, res.seed, res.spread) == (5, "given", None, 0.0)
    assert res.p_top_k == pytest.approx((0.8, 0.2))
    assert res.rank_low == (1, 1) and res.rank_high == (2, 2)
    assert res.rank_best == (1, 1) and res.rank_worst == (2, 2)
    assert res.agreement == pytest.approx((0.8, 0.8))
    assert res.stable == (False, False)
    relaxed = monte_carlo([[1, 0], [0, 1]], [0.7, 0.3], 1, stable_at=0.8, weights_draws=np.array(given))
    assert relaxed.stable == (True, True)


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("matrix", "weights"),
    [
        ([], [1]),
        ([[1, 2], [3]], [1, 1]),
        ([[1, 2]], [1]),
        ([[1, 2]], [1, -1]),
        ([[1, 2]], [0, 0]),
        ([[1, float("nan")]], [1, 1]),
        ([[1, "2"]], [1, 1]),
        ([[True, 2]], [1, 1]),
    ],
)
def test_bad_matrix_or_weights_are_refused(matrix, weights):
    for call in (
        lambda: critical_changes(matrix, weights),
        lambda: most_critical_criterion(matrix, weights),
        lambda: weight_stability(matrix, weights, 1),
        lambda: pair_stability(matrix, weights),
        lambda: monte_carlo(matrix, weights, 1, draws=10),
    ):
        with pytest.raises(ValueError):
            call()


@pytest.mark.parametrize(
    ("kwargs", "names"),
    [
        ({"top_k": 0}, "top_k"),
        ({"top_k": 4}, "top_k"),
        ({"top_k": True}, "top_k"),
        ({"top_k": 1.0}, "top_k"),
        ({"draws": 0}, "draws"),
        ({"draws": 2.5}, "draws"),
        ({"mode": "dirichlet"}, "mode"),
        ({"spread": -0.1}, "spread"),
        ({"spread": 1.0}, "spread"),
        ({"spread": "0.2"}, "spread"),
        ({"seed": -1}, "seed"),
        ({"seed": 1.5}, "seed"),
        ({"stable_at": 0}, "stable_at"),
        ({"stable_at": 1.5}, "stable_at"),
        ({"weights_draws": [[1, 1]]}, "weights_draws"),
        ({"weights_draws": [1, 1, 1]}, "weights_draws"),
        ({"weights_draws": [[1, -1, 1]]}, "weights_draws"),
        ({"weights_draws": [[0, 0, 0]]}, "weights_draws"),
        ({"weights_draws": [[1, float("inf"), 1]]}, "weights_draws"),
        ({"weights_draws": [["a", 1, 1]]}, "weights_draws"),
        ({"weights_draws": np.zeros((0, 3))}, "weights_draws"),
    ],
)
def test_bad_monte_carlo_arguments_name_the_input(kwargs, names):
    args = {"matrix": [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1], [0.2, 0.2, 0.2]], "weights": [1, 1, 1], "top_k": 1}
    args.update(kwargs)
    with pytest.raises(ValueError, match=names):
        monte_carlo(**args)


def test_other_bad_arguments_name_the_input():
    with pytest.raises(ValueError, match="top_k"):
        weight_stability(A, [3, 2], 4)
    with pytest.raises(ValueError, match="measure"):
        most_critical_criterion(A, [3, 2], "any")
    with pytest.raises(ValueError, match="weights"):
        draw_weights([], 10)
    res = monte_carlo(A, [3, 2], 1, draws=10)
    for bad in (-1, 3, True, 0.0):
        with pytest.raises(ValueError, match="^i "):
            res.label(bad)
