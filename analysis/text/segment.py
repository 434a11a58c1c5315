"""Segmentation: normalised text → jieba tokens → content terms.

Two stages, so that the costly one runs once per distinct text:

* :meth:`Segmenter.raw` cuts a normalised text with jieba and the dictionary; its result
  is what the project caches (``text_tokens``).
* :meth:`TermFilter.terms` turns raw tokens into content terms: stopwords, function words
  (by jieba's part-of-speech tags, a dictionary lookup rather than tagging), single
  characters and masked numbers dropped, synonyms merged. It is cheap, so changing a
  stopword or synonym re-segments nothing.

jieba cuts each run of Chinese, Latin and digits on its own, so :meth:`Segmenter.raw`
keeps a memo of runs already cut: answers that share a clause cost the clause once.
Large batches go to a process pool (:func:`segment_texts`); jieba gains nothing from
threads, and its own ``enable_parallel`` does not work on Windows.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable, Sequence

from workspace.progress import Progress, no_progress

from .lexicons import TextSettings, function_words
from .normalise import normalise

_RUN = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+")
"""What jieba cuts as one block (its ``re_han_default``); everything else is punctuation or space."""
_WORDLIKE = re.compile(r"[\u4e00-\u9fffa-z]")
_MEMO_LIMIT = 400_000
POOL_MIN_CHARS = 1_500_000
"""Below this many characters to cut, starting worker processes costs more than it saves."""
CHUNK = 2_000
_PREFIX = 1.0
"""Marks a dictionary entry that is only a prefix of longer words (jieba stores it with
frequency 0); no log probability is positive, so it cannot be mistaken for one."""


class Segmenter:
    """jieba with the bundled dictionary and the project's words; one tokenizer per instance,
    so jieba's global state is never changed.

    :meth:`raw` gives the tokens ``jieba.Tokenizer.lcut`` gives (HMM on) for each run, but
    finds them with one fused pass: jieba builds a DAG of dictionary words from every
    position, then picks the route of greatest ``Σ log(freq / total)`` right to left (ties
    to the longer word); here both happen in the same right-to-left loop, with each word's
    log probability looked up once. Runs of single characters that form no dictionary
    word go to jieba's HMM (``jieba.finalseg``) exactly as jieba does.
    ``tests/test_text_pipeline.py`` checks the two agree.
    """

    def __init__(self, settings: TextSettings | None = None) -> None:
        import jieba
        from jieba import finalseg

        jieba.setLogLevel(60)
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()
        for word, freq, tag in (settings or TextSettings.bundled()).dictionary_words():
            self._tokenizer.add_word(word, freq, tag)
        self._hmm = finalseg.cut
        self._reset()

    def _reset(self) -> None:
        self._freq = self._tokenizer.FREQ
        self._logtotal = math.log(self._tokenizer.total)
        self._logp: dict[str, float] = {}
        self._memo: dict[str, list[str]] = {}
        self._hmm_memo: dict[str, list[str]] = {}

    def add_word(self, word: str, freq: int = 3000) -> None:
        self._tokenizer.add_word(word, freq, "nz")
        self._reset()

    def del_word(self, word: str) -> None:
        self._tokenizer.del_word(word)
        self._reset()

    def raw(self, normalised: str) -> list[str]:
        """The tokens of a normalised text: word-like tokens only, punctuation and spaces dropped."""
        tokens: list[str] = []
        memo = self._memo
        for run in _RUN.findall(normalised):
            cut = memo.get(run)
            if cut is None:
                cut = [t for t in self._cut(run) if _WORDLIKE.search(t)]
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                memo[run] = cut
            tokens.extend(cut)
        return tokens

    def _route(self, run: str) -> list[int]:
        """For each position, where the best route's word starting there ends (exclusive)."""
        freq_get, logp, logtotal = self._freq.get, self._logp, self._logtotal
        logp_get = logp.get
        n = len(run)
        best = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            value = -math.inf
            end = k + 1
            i = k + 1
            frag = run[k]
            while True:
                # log P(word), or _PREFIX for a prefix of longer words only; None: not in
                # the dictionary at all, so no longer word starts here either.
                p = logp_get(frag)
                if p is None:
                    f = freq_get(frag)
                    if f is None:
                        break
                    p = logp[frag] = math.log(f) - logtotal if f else _PREFIX
                if p <= 0.0:  # a word (log probabilities are never positive)
                    v = p + best[i]
                    if v >= value:
                        value, end = v, i
                if i >= n:
                    break
                i += 1
                frag = run[k:i]
            if value == -math.inf:
                value = best[k + 1] - logtotal
            best[k], ends[k] = value, end
        return ends

    def _cut(self, run: str) -> list[str]:
        ends = self._route(run)
        out: list[str] = []
        buf = ""
        x, n = 0, len(run)
        while x < n:
            y = ends[x]
            if y - x == 1:
                buf += run[x]
            else:
                if buf:
                    self._flush(buf, out)
                    buf = ""
                out.append(run[x:y])
            x = y
        if buf:
            self._flush(buf, out)
        return out

    def _flush(self, buf: str, out: list[str]) -> None:
        """Single characters between words: one is a token; several that are not a word
        themselves go to the HMM, which may find a word jieba's dictionary lacks."""
        if len(buf) == 1:
            out.append(buf)
        elif not self._freq.get(buf):
            cut = self._hmm_memo.get(buf)
            if cut is None:
                if len(self._hmm_memo) >= _MEMO_LIMIT:
                    self._hmm_memo.clear()
                cut = self._hmm_memo[buf] = list(self._hmm(buf))
            out.extend(cut)
        else:
            out.extend(buf)


