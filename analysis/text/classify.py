"""Classifying texts into the catalogue's scenarios and domains.

Two sources of evidence, one score:

* **Knowledge** — the bundled domain lexicon (``resources/text/domain_lexicon.tsv``: a term
  pointing to a domain or a scenario, weight 1–3) plus the catalogue's own scenario
  names (weight 3) and keywords (weight 2). Each distinct term of a text adds its weight
  to its scenario and that scenario's domain, or to its domain alone.
* **Experience** — a multinomial naive Bayes model (Laplace smoothing) trained on the
  facilitator's own assignments: cards placed under a scenario on the board and texts
  re-coded by hand. Its posterior is mixed in with weight ``n / (n + 40) · c`` for ``n``
  training texts and its certainty ``c`` about this text (0 for a flat posterior, 1 for a
  sure one), so it counts for little at first, more with use, and never drowns the
  lexicon where it has learnt nothing that applies.

A text is *unclassified* (domain None) when its best domain has less than one strong
term's worth of evidence or less than :data:`MIN_CONFIDENCE`. A second scenario is
reported when it has at least one decisive term's worth of evidence (3) and at least
45 % of the first's.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import resources
from workshop.suggest import Suggestion
from workspace.catalogue import Scenario, list_scenarios, load_bundled_catalogue
from workspace.project import Project

from .lexicons import TextSettings
from .normalise import normalise
from .segment import Segmenter

OUTSIDE = "other"
"""The lexicon's target for topics a city hears about that no catalogue domain covers
(wages, shop disputes, house deliveries, telecoms, pets…): evidence for "unclassified"."""
MIN_EVIDENCE = 2.0
MIN_CONFIDENCE = 0.2
SECOND_SCENARIO = 0.45
SECOND_EVIDENCE = 3.0


@dataclass(frozen=True, slots=True)
class Classification:
    domain: str | None
    scenario: str | None
    confidence: float
    scenarios: tuple[str, ...] = ()
    """Every scenario the text clearly covers, best first (one or two)."""
    why: tuple[str, ...] = ()
    """The terms that decided it."""

    def to_json(self) -> dict:
        """The line ``huizhi text classify --json`` prints (keys are a contract)."""
        return {"domain": self.domain, "scenario": self.scenario, "confidence": round(self.confidence, 3),
                "scenarios": list(self.scenarios), "why": list(self.why)}


UNCLASSIFIED = Classification(None, None, 0.0)


@lru_cache(maxsize=1)
def bundled_lexicon() -> tuple[tuple[str, str, float], ...]:
    """(term, target, weight) rows of ``domain_lexicon.tsv``."""
    rows = []
    for line in resources.path("text", "domain_lexicon.tsv").read_text("utf-8").splitlines()[1:]:
        fields = line.strip().split("\t")
        if len(fields) == 3 and not fields[0].startswith("#"):
            rows.append((fields[0], fields[1], float(fields[2])))
    return tuple(rows)


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes on terms, with add-one (Laplace) smoothing:
    ``P(c | d) ∝ P(c) · Π_t ((n_ct + 1) / (n_c + |V|))`` over the terms ``t`` of ``d``."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    docs: Counter[str] = field(default_factory=Counter)

    def learn(self, terms: Iterable[str], label: str) -> None:
        self.counts.setdefault(label, Counter()).update(terms)
        self.docs[label] += 1
        self.__dict__.pop("_tables", None)

    @property
    def size(self) -> int:
        return sum(self.docs.values())

    def _build(self):
        import numpy as np

        labels = sorted(self.counts)
        vocabulary = sorted({t for c in self.counts.values() for t in c})
        column = {t: i for i, t in enumerate(vocabulary)}
        table = np.zeros((len(vocabulary), len(labels)))
        unseen = np.zeros(len(labels))
        prior = np.zeros(len(labels))
        for j, label in enumerate(labels):
            counts = self.counts[label]
            denominator = sum(counts.values()) + len(vocabulary)
            unseen[j] = math.log(1 / denominator)
            prior[j] = math.log(self.docs[label] / self.size)
            for term, n in counts.items():
                table[column[term], j] = math.log((n + 1) / denominator)
            table[:, j] = np.where(table[:, j] == 0, unseen[j], table[:, j])
        self.__dict__["_tables"] = (labels, column, table, prior)
        return self.__dict__["_tables"]

    def posterior(self, terms: Sequence[str]) -> dict[str, float]:
        """P(label | terms) over the labels learnt; empty until two labels are known.
        Terms the model never saw are left out, as is usual for multinomial NB."""
        if len(self.docs) < 2:
            return {}
        import numpy as np

        labels, column, table, prior = self.__dict__.get("_tables") or self._build()
        rows = [column[t] for t in terms if t in column]
        logs = prior + (table[rows].sum(axis=0) if rows else 0.0)
        exp = np.exp(logs - logs.max())
        exp /= exp.sum()
        return dict(zip(labels, exp.tolist()))


class TextClassifier:
    """Scenario and domain of texts; also the workshop board's ``ScenarioClassifier``."""

    def __init__(self, scenarios: Sequence[Scenario], *, lexicon: Iterable[tuple[str, str, float]] | None = None,
                 model: NaiveBayes | None = None, settings: TextSettings | None = None) -> None:
        self.settings = settings or TextSettings.bundled()
        self.domain_of = {s.code: s.domain for s in scenarios}
        self.domains = set(self.domain_of.values())
        bundled_domain = {s.code: s.domain for s in load_bundled_catalogue().scenarios}
        self.index: dict[str, dict[str, float]] = defaultdict(dict)
        for term, target, weight in (bundled_lexicon() if lexicon is None else lexicon):
            if target not in self.domain_of and target in bundled_domain:
                target = bundled_domain[target]
            self._add(term, target, weight)
        known = set(self.index)
        for s in scenarios:
            self._add(s.name.zh, s.code, 3.0)
            for keyword in s.keywords:
                # The lexicon's judgement of a word wins: a catalogue keyword such as 投诉 or
                # 老人 is said about every topic, and the lexicon knows it.
                if normalise(keyword) not in known:
                    self._add(keyword, s.code, 2.0)
        self.model = model or NaiveBayes()
        self._segmenter: Segmenter | None = None
        self._starts = {term[:k] for term in self.index for k in range(1, len(term))}

    def _add(self, term: str, target: str, weight: float) -> None:
        term = normalise(term)
        term = self.settings.synonyms.get(term, term)
        if len(term) >= 2:
            current = self.index[term].get(target, 0.0)
            self.index[term][target] = max(current, weight)

    @classmethod
    def bundled(cls) -> TextClassifier:
        return cls(load_bundled_catalogue().scenarios)

    @classmethod
    def from_project(cls, project: Project, documents: Iterable | None = None) -> TextClassifier:
        """The project's catalogue, trained on its placed cards and hand codes.

        ``documents`` (from :func:`analysis.text.corpus.load_corpus`) supplies the terms of
        the training texts; without it the classifier starts untrained.
        """
        from .corpus import project_settings

        classifier = cls(list_scenarios(project), settings=project_settings(project))
        if documents is not None:
            classifier.train(project, documents)
        return classifier

    @classmethod
    def for_board(cls, project: Project) -> TextClassifier:
        """Trained on the placed cards and hand-coded texts only (quick on a large project)."""
        from .corpus import hand_codes, load_corpus

        codes = hand_codes(project)
        corpus = load_corpus(project, keep=lambda d: d.placed is not None or d.doc in codes)
        return cls.from_project(project, corpus.documents)

    def train(self, project: Project, documents: Iterable) -> int:
        """Learn from cards placed under a scenario and from hand codes; returns the count."""
        from .corpus import hand_codes

        codes = hand_codes(project)
        model = NaiveBayes()
        for doc in documents:
            if doc.doc in codes:
                # Coded "no scenario" by hand: the model learns what lies outside the catalogue.
                label = codes[doc.doc] or OUTSIDE
            else:
                label = doc.placed
            if label == OUTSIDE or label in self.domain_of:
                model.learn(doc.terms, label)
        self.model = model
        return model.size

    # -- classifying ------------------------------------------------------------------

    def segmenter(self) -> Segmenter:
        if self._segmenter is None:
            self._segmenter = Segmenter(self.settings)
        return self._segmenter

    def classify(self, texts: Sequence[str]) -> list[Classification]:
        from .segment import TermFilter

        seg, term_filter = self.segmenter(), TermFilter(self.settings)
        return [self.classify_tokens(term_filter.terms(seg.raw(normalise(t)))) for t in texts]

    def suggest(self, texts: list[str]) -> list[Suggestion | None]:
        out: list[Suggestion | None] = []
        for c in self.classify(texts):
            out.append(Suggestion(c.scenario, c.confidence, c.why) if c.scenario else None)
        return out

    def classify_tokens(self, terms: Sequence[str]) -> Classification:
        """Classify one text given its content terms (synonyms already merged)."""
        domain_score: dict[str, float] = defaultdict(float)
        scenario_score: dict[str, float] = defaultdict(float)
        why: dict[str, float] = {}
        for term in self._matches(terms):
            targets = self.index[term]
            why[term] = max(targets.values())
            for target, weight in targets.items():
                domain = self.domain_of.get(target)
                if domain is not None:
                    scenario_score[target] += weight
                    domain_score[domain] += weight
                elif target in self.domains or target == OUTSIDE:
                    domain_score[target] += weight
        return self._decide(domain_score, scenario_score, why, terms)

    def _matches(self, terms: Sequence[str]) -> set[str]:
        """The lexicon terms a text contains: its terms, two or three of them joined (jieba
        may split a lexicon phrase), and the longest lexicon words inside a longer token
        (jieba may keep 聚众赌博 whole where the lexicon knows 赌博)."""
        index, starts = self.index, self._starts
        found = {t for t in terms if t in index}
        for i, term in enumerate(terms):
            if term in starts:  # only a term that begins some lexicon phrase is worth joining
                for n in (2, 3):
                    joined = "".join(terms[i:i + n])
                    if joined in index:
                        found.add(joined)
        for term in terms:
            # Chinese words only: "ct" is a scan, but not inside "junction".
            if len(term) >= 3 and term not in index and not term.isascii():
                found.update(_inside(term, index))
        return found

    def _decide(self, domain_score: dict[str, float], scenario_score: dict[str, float],
                why: dict[str, float], terms: Sequence[str]) -> Classification:
        total = sum(domain_score.values())
        domain_p = {d: s / total for d, s in domain_score.items()} if total else {}
        scenario_p = ({c: s / sum(scenario_score.values()) for c, s in scenario_score.items()}
                      if scenario_score else {})
        evidence = max(domain_score.values(), default=0.0)
        strength = 1 - math.exp(-evidence / 2.5)
        posterior = self.model.posterior(terms) if self.model.size else {}
        if posterior:
            # The model counts by how much it has seen and by how sure it is of this text:
            # a flat posterior (nothing it learnt applies) leaves the lexicon's judgement.
            top = max(posterior.values())
            certainty = max(top - 1 / len(posterior), 0.0) / (1 - 1 / len(posterior))
            mix = self.model.size / (self.model.size + 40) * certainty
            if not domain_p:
                mix = certainty
            learnt_domain: dict[str, float] = defaultdict(float)
            for code, p in posterior.items():
                learnt_domain[self.domain_of.get(code, OUTSIDE)] += p
            domain_p = _mix(domain_p, learnt_domain, mix)
            scenario_p = _mix(scenario_p, {c: p for c, p in posterior.items() if c in self.domain_of}, mix)
            strength = (1 - mix) * strength + mix * top
            if top > 0.5:
                evidence = max(evidence, MIN_EVIDENCE)
        if not domain_p:
            return UNCLASSIFIED
        domain = max(domain_p, key=lambda d: (domain_p[d], d))
        confidence = domain_p[domain] * strength
        if domain == OUTSIDE or evidence < MIN_EVIDENCE or confidence < MIN_CONFIDENCE:
            return Classification(None, None, confidence, (), _reasons(why))
        # The scenario belongs to the domain (None if only domain-wide terms spoke); a second
        # one may come from anywhere.
        ranked = sorted(scenario_p, key=lambda c: (self.domain_of[c] != domain, -scenario_p[c], c))
        if not ranked or self.domain_of[ranked[0]] != domain:
            return Classification(domain, None, confidence, (), _reasons(why))
        first, scenarios = ranked[0], (ranked[0],)
        second = ranked[1] if len(ranked) > 1 else None
        if (second is not None and scenario_p[second] >= SECOND_SCENARIO * scenario_p[first]
                and (scenario_score.get(second, 0.0) >= SECOND_EVIDENCE or posterior.get(second, 0.0) >= 0.3)):
            scenarios = (first, second)
        return Classification(domain, first, confidence, scenarios, _reasons(why))


