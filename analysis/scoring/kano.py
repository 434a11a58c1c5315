"""Kano classification of one feature from a functional/dysfunctional question pair.

Answers (both questions): 1 like (我很喜欢), 2 must-be (理应如此), 3 neutral (无所谓),
4 live-with (能够忍受), 5 dislike (我很不喜欢).
Categories: A attractive (魅力), O one-dimensional (期望), M must-be (必备),
I indifferent (无差异), R reverse (反向), Q questionable (可疑).
"""

from __future__ import annotations

from collections.abc import Mapping

KANO_TABLE: tuple[str, ...] = (
    # dysfunctional: 1    2    3    4    5        functional
    "QAAAO",  # 1 like
    "RIIIM",  # 2 must-be
    "RIIIM",  # 3 neutral
    "RIIIM",  # 4 live-with
    "RRRRQ",  # 5 dislike
)
KANO_NAMES = {"A": "魅力", "O": "期望", "M": "必备", "I": "无差异", "R": "反向", "Q": "可疑"}


def _answer(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValueError(f"{name} must be an answer 1–5, got {value!r}")
    return value


def kano_category(functional: int, dysfunctional: int) -> str:
    """The category in the standard 5×5 Kano evaluation table (Kano et al. 1984; Berger et al.
    1993), row = functional answer, column = dysfunctional answer::

                      dysfunctional
                      1  2  3  4  5
        functional 1  Q  A  A  A  O
                   2  R  I  I  I  M
                   3  R  I  I  I  M
                   4  R  I  I  I  M
                   5  R  R  R  R  Q
    """
    return KANO_TABLE[_answer(functional, "functional") - 1][_answer(dysfunctional, "dysfunctional") - 1]


def kano_coefficients(counts: Mapping[str, int]) -> tuple[float, float]:
    """Customer satisfaction coefficients (Berger et al. 1993), from category counts::

        Better = (A + O) / (A + O + M + I)        in [0, 1]
        Worse  = −(O + M) / (A + O + M + I)       in [−1, 0]

    R and Q answers are left out; missing keys count 0. Both are 0 when A + O + M + I = 0.
    """
    for key, value in counts.items():
        if key not in KANO_NAMES:
            raise ValueError(f"unknown Kano category {key!r}")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"count of {key!r} must be a non-negative integer, got {value!r}")
    a, o, m, i = (counts.get(k, 0) for k in "AOMI")
    total = a + o + m + i
    if total == 0:
        return 0.0, 0.0
    worse = (o + m) / total
    return (a + o) / total, -worse if worse else 0.0
