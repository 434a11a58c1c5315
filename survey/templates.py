"""The bundled survey templates (``resources/templates``): a citizen and a department survey."""

from __future__ import annotations

import json

import resources

from .model import SurveyDefinition

TEMPLATES = {"citizen": "citizen_survey.json", "department": "department_survey.json"}


def load_template(name: str) -> SurveyDefinition:
    """``citizen`` (市民问卷) or ``department`` (部门问卷)."""
    if name not in TEMPLATES:
        raise KeyError(f"no template {name!r}; choose from {', '.join(TEMPLATES)}")
    return SurveyDefinition.from_json(json.loads(resources.path("templates", TEMPLATES[name]).read_text("utf-8")))
