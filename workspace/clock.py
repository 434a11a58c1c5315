"""Ids and clocks: every id that can travel between laptops is a UUID."""

from __future__ import annotations

import datetime as _dt
import uuid as _uuid


def new_uuid() -> str:
    return str(_uuid.uuid4())


def now_iso() -> str:
    """The current time, UTC, ISO 8601 with seconds: sortable as text."""
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def stamp() -> str:
    """A local timestamp for file names: 20261124-140500."""
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