class TermFilter:
    """Raw tokens → content terms, with the settings' stopwords and synonyms."""

    def __init__(self, settings: TextSettings | None = None) -> None:
        settings = settings or TextSettings.bundled()
        self.synonyms = settings.synonyms
        self.dropped = settings.stopwords | function_words()
        self._memo = _TermMemo(self.term_of)

    def term_of(self, token: str) -> str:
        """The content term a token stands for, or '' when it stands for none."""
        term = self.synonyms.get(token, token)
        if len(term) < 2 or term in self.dropped or "#" in term or not _WORDLIKE.search(term):
            return ""
        return term

    def terms(self, raw: Iterable[str]) -> list[str]:
        # map and filter run in C; the memo computes each distinct token once.
        return list(filter(None, map(self._memo.__getitem__, raw)))


class _TermMemo(dict):
    def __init__(self, compute: Callable[[str], str]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, token: str) -> str:
        term = self[token] = self.compute(token)
        return term


# -- batches, in this process or a pool ---------------------------------------------------

_worker: Segmenter | None = None


def _start_worker(settings: TextSettings) -> None:
    global _worker
    _worker = Segmenter(settings)


def _cut_chunk(texts: Sequence[str]) -> list[str]:
    assert _worker is not None
    raw = _worker.raw
    return [" ".join(raw(normalise(t))) for t in texts]


def workers_for(total_chars: int) -> int:
    """How many processes a batch of this size deserves (1 = none, cut here)."""
    cores = os.cpu_count() or 1
    return 1 if cores < 2 or total_chars < POOL_MIN_CHARS else min(cores, 8)


def segment_texts(
    texts: Sequence[str],
    *,
    settings: TextSettings | None = None,
    segmenter: Callable[[], Segmenter] | None = None,
    workers: int | None = None,
    progress: Progress = no_progress,
) -> list[str]:
    """The raw tokens of each text (normalised first), space-joined (the cached form), in order.

    ``workers`` None chooses by size; 1 cuts in this process with ``segmenter()`` (or a new
    :class:`Segmenter`). Progress is reported per chunk; a :class:`Cancelled` raised by
    ``progress`` stops the pool and propagates.
    """
    total = len(texts)
    if workers is None:
        workers = workers_for(sum(map(len, texts)))
    chunks = [texts[i:i + CHUNK] for i in range(0, total, CHUNK)]
    out: list[str] = []
    if workers <= 1:
        seg = segmenter() if segmenter else Segmenter(settings)
        for chunk in chunks:
            out.extend(" ".join(seg.raw(normalise(t))) for t in chunk)
            progress(len(out) / total, f"已分词 {len(out)} / {total} 条")
        return out
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    progress(0.0, f"正在启动 {workers} 个分词进程")
    pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start_worker,
                               initargs=(settings or TextSettings.bundled(),))
    try:
        for result in pool.map(_cut_chunk, chunks):
            out.extend(result)
            progress(len(out) / total, f"已分词 {len(out)} / {total} 条")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return out


def segment_lines(lines: Sequence[str], *, settings: TextSettings | None = None,
                  workers: int | None = None) -> list[list[str]]:
    """The content terms of each line (``huizhi text segment``); a pool for large inputs."""
    settings = settings or TextSettings.bundled()
    term_filter = TermFilter(settings)
    return [term_filter.terms(raw.split(" ")) if raw else []
            for raw in segment_texts(lines, settings=settings, workers=workers)]
