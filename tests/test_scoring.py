"""The scoring models of issue 7 (analysis.scoring) against published or hand-worked examples.

Expected numbers are either quoted from the cited source or recomputed here independently
of the implementation (plain arithmetic, shown step by step), never copied from its output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.scoring import (
    KANO_TABLE,
    QUADRANT_NAMES,
    RANDOM_INDEX,
    aggregate_judgements,
    aggregate_priorities,
    ahp,
    borda,
    kano_category,
    kano_coefficients,
    quadrant,
    rice,
    topsis,
    weighted_sum,
    wsjf,
)

# ---------------------------------------------------------------- weighted sum


def test_weighted_sum_minmax_with_a_cost_criterion_by_hand():
    """Hand-worked: 3 scenarios, value (benefit, 1–5) and cost (万元, cost), weights 3 : 1.

    weights → 0.75, 0.25
    value  4, 2, 5      min 2, max 5:  (4−2)/3 = 2/3, 0, 1
    cost 100, 50, 200   min 50, max 200: (200−100)/150 = 2/3, (200−50)/150 = 1, 0
    S = 0.75·2/3 + 0.25·2/3 = 2/3;  0.75·0 + 0.25·1 = 0.25;  0.75·1 + 0.25·0 = 0.75
    """
    scores = weighted_sum([[4, 100], [2, 50], [5, 200]], [3, 1], [True, False])
    assert scores == pytest.approx([2 / 3, 0.25, 0.75])


def test_weighted_sum_vector_normalisation_by_hand():
    """Same data, vector normalisation: benefit x/‖x‖, cost 1 − x/‖x‖.

    ‖value‖ = √(16 + 4 + 25) = √45;  ‖cost‖ = √(10000 + 2500 + 40000) = √52500
    """
    n1, n2 = math.sqrt(45), math.sqrt(52500)
    expected = [
        0.75 * 4 / n1 + 0.25 * (1 - 100 / n2),
        0.75 * 2 / n1 + 0.25 * (1 - 50 / n2),
        0.75 * 5 / n1 + 0.25 * (1 - 200 / n2),
    ]
    scores = weighted_sum([[4, 100], [2, 50], [5, 200]], [0.75, 0.25], [True, False], "vector")
    assert scores == pytest.approx(expected)


def test_weighted_sum_constant_column_adds_nothing():
    # column 2 is constant: r = 0 for every row, so only column 1 (weight 0.5) counts
    assert weighted_sum([[1, 7], [3, 7]], [1, 1], [True, True]) == pytest.approx([0.0, 0.5])
    assert weighted_sum([[1, 0], [3, 0]], [1, 1], [True, False], "vector") == pytest.approx(
        [0.5 * 1 / math.sqrt(10), 0.5 * 3 / math.sqrt(10)])


@pytest.mark.parametrize(
    ("matrix", "weights", "benefit", "normalisation"),
    [
        ([], [1], [True], "minmax"),
        ([[1, 2], [3]], [1, 1], [True, True], "minmax"),
        ([[1, 2]], [1], [True, True], "minmax"),
        ([[1, 2]], [1, 1], [True], "minmax"),
        ([[1, 2]], [1, -1], [True, True], "minmax"),
        ([[1, 2]], [0, 0], [True, True], "minmax"),
        ([[1, float("nan")]], [1, 1], [True, True], "minmax"),
        ([[1, "2"]], [1, 1], [True, True], "minmax"),
        ([[1, 2]], [1, 1], [True, 1], "minmax"),
        ([[1, 2]], [1, 1], [True, True], "zscore"),
    ],
)
def test_weighted_sum_and_topsis_refuse_bad_input(matrix, weights, benefit, normalisation):
    with pytest.raises(ValueError):
        weighted_sum(matrix, weights, benefit, normalisation)
    with pytest.raises(ValueError):
        topsis(matrix, weights, benefit, normalisation)


# ---------------------------------------------------------------- TOPSIS


def test_topsis_small_example_exactly_by_hand():
    """Hand-worked (Hwang & Yoon 1981 procedure): A1 = (1, 0), A2 = (0, 1), A3 = (1, 1),
    criterion 1 benefit, criterion 2 cost, equal weights.

    ‖col‖ = √2 for both, so v = 0.5·x/√2 = x·s with s = 1/(2√2) ≈ 0.3536
    ideal  A+ = (max, min) = (s, 0);  anti-ideal A− = (min, max) = (0, s)
    A1 = (s, 0):  D+ = 0,    D− = √(s² + s²) = 0.5       → C = 1
    A2 = (0, s):  D+ = 0.5,  D− = 0                      → C = 0
    A3 = (s, s):  D+ = s,    D− = s                      → C = 0.5
    """
    assert topsis([[1, 0], [0, 1], [1, 1]], [1, 1], [True, False]) == pytest.approx([1.0, 0.0, 0.5])
    # both benefit: A+ = (s, s), A− = (0, 0): A1 and A2 have D+ = D− = s → 0.5; A3 is the ideal → 1
    assert topsis([[1, 0], [0, 1], [1, 1]], [1, 1], [True, True]) == pytest.approx([0.5, 0.5, 1.0])


def test_topsis_phone_example_recomputed_by_hand():
    """Four phones: price (cost), storage GB, camera MP, looks 1–5; weights .25 each.

    Each step recomputed below in plain Python, independently of the implementation.
    """
    x = [[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4]]
    w = [0.25, 0.25, 0.25, 0.25]
    benefit = [False, True, True, True]
    norms = [math.sqrt(sum(row[j] ** 2 for row in x)) for j in range(4)]
    # price: √(62500 + 40000 + 90000 + 75625) = √268125 ≈ 517.81
    assert norms[0] == pytest.approx(math.sqrt(268125))
    v = [[w[j] * row[j] / norms[j] for j in range(4)] for row in x]
    ideal = [min(c) if not b else max(c) for c, b in zip(zip(*v, strict=True), benefit, strict=True)]
    anti = [max(c) if not b else min(c) for c, b in zip(zip(*v, strict=True), benefit, strict=True)]
    expected = []
    for row in v:
        d_plus = math.sqrt(sum((a - b) ** 2 for a, b in zip(row, ideal, strict=True)))
        d_minus = math.sqrt(sum((a - b) ** 2 for a, b in zip(row, anti, strict=True)))
        expected.append(d_minus / (d_plus + d_minus))
    result = topsis(x, [1, 1, 1, 1], benefit)
    assert result == pytest.approx(expected)
    assert all(0 <= c <= 1 for c in result)
    # phone 3 (most storage, best camera) ranks first
    assert max(range(4), key=result.__getitem__) == 2


def test_topsis_minmax_and_degenerate_cases():
    # min–max: r = (0, 1, 0.5) on one benefit criterion → C equals r itself
    assert topsis([[1], [3], [2]], [1], [True], "minmax") == pytest.approx([0.0, 1.0, 0.5])
    # identical alternatives: ideal = anti-ideal → 0.5 by the stated rule
    assert topsis([[2, 2], [2, 2]], [1, 1], [True, False]) == [0.5, 0.5]


# ---------------------------------------------------------------- quadrant


@pytest.mark.parametrize(
    ("value", "urgency", "expected"),
    [
        (5, 5, "quick_win"),
        (3, 3, "quick_win"),  # ties at the midpoint count high
        (3.0, 2.99, "plan"),
        (4, 1, "plan"),
        (2.99, 3, "quick_fix"),
        (1, 5, "quick_fix"),
        (2.99, 2.99, "defer"),
        (1, 1, "defer"),
    ],
)
def test_quadrant_boundaries(value, urgency, expected):
    assert quadrant(value, urgency) == expected


def test_quadrant_midpoint_and_names():
    assert quadrant(50, 50, midpoint=50) == "quick_win"
    assert quadrant(49, 50, midpoint=50) == "quick_fix"
    assert QUADRANT_NAMES == {"quick_win": "先做", "plan": "规划", "quick_fix": "快速处理", "defer": "暂缓"}
    for bad in (float("nan"), None, "3", True):
        with pytest.raises(ValueError):
            quadrant(bad, 3)
        with pytest.raises(ValueError):
            quadrant(3, bad)


# ---------------------------------------------------------------- AHP

LEADER = [
    [1, 4, 3, 7],
    [1 / 4, 1, 1 / 3, 3],
    [1 / 3, 3, 1, 5],
    [1 / 7, 1 / 3, 1 / 5, 1],
]
"""Criteria of Wikipedia, "Analytic hierarchy process – leader example" (after Saaty):
experience, education, charisma, age."""


def _power_iteration(matrix):
    """λmax and weights computed independently of numpy's eig: power iteration in plain Python."""
    n = len(matrix)
    w = [1 / n] * n
    for _ in range(500):
        aw = [sum(matrix[i][j] * w[j] for j in range(n)) for i in range(n)]
        total = sum(aw)
        w = [x / total for x in aw]
    aw = [sum(matrix[i][j] * w[j] for j in range(n)) for i in range(n)]
    return sum(aw[i] / w[i] for i in range(n)) / n, w