def _inside(token: str, index: dict) -> list[str]:
    """The longest lexicon words inside ``token``, left to right, not overlapping."""
    found, i = [], 0
    while i < len(token) - 1:
        for j in range(len(token), i + 1, -1):
            if (j - i) < len(token) and token[i:j] in index:
                found.append(token[i:j])
                i = j
                break
        else:
            i += 1
    return found


def _mix(a: dict[str, float], b: dict[str, float], weight: float) -> dict[str, float]:
    keys = set(a) | set(b)
    return {k: (1 - weight) * a.get(k, 0.0) + weight * b.get(k, 0.0) for k in keys}


def _reasons(why: dict[str, float]) -> tuple[str, ...]:
    return tuple(sorted(why, key=lambda t: (-why[t], -len(t), t))[:5])


def domain_label(classification: Classification, labels: Iterable[str], fallback: str = "other") -> str:
    """The classification's domain if it is one of ``labels``, else ``fallback`` (unclassified too)."""
    return classification.domain if classification.domain in set(labels) else fallback


def f1_report(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per label, plus ``macro`` (the unweighted mean F1 over gold labels)."""
    labels = sorted(set(gold))
    report: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    report["macro"] = {"f1": sum(r["f1"] for r in report.values()) / len(labels) if labels else 0.0}
    return report
