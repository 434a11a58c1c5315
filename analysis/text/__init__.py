"""Chinese text analysis of open answers and workshop cards.

``normalise`` → ``segment`` (jieba + the bundled smart-city dictionary, cached per text in
the project file by ``corpus``) → content terms (stopwords, function words, synonyms) →
``keywords``, ``cooccur``, ``sentiment``, ``quotes`` and ``classify`` (scenarios and
domains). ``analysis.TextAnalysis`` ties them together for a project. jieba is imported
only when text is first segmented, so the window opens without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workspace.progress import Progress, no_progress

from .lexicons import TextSettings
from .normalise import normalise


def word_frequencies(
    texts: Iterable[str],
    *,
    extra_words: Iterable[str] = (),
    total: int | None = None,
    progress: Progress = no_progress,
) -> Counter[str]:
    """How often each content term occurs over ``texts`` (no project cache: for one-off counts)."""
    from .segment import Segmenter, TermFilter

    settings = TextSettings.bundled().with_project(list(extra_words), [], {})
    segmenter, term_filter = Segmenter(settings), TermFilter(settings)
    counts: Counter[str] = Counter()
    for i, text in enumerate(texts, 1):
        counts.update(term_filter.terms(segmenter.raw(normalise(text))))
        if i % 500 == 0:
            progress(i / total if total else 0.0, f"已分词 {i} 条")
    return counts
