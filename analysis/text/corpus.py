"""The project's texts as one corpus: every open-text answer and every workshop card.

:func:`load_corpus` reads the documents, looks their tokens up in the project's cache
(``text_tokens``, keyed by a hash of the text and the bundled dictionary's version),
segments only the texts not cached yet (a process pool for large batches), stores those
in one transaction, and applies the stopword/synonym filter. Answers to questions marked
as personal data (name, phone, ID number, address) are never part of the corpus.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from survey.model import TEXT_TYPES, SurveyDefinition
from workspace.clock import now_iso
from workspace.progress import Progress, no_progress, sub_progress
from workspace.project import Project

from .lexicons import TextSettings, dictionary_version
from .normalise import normalise
from .segment import Segmenter, TermFilter, segment_texts


@dataclass(frozen=True, slots=True)
class Question:
    survey_id: int
    name: str
    label: str
    audience: str | None


@dataclass(slots=True)
class Document:
    """One text and where it came from."""

    doc: str
    """Stable key: ``answer:<response uuid>:<question>`` or ``card:<card uuid>``."""
    text: str
    hash: bytes
    group: str | None
    day: str
    """YYYY-MM-DD: when the response was submitted or the card written."""
    survey_id: int | None = None
    question: str | None = None
    session_id: int | None = None
    placed: str | None = None
    """The scenario a facilitator put the card under (None for answers and loose cards)."""
    raw: str = ""
    """jieba's tokens, space-joined, before stopwords and synonyms (sentiment reads these)."""
    terms: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        return "card" if self.session_id is not None else "answer"


