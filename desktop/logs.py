"""Logging to a file in the user's data folder.

In a windowed (frozen) build ``sys.stdout`` and ``sys.stderr`` are None, so anything
printed would be lost or raise; they are pointed at the log file instead.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

log = logging.getLogger("huizhi")


def log_folder() -> Path:
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Logs"
    else:
        base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "Huizhi"


def setup_logging() -> Path:
    """Send the ``huizhi`` logger (and stray prints in windowed builds) to a rotating file."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "huizhi.log"
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    if sys.stdout is None or sys.stderr is None:
        stream = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the app
        sys.stdout = sys.stdout or stream
        sys.stderr = sys.stderr or stream
    return path