def test_ahp_wikipedia_leader_example():
    """Wikipedia, "Analytic hierarchy process – leader example" (worked example after Saaty):
    the criteria weights are published, to three decimals, as experience .547, education
    .127, charisma .270, age .056 (the eigenvector gives 0.5476, 0.1266, 0.2699, 0.0559, so
    agreement is asserted to 0.001). λmax, CI and CR are recomputed here by power iteration
    and the formulas."""
    result = ahp(LEADER)
    assert result.weights == pytest.approx([0.547, 0.127, 0.270, 0.056], abs=1e-3)
    assert sum(result.weights) == pytest.approx(1.0)
    lam, w = _power_iteration(LEADER)
    assert result.weights == pytest.approx(w, abs=1e-9)
    assert result.lambda_max == pytest.approx(lam, abs=1e-9)
    ci = (lam - 4) / 3
    assert result.ci == pytest.approx(ci, abs=1e-9)
    assert result.cr == pytest.approx(ci / 0.90, abs=1e-9)  # Saaty 1980: RI(4) = 0.90
    assert 0.04 < result.cr < 0.05 and result.consistent
    other = ahp(LEADER, random_index="alonso_lamata2006")
    assert other.weights == result.weights
    assert other.cr == pytest.approx(ci / 0.8816, abs=1e-9)  # Alonso & Lamata 2006: RI(4) = 0.8816


