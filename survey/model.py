"""The survey definition: questions, their types and choices, in Chinese and English.

A definition is immutable and serialises to JSON; the project keeps one JSON document
per survey version, and every response records the version it was given.
Values follow XLSForm conventions: a multiple choice answer is the space-separated
choice names; numbers are stored as their text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workspace.text import LocalText

# Question types this version understands (canonical XLSForm spelling where one exists).
CHOICE_TYPES = {"select_one", "select_multiple"}
SCALE_TYPES = {"likert", "rating"}
TEXT_TYPES = {"text"}
NUMERIC_TYPES = {"integer", "decimal", "rating"}
QUESTION_TYPES = CHOICE_TYPES | SCALE_TYPES | TEXT_TYPES | {
    "integer",
    "decimal",
    "date",
    "note",
    "consent",
    "stakeholder_group",
}


@dataclass(frozen=True, slots=True)
class Choice:
    name: str
    label: LocalText


@dataclass(frozen=True, slots=True)
class Question:
    name: str
    type: str
    label: LocalText
    choices: tuple[Choice, ...] = ()
    required: bool = False
    hint: LocalText = LocalText()
    appearance: str = ""
    """``multiline`` marks a long open answer."""

    def choice_label(self, name: str, lang: str = "zh") -> str:
        for choice in self.choices:
            if choice.name == name:
                return choice.label.get(lang)
        return name

    def display_value(self, value: str | None, lang: str = "zh") -> str:
        """An answer as a person reads it: choice labels instead of names."""
        if value is None:
            return ""
        if self.type == "select_multiple":
            return "；".join(self.choice_label(v, lang) for v in value.split())
        if self.type in CHOICE_TYPES or (self.choices and self.type in SCALE_TYPES):
            return self.choice_label(value, lang)
        return value

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "type": self.type, "label": self.label.to_json()}
        if self.choices:
            data["choices"] = [{"name": c.name, "label": c.label.to_json()} for c in self.choices]
        if self.required:
            data["required"] = True
        if self.hint.zh or self.hint.en:
            data["hint"] = self.hint.to_json()
        if self.appearance:
            data["appearance"] = self.appearance
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Question:
        return cls(
            name=data["name"],
            type=data["type"],
            label=LocalText.from_json(data.get("label")),
            choices=tuple(Choice(c["name"], LocalText.from_json(c.get("label"))) for c in data.get("choices", [])),
            required=bool(data.get("required", False)),
            hint=LocalText.from_json(data.get("hint")),
            appearance=data.get("appearance", ""),
        )


@dataclass(frozen=True, slots=True)
class SurveyDefinition:
    title: LocalText
    questions: tuple[Question, ...] = field(default=())
    code: str = ""
    audience: str | None = None
    """The stakeholder group the survey is meant for, when it has one."""

    def question(self, name: str) -> Question:
        for q in self.questions:
            if q.name == name:
                return q
        raise KeyError(name)

    def answerable(self) -> list[Question]:
        """Questions that take an answer (notes excluded), in order."""
        return [q for q in self.questions if q.type != "note"]

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title.to_json(),
            "code": self.code,
            "audience": self.audience,
            "questions": [q.to_json() for q in self.questions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SurveyDefinition:
        return cls(
            title=LocalText.from_json(data.get("title")),
            questions=tuple(Question.from_json(q) for q in data.get("questions", [])),
            code=data.get("code", ""),
            audience=data.get("audience"),
        )

    def validate(self) -> list[str]:
        """Problems that make the definition unusable; empty when it is sound."""
        problems = []
        names = [q.name for q in self.questions]
        for dup in sorted({n for n in names if names.count(n) > 1}):
            problems.append(f"duplicate question name {dup!r}")
        for q in self.questions:
            if q.type not in QUESTION_TYPES:
                problems.append(f"{q.name}: unknown type {q.type!r}")
            if q.type in CHOICE_TYPES and not q.choices:
                problems.append(f"{q.name}: a {q.type} question needs choices")
        return problems
