"""The bundled language resources and the project's own additions.

Bundled (``resources/text``): ``dictionary.txt`` (jieba user dictionary of smart-city
terms), ``stopwords.txt``, ``synonyms.txt`` (variant → canonical), ``domain_lexicon.tsv``
(terms pointing to a domain or scenario, weight 1–3) and ``sentiment.tsv``. A project adds
words, stopwords and synonyms in ``text_terms``; :class:`TextSettings` is the two merged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

import resources

from .normalise import NORMALISER_VERSION

FUNCTION_TAGS = frozenset({"r", "rr", "rz", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "m", "mq", "q",
                           "y", "e", "o", "f"})
"""jieba part-of-speech tags of words that never carry a topic (pronouns, prepositions,
conjunctions, particles, adverbs, numerals, measure words, interjections, localisers)."""


def _lines(name: str) -> list[str]:
    text = resources.path("text", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def bundled_words() -> tuple[tuple[str, int, str], ...]:
    """(word, frequency, tag) of the bundled dictionary."""
    entries = []
    for line in _lines("dictionary.txt"):
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 else 2000
        tag = parts[2] if len(parts) > 2 else "nz"
        entries.append((word, freq, tag))
    return tuple(entries)


@lru_cache(maxsize=1)
def bundled_stopwords() -> frozenset[str]:
    return frozenset(_lines("stopwords.txt"))


@lru_cache(maxsize=1)
def bundled_synonyms() -> dict[str, str]:
    pairs = {}
    for line in _lines("synonyms.txt"):
        variant, _, canonical = line.partition("\t")
        if canonical.strip():
            pairs[variant.strip()] = canonical.strip()
    return pairs


@lru_cache(maxsize=1)
def dictionary_version() -> str:
    """Changes whenever the bundled dictionary or synonyms, the normaliser or jieba change."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(resources.path("text", "dictionary.txt").read_bytes())
    digest.update(resources.path("text", "synonyms.txt").read_bytes())
    digest.update(f"|{NORMALISER_VERSION}|{_jieba_version()}".encode())
    return digest.hexdigest()


def _jieba_version() -> str:
    """jieba's version from its package metadata (importing jieba costs about 170 ms, which a
    ranking that only checks its cache should not pay); the module itself where the metadata
    is missing (a frozen build)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jieba")
    except PackageNotFoundError:
        import jieba

        return jieba.__version__


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Words jieba's own dictionary tags as function words (see :data:`FUNCTION_TAGS`)."""
    import os

    import jieba

    found = set()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as lines:
        for line in lines:
            word, _, tag = line.rstrip("\n").rpartition(" ")
            if tag in FUNCTION_TAGS:
                found.add(word.partition(" ")[0])
    kept = {w for w, _, tag in bundled_words() if tag not in FUNCTION_TAGS}
    return frozenset(found - kept)


@dataclass(frozen=True)
class TextSettings:
    """Everything that decides which tokens a text yields: bundled resources plus the project's."""

    words: tuple[str, ...] = ()
    """The project's own words, segmented whole."""
    stopwords: frozenset[str] = field(default_factory=frozenset)
    synonyms: dict[str, str] = field(default_factory=dict)

    @classmethod
    def bundled(cls) -> TextSettings:
        return cls((), bundled_stopwords(), dict(bundled_synonyms()))

    def with_project(self, words: list[str], stopwords: list[str], synonyms: dict[str, str]) -> TextSettings:
        merged = dict(self.synonyms)
        merged.update(synonyms)
        return TextSettings(tuple(words), self.stopwords | frozenset(stopwords), merged)

    def dictionary_words(self) -> list[tuple[str, int | None, str | None]]:
        """(word, freq, tag) to add to jieba: bundled terms, then the project's words and the
        synonyms' both sides (a synonym only merges what jieba keeps whole)."""
        out: list[tuple[str, int | None, str | None]] = list(bundled_words())
        out.extend((w, 3000, "nz") for w in self.words)
        out.extend((w, 2000, "nz") for w in self.synonyms if len(w) > 1)
        return out
