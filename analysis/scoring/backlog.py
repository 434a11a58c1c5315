"""Backlog prioritisation: the value × urgency quadrant, RICE and WSJF."""

from __future__ import annotations

from . import _checks

QUADRANT_NAMES = {"quick_win": "先做", "plan": "规划", "quick_fix": "快速处理", "defer": "暂缓"}


def quadrant(value: float, urgency: float, *, midpoint: float = 3.0) -> str:
    """The value × urgency quadrant (an Eisenhower-style 2×2), with ties counting high:
    high means ``≥ midpoint`` (3 on a 1–5 scale by default).

    ============  =================  ================
                  urgency ≥ midpoint urgency < midpoint
    value ≥ mid   ``"quick_win"`` 先做 ``"plan"`` 规划
    value < mid   ``"quick_fix"`` 快速处理 ``"defer"`` 暂缓
    ============  =================  ================
    """
    v = _checks.number(value, "value")
    u = _checks.number(urgency, "urgency")
    mid = _checks.number(midpoint, "midpoint")
    if v >= mid:
        return "quick_win" if u >= mid else "plan"
    return "quick_fix" if u >= mid else "defer"


def rice(reach: float, impact: float, confidence: float, effort: float) -> float:
    """RICE score (McBride 2016, Intercom): ``reach × impact × confidence / effort``.

    ``reach``: people or events per period (≥ 0); ``impact``: e.g. 3 massive, 2 high,
    1 medium, 0.5 low, 0.25 minimal (≥ 0); ``confidence`` as a fraction in [0, 1]
    (80 % is 0.8); ``effort`` in person-months, > 0.
    """
    r = _checks.number(reach, "reach")
    i = _checks.number(impact, "impact")
    c = _checks.number(confidence, "confidence")
    e = _checks.number(effort, "effort")
    if r < 0 or i < 0:
        raise ValueError("reach and impact must not be negative")
    if not 0 <= c <= 1:
        raise ValueError(f"confidence is a fraction in [0, 1] (80 % is 0.8), got {confidence!r}")
    if e <= 0:
        raise ValueError(f"effort must be greater than 0, got {effort!r}")
    return r * i * c / e


def wsjf(business_value: float, time_criticality: float, risk_reduction: float, job_size: float) -> float:
    """Weighted shortest job first (SAFe): cost of delay / job size, i.e.
    ``(business value + time criticality + risk reduction | opportunity enablement) / job size``.

    All components ≥ 0 (usually relative Fibonacci-like estimates); ``job_size`` > 0.
    """
    bv = _checks.number(business_value, "business_value")
    tc = _checks.number(time_criticality, "time_criticality")
    rr = _checks.number(risk_reduction, "risk_reduction")
    size = _checks.number(job_size, "job_size")
    if bv < 0 or tc < 0 or rr < 0:
        raise ValueError("business value, time criticality and risk reduction must not be negative")
    if size <= 0:
        raise ValueError(f"job_size must be greater than 0, got {job_size!r}")
    return (bv + tc + rr) / size
