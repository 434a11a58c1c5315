"""Input checks shared by the scoring models: every refusal is a ``ValueError`` naming the input."""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np


def number(value: object, name: str) -> float:
    """``value`` as a finite float (``bool`` is refused: ``True`` is not a score)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number, got {value!r}")  # noqa: TRY004 (one error type for all bad input)
    result = float(value)
    if not math.isfinite(result):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return result


def table(matrix: Sequence[Sequence[float]], name: str = "matrix") -> list[list[float]]:
    """A non-empty rectangular table of finite numbers, as lists of floats."""
    rows = [list(row) for row in matrix]
    if not rows or not rows[0]:
        raise ValueError(f"{name} must have at least one row and one column")
    width = len(rows[0])
    for i, row in enumerate(rows):
        if len(row) != width:
            raise ValueError(f"{name} row {i} has {len(row)} values, row 0 has {width}")
    return [[number(x, f"{name}[{i}][{j}]") for j, x in enumerate(row)] for i, row in enumerate(rows)]


def weights(values: Sequence[float], count: int, name: str = "weights") -> list[float]:
    """Non-negative weights, one per criterion, normalised to sum 1 (their sum must be > 0)."""
    result = [number(w, f"{name}[{j}]") for j, w in enumerate(values)]
    if len(result) != count:
        raise ValueError(f"{name} has {len(result)} values for {count} criteria")
    if any(w < 0 for w in result):
        raise ValueError(f"{name} must not be negative")
    total = sum(result)
    if total <= 0:
        raise ValueError(f"{name} must not all be zero")
    return [w / total for w in result]


def directions(benefit: Sequence[bool], count: int) -> list[bool]:
    """One ``True`` (benefit: more is better) or ``False`` (cost: less is better) per criterion."""
    result = list(benefit)
    if len(result) != count:
        raise ValueError(f"benefit has {len(result)} values for {count} criteria")
    for j, b in enumerate(result):
        if not isinstance(b, (bool, np.bool_)):
            raise ValueError(f"benefit[{j}] must be True (benefit) or False (cost), got {b!r}")  # noqa: TRY004
    return [bool(b) for b in result]
