"""Suggesting a scenario for each unassigned card.

The board asks a :class:`ScenarioClassifier` for suggestions; the facilitator accepts or
ignores them. :class:`KeywordClassifier` matches the catalogue's names and keywords; the
text-analysis work plugs a segmenting classifier in through the same two-method shape, so
the board does not change when it arrives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Protocol

from workspace.project import Project

from .cards import Place, move_cards


@dataclass(frozen=True, slots=True)
class Suggestion:
    code: str
    score: float
    why: tuple[str, ...]
    """The words that led to it, for the facilitator to judge."""


class ScenarioClassifier(Protocol):
    def suggest(self, texts: list[str]) -> list[Suggestion | None]:
        """One suggestion (or None) per text, in order."""


class KeywordClassifier:
    """Scores each scenario by the catalogue words found in the text, longer words weighing
    more (``智慧停车`` says more than ``停车``); the best scenario wins if any word matched."""

    def __init__(self, vocabulary: dict[str, list[str]]) -> None:
        self.vocabulary = {code: sorted({w for w in words if len(w) >= 2}, key=len, reverse=True)
                           for code, words in vocabulary.items()}

    @classmethod
    def from_project(cls, project: Project) -> KeywordClassifier:
        vocabulary = {}
        for code, name_zh, keywords in project.db.conn.execute(
                "SELECT code, name_zh, keywords FROM scenarios WHERE retired = 0"):
            vocabulary[code] = [name_zh, *json.loads(keywords or "[]")]
        return cls(vocabulary)

    def suggest(self, texts: list[str]) -> list[Suggestion | None]:
        return [self._one(text) for text in texts]

    def _one(self, text: str) -> Suggestion | None:
        best: Suggestion | None = None
        for code, words in self.vocabulary.items():
            found = [w for w in words if w in text]
            score = sum(len(w) for w in found)
            if found and (best is None or score > best.score):
                best = Suggestion(code, float(score), tuple(found))
        return best


def suggest_for_unassigned(project: Project, session_id: int,
                           classifier: ScenarioClassifier | None = None) -> dict[int, Suggestion]:
    """card id → suggestion, for the cards not yet under a scenario or in a cluster."""
    rows = project.db.conn.execute(
        "SELECT id, text FROM cards WHERE session_id = ? AND scenario_code IS NULL AND cluster_id IS NULL ORDER BY id",
        [session_id]).fetchall()
    if not rows:
        return {}
    classifier = classifier or KeywordClassifier.from_project(project)
    suggestions = classifier.suggest([text for _, text in rows])
    return {card_id: s for (card_id, _), s in zip(rows, suggestions) if s is not None}


def accept(project: Project, suggestions: dict[int, Suggestion]) -> int:
    """Move each card under its suggested scenario (one transaction); returns how many moved."""
    with project.transaction():
        for card_id, suggestion in suggestions.items():
            move_cards(project, [card_id], Place(scenario_code=suggestion.code))
    return len(suggestions)
