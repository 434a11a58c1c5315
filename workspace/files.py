"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_output(dest: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; move it over ``dest`` only on success.

    On Windows a virus scanner may hold the target for a moment, so the move is retried.
    """
    dest = Path(dest)
    tmp = dest.with_name(dest.name + ".tmp")
    try:
        yield tmp
        _replace_with_retry(tmp, dest)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _replace_with_retry(src: Path, dest: Path, attempts: int = 10) -> None:
    for attempt in range(attempts):
        try:
            os.replace(src, dest)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1 * (attempt + 1))