def test_ahp_three_by_three_closed_form():
    """A = [[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]] (Saaty's 1–9 scale).

    For a 3×3 reciprocal matrix [[1, a, b], [1/a, 1, c], [1/b, 1/c, 1]] the characteristic
    equation gives λmax = 1 + t^(1/3) + t^(−1/3) with t = b / (a·c), and the eigenvector is
    exactly the row geometric mean. Here t = 5/9:
    λmax = 3.0385, CI = 0.0193, CR = CI / 0.58 = 0.0332;
    weights ∝ (15^(1/3), 1, 15^(−1/3)) = (0.637, 0.258, 0.105).
    """
    t = 5 / (3 * 3)
    lam = 1 + t ** (1 / 3) + t ** (-1 / 3)
    g = [15 ** (1 / 3), 1.0, 15 ** (-1 / 3)]
    result = ahp([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]])
    assert result.lambda_max == pytest.approx(lam, abs=1e-9)
    assert result.weights == pytest.approx([x / sum(g) for x in g], abs=1e-9)
    assert result.ci == pytest.approx((lam - 3) / 2, abs=1e-9)
    assert result.cr == pytest.approx((lam - 3) / 2 / 0.58, abs=1e-9)
    assert result.cr == pytest.approx(0.0332, abs=1e-4)
    assert result.consistent


