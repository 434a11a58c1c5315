"""Plain-data descriptions of surveys for the command line and other tools (JSON shapes).

The keys are a contract (see issue 3 and README): scripts depend on them.
"""

from __future__ import annotations

from typing import Any

from .model import SurveyDefinition

_FLAGS = {"yes": True, "true": True, "true()": True, "1": True, "no": False, "false": False, "false()": False, "0": False}


def describe_survey(definition: SurveyDefinition, *, survey_id: int | None = None, version: int | None = None) -> dict[str, Any]:
    """The ``huizhi survey show --json`` object."""
    questions, meta = [], []
    for located in definition.walk():
        q = located.question
        path = f"meta/{q.name}" if q.type == "audit" else located.path
        entry: dict[str, Any] = {
            "name": q.name,
            "path": path,
            "type": q.type,
            "label": _text_json(q.label),
            "required": _required(q.required),
            "relevant": q.relevant or None,
            "constraint": q.constraint or None,
        }
        if q.list_name:
            entry["list_name"] = q.list_name
        if q.list_name in definition.choice_lists:
            entry["choices"] = [
                {"name": c.name, "label": _text_json(c.label)} for c in definition.choice_lists[q.list_name]
            ]
        for key in ("calculation", "choice_filter", "appearance", "pii"):
            value = getattr(q, key)
            if value:
                entry[key] = value
        if q.or_other:
            entry["or_other"] = True
        ancestors = [g.relevant for g in located.ancestors if g.relevant]
        if ancestors:
            entry["ancestor_relevant"] = ancestors
        (meta if q.type == "audit" else questions).append(entry)
    questions += meta  # XLSForm tools move audit into the form's meta block, after the body
    containers = list(definition.groups())
    languages = definition.languages()
    return {
        "id": survey_id,
        "version": version,
        "title": definition.title.get("zh"),
        "form_id": definition.form_id,
        "form_version": definition.version or None,
        "default_language": definition.default_language or None,
        "languages": [lang for lang in languages if lang != "default"],
        "has_default_language_text": "default" in languages,
        "questions": questions,
        "containers": [
            {"name": g.name, "path": path, "kind": g.kind, "relevant": g.relevant or None,
             "repeat_count": g.repeat_count or None, "appearance": g.appearance or None}
            for g, path in containers
        ],
        "groups": sum(1 for g, _ in containers if g.kind == "group"),
        "repeats": sum(1 for g, _ in containers if g.kind == "repeat"),
        "choice_lists": len(definition.choice_lists),
        "choices": sum(len(c) for c in definition.choice_lists.values()),
    }


def _required(value: str) -> bool | str:
    if not value.strip():
        return False
    return _FLAGS.get(value.strip().lower(), value)


def _text_json(text) -> str | dict[str, str] | None:
    """One untranslated string as a string, translations as an object (as truth.json has it)."""
    if not text:
        return None
    items = dict(text.items)
    if list(items) == ["default"]:
        return items["default"]
    return items
