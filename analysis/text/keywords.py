"""Keywords of a slice of the corpus: TF-IDF, TextRank, distinctive terms, and examples in context.

TF-IDF treats the slice as one document and weighs each term's count in it by its inverse
document frequency over the project's whole corpus, ``idf = ln((1 + N) / (1 + df)) + 1``
(the smoothed form), so words every text uses sink. TextRank (Mihalcea & Tarau 2004) runs
PageRank (d = 0.85) on the graph of terms that occur within five terms of each other.
Distinctive terms of one group against the rest are ranked by the log-odds ratio with an
informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), z-scored.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from .corpus import Document
from .quotes import mask_personal


@dataclass(frozen=True, slots=True)
class Keyword:
    term: str
    count: int
    """Occurrences in the slice."""
    documents: int
    """Texts of the slice that use it."""
    share: float
    """``documents`` over the texts in the slice: the share of respondents (or cards) using it."""
    score: float

    def to_json(self) -> dict:
        return {"term": self.term, "count": self.count, "documents": self.documents,
                "share": round(self.share, 4), "score": round(self.score, 4)}


def document_frequencies(docs: Iterable[Document]) -> Counter[str]:
    """How many texts use each term (one Counter fed in C, not one update per text)."""
    return Counter(chain.from_iterable(map(set, (doc.terms for doc in docs))))


def term_counts(docs: Iterable[Document]) -> Counter[str]:
    return Counter(chain.from_iterable(doc.terms for doc in docs))


def _counts(docs: Sequence[Document]) -> tuple[Counter[str], Counter[str]]:
    return term_counts(docs), document_frequencies(docs)


def tfidf_keywords(docs: Sequence[Document], corpus_df: Counter[str], corpus_size: int,
                   *, limit: int = 50) -> list[Keyword]:
    """The slice's terms by TF-IDF against the corpus (see the module docstring)."""
    counts, df = _counts(docs)
    n = max(len(docs), 1)
    scored = [
        Keyword(term, count, df[term], df[term] / n,
                count * (math.log((1 + corpus_size) / (1 + corpus_df.get(term, 0))) + 1))
        for term, count in counts.items()
    ]
    scored.sort(key=lambda k: (-k.score, k.term))
    return scored[:limit]


def textrank_keywords(docs: Sequence[Document], *, window: int = 5, limit: int = 50,
                      iterations: int = 30, damping: float = 0.85) -> list[Keyword]:
    """The slice's terms by TextRank over co-occurrence within ``window`` terms."""
    counts, df = _counts(docs)
    weights: dict[str, Counter[str]] = {}
    for doc in docs:
        terms = doc.terms
        for i, a in enumerate(terms):
            for b in terms[i + 1:i + window]:
                if a != b:
                    weights.setdefault(a, Counter())[b] += 1
                    weights.setdefault(b, Counter())[a] += 1
    if not weights:
        return []
    totals = {t: sum(edges.values()) for t, edges in weights.items()}
    rank = dict.fromkeys(weights, 1.0)
    for _ in range(iterations):
        rank = {
            t: (1 - damping) + damping * sum(w / totals[u] * rank[u] for u, w in edges.items())
            for t, edges in weights.items()
        }
    n = max(len(docs), 1)
    scored = [Keyword(t, counts[t], df[t], df[t] / n, r) for t, r in rank.items()]
    scored.sort(key=lambda k: (-k.score, k.term))
    return scored[:limit]


def distinctive_terms(group_docs: Sequence[Document], other_docs: Sequence[Document],
                      *, prior: float = 500.0, limit: int = 30, min_count: int = 3) -> list[Keyword]:
    """Terms one group uses more than the others, by the z-scored log-odds ratio with an
    informative Dirichlet prior (Monroe et al. 2008, eq. 22 and 24): the prior is the two
    together, scaled to ``prior`` pseudo-counts. Only terms used ``min_count`` times or more."""
    g, g_df = _counts(group_docs)
    r, _ = _counts(other_docs)
    both = g + r
    n_g, n_r, n_all = sum(g.values()), sum(r.values()), sum(both.values())
    if not n_g or not n_r:
        return []
    out = []
    for term, y_g in g.items():
        if y_g < min_count:
            continue
        alpha = prior * both[term] / n_all
        y_r = r.get(term, 0)
        delta = (math.log((y_g + alpha) / (n_g + prior - y_g - alpha))
                 - math.log((y_r + alpha) / (n_r + prior - y_r - alpha)))
        z = delta / math.sqrt(1 / (y_g + alpha) + 1 / (y_r + alpha))
        if z > 0:
            out.append(Keyword(term, y_g, g_df[term], g_df[term] / len(group_docs), z))
    out.sort(key=lambda k: (-k.score, k.term))
    return out[:limit]


def in_context(term: str, docs: Iterable[Document], *, variants: Iterable[str] = (), limit: int = 3,
               width: int = 14) -> list[str]:
    """Up to ``limit`` distinct snippets of texts using ``term`` (or a variant merged into it),
    ``width`` characters either side, personal details masked."""
    forms = sorted({term, *variants}, key=len, reverse=True)
    found: list[str] = []
    seen: set[bytes] = set()
    for doc in docs:
        if doc.hash in seen or term not in doc.terms:
            continue
        seen.add(doc.hash)
        text = mask_personal(doc.text)
        for form in forms:
            at = text.find(form)
            if at >= 0:
                start, end = max(at - width, 0), min(at + len(form) + width, len(text))
                found.append(("…" if start else "") + text[start:end] + ("…" if end < len(text) else ""))
                break
        if len(found) >= limit:
            break
    return found


def variants_of(synonyms: dict[str, str]) -> dict[str, list[str]]:
    """canonical → its variants, for finding a merged term in the original text."""
    out: dict[str, list[str]] = {}
    for variant, canonical in synonyms.items():
        out.setdefault(canonical, []).append(variant)
    return out
