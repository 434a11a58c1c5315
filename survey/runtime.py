"""A survey being answered: live relevance, calculations, constraints and choice filters.

:class:`FormState` holds one respondent's answers to one survey version and keeps the
derived state current as answers change. Every expression is compiled once; each answer
knows which expressions read it, so a change re-evaluates only what depends on it
(transitively), which keeps the kiosk responsive on long surveys.

XLSForm semantics:

* a question is relevant when its own ``relevant`` and every enclosing group's are true;
* a non-relevant question counts as blank for everything that reads it, and is neither
  required nor checked;
* constraints are not checked on blank answers;
* ``required`` may be ``yes`` or an expression.

Repeats are answered as one instance here (``position()`` is 1); fieldwork adds instances.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .expressions import Compiled, ExpressionError, compile_expression, parse, references, to_bool, to_string
from .model import Choice, Group, Question, SurveyDefinition


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an answer cannot be accepted: ``required`` or ``constraint``, with the message to show."""

    question: str
    kind: str
    message: str


class _Ctx:
    """The evaluation context: answers and calculations, with non-relevant ones blank."""

    __slots__ = ("state", "current_value", "choice")

    def __init__(self, state: FormState, current_value: str = "", choice: Choice | None = None) -> None:
        self.state = state
        self.current_value = current_value
        self.choice = choice

    def value(self, name: str) -> str:
        return self.state.value(name)

    def path_value(self, name: str) -> str:
        if self.choice is not None:
            return self.choice.name if name == "name" else self.choice.column(name)
        return self.state.value(name)

    def current(self) -> str:
        return self.current_value

    def choice_label(self, question: str, choice: str) -> str:
        q = self.state.questions.get(question)
        return self.state.definition.choice_label(q, choice, self.state.lang) if q else choice

    def position(self) -> int:
        return 1


class FormProgram:
    """Everything about a survey version that does not depend on the answers, built once.

    Questions in order with their enclosing groups, every expression compiled, which
    answers each expression reads and, the other way round, which expressions to re-run
    when an answer changes. Shared by every :class:`FormState` of the same definition
    (``definition.program``), so starting a respondent or checking an imported row costs
    no parsing.
    """

    def __init__(self, definition: SurveyDefinition) -> None:
        self.definition = definition
        self.questions: dict[str, Question] = {}
        self.ancestors: dict[str, tuple[Group, ...]] = {}
        for located in definition.walk():
            self.questions[located.question.name] = located.question
            self.ancestors[located.question.name] = located.ancestors
        self.order = list(self.questions)
        self.groups: list[Group] = [g for g, _ in definition.groups()]
        self.compiled: dict[tuple[str, str], Compiled] = {}
        self.reads: dict[tuple[str, str], frozenset[str]] = {}
        self.dependents: dict[str, set[str]] = {}
        self._compile_all()

    def _compile(self, owner: str, column: str, text: str) -> frozenset[str]:
        """Compile one expression and note which answers it reads; unreadable ones are skipped."""
        try:
            tree = parse(text)
        except ExpressionError:
            return frozenset()
        names = frozenset(references(tree))
        self.compiled[(owner, column)] = compile_expression(tree)
        self.reads[(owner, column)] = names
        for name in names:
            self.dependents.setdefault(name, set()).add(owner)
        return names

    def _compile_all(self) -> None:
        for name, q in self.questions.items():
            for column in ("relevant", "calculation", "constraint", "choice_filter"):
                text = getattr(q, column)
                if text:
                    self._compile(name, column, text)
            if q.required and not q.is_required and q.required.strip().lower() not in ("no", "false", "false()", "0"):
                self._compile(name, "required", q.required)
        for group in self.groups:
            if group.relevant:
                readers = self._compile("group:" + group.name, "relevant", group.relevant)
                for member in _members(group):
                    # a change that flips the group's relevance changes each member's
                    self.dependents.setdefault("group:" + group.name, set()).add(member)
                for name in readers:
                    self.dependents.setdefault(name, set()).add("group:" + group.name)

    def constrained(self) -> dict[str, bool]:
        """Each question with a constraint → whether the constraint reads any answer by name.

        One that reads only ``.`` gives the same verdict for the same value in every
        respondent's state, which lets bulk checks (imports) decide each distinct value once.
        """
        return {owner: bool(self.reads[(owner, column)]) for owner, column in self.compiled if column == "constraint"}


