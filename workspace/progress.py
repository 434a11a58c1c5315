"""Progress reporting for long work, free of any UI.

Long functions take ``progress: Progress`` and call it as ``progress(fraction, message)``
with ``fraction`` in 0..1. The caller's callback may raise :class:`Cancelled` to stop
the work; the function lets it propagate and leaves the project file unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float, str], None]


class Cancelled(Exception):
    """Raised by a progress callback when the user asked to stop."""


def no_progress(fraction: float, message: str) -> None:
    """A progress callback that ignores everything."""


def sub_progress(progress: Progress, start: float, end: float) -> Progress:
    """Map a sub-step's 0..1 onto ``start..end`` of the parent's range."""

    def report(fraction: float, message: str) -> None:
        progress(start + (end - start) * min(max(fraction, 0.0), 1.0), message)

    return report