def test_ahp_consistent_matrix_recovers_its_weights():
    w = [0.4, 0.3, 0.2, 0.1]
    a = [[wi / wj for wj in w] for wi in w]
    result = ahp(a)
    assert result.weights == pytest.approx(w, abs=1e-9)
    assert result.lambda_max == pytest.approx(4, abs=1e-9)
    assert result.ci == pytest.approx(0, abs=1e-9)
    assert result.cr == pytest.approx(0, abs=1e-9)
    assert result.consistent


def test_ahp_flags_inconsistent_judgements():
    # a cycle: 1 ≫ 2, 2 ≫ 3, 3 ≫ 1. t = b/(a·c) = (1/9)/81 = 1/729 → λmax = 1 + 1/9 + 9
    cyclic = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    result = ahp(cyclic)
    lam = 1 + 1 / 9 + 9
    assert result.lambda_max == pytest.approx(lam, abs=1e-9)
    assert result.cr == pytest.approx((lam - 3) / 2 / 0.58, abs=1e-9)
    assert not result.consistent
    assert result.weights == pytest.approx([1 / 3] * 3, abs=1e-9)


def test_ahp_small_matrices_and_tables():
    assert ahp([[1]]).weights == (1.0,)
    two = ahp([[1, 3], [1 / 3, 1]])
    assert two.weights == pytest.approx([0.75, 0.25])
    assert two.ci == 0 and two.cr == 0 and two.consistent
    assert RANDOM_INDEX["saaty1980"] == (0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
    assert RANDOM_INDEX["alonso_lamata2006"] == (
        0, 0, 0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854)
    # two-decimal reciprocals (0.33 for 1/3, 0.13 for 1/8) are within the default tolerance
    assert ahp([[1, 3], [0.33, 1]]).weights[0] == pytest.approx(0.75, abs=1e-2)
    assert ahp([[1, 8], [0.13, 1]]).weights[0] == pytest.approx(8 / 9, abs=1e-2)
    with pytest.raises(ValueError, match="reciprocal"):
        ahp([[1, 3], [0.5, 1]])
    with pytest.raises(ValueError, match="reciprocal"):
        ahp([[1, 3], [0.33, 1]], tolerance=1e-6)


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        ([], "at least one row"),
        ([[1, 2, 3], [1 / 2, 1, 4]], "square"),
        ([[1, 0], [0, 1]], "positive"),
        ([[1, -2], [-0.5, 1]], "positive"),
        ([[1, 2], [2, 1]], "reciprocal"),
        ([[2, 1], [1, 1]], "diagonal"),
        ([[1, float("inf")], [0, 1]], "finite"),
        ([[1.0] * 11 for _ in range(11)], "n ≤ 10"),
    ],
)
def test_ahp_refuses_invalid_matrices(matrix, message):
    with pytest.raises(ValueError, match=message):
        ahp(matrix)


def test_ahp_refuses_unknown_table():
    with pytest.raises(ValueError, match="random_index"):
        ahp([[1]], random_index="saaty1977")