class FormState:
    """Answers to one survey version, with relevance and calculations kept current."""

    def __init__(self, definition: SurveyDefinition, answers: dict[str, str] | None = None, *, lang: str = "zh") -> None:
        program: FormProgram = definition.program
        self.definition = definition
        self.lang = lang
        self.questions = program.questions
        self.ancestors = program.ancestors
        self.order = program.order
        self._compiled = program.compiled
        self._dependents = program.dependents
        self._groups = program.groups
        self.answers: dict[str, str] = {}
        self._calculated: dict[str, str] = {}
        self._relevant_self: dict[str, bool] = {}
        self._group_relevant: dict[str, bool] = {}
        for name, value in (answers or {}).items():
            if name in self.questions:
                self.answers[name] = value
        self.refresh()

    # -- reading -----------------------------------------------------------------------------

    def value(self, name: str) -> str:
        """The answer (or calculated value) as text; '' when blank or not relevant."""
        if name not in self.questions or not self.is_relevant(name):
            return ""
        if name in self._calculated:
            return self._calculated[name]
        return self.answers.get(name, "")

    def is_relevant(self, name: str) -> bool:
        if not self._relevant_self.get(name, True):
            return False
        return all(self._group_relevant.get(g.name, True) for g in self.ancestors.get(name, ()))

    def group_relevant(self, group: Group) -> bool:
        return self._group_relevant.get(group.name, True)

    def is_required(self, name: str) -> bool:
        q = self.questions[name]
        if q.is_required:
            return True
        compiled = self._compiled.get((name, "required"))
        return bool(compiled and to_bool(compiled(_Ctx(self))))

    def problems(self, name: str) -> list[Problem]:
        """What stops ``name``'s answer from being accepted; empty when it is fine."""
        if not self.is_relevant(name):
            return []
        q = self.questions[name]
        answer = self.answers.get(name, "")
        if answer == "":
            if self.is_required(name):
                message = q.required_message.get(self.lang) or ("此题必答。" if self.lang == "zh" else "This question is required.")
                return [Problem(name, "required", message)]
            return []
        compiled = self._compiled.get((name, "constraint"))
        if compiled is not None and not to_bool(compiled(_Ctx(self, current_value=answer))):
            message = q.constraint_message.get(self.lang) or ("答案不符合要求。" if self.lang == "zh" else "The answer is not valid.")
            return [Problem(name, "constraint", message)]
        return []

    def check_value(self, name: str, value: str) -> Problem | None:
        """Whether ``value`` passes ``name``'s constraint, relevant or not (blank always passes)."""
        compiled = self._compiled.get((name, "constraint"))
        if not value or compiled is None or to_bool(compiled(_Ctx(self, current_value=value))):
            return None
        q = self.questions[name]
        message = q.constraint_message.get(self.lang) or ("答案不符合要求。" if self.lang == "zh" else "The answer is not valid.")
        return Problem(name, "constraint", message)

    def choices(self, name: str) -> tuple[Choice, ...]:
        """The question's choices after its choice filter."""
        q = self.questions[name]
        choices = self.definition.choices(q)
        compiled = self._compiled.get((name, "choice_filter"))
        if compiled is None:
            return choices
        return tuple(c for c in choices if to_bool(compiled(_Ctx(self, choice=c))))

    def visible(self) -> list[str]:
        """Relevant questions that a person answers or reads, in order (no calculations, no metadata)."""
        from .model import INPUT_TYPES

        return [n for n in self.order if self.is_relevant(n) and (self.questions[n].type in INPUT_TYPES or self.questions[n].type == "note")]

    # -- writing ------------------------------------------------------------------------------

    def set(self, name: str, value: str) -> set[str]:
        """Record an answer and bring everything that depends on it up to date.

        Returns the names whose relevance or calculated value changed, so that a view
        redraws only those.
        """
        if name not in self.questions:
            raise KeyError(name)
        self.answers[name] = value
        return self._update(self._affected({name}))

    def refresh(self) -> set[str]:
        """Evaluate everything (after loading answers)."""
        return self._update(set(self.order) | {"group:" + g.name for g in self._groups})

    def _affected(self, changed: set[str]) -> set[str]:
        """Everything that reads ``changed``, directly or through other expressions."""
        seen: set[str] = set()
        todo = list(changed)
        while todo:
            name = todo.pop()
            for dependent in self._dependents.get(name, ()):
                if dependent not in seen:
                    seen.add(dependent)
                    todo.append(dependent)
        return seen

    def _update(self, targets: set[str]) -> set[str]:
        changed: set[str] = set()
        groups = [g for g in self._groups if "group:" + g.name in targets]
        names = [n for n in self.order if n in targets]
        for _ in range(3):  # calculations that read later ones settle in a further pass
            moved = False
            for group in groups:
                compiled = self._compiled.get(("group:" + group.name, "relevant"))
                if compiled is None:
                    continue
                new = to_bool(compiled(_Ctx(self)))
                if self._group_relevant.get(group.name, True) != new:
                    self._group_relevant[group.name] = new
                    changed.update(_members(group))
                    moved = True
            for name in names:
                relevant = self._compiled.get((name, "relevant"))
                if relevant is not None:
                    new = to_bool(relevant(_Ctx(self)))
                    if self._relevant_self.get(name, True) != new:
                        self._relevant_self[name] = new
                        changed.add(name)
                        moved = True
                calculation = self._compiled.get((name, "calculation"))
                if calculation is not None:
                    result = calculation(_Ctx(self))
                    text = "" if isinstance(result, float) and math.isnan(result) else to_string(result)
                    if self._calculated.get(name) != text:
                        self._calculated[name] = text
                        changed.add(name)
                        moved = True
            if not moved:
                break
        return changed


def _members(group: Group) -> list[str]:
    names = []
    for child in group.children:
        if isinstance(child, Group):
            names += _members(child)
        else:
            names.append(child.name)
    return names


def pages(definition: SurveyDefinition) -> list[list[str]]:
    """The survey split for one-page-at-a-time answering (kiosk, interviews).

    The consent question (with any notes before it) is a page of its own, first; each
    top-level group or repeat is one page; top-level questions between groups share a
    page. Each page lists its question names in order.
    """
    result: list[list[str]] = []
    loose: list[str] = []
    for item in definition.items:
        if isinstance(item, Group):
            if loose:
                result.append(loose)
                loose = []
            result.append(_members(item))
            continue
        loose.append(item.name)
        if item.type == "consent":
            result.append(loose)
            loose = []
    if loose:
        result.append(loose)
    consent = [i for i, page in enumerate(result) if any(definition.question(n).type == "consent" for n in page)]
    if consent and consent[0] != 0:
        result.insert(0, result.pop(consent[0]))
    return [page for page in result if page]
