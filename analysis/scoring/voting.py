"""Borda count over ranked ballots."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def borda(
    rankings: Iterable[Sequence[str]],
    candidates: Sequence[str] | None = None,
) -> dict[str, float]:
    """Borda points per candidate: with n candidates overall, a ballot gives its first choice
    ``n − 1`` points, its second ``n − 2`` … its last possible place 0.

    Convention for partial ballots: the places a ballot ranks score as above (``n − 1 − k``
    for 0-based place ``k``, n counting *all* candidates), and every candidate the ballot
    does not rank gets 0 from it.

    ``candidates`` fixes the field (and the order of the result); by default it is every name
    in the ballots, in order of first appearance. A ballot naming a candidate twice, or a
    name not in ``candidates``, raises ``ValueError``. Repeat a ballot to give it weight.
    """
    ballots = [list(r) for r in rankings]
    for b, ballot in enumerate(ballots):
        for name in ballot:
            if not isinstance(name, str):
                raise ValueError(f"ballot {b}: candidates are names (str), got {name!r}")  # noqa: TRY004
        if len(set(ballot)) != len(ballot):
            raise ValueError(f"ballot {b} ranks a candidate more than once: {ballot!r}")
    if candidates is None:
        field = list(dict.fromkeys(name for ballot in ballots for name in ballot))
    else:
        field = list(candidates)
        if len(set(field)) != len(field):
            raise ValueError("candidates must not repeat a name")
    points = {name: 0.0 for name in field}
    n = len(field)
    for b, ballot in enumerate(ballots):
        for k, name in enumerate(ballot):
            if name not in points:
                raise ValueError(f"ballot {b} ranks {name!r}, who is not among the candidates")
            points[name] += n - 1 - k
    return points