def test_aggregate_judgements_geometric_mean():
    """AIJ (Forman & Peniwati 1998): √(2·8) = 4, and reciprocity is kept: √(1/2 · 1/8) = 1/4."""
    group = aggregate_judgements([[[1, 2], [1 / 2, 1]], [[1, 8], [1 / 8, 1]]])
    assert np.asarray(group) == pytest.approx(np.array([[1, 4], [1 / 4, 1]]))
    a = [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]
    b = [[1, 1 / 3, 7], [3, 1, 2], [1 / 7, 1 / 2, 1]]
    c = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
    g = aggregate_judgements([a, b, c])
    assert g[0][2] == pytest.approx((5 * 7 * 1) ** (1 / 3))
    assert g[0][1] == pytest.approx(1.0)
    for i in range(3):
        for j in range(3):
            assert g[i][j] * g[j][i] == pytest.approx(1.0)
    ahp(g)  # a valid matrix for ahp
    # weighted judges: 2^0.75 · 8^0.25 = 2^(0.75 + 0.75) = 2^1.5
    weighted = aggregate_judgements([[[1, 2], [1 / 2, 1]], [[1, 8], [1 / 8, 1]]], [3, 1])
    assert weighted[0][1] == pytest.approx(2 ** 1.5)
    with pytest.raises(ValueError):
        aggregate_judgements([])
    with pytest.raises(ValueError, match="matrices\\[1\\]"):
        aggregate_judgements([[[1, 2], [1 / 2, 1]], [[1, 2], [2, 1]]])
    with pytest.raises(ValueError):
        aggregate_judgements([[[1, 2], [1 / 2, 1]], [[1]]])


def test_aggregate_priorities():
    """AIP: arithmetic mean of (0.5, 0.3, 0.2) and (0.3, 0.3, 0.4) = (0.4, 0.3, 0.3);
    geometric: (√0.15, √0.09, √0.08) renormalised."""
    assert aggregate_priorities([[0.5, 0.3, 0.2], [0.3, 0.3, 0.4]]) == pytest.approx([0.4, 0.3, 0.3])
    g = [math.sqrt(0.15), 0.3, math.sqrt(0.08)]
    assert aggregate_priorities([[0.5, 0.3, 0.2], [0.3, 0.3, 0.4]], method="geometric") == pytest.approx(
        [x / sum(g) for x in g])
    # vectors not summing to 1 are normalised first: (2, 2) → (0.5, 0.5)
    assert aggregate_priorities([[2, 2], [1, 0]]) == pytest.approx([0.75, 0.25])
    for bad in ([], [[0.5, 0.5], [1.0]], [[-0.1, 1.1]], [[0, 0]]):
        with pytest.raises(ValueError):
            aggregate_priorities(bad)
    with pytest.raises(ValueError):
        aggregate_priorities([[0.5, 0.5]], method="median")


def test_ahp_accepts_numpy_arrays():
    assert ahp(np.array(LEADER)) == ahp(LEADER)


# ---------------------------------------------------------------- Kano

STANDARD_TABLE = {
    # Kano et al. (1984); Berger et al. (1993), Center for Quality Management Journal 2(4):
    # rows functional 1..5, columns dysfunctional 1..5
    1: "Q A A A O",
    2: "R I I I M",
    3: "R I I I M",
    4: "R I I I M",
    5: "R R R R Q",
}


@pytest.mark.parametrize("functional", range(1, 6))
@pytest.mark.parametrize("dysfunctional", range(1, 6))
def test_kano_every_cell(functional, dysfunctional):
    expected = STANDARD_TABLE[functional].split()[dysfunctional - 1]
    assert kano_category(functional, dysfunctional) == expected
    assert KANO_TABLE[functional - 1][dysfunctional - 1] == expected


@pytest.mark.parametrize(("functional", "dysfunctional"), [(0, 1), (1, 6), (2.0, 3), ("1", 2), (True, 2), (None, 1)])
def test_kano_refuses_answers_outside_1_to_5(functional, dysfunctional):
    with pytest.raises(ValueError):
        kano_category(functional, dysfunctional)


def test_kano_coefficients():
    """Berger et al. (1993) CS coefficients, hand-worked: A 20, O 30, M 10, I 40 (R 5, Q 5 left out):
    Better = (20 + 30) / 100 = 0.5;  Worse = −(30 + 10) / 100 = −0.4."""
    better, worse = kano_coefficients({"A": 20, "O": 30, "M": 10, "I": 40, "R": 5, "Q": 5})
    assert better == pytest.approx(0.5)
    assert worse == pytest.approx(-0.4)
    assert kano_coefficients({}) == (0.0, 0.0)
    assert kano_coefficients({"R": 3, "Q": 1}) == (0.0, 0.0)
    assert kano_coefficients({"A": 4}) == (1.0, 0.0)
    assert kano_coefficients({"M": 1, "I": 3}) == (0.0, -0.25)
    for bad in ({"X": 1}, {"A": -1}, {"A": 1.5}):
        with pytest.raises(ValueError):
            kano_coefficients(bad)


