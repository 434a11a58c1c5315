"""Bundled data files: catalogue, templates, dictionaries, fonts, translations, style.

Data only; :func:`path` finds a file whether Huizhi runs from source, from an
installed wheel, or from a PyInstaller bundle.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent

FONT_FILE = ROOT / "fonts" / "wqy-microhei.ttc"
"""The one CJK font used by Qt, wordcloud and reportlab (TrueType collection, face 0)."""

FONT_FAMILY = "WenQuanYi Micro Hei"


def path(*parts: str) -> Path:
    """The path of a bundled resource; raises FileNotFoundError if it is missing."""
    p = ROOT.joinpath(*parts)
    if not p.exists():
        raise FileNotFoundError(f"bundled resource missing: {p}")
    return p
