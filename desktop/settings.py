"""User settings that live outside any project (language, recent projects, window layout)."""

from __future__ import annotations

import os

ORGANISATION = "Huizhi"
APPLICATION = "Huizhi"
RECENT_LIMIT = 8


_saved_language: str | None = None
"""The saved choice, read once: it is asked for thousands of times while a page fills."""


def ui_language() -> str:
    """``zh`` (the default) or ``en``: the environment's HUIZHI_LANG, else the saved choice."""
    global _saved_language
    env = os.environ.get("HUIZHI_LANG", "").strip().lower()
    if env:
        return "en" if env.startswith("en") else "zh"
    if _saved_language is None:
        if not _qt_loaded():
            return "zh"
        from PySide6.QtCore import QSettings

        value = str(QSettings().value("ui/language", "zh"))
        _saved_language = "en" if value.startswith("en") else "zh"
    return _saved_language


def set_ui_language(lang: str) -> None:
    global _saved_language
    from PySide6.QtCore import QSettings

    QSettings().setValue("ui/language", lang)
    _saved_language = "en" if lang.startswith("en") else "zh"


def recent_projects() -> list[str]:
    from PySide6.QtCore import QSettings

    value = QSettings().value("recent/projects", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def remember_project(path: str) -> None:
    from PySide6.QtCore import QSettings

    paths = [path] + [p for p in recent_projects() if p != path]
    QSettings().setValue("recent/projects", paths[:RECENT_LIMIT])


def forget_project(path: str) -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue("recent/projects", [p for p in recent_projects() if p != path])


def _qt_loaded() -> bool:
    import sys

    return "PySide6.QtCore" in sys.modules