def raw_hash(text: str) -> bytes:
    """The cache key: BLAKE2b of the text as typed (cheaper than normalising every text on
    every run; the normalised form is what gets segmented)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def open_text_questions(project: Project) -> list[Question]:
    """Every open-text question that is not personal data, once per survey (latest label)."""
    seen: dict[tuple[int, str], Question] = {}
    rows = project.db.conn.execute(
        "SELECT v.survey_id, v.definition, s.audience FROM survey_versions v JOIN surveys s ON s.id = v.survey_id "
        "ORDER BY v.survey_id, v.version").fetchall()
    for survey_id, definition, audience in rows:
        for q in SurveyDefinition.from_json(json.loads(definition)).questions:
            if q.type in TEXT_TYPES and not q.pii:
                seen[(survey_id, q.name)] = Question(survey_id, q.name, q.label.get("zh") or q.name, audience)
    return list(seen.values())


def read_documents(project: Project, hashes: dict[str, bytes] | None = None) -> list[Document]:
    """Open-text answers of submitted, kept responses, then every card.

    ``hashes`` (text → hash, e.g. :attr:`Corpus.hashes` of a previous load) saves hashing
    texts seen before; texts hashed now are added to it.
    """
    memo = {} if hashes is None else hashes

    def digest(text: str) -> bytes:
        found = memo.get(text)
        if found is None:
            found = memo[text] = raw_hash(text)
        return found

    docs: list[Document] = []
    conn = project.db.conn
    by_survey: dict[int, list[str]] = {}
    for q in open_text_questions(project):
        by_survey.setdefault(q.survey_id, []).append(q.name)
    for survey_id, names in by_survey.items():
        sql = ("SELECT r.uuid, a.question, a.value, r.stakeholder_group, "
               "substr(coalesce(r.submitted_at, r.started_at, ''), 1, 10) "
               "FROM answers a JOIN responses r ON r.id = a.response_id "
               "WHERE r.survey_id = ? AND r.status = 'submitted' AND r.deleted_at IS NULL AND r.excluded = 0 "
               f"AND a.question IN ({','.join('?' * len(names))}) AND length(trim(a.value)) > 0 ORDER BY r.id")
        rows = conn.execute(sql, [survey_id, *names]).fetchall()
        docs.extend([Document(f"answer:{uuid}:{question}", value, digest(value), group, day, survey_id, question)
                     for uuid, question, value, group, day in rows])
    cards = conn.execute(
        "SELECT c.uuid, c.text, COALESCE(c.stakeholder_group, p.stakeholder_group), substr(c.created_at, 1, 10), "
        "c.session_id, c.scenario_code "
        "FROM cards c LEFT JOIN participants p ON p.id = c.participant_id WHERE length(trim(c.text)) > 0 "
        "ORDER BY c.id").fetchall()
    docs.extend([Document(f"card:{uuid}", text, digest(text), group, day, session_id=session_id, placed=scenario)
                 for uuid, text, group, day, session_id, scenario in cards])
    return docs


def project_settings(project: Project) -> TextSettings:
    """The bundled resources plus the words, stopwords and synonyms this project added."""
    words, stopwords, synonyms = [], [], {}
    for kind, term, target in project.db.conn.execute("SELECT kind, term, target FROM text_terms ORDER BY created_at, term"):
        if kind == "word":
            words.append(term)
        elif kind == "stopword":
            stopwords.append(term)
        else:
            synonyms[term] = target
    return TextSettings.bundled().with_project(words, stopwords, synonyms)


def cached_tokens(project: Project, version: str, hashes: set[bytes] | None = None) -> dict[bytes, str]:
    """hash → cached tokens, of every text (``hashes`` None) or of those texts."""
    conn = project.db.conn
    if hashes is None:
        return dict(conn.execute("SELECT hash, tokens FROM text_tokens WHERE version = ?", [version]))
    found: dict[bytes, str] = {}
    wanted = list(hashes)
    for i in range(0, len(wanted), 500):
        batch = wanted[i:i + 500]
        found.update(conn.execute(f"SELECT hash, tokens FROM text_tokens WHERE version = ? AND hash IN "
                                  f"({','.join('?' * len(batch))})", [version, *batch]))
    return found


def cache_tokens(
    project: Project,
    texts: dict[bytes, str],
    *,
    settings: TextSettings,
    segmenter: Callable[[], Segmenter] | None = None,
    workers: int | None = None,
    progress: Progress = no_progress,
) -> dict[bytes, str]:
    """Segment ``texts`` (hash → original text) and store their tokens in one transaction;
    returns hash → space-joined tokens."""
    if not texts:
        return {}
    hashes = sorted(texts)  # in key order, SQLite appends to its B-tree instead of inserting at random
    tokens = segment_texts([texts[h] for h in hashes], settings=settings, segmenter=segmenter, workers=workers, progress=progress)
    version = dictionary_version()
    with project.transaction():
        project.db.conn.executemany(
            "INSERT OR REPLACE INTO text_tokens (hash, version, tokens) VALUES (?, ?, ?)",
            zip(hashes, [version] * len(hashes), tokens))
    return dict(zip(hashes, tokens))


@dataclass
class Corpus:
    documents: list[Document]
    settings: TextSettings
    segmented: int
    """How many distinct texts had to be segmented in this load."""
    known: dict[bytes, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    """hash → (raw tokens, terms) of every distinct text, for the next load to reuse."""
    version: str = ""
    hashes: dict[str, bytes] = field(default_factory=dict)
    """text → hash, for the next load to reuse."""

    def __len__(self) -> int:
        return len(self.documents)


@contextmanager
def without_gc() -> Iterator[None]:
    """Pause Python's cycle collector while building many small objects that form no cycles.

    A corpus is hundreds of thousands of lists; each full collection walks all of them,
    which made a 100 000-text load a quarter slower. Reference counting still frees
    everything; the collector runs again afterwards.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_corpus(
    project: Project,
    *,
    segmenter: Callable[[], Segmenter] | None = None,
    workers: int | None = None,
    keep: Callable[[Document], bool] | None = None,
    previous: Corpus | None = None,
    documents: list[Document] | None = None,
    progress: Progress = no_progress,
) -> Corpus:
    """Every document of the project (or those ``keep`` accepts) with its content terms;
    segments what is not cached.

    ``previous`` (an earlier load of the same project) lends its tokens and terms, so a
    reload after new answers reads from the cache only the texts it has not seen.
    ``documents`` (from :func:`read_documents`, just read) saves reading them again.
    """
    with without_gc():
        progress(0.0, "正在读取文本")
        settings = project_settings(project)
        version = dictionary_version()
        hashes = dict(previous.hashes) if previous is not None else {}
        docs = read_documents(project, hashes) if documents is None else list(documents)
        if keep is not None:
            docs = [d for d in docs if keep(d)]
        reuse = previous is not None and previous.settings == settings and previous.version == version
        known: dict[bytes, tuple[str, tuple[str, ...]]] = dict(previous.known) if reuse else {}
        unknown = {d.hash for d in docs if d.hash not in known}
        tokens = cached_tokens(project, version, unknown if reuse else None)
        missing = {d.hash: d.text for d in docs if d.hash in unknown and d.hash not in tokens}
        tokens.update(cache_tokens(project, missing, settings=settings, segmenter=segmenter, workers=workers,
                                   progress=sub_progress(progress, 0.02, 0.95)))
        progress(0.95, "正在整理词语")
        term_filter = TermFilter(settings)
        for digest in unknown:
            raw = tokens.get(digest, "")
            # Tuples of strings: the cycle collector stops tracking them, so a large corpus
            # costs it nothing.
            known[digest] = (raw, tuple(term_filter.terms(raw.split(" "))) if raw else ())
        for doc in docs:
            doc.raw, doc.terms = known[doc.hash]
        progress(1.0, f"共 {len(docs)} 条文本")
        return Corpus(docs, settings, len(missing), known, version, hashes)


