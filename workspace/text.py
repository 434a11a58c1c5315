"""Text in two languages, Chinese first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class LocalText:
    """A string in Chinese and English; a missing translation falls back to the other."""

    zh: str = ""
    en: str = ""

    def get(self, lang: str = "zh") -> str:
        if lang.startswith("en"):
            return self.en or self.zh
        return self.zh or self.en

    def __str__(self) -> str:
        return self.get("zh")

    @classmethod
    def from_json(cls, value: Any) -> LocalText:
        """Accept ``{"zh": .., "en": ..}`` or a plain string (taken as Chinese)."""
        if isinstance(value, LocalText):
            return value
        if isinstance(value, str):
            return cls(zh=value)
        if isinstance(value, dict):
            return cls(zh=str(value.get("zh") or ""), en=str(value.get("en") or ""))
        if value is None:
            return cls()
        raise TypeError(f"not a localised text: {value!r}")

    def to_json(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}
