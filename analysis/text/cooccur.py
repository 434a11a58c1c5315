"""Keywords that occur together in the same text.

Pairs are counted once per text among the slice's most frequent terms; each pair carries
its count and its lift, ``P(a, b) / (P(a) P(b))`` over the slice's texts (above 1: the
two meet more often than chance).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, combinations

from .corpus import Document


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    count: int
    lift: float

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, "count": self.count, "lift": round(self.lift, 3)}


def cooccurring_pairs(docs: Sequence[Document], *, vocabulary: int = 150, limit: int = 30,
                      min_count: int = 2) -> list[Pair]:
    """The ``limit`` most frequent pairs among the ``vocabulary`` most used terms."""
    df = Counter(chain.from_iterable(map(set, (doc.terms for doc in docs))))
    top = {t for t, _ in df.most_common(vocabulary)}
    pairs: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        terms = sorted(set(doc.terms) & top)
        if len(terms) > 1:
            pairs.update(combinations(terms, 2))
    n = max(len(docs), 1)
    out = [Pair(a, b, c, c * n / (df[a] * df[b])) for (a, b), c in pairs.items() if c >= min_count]
    out.sort(key=lambda p: (-p.count, -p.lift, p.a, p.b))
    return out[:limit]
