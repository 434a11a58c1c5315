"""Edits of a survey definition, as pure functions from one definition to the next.

The designer keeps each definition it produces, which gives undo and redo for free.
Items are addressed by name (names are unique within a survey in practice; the first
match in document order is used).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Choice, Group, Item, Question, SurveyDefinition, Text


def find(items: tuple[Item, ...], name: str) -> tuple[int, ...] | None:
    """The index path of the item called ``name`` (e.g. ``(2, 0)``), or None."""
    for index, item in enumerate(items):
        if item.name == name:
            return (index,)
        if isinstance(item, Group):
            inner = find(item.children, name)
            if inner is not None:
                return (index, *inner)
    return None


def get(items: tuple[Item, ...], path: tuple[int, ...]) -> Item:
    item = items[path[0]]
    for index in path[1:]:
        item = item.children[index]  # type: ignore[union-attr]
    return item


def _replace_at(items: tuple[Item, ...], path: tuple[int, ...], new: tuple[Item, ...]) -> tuple[Item, ...]:
    """Put ``new`` (zero, one or more items) where the item at ``path`` is."""
    head, rest = path[0], path[1:]
    if not rest:
        return items[:head] + new + items[head + 1 :]
    group = items[head]
    assert isinstance(group, Group)
    return items[:head] + (replace(group, children=_replace_at(group.children, rest, new)),) + items[head + 1 :]


def _insert_at(items: tuple[Item, ...], parent: tuple[int, ...], index: int, item: Item) -> tuple[Item, ...]:
    if not parent:
        index = max(0, min(index, len(items)))
        return items[:index] + (item,) + items[index:]
    group = get(items, parent)
    assert isinstance(group, Group)
    return _replace_at(items, parent, (replace(group, children=_insert_at(group.children, (), index, item)),))


def update_item(definition: SurveyDefinition, name: str, new: Item) -> SurveyDefinition:
    path = _require(definition, name)
    return definition.with_items(_replace_at(definition.items, path, (new,)))


def remove_item(definition: SurveyDefinition, name: str) -> SurveyDefinition:
    path = _require(definition, name)
    return definition.with_items(_replace_at(definition.items, path, ()))


def insert_item(definition: SurveyDefinition, item: Item, *, after: str | None = None, into: str | None = None) -> SurveyDefinition:
    """Insert after the item ``after`` (same parent), at the end of group ``into``, or at the end."""
    if into is not None:
        parent = _require(definition, into)
        group = get(definition.items, parent)
        return definition.with_items(_insert_at(definition.items, parent, len(group.children), item))  # type: ignore[union-attr]
    if after is not None:
        path = _require(definition, after)
        return definition.with_items(_insert_at(definition.items, path[:-1], path[-1] + 1, item))
    return definition.with_items(definition.items + (item,))


def move_item(definition: SurveyDefinition, name: str, *, parent: str | None, index: int) -> SurveyDefinition:
    """Move ``name`` to position ``index`` inside group ``parent`` (None: the top level)."""
    item = get(definition.items, _require(definition, name))
    if isinstance(item, Group) and parent is not None and (parent == name or _contains(item, parent)):
        raise ValueError("a group cannot move into itself")
    without = remove_item(definition, name)
    parent_path = () if parent is None else _require(without, parent)
    return without.with_items(_insert_at(without.items, parent_path, index, item))


def move_by(definition: SurveyDefinition, name: str, step: int) -> SurveyDefinition:
    """Move up (-1) or down (+1) among its siblings; unchanged at either end."""
    path = _require(definition, name)
    parent = path[:-1]
    siblings = definition.items if not parent else get(definition.items, parent).children  # type: ignore[union-attr]
    target = path[-1] + step
    if not 0 <= target < len(siblings):
        return definition
    parent_name = None if not parent else get(definition.items, parent).name
    return move_item(definition, name, parent=parent_name, index=target)


def duplicate_item(definition: SurveyDefinition, name: str) -> tuple[SurveyDefinition, str]:
    """A copy right after the original, renamed (and its children renamed) to stay unique."""
    item = get(definition.items, _require(definition, name))
    taken = _all_names(definition)
    copy = _renamed_copy(item, taken)
    return insert_item(definition, copy, after=name), copy.name


def unique_name(definition: SurveyDefinition, base: str) -> str:
    taken = _all_names(definition)
    return _unique(base, taken)


def new_question(definition: SurveyDefinition, qtype: str) -> Question:
    """A fresh question of ``qtype`` with a unique name and a placeholder label."""
    name = unique_name(definition, re.sub(r"\W", "_", qtype) + "_1")
    label = Text.of("新题目", "New question")
    if qtype == "note":
        label = Text.of("说明文字", "Note text")
    list_name = ""
    if qtype in ("select_one", "select_multiple", "rank", "likert", "kano", "consent", "stakeholder_group"):
        list_name = unique_name_for_list(definition, name)
    return Question(name, qtype, label, list_name=list_name,
                    parameters="scenarios=" if qtype == "scenario_grid" else "")


def new_items(definition: SurveyDefinition, kind: str) -> tuple[SurveyDefinition, list[Item]]:
    """What "add" creates for ``kind``: usually one question; a Kano pair is two questions
    about one feature; a matrix is a ``table-list`` group of rows sharing one scale.
    Returns the definition with any new choice lists, and the items to insert."""
    if kind == "kano":
        first = new_question(definition, "kano")
        feature = first.name.removesuffix("_1") or first.name
        functional = replace(first, name=unique_name(definition, f"{feature}_functional"),
                             label=Text.of("如果具备这项功能，您觉得如何？", "If it has this feature, how do you feel?"),
                             parameters=f"feature={feature}; role=functional")
        dysfunctional = replace(first, name=unique_name(definition, f"{feature}_dysfunctional"),
                                label=Text.of("如果没有这项功能，您觉得如何？", "If it lacks this feature, how do you feel?"),
                                parameters=f"feature={feature}; role=dysfunctional")
        return with_default_choices(definition, functional), [functional, dysfunctional]
    if kind == "matrix":
        name = unique_name(definition, "matrix_1")
        scale = replace(new_question(definition, "likert"), name=f"{name}_scale", type="likert")
        definition = with_default_choices(definition, scale)
        rows = [
            Question(unique_name(definition, f"{name}_row_{i}"), "likert", Text.of(f"第 {i} 行", f"Row {i}"),
                     list_name=scale.list_name, appearance="list-nolabel")
            for i in (1, 2, 3)
        ]
        header = Question(f"{name}_header", "likert", Text.of("请为以下各项打分", "Rate each item"),
                          list_name=scale.list_name, appearance="label")
        group = Group(name, label=Text.of("矩阵题", "Matrix"), appearance="table-list", children=(header, *rows))
        return definition, [group]
    question = new_question(definition, kind)
    return with_default_choices(definition, question), [question]


def with_default_choices(definition: SurveyDefinition, question: Question) -> SurveyDefinition:
    """Give a new choice question a starting list (yes/no, a 5-point scale or the Kano answers)."""
    if not question.list_name or question.list_name in definition.choice_lists:
        return definition
    if question.type == "likert":
        words = [("非常不同意", "Strongly disagree"), ("不太同意", "Disagree"), ("一般", "Neutral"),
                 ("比较同意", "Agree"), ("非常同意", "Strongly agree")]
        choices = tuple(Choice(str(i), Text.of(z, e)) for i, (z, e) in enumerate(words, 1))
    elif question.type == "kano":
        words = [("我喜欢", "I like it"), ("理应如此", "I expect it"), ("无所谓", "I am neutral"),
                 ("能忍受", "I can live with it"), ("我不喜欢", "I dislike it")]
        choices = tuple(Choice(str(i), Text.of(z, e)) for i, (z, e) in enumerate(words, 1))
    elif question.type == "stakeholder_group":
        from workspace.stakeholders import default_groups

        choices = tuple(Choice(g.code, Text.of(g.name.zh, g.name.en)) for g in default_groups())
    elif question.type == "consent":
        choices = (Choice("yes", Text.of("同意", "I agree")), Choice("no", Text.of("不同意", "I do not agree")))
    else:
        choices = (Choice("option_1", Text.of("选项 1", "Option 1")), Choice("option_2", Text.of("选项 2", "Option 2")))
    return replace(definition, choice_lists={**definition.choice_lists, question.list_name: choices})


def unique_name_for_list(definition: SurveyDefinition, base: str) -> str:
    return _unique(base, set(definition.choice_lists))


def set_choices(definition: SurveyDefinition, list_name: str, choices: tuple[Choice, ...]) -> SurveyDefinition:
    return replace(definition, choice_lists={**definition.choice_lists, list_name: choices})


def rename_item(definition: SurveyDefinition, old: str, new: str) -> SurveyDefinition:
    """Rename and update every ``${old}`` reference in expressions and labels."""
    item = get(definition.items, _require(definition, old))
    renamed = update_item(definition, old, replace(item, name=new))
    pattern = re.compile(r"\$\{\s*" + re.escape(old) + r"\s*\}")

    def fix(text: str) -> str:
        return pattern.sub("${" + new + "}", text)

    def fix_text(text: Text) -> Text:
        return Text(tuple((k, fix(v)) for k, v in text.items))

    def visit(items: tuple[Item, ...]) -> tuple[Item, ...]:
        out = []
        for it in items:
            if isinstance(it, Group):
                out.append(replace(it, relevant=fix(it.relevant), repeat_count=fix(it.repeat_count),
                                   label=fix_text(it.label), children=visit(it.children)))
            else:
                out.append(replace(it, relevant=fix(it.relevant), constraint=fix(it.constraint),
                                   calculation=fix(it.calculation), choice_filter=fix(it.choice_filter),
                                   required=fix(it.required), default=fix(it.default), read_only=fix(it.read_only),
                                   label=fix_text(it.label), hint=fix_text(it.hint)))
        return tuple(out)

    return renamed.with_items(visit(renamed.items))


# -- helpers ---------------------------------------------------------------------------


def _require(definition: SurveyDefinition, name: str) -> tuple[int, ...]:
    path = find(definition.items, name)
    if path is None:
        raise KeyError(name)
    return path


def _contains(group: Group, name: str) -> bool:
    return find(group.children, name) is not None


def _all_names(definition: SurveyDefinition) -> set[str]:
    return {q.name for q in definition.questions} | {g.name for g, _ in definition.groups()}


def _unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    stem = re.sub(r"_\d+$", "", base)
    n = 2
    while f"{stem}_{n}" in taken:
        n += 1
    return f"{stem}_{n}"


def _renamed_copy(item: Item, taken: set[str]) -> Item:
    name = _unique(item.name + "_copy", taken)
    taken.add(name)
    if isinstance(item, Group):
        return replace(item, name=name, row=0, children=tuple(_renamed_copy(c, taken) for c in item.children))
    return replace(item, name=name, row=0)


def reorder(definition: SurveyDefinition, structure: list[tuple[str, list]]) -> SurveyDefinition:
    """Rebuild the item tree in the order and nesting of ``structure`` (nested ``(name, children)``).

    Used after a drag and drop in the designer's tree; only groups can hold children.
    Items missing from ``structure`` are dropped; unknown names are an error.
    """
    items = {q.name: q for q in definition.questions}
    groups = {g.name: g for g, _ in definition.groups()}

    def build(nodes: list[tuple[str, list]]) -> tuple[Item, ...]:
        out: list[Item] = []
        for name, children in nodes:
            if name in groups:
                out.append(replace(groups[name], children=build(children)))
            elif name in items:
                if children:
                    raise ValueError(f"question {name!r} cannot hold other items")
                out.append(items[name])
            else:
                raise KeyError(name)
        return tuple(out)

    return definition.with_items(build(structure))