# ---------------------------------------------------------------- Borda


def test_borda_tennessee_capital():
    """Wikipedia, "Borda count" (and "Condorcet method"): choosing Tennessee's capital,
    100 voters: 42 % Memphis > Nashville > Chattanooga > Knoxville, 26 % Nashville >
    Chattanooga > Knoxville > Memphis, 15 % Chattanooga > Knoxville > Nashville > Memphis,
    17 % Knoxville > Chattanooga > Nashville > Memphis. Points 3-2-1-0: Nashville 194,
    Chattanooga 173, Memphis 126, Knoxville 107."""
    ballots = (
        42 * [["Memphis", "Nashville", "Chattanooga", "Knoxville"]]
        + 26 * [["Nashville", "Chattanooga", "Knoxville", "Memphis"]]
        + 15 * [["Chattanooga", "Knoxville", "Nashville", "Memphis"]]
        + 17 * [["Knoxville", "Chattanooga", "Nashville", "Memphis"]]
    )
    points = borda(ballots)
    assert points == {"Memphis": 126, "Nashville": 194, "Chattanooga": 173, "Knoxville": 107}
    assert max(points, key=points.get) == "Nashville"


def test_borda_partial_ballots_and_candidates():
    # n = 4 overall: a ballot ranking only two gives 3 and 2; the others 0 from it
    points = borda([["a", "b"], ["c", "d", "a", "b"]], candidates=["a", "b", "c", "d", "e"])
    # n = 5: ballot 1: a 4, b 3; ballot 2: c 4, d 3, a 2, b 1; e unranked everywhere
    assert points == {"a": 6, "b": 4, "c": 4, "d": 3, "e": 0}
    assert list(points) == ["a", "b", "c", "d", "e"]
    assert borda([["x", "y"], ["y"]]) == {"x": 1, "y": 1}
    assert borda([]) == {}
    for args in (([["a", "a"]],), ([["a", "z"]], ["a", "b"]), ([["a"]], ["a", "a"]), ([[1, 2]],)):
        with pytest.raises(ValueError):
            borda(*args)


# ---------------------------------------------------------------- RICE and WSJF


def test_rice():
    """McBride (2016), "RICE: Simple prioritization for product managers", Intercom:
    score = reach × impact × confidence / effort. Hand-worked: 1000 people per quarter,
    impact 2 (high), confidence 80 %, 4 person-months → 1000 · 2 · 0.8 / 4 = 400."""
    assert rice(1000, 2, 0.8, 4) == pytest.approx(400)
    assert rice(500, 0.25, 1.0, 0.5) == pytest.approx(250)
    for args in ((1000, 2, 0.8, 0), (1000, 2, 0.8, -1), (1000, 2, 80, 4), (-1, 2, 0.8, 4),
                 (1000, -2, 0.8, 4), (1000, 2, float("nan"), 4)):
        with pytest.raises(ValueError):
            rice(*args)


def test_wsjf():
    """SAFe (Scaled Agile Framework), "WSJF": cost of delay = business value + time
    criticality + risk reduction | opportunity enablement; WSJF = cost of delay / job size.
    Hand-worked: (8 + 5 + 3) / 4 = 4."""
    assert wsjf(8, 5, 3, 4) == pytest.approx(4)
    assert wsjf(1, 1, 1, 3) == pytest.approx(1)
    for args in ((8, 5, 3, 0), (8, 5, 3, -2), (-1, 5, 3, 4), (8, 5, None, 4)):
        with pytest.raises(ValueError):
            wsjf(*args)
