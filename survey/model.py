"""The survey definition: a tree of groups, repeats and questions, plus choice lists.

The model holds everything an XLSForm can say, so a form imported from ODK/KoboToolbox
goes out again unchanged, and adds Huizhi's own question types (Likert, NPS rating,
scenario grid, Kano pair, consent, stakeholder group, department), which the XLSForm
writer lowers to standard XLSForm.

Text is multilingual (:class:`Text`): a mapping from a language key to a string. Huizhi's
own surveys use the keys ``zh`` and ``en``; imported forms keep their XLSForm keys
(``English (en)``, ``chinese``, ``default`` for an untranslated column). A missing
translation falls back to another language, never to a blank.

A definition is immutable and serialises to JSON; the project keeps one JSON document
per survey version, and every response records the version it was given. Answers follow
XLSForm conventions: a multiple choice answer is the space-separated choice names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from workspace.text import LocalText

from .expressions import ExpressionError, parse, references

# -- types ----------------------------------------------------------------------------

CHOICE_TYPES = {"select_one", "select_multiple", "rank", "select_one_from_file", "select_multiple_from_file",
                "select_one_external"}
HUIZHI_TYPES = {"likert", "rating", "scenario_grid", "kano", "consent", "stakeholder_group", "department"}
"""Huizhi's own types; each is lowered to standard XLSForm on export. (A matrix is a group
with the ``table-list`` appearance whose questions share one choice list, as in XLSForm.)"""
SCALE_TYPES = {"likert", "rating"}
LIST_TYPES = {"select_one", "select_multiple", "rank", "likert", "kano", "consent", "stakeholder_group"}
"""Types whose choices must be a list on the choices sheet."""
TEXT_TYPES = {"text"}
NUMERIC_TYPES = {"integer", "decimal", "rating", "range"}
METADATA_TYPES = {"start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
                  "email", "audit", "uri:deviceid", "uri:email", "uri:phonenumber", "uri:simserial",
                  "uri:subscriberid", "uri:username", "start-geopoint", "background-audio"}
MEDIA_GEO_TYPES = {"image", "audio", "video", "file", "barcode", "geopoint", "geotrace", "geoshape", "background-audio"}
INPUT_TYPES = {"text", "integer", "decimal", "date", "time", "dateTime", "range", "acknowledge", "trigger", "hidden",
               "xml-external", "csv-external"} | CHOICE_TYPES | MEDIA_GEO_TYPES | HUIZHI_TYPES
QUESTION_TYPES = INPUT_TYPES | METADATA_TYPES | {"note", "calculate"}
PII_KINDS = ("name", "phone", "id_number", "address")
LIKERT_POINTS = (5, 7)


GRID_ASPECTS = ("value", "urgency")
"""What a scenario grid asks of each scenario, each on 1–5."""


def parameter(parameters: str, key: str) -> str:
    """One value from ``key=value; key2=value two`` (Huizhi) or ``key=value key2=value`` (XLSForm)."""
    if ";" in parameters or "=" not in parameters.partition("=")[2]:
        for part in parameters.split(";"):
            name, _, value = part.strip().partition("=")
            if name.strip() == key:
                return value.strip()
        return ""
    match = re.search(rf"(?:^|\s){re.escape(key)}=(\S+)", parameters)
    return match.group(1) if match else ""


# -- multilingual text -------------------------------------------------------------------

_LANGUAGE_CODE = re.compile(r"\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\)\s*$")
_LANGUAGE_NAMES = {"chinese": "zh", "中文": "zh", "english": "en", "英文": "en", "汉语": "zh", "简体中文": "zh"}


def language_code(key: str) -> str:
    """``English (en)`` → ``en``; ``chinese`` → ``zh``; ``zh`` → ``zh``; unknown names as they are."""
    match = _LANGUAGE_CODE.search(key)
    if match:
        return match.group(1).lower().split("-")[0].split("_")[0]
    lowered = key.strip().lower()
    return _LANGUAGE_NAMES.get(lowered, lowered)


@dataclass(frozen=True, slots=True)
class Text:
    """A string in one or more languages, as ``(language key, text)`` pairs in order."""

    items: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, zh: str = "", en: str = "") -> Text:
        return cls(tuple((k, v) for k, v in (("zh", zh), ("en", en)) if v))

    @classmethod
    def from_json(cls, value: Any) -> Text:
        if isinstance(value, Text):
            return value
        if value is None or value == "":
            return cls()
        if isinstance(value, LocalText):
            return cls.of(value.zh, value.en)
        if isinstance(value, str):
            return cls((("default", value),))
        if isinstance(value, Mapping):
            return cls(tuple((str(k), str(v)) for k, v in value.items() if v not in (None, "")))
        raise TypeError(f"not a text: {value!r}")

    def to_json(self) -> dict[str, str]:
        return dict(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def languages(self) -> list[str]:
        return [k for k, _ in self.items]

    def exact(self, key: str) -> str:
        """The text under exactly this language key, or ''."""
        for k, v in self.items:
            if k == key:
                return v
        return ""

    def get(self, lang: str = "zh") -> str:
        """The text in ``lang`` (a key or a code), else the untranslated text, else Chinese,
        else English, else the first there is."""
        if not self.items:
            return ""
        wanted = language_code(lang)
        for k, v in self.items:
            if k == lang or language_code(k) == wanted:
                return v
        for preference in ("default", "zh", "en"):
            for k, v in self.items:
                if k == preference or language_code(k) == preference:
                    return v
        return self.items[0][1]

    def with_text(self, key: str, value: str) -> Text:
        kept = [(k, v) for k, v in self.items if k != key]
        if value:
            kept.append((key, value))
        return Text(tuple(kept))

    def __str__(self) -> str:
        return self.get("zh")


# -- elements --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    name: str
    label: Text = Text()
    extra: tuple[tuple[str, str], ...] = ()
    """Other columns of the choices row (filter columns for choice_filter, media, …)."""

    def column(self, name: str) -> str:
        for k, v in self.extra:
            if k == name:
                return v
        return ""


@dataclass(frozen=True, slots=True)
class Question:
    name: str
    type: str
    label: Text = Text()
    hint: Text = Text()
    list_name: str = ""
    required: str = ""
    """'' (not required), 'yes', or an XLSForm expression."""
    required_message: Text = Text()
    relevant: str = ""
    constraint: str = ""
    constraint_message: Text = Text()
    calculation: str = ""
    default: str = ""
    read_only: str = ""
    choice_filter: str = ""
    appearance: str = ""
    parameters: str = ""
    or_other: bool = False
    file: str = ""
    """The CSV/XML file of ``select_one_from_file`` and similar types."""
    pii: str = ""
    """'', or what personal data the answer holds: name, phone, id_number, address."""
    extra: tuple[tuple[str, str], ...] = ()
    """Columns Huizhi does not interpret, kept for the round trip (media::image, bind::…)."""
    row: int = 0
    """The row on the XLSForm survey sheet it came from (0 when authored in Huizhi)."""

    def scenario_codes(self) -> list[str]:
        """For a scenario grid: the scenario codes in its ``parameters`` (``scenarios=a b c``)."""
        return parameter(self.parameters, "scenarios").split()

    def answer_names(self) -> list[str]:
        """The names its answers are stored under: one, or two per scenario for a grid."""
        if self.type == "scenario_grid":
            return [f"{self.name}_{code}_{aspect}" for code in self.scenario_codes() for aspect in GRID_ASPECTS]
        return [self.name]

    @property
    def is_required(self) -> bool:
        return self.required.strip().lower() in ("yes", "true", "true()", "1")

    def label_text(self, lang: str = "zh") -> str:
        return self.label.get(lang)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "type": self.type}
        for key in ("label", "hint", "required_message", "constraint_message"):
            value: Text = getattr(self, key)
            if value:
                data[key] = value.to_json()
        for key in ("list_name", "required", "relevant", "constraint", "calculation", "default", "read_only",
                    "choice_filter", "appearance", "parameters", "file", "pii"):
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.or_other:
            data["or_other"] = True
        if self.extra:
            data["extra"] = [list(pair) for pair in self.extra]
        if self.row:
            data["row"] = self.row
        return data


@dataclass(frozen=True, slots=True)
class Group:
    """A section (``group``) or a repeated section (``repeat``) holding questions and groups."""

    name: str
    kind: str = "group"  # "group" or "repeat"
    label: Text = Text()
    hint: Text = Text()
    relevant: str = ""
    appearance: str = ""
    repeat_count: str = ""
    children: tuple[Item, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    row: int = 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "type": self.kind, "children": [c.to_json() for c in self.children]}
        for key in ("label", "hint"):
            value: Text = getattr(self, key)
            if value:
                data[key] = value.to_json()
        for key in ("relevant", "appearance", "repeat_count"):
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.extra:
            data["extra"] = [list(pair) for pair in self.extra]
        if self.row:
            data["row"] = self.row
        return data


Item = Question | Group


@dataclass(frozen=True, slots=True)
class Located:
    """A question with where it sits: its path and enclosing groups, outermost first."""

    question: Question
    path: str
    ancestors: tuple[Group, ...]


@dataclass(frozen=True)
class SurveyDefinition:
    title: Text
    items: tuple[Item, ...] = ()
    choice_lists: dict[str, tuple[Choice, ...]] = field(default_factory=dict)
    form_id: str = ""
    version: str = ""
    default_language: str = ""
    audience: str | None = None
    """The stakeholder group the survey is meant for, when it has one."""
    settings: tuple[tuple[str, str], ...] = ()
    """Other settings-sheet columns, kept for the round trip."""

    # -- compatibility with the first model -------------------------------------------

    @property
    def code(self) -> str:
        return self.form_id

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """Every question in document order, flattened out of groups and repeats."""
        return tuple(located.question for located in self.walk())

    @cached_property
    def _by_name(self) -> dict[str, Question]:
        return {q.name: q for q in self.questions}

    @cached_property
    def program(self):
        """The compiled form (:class:`survey.runtime.FormProgram`), built on first use."""
        from .runtime import FormProgram

        return FormProgram(self)

    # -- navigation ---------------------------------------------------------------------

    def walk(self) -> Iterator[Located]:
        def visit(items: tuple[Item, ...], prefix: str, ancestors: tuple[Group, ...]) -> Iterator[Located]:
            for item in items:
                path = f"{prefix}{item.name}"
                if isinstance(item, Group):
                    yield from visit(item.children, path + "/", ancestors + (item,))
                else:
                    yield Located(item, path, ancestors)

        yield from visit(self.items, "", ())

    def groups(self) -> Iterator[tuple[Group, str]]:
        """Every group and repeat with its path, outermost first."""

        def visit(items: tuple[Item, ...], prefix: str) -> Iterator[tuple[Group, str]]:
            for item in items:
                if isinstance(item, Group):
                    path = f"{prefix}{item.name}"
                    yield item, path
                    yield from visit(item.children, path + "/")

        yield from visit(self.items, "")

    def question(self, name: str) -> Question:
        return self._by_name[name]

    def answerable(self) -> list[Question]:
        """Questions that take an answer from a person (no notes, calculations or metadata)."""
        return [q for q in self.questions if q.type in INPUT_TYPES]

    def answer_columns(self, scenario_names: Mapping[str, Any] | None = None) -> list[tuple[str, Question, Text]]:
        """One ``(answer name, question, heading)`` per stored answer, in order: a
        scenario grid gives a value and an urgency column per scenario."""
        columns = []
        for q in self.answerable():
            if q.type != "scenario_grid":
                columns.append((q.name, q, q.label if q.label else Text.of(q.name, q.name)))
                continue
            names = iter(q.answer_names())
            for code in q.scenario_codes():
                title = scenario_names.get(code) if scenario_names else None
                zh = getattr(title, "zh", None) or (title.get("zh") if isinstance(title, Text) else code)
                en = getattr(title, "en", None) or (title.get("en") if isinstance(title, Text) else code)
                for aspect_zh, aspect_en in (("价值", "value"), ("紧迫性", "urgency")):
                    columns.append((next(names), q, Text.of(f"{zh}：{aspect_zh}", f"{en}: {aspect_en}")))
        return columns

    def choices(self, question: Question) -> tuple[Choice, ...]:
        return self.choice_lists.get(question.list_name, ())

    def languages(self) -> list[str]:
        """Every language key used in any text of the survey, in first-seen order."""
        seen: dict[str, None] = {}
        texts: list[Text] = []
        for located in self.walk():
            q = located.question
            texts += [q.label, q.hint, q.required_message, q.constraint_message]
        for group, _ in self.groups():
            texts += [group.label, group.hint]
        for choices in self.choice_lists.values():
            texts += [c.label for c in choices]
        for text in texts:
            for key in text.languages():
                seen.setdefault(key, None)
        return list(seen)

    def with_items(self, items: tuple[Item, ...]) -> SurveyDefinition:
        return replace(self, items=items)

    def choice_label(self, question: Question, name: str, lang: str = "zh") -> str:
        for choice in self.choices(question):
            if choice.name == name:
                return choice.label.get(lang) or name
        return name

    def display_value(self, question: Question, value: str | None, lang: str = "zh") -> str:
        """An answer as a person reads it: choice labels instead of names."""
        if value is None:
            return ""
        if question.type in ("select_multiple", "rank", "select_multiple_from_file"):
            return "；".join(self.choice_label(question, v, lang) for v in value.split())
        if question.list_name:
            return self.choice_label(question, value, lang)
        return value

    def to_json(self) -> dict[str, Any]:
        return definition_to_json(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SurveyDefinition:
        return definition_from_json(data)

    # -- checks -------------------------------------------------------------------------

    def validate(self, *, expressions: bool = True) -> list[str]:
        """Problems that make the definition unusable; empty when it is sound.

        Each expression is parsed here, so a bad one is reported with its position
        when the survey is saved, not when a respondent reaches it. With
        ``expressions=False`` (forms imported from other tools) only references to
        missing questions count; syntax Huizhi cannot read was a warning at import.
        """
        problems: list[str] = []
        names = {located.question.name for located in self.walk()} | {g.name for g, _ in self.groups()}

        def check_siblings(items: tuple[Item, ...], where: str) -> None:
            seen: set[str] = set()
            for item in items:
                key = item.name.lower()
                if key in seen:
                    problems.append(f"{where}: duplicate name {item.name!r}")
                seen.add(key)
                if isinstance(item, Group):
                    check_siblings(item.children, item.name)

        check_siblings(self.items, "survey")
        for located in self.walk():
            q = located.question
            if not q.name:
                problems.append(f"row {q.row}: a question has no name")
            if q.type not in QUESTION_TYPES:
                problems.append(f"{q.name}: unknown type {q.type!r}")
            if q.type in LIST_TYPES:
                if q.list_name not in self.choice_lists:
                    problems.append(f"{q.name}: choice list {q.list_name!r} is missing")
            if q.pii and q.pii not in PII_KINDS:
                problems.append(f"{q.name}: unknown PII kind {q.pii!r}")
            if expressions:
                problems += _expression_problems(q, names)
        if expressions:
            for group, _ in self.groups():
                for column in ("relevant", "repeat_count"):
                    problems += _check_expression(
                        group.name, column, getattr(group, column), names, literal_ok=column == "repeat_count"
                    )
        return problems


def _expression_problems(q: Question, names: set[str]) -> list[str]:
    problems = []
    for column in ("relevant", "constraint", "calculation", "choice_filter", "read_only", "default"):
        value = getattr(q, column)
        if column in ("default", "read_only") and not value.startswith(("${", "if(", "concat(")):
            continue  # literal defaults and yes/no flags are not expressions
        problems += _check_expression(q.name, column, value, names, choice_filter=column == "choice_filter")
    if q.required and not q.is_required and q.required.strip().lower() not in ("no", "false", "false()", "0"):
        problems += _check_expression(q.name, "required", q.required, names)
    return problems


def _check_expression(owner: str, column: str, text: str, names: set[str], *, literal_ok: bool = False,
                      choice_filter: bool = False) -> list[str]:
    if not text.strip():
        return []
    if literal_ok and text.strip().replace(".", "", 1).isdigit():
        return []
    try:
        tree = parse(text)
    except ExpressionError as err:
        return [f"{owner}.{column}: {err}"]
    unknown = sorted({r for r in references(tree) if r not in names} if not choice_filter else
                     {r for r in _refs_only(tree) if r not in names})
    if unknown:
        return [f"{owner}.{column}: refers to unknown question(s) {', '.join(unknown)}"]
    return []


def _refs_only(tree) -> set[str]:
    """In a choice filter, bare names are choice columns; only ``${name}`` must be a question."""
    from .expressions import Ref, walk

    return {node.name for node in walk(tree) if isinstance(node, Ref)}


# -- JSON -----------------------------------------------------------------------------


def definition_to_json(definition: SurveyDefinition) -> dict[str, Any]:
    return {
        "format": 2,
        "title": definition.title.to_json(),
        "form_id": definition.form_id,
        "version": definition.version,
        "default_language": definition.default_language,
        "audience": definition.audience,
        "settings": [list(pair) for pair in definition.settings],
        "items": [item.to_json() for item in definition.items],
        "choice_lists": {
            name: [
                {"name": c.name, "label": c.label.to_json(), **({"extra": [list(p) for p in c.extra]} if c.extra else {})}
                for c in choices
            ]
            for name, choices in definition.choice_lists.items()
        },
    }


def definition_from_json(data: Mapping[str, Any]) -> SurveyDefinition:
    """Read either format: 2 (items + choice lists) or the first one (flat questions, inline choices)."""
    if data.get("format") == 2:
        lists = {
            name: tuple(
                Choice(str(c["name"]), Text.from_json(c.get("label")), tuple(tuple(p) for p in c.get("extra", [])))
                for c in choices
            )
            for name, choices in data.get("choice_lists", {}).items()
        }
        items = tuple(_item_from_json(item) for item in data.get("items", []))
        return SurveyDefinition(
            title=Text.from_json(data.get("title")),
            items=items,
            choice_lists=lists,
            form_id=data.get("form_id", ""),
            version=data.get("version", ""),
            default_language=data.get("default_language", ""),
            audience=data.get("audience"),
            settings=tuple(tuple(p) for p in data.get("settings", [])),
        )
    # first format: questions with inline choices; each list is named after its question
    lists: dict[str, tuple[Choice, ...]] = {}
    items: list[Item] = []
    for q in data.get("questions", []):
        list_name = ""
        if q.get("choices"):
            list_name = q["name"]
            lists[list_name] = tuple(Choice(str(c["name"]), Text.from_json(c.get("label"))) for c in q["choices"])
        items.append(
            Question(
                name=q["name"],
                type=q["type"],
                label=Text.from_json(q.get("label")),
                hint=Text.from_json(q.get("hint")),
                list_name=list_name,
                required="yes" if q.get("required") else "",
                appearance=q.get("appearance", ""),
            )
        )
    return SurveyDefinition(
        title=Text.from_json(data.get("title")),
        items=tuple(items),
        choice_lists=lists,
        form_id=data.get("code", ""),
        audience=data.get("audience"),
    )


_TEXT_FIELDS = ("label", "hint", "required_message", "constraint_message")
_STR_FIELDS = ("list_name", "required", "relevant", "constraint", "calculation", "default", "read_only",
               "choice_filter", "appearance", "parameters", "file", "pii")


def _item_from_json(data: Mapping[str, Any]) -> Item:
    extra = tuple(tuple(p) for p in data.get("extra", []))
    if data["type"] in ("group", "repeat"):
        return Group(
            name=data["name"],
            kind=data["type"],
            label=Text.from_json(data.get("label")),
            hint=Text.from_json(data.get("hint")),
            relevant=data.get("relevant", ""),
            appearance=data.get("appearance", ""),
            repeat_count=data.get("repeat_count", ""),
            children=tuple(_item_from_json(c) for c in data.get("children", [])),
            extra=extra,
            row=data.get("row", 0),
        )
    return Question(
        name=data["name"],
        type=data["type"],
        **{key: Text.from_json(data.get(key)) for key in _TEXT_FIELDS},
        **{key: str(data.get(key, "")) for key in _STR_FIELDS},
        or_other=bool(data.get("or_other", False)),
        extra=extra,
        row=data.get("row", 0),
    )