def add_project_term(project: Project, kind: str, term: str, target: str = "",
                     *, progress: Progress = no_progress) -> int:
    """Add a word, stopword or synonym to the project; returns how many texts were re-segmented.

    A new word (or a synonym's variant, which jieba must keep whole) can only change the
    segmentation of texts that contain it, so only those are cut again, in the same
    transaction as the term itself. Stopwords re-segment nothing.
    """
    term = term.strip()
    if kind not in ("word", "stopword", "synonym") or not term or (kind == "synonym" and not target.strip()):
        raise ValueError(f"not a {kind}: {term!r} → {target!r}")
    with project.transaction():
        project.db.conn.execute(
            "INSERT OR REPLACE INTO text_terms (kind, term, target, created_at) VALUES (?, ?, ?, ?)",
            [kind, term, target.strip(), now_iso()])
        if kind == "stopword":
            return 0
        return _resegment_containing(project, [term], progress)


def remove_project_term(project: Project, kind: str, term: str, *, progress: Progress = no_progress) -> int:
    with project.transaction():
        project.db.conn.execute("DELETE FROM text_terms WHERE kind = ? AND term = ?", [kind, term])
        if kind == "stopword":
            return 0
        return _resegment_containing(project, [term], progress)


def _contains(text: str, word: str) -> bool:
    """Whether the normalised text contains ``word`` (normalising only when the word has
    Latin letters or digits, which are all normalisation can change)."""
    return word in text or (any(c.isascii() for c in word) and word in normalise(text))


def _resegment_containing(project: Project, words: list[str], progress: Progress) -> int:
    texts = {d.hash: d.text for d in read_documents(project) if any(_contains(d.text, w) for w in words)}
    cache_tokens(project, texts, settings=project_settings(project), workers=1, progress=progress)
    return len(texts)


def project_terms(project: Project) -> list[tuple[str, str, str]]:
    """(kind, term, target) of the words, stopwords and synonyms the project added, oldest first."""
    return project.db.conn.execute("SELECT kind, term, target FROM text_terms ORDER BY created_at, term").fetchall()


def code_text(project: Project, doc: str, text: str, scenario_code: str | None) -> None:
    """Record the facilitator's scenario for one text (None: "belongs to no scenario")."""
    with project.transaction():
        project.db.conn.execute(
            "INSERT OR REPLACE INTO text_codes (doc, text_hash, scenario_code, coded_at) VALUES (?, ?, ?, ?)",
            [doc, raw_hash(text), scenario_code, now_iso()])


def clear_code(project: Project, doc: str) -> None:
    with project.transaction():
        project.db.conn.execute("DELETE FROM text_codes WHERE doc = ?", [doc])


def hand_codes(project: Project) -> dict[str, str | None]:
    return dict(project.db.conn.execute("SELECT doc, scenario_code FROM text_codes"))
