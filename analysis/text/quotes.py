"""Representative quotes: texts typical of a slice, never showing personal details.

A quote is typical when its terms are close to the slice's centroid: each text is scored
by the cosine between its term vector and the summed TF-IDF vector of the slice's other
texts. Candidates
are 8–160 characters long; a text too similar to one already chosen (cosine ≥ 0.4, or a
clause of eight or more characters in common) is skipped, so the quotes cover different
things, and none scores a quarter of the best or less. Phone and ID numbers, e-mail addresses
and self-introductions (我叫…, 姓名：…) are masked before anything is shown.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from .corpus import Document

_PERSONAL = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "＊＊＊"),
    (re.compile(r"\d{17}[\dXx]|\d{15}"), "＊＊＊"),
    (re.compile(r"(?<!\d)1[3-9]\d[\d*＊ -]{8,9}(?!\d)"), "＊＊＊"),
    (re.compile(r"(?<!\d)\d{3,4}-?\d{7,8}(?!\d)"), "＊＊＊"),
    (re.compile(r"((?:我叫|我是|本人|姓名|名字是|联系人)[:：]?\s*)[\u4e00-\u9fff]{2,3}"), r"\1＊＊"),
]
MAX_CANDIDATES = 20_000
_CLAUSE = re.compile(r"[，。！？；、,.!?;\s]+")


def mask_personal(text: str) -> str:
    """The text with phone/ID numbers, e-mails and stated names masked."""
    for pattern, replacement in _PERSONAL:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    group: str | None
    source: str
    """'answer' or 'card'."""
    score: float

    def to_json(self) -> dict:
        return {"text": self.text, "group": self.group, "source": self.source, "score": round(self.score, 4)}


def representative_quotes(docs: Sequence[Document], idf: dict[str, float], *, limit: int = 5,
                          min_chars: int = 8, max_chars: int = 160) -> list[Quote]:
    """Up to ``limit`` typical, mutually different texts of the slice."""
    centroid = Counter(chain.from_iterable(doc.terms for doc in docs))
    weights = {t: c * idf.get(t, 1.0) for t, c in centroid.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    step = max(len(docs) // MAX_CANDIDATES, 1)
    scored: list[tuple[float, Document]] = []
    seen: set[bytes] = set()
    for doc in docs[::step]:
        if doc.hash in seen or not (min_chars <= len(doc.text) <= max_chars) or len(set(doc.terms)) < 2:
            continue
        seen.add(doc.hash)
        vector = Counter(doc.terms)
        length = math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in vector.items())) or 1.0
        # Against the centroid of the *other* texts: a long text must not look typical
        # merely because its own many words are part of the centroid.
        cosine = sum(c * idf.get(t, 1.0) * (weights.get(t, 0.0) - c * idf.get(t, 1.0))
                     for t, c in vector.items()) / (length * norm)
        scored.append((cosine, doc))
    scored.sort(key=lambda item: (-item[0], item[1].doc))
    chosen: list[tuple[Counter[str], Quote]] = []
    clauses: set[str] = set()
    floor = scored[0][0] / 4 if scored else 0.0  # none far less typical than the best
    for cosine, doc in scored:
        if cosine <= floor:
            break
        vector = Counter(doc.terms)
        own = {c for c in _CLAUSE.split(doc.text) if len(c) >= 8}
        if own & clauses or any(_cosine(vector, other) >= 0.4 for other, _ in chosen):
            continue
        clauses |= own
        chosen.append((vector, Quote(mask_personal(doc.text.strip()), doc.group, doc.source, cosine)))
        if len(chosen) == limit:
            break
    return [quote for _, quote in chosen]


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(c * b.get(t, 0) for t, c in a.items())
    return dot / (math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values())) or 1.0)
