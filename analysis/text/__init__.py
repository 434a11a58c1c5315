"""Chinese text analysis. This first step segments and counts words for word clouds.

jieba is imported only when text is first segmented, so the window opens without it.
Each :class:`Segmenter` owns its own jieba tokenizer, so adding project words never
changes jieba's global state.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import resources
from workspace.progress import Progress, no_progress

_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """The bundled stopword list (general Chinese plus survey filler)."""
    text = resources.path("text", "stopwords.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


class Segmenter:
    """Cuts Chinese text into content words: stopwords, numbers and single characters dropped."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        import jieba

        jieba.setLogLevel(60)
        self._tokenizer = jieba.Tokenizer()
        for word in extra_words:
            if len(word) > 1:
                self._tokenizer.add_word(word, freq=20000)
        self._stopwords = load_stopwords()

    def words(self, text: str) -> list[str]:
        return [
            w
            for w in self._tokenizer.lcut(text)
            if len(w) > 1 and w not in self._stopwords and _WORDLIKE.search(w)
        ]


def word_frequencies(
    texts: Iterable[str],
    *,
    extra_words: Iterable[str] = (),
    total: int | None = None,
    progress: Progress = no_progress,
) -> Counter[str]:
    """How often each content word occurs over ``texts``."""
    segmenter = Segmenter(extra_words)
    counts: Counter[str] = Counter()
    for i, text in enumerate(texts, 1):
        counts.update(segmenter.words(text))
        if i % 500 == 0:
            progress(i / total if total else 0.0, f"已分词 {i} 条")
    return counts
