"""User settings that live outside any project (language, recent projects, window layout)."""

from __future__ import annotations

import os

ORGANISATION = "Huizhi"
APPLICATION = "Huizhi"
RECENT_LIMIT = 8


def ui_language() -> str:
    """``zh`` (the default) or ``en``: the environment's HUIZHI_LANG, else the saved choice."""
    env = os.environ.get("HUIZHI_LANG", "").strip().lower()
    if env:
        return "en" if env.startswith("en") else "zh"
    if _qt_loaded():
        from PySide6.QtCore import QSettings

        value = str(QSettings().value("ui/language", "zh"))
        return "en" if value.startswith("en") else "zh"
    return "zh"


def set_ui_language(lang: str) -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue("ui/language", lang)


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
