"""Text normalisation before segmentation: one form for what readers see as the same text.

Full-width letters, digits and punctuation become half-width (NFKC), Latin letters lower
case, runs of whitespace one space, and numbers are masked: a phone number, an amount or
a date says nothing about the topic and would only split the cache. Numbers that are
names of services (12345, 110, 120, 119) are kept.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

NORMALISER_VERSION = "1"
"""Bump when :func:`normalise` changes: cached tokens of the old form are then dropped."""

KEPT_NUMBERS = frozenset({"12345", "110", "119", "120", "122", "12315", "12320", "12333", "12369", "96180"})

_DIGIT = re.compile(r"[0-9]")
_NUMBER = re.compile(r"[0-9][0-9*.,:/\-]*[0-9]|[0-9]")
_MASKED_RUN = re.compile(r"\*{2,}")
MASK = "#"


def _mask(match: re.Match[str]) -> str:
    number = match.group(0)
    return number if number in KEPT_NUMBERS else MASK


def normalise(text: str) -> str:
    """The form that is segmented and hashed (never shown to users)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if "*" in text:
        text = _MASKED_RUN.sub("", text)
    if _DIGIT.search(text):
        text = _NUMBER.sub(_mask, text)
    return " ".join(text.split())


def text_hash(normalised: str) -> bytes:
    """The cache key of a normalised text: 16 bytes of BLAKE2b."""
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=16).digest()
