"""Errors a user can act on. Each carries its message in Chinese and English."""

from __future__ import annotations


class HuizhiError(Exception):
    """Base for errors whose message is meant for the user, not for a traceback.

    ``str(err)`` is the Chinese message; ``err.text("en")`` the English one.
    """

    def __init__(self, zh: str, en: str | None = None) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def text(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


class ProjectError(HuizhiError):
    """The project file cannot be created, opened or written."""


class NotAProjectError(ProjectError):
    """The file exists but is not a Huizhi project."""


class DamagedProjectError(ProjectError):
    """The file is a Huizhi project whose database is damaged."""


class NewerSchemaError(ProjectError):
    """The file was written by a newer Huizhi than this one."""


class ValidationError(HuizhiError):
    """Input that was checked and refused; nothing was written."""
