"""The text analysis of a project: one object the Analysis page, the CLI and reports share.

:class:`TextAnalysis` loads the corpus (segmenting only uncached texts), classifies every
distinct text, and answers questions about any :class:`Slice` of it: keywords, word
cloud frequencies, classification shares, sentiment, representative quotes and
co-occurring pairs. Building it is the long step; a report on a slice is quick.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from workspace.catalogue import list_domains, list_scenarios
from workspace.progress import Progress, no_progress, sub_progress
from workspace.project import Project
from workspace.stakeholders import list_groups

from .classify import UNCLASSIFIED, Classification, TextClassifier
from .cooccur import Pair, cooccurring_pairs
from .corpus import (
    Corpus,
    Document,
    Question,
    hand_codes,
    load_corpus,
    open_text_questions,
    without_gc,
)
from .keywords import (
    Keyword,
    distinctive_terms,
    document_frequencies,
    in_context,
    term_counts,
    textrank_keywords,
    tfidf_keywords,
    variants_of,
)
from .quotes import Quote, representative_quotes
from .segment import Segmenter
from .sentiment import LABELS, sentiment_of


@dataclass(frozen=True)
class Slice:
    """Which texts to look at; None means any."""

    survey_id: int | None = None
    question: str | None = None
    group: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    session_id: int | None = None
    source: str = "all"
    """'all', 'answer' or 'card'."""
    scenario: str | None = None
    """Texts classified (or placed) under this scenario."""

    def matches(self, doc: Document, scenarios: Sequence[str]) -> bool:
        return ((self.source == "all" or doc.source == self.source)
                and (self.survey_id is None or doc.survey_id == self.survey_id)
                and (self.question is None or doc.question == self.question)
                and (self.group is None or doc.group == self.group)
                and (self.session_id is None or doc.session_id == self.session_id)
                and (self.date_from is None or doc.day >= self.date_from)
                and (self.date_to is None or doc.day <= self.date_to)
                and (self.scenario is None or self.scenario in scenarios))


@dataclass
class SliceReport:
    texts: int
    keywords: list[Keyword]
    contexts: dict[str, list[str]]
    """Keyword → snippets of the texts that use it."""
    frequencies: dict[str, int]
    """Term → count, for the word cloud."""
    domains: dict[str | None, int]
    scenarios: dict[str | None, int]
    sentiment: dict[str, int]
    quotes: list[Quote]
    pairs: list[Pair]
    distinctive: list[Keyword] = field(default_factory=list)
    """For a slice of one stakeholder group: what it says more than the others."""


class TextAnalysis:
    """The analysed corpus of one project."""

    def __init__(self, project: Project, *, segmenter: Callable[[], Segmenter] | None = None,
                 workers: int | None = None, previous: TextAnalysis | None = None,
                 progress: Progress = no_progress) -> None:
        """``previous``, an earlier analysis of the same project, lends what still holds:
        tokens and terms of texts seen before, and their classification and sentiment when
        the classifier learnt nothing new."""
        self.corpus: Corpus = load_corpus(project, segmenter=segmenter, workers=workers,
                                          previous=previous.corpus if previous else None,
                                          progress=sub_progress(progress, 0.0, 0.85))
        progress(0.85, "正在归类文本")
        self.classifier = TextClassifier.from_project(project, self.corpus.documents)
        self.groups = {g.code: g.name.zh for g in list_groups(project)}
        self.questions: list[Question] = open_text_questions(project)
        self.scenario_names = {s.code: s.name.zh for s in list_scenarios(project, include_retired=True)}
        self.domain_names = {d.code: d.name.zh for d in list_domains(project)}
        self.df = document_frequencies(self.corpus.documents)
        self.distinct = len({d.hash for d in self.corpus.documents})
        self._variants = variants_of(self.corpus.settings.synonyms)
        self.idf = {t: math.log((1 + self.distinct) / (1 + n)) + 1 for t, n in self.df.items()}
        self.classes: dict[bytes, Classification] = {}
        self._sentiment: dict[bytes, str] = {}
        if previous is not None and previous.corpus.settings == self.corpus.settings:
            self._sentiment = previous._sentiment
            if previous.classifier.model == self.classifier.model and previous.classifier.index == self.classifier.index:
                self.classes = previous.classes
        self.codes = hand_codes(project)
        with without_gc():
            self._classify(sub_progress(progress, 0.85, 1.0))
        progress(1.0, f"已分析 {len(self.corpus)} 条文本")

    @property
    def documents(self) -> list[Document]:
        return self.corpus.documents

    def _classify(self, progress: Progress) -> None:
        classify = self.classifier.classify_tokens
        total = len(self.documents)
        for i, doc in enumerate(self.documents, 1):
            if doc.hash not in self.classes:
                self.classes[doc.hash] = classify(doc.terms)
            if i % 5000 == 0:
                progress(i / total, f"已归类 {i} / {total} 条")

    def classification(self, doc: Document) -> Classification:
        """A hand code, then a card's placement, win over the classifier: they are the
        facilitator's decisions."""
        code = self.codes.get(doc.doc, doc.placed) if doc.doc in self.codes else doc.placed
        if doc.doc in self.codes and code is None:
            return UNCLASSIFIED
        if code:
            return Classification(self.classifier.domain_of.get(code), code, 1.0, (code,))
        return self.classes.get(doc.hash, UNCLASSIFIED)

    def recoded(self, doc: Document, scenario: str | None) -> None:
        """Reflect a hand code already written with :func:`corpus.code_text`."""
        self.codes[doc.doc] = scenario

    def uncoded(self, doc: Document) -> None:
        """Reflect a hand code removed with :func:`corpus.clear_code`."""
        self.codes.pop(doc.doc, None)

    def shares(self, docs: Sequence[Document]) -> tuple[dict[str | None, int], dict[str | None, int]]:
        """How many of ``docs`` fall in each domain and in each scenario (None: unclassified),
        most first, with hand codes and card placements counted as they stand."""
        domains: Counter[str | None] = Counter()
        scenarios: Counter[str | None] = Counter()
        for doc in docs:
            c = self.classification(doc)
            domains[c.domain] += 1
            scenarios[c.scenario] += 1
        return dict(domains.most_common()), dict(scenarios.most_common())

    def contexts(self, docs: Sequence[Document], term: str, *, limit: int = 3, width: int = 14) -> list[str]:
        """Snippets of ``docs`` using ``term`` or a variant the synonyms merged into it."""
        variants = self._variants.get(term, ())
        return in_context(term, docs, variants=variants, limit=limit, width=width)

    def select(self, slice_: Slice) -> list[Document]:
        if slice_.scenario is None:
            return [d for d in self.documents if slice_.matches(d, ())]
        return [d for d in self.documents if slice_.matches(d, self.classification(d).scenarios)]

    def report(self, slice_: Slice = Slice(), *, method: str = "tfidf", limit: int = 40) -> SliceReport:
        docs = self.select(slice_)
        if method == "textrank":
            keywords = textrank_keywords(docs, limit=limit)
        else:
            keywords = tfidf_keywords(docs, self.df, self.distinct, limit=limit)
        contexts = {k.term: self.contexts(docs, k.term) for k in keywords[:15]}
        counts = term_counts(docs)
        domains, scenarios = self.shares(docs)
        distinctive: list[Keyword] = []
        if slice_.group is not None:
            rest = self.select(Slice(**{**slice_.__dict__, "group": None}))
            distinctive = distinctive_terms(docs, [d for d in rest if d.group != slice_.group])
        return SliceReport(
            texts=len(docs),
            keywords=keywords,
            contexts=contexts,
            frequencies=dict(counts.most_common(150)),
            domains=domains,
            scenarios=scenarios,
            sentiment=self.sentiment(docs),
            quotes=representative_quotes(docs, self.idf),
            pairs=cooccurring_pairs(docs),
            distinctive=distinctive,
        )

    def sentiment(self, docs: Sequence[Document]) -> dict[str, int]:
        """negative / neutral / positive counts; each distinct text is scored once per analysis."""
        memo = self._sentiment
        for doc in docs:
            if doc.hash not in memo:
                memo[doc.hash] = sentiment_of(doc.raw)
        counts = Counter(memo[doc.hash] for doc in docs)
        return {label: counts.get(label, 0) for label in LABELS}

    def summary(self, *, per_group: int = 10) -> dict:
        """The shape ``huizhi analyze --json`` prints."""
        docs = self.documents
        domains, scenarios = self.shares(docs)
        n = max(len(docs), 1)
        groups = sorted({d.group for d in docs}, key=lambda g: (g is None, g or ""))
        return {
            "texts": len(docs),
            "distinct_texts": self.distinct,
            "segmented": self.corpus.segmented,
            "answers": sum(1 for d in docs if d.source == "answer"),
            "cards": sum(1 for d in docs if d.source == "card"),
            "keywords_by_group": {
                (g or "unknown"): {
                    "name": self.groups.get(g, "未注明") if g else "未注明",
                    "texts": len(group_docs),
                    "keywords": [k.to_json() for k in tfidf_keywords(group_docs, self.df, self.distinct,
                                                                     limit=per_group)],
                }
                for g in groups
                for group_docs in [[d for d in docs if d.group == g]]
            },
            "domains": {(code or "unclassified"): {"name": self.domain_names.get(code, "未归类"), "texts": count,
                                                   "share": round(count / n, 4)}
                        for code, count in domains.items()},
            "scenarios": {(code or "unclassified"): {"name": self.scenario_names.get(code, "未归类"), "texts": count,
                                                     "share": round(count / n, 4)}
                          for code, count in scenarios.items()},
            "sentiment": self.sentiment(docs),
            "trained_on": self.classifier.model.size,
        }

