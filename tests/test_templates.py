"""The bundled citizen and department templates: sound, bilingual, with skip logic that matters."""

from __future__ import annotations

import pytest
from pyxform.xls2xform import convert

from survey.runtime import FormState
from survey.templates import TEMPLATES, load_template
from survey.xlsform import read_xlsform
from survey.xlsform_out import write_xlsform


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_template_is_sound_and_bilingual(name):
    template = load_template(name)
    assert template.validate() == []
    assert 20 <= len(template.answerable()) <= 40
    types = {q.type for q in template.questions}
    assert {"consent", "scenario_grid", "likert", "text"} <= types
    for q in template.questions:
        assert q.label.get("zh") != q.label.get("en"), q.name  # both languages present
        assert any("\u4e00" <= ch <= "\u9fff" for ch in q.label.get("zh")), q.name
    assert template.questions[1].type == "consent"  # the consent page comes first


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_template_exports_to_an_xlsform_pyxform_converts(name, tmp_path):
    path = write_xlsform(load_template(name), tmp_path / f"{name}.xlsx")
    assert "<h:html" in convert(xlsform=str(path), validate=False).xform
    again = read_xlsform(path).definition
    assert {q.name for q in load_template(name).questions if q.type != "scenario_grid"} <= {q.name for q in again.questions}


def test_only_commuters_get_commuting_questions():
    state = FormState(load_template("citizen"), {"consent": "yes"})
    state.set("commutes", "no")
    assert not state.is_relevant("commute_minutes")
    state.set("commutes", "yes")
    assert state.is_relevant("commute_minutes") and state.is_relevant("commute_pains")
    state.set("commute_minutes", "500")
    assert state.problems("commute_minutes")[0].kind == "constraint"


def test_only_departments_running_a_system_get_integration_questions():
    state = FormState(load_template("department"), {"consent": "yes"})
    state.set("runs_system", "no")
    assert not any(state.is_relevant(n) for n in ("system_count", "integration_targets", "integration_blockers"))
    state.set("runs_system", "yes")
    assert all(state.is_relevant(n) for n in ("system_count", "integration_targets", "integration_blockers"))


def test_declining_consent_ends_the_survey():
    state = FormState(load_template("citizen"), {"consent": "no"})
    assert [n for n in state.visible() if n not in ("intro", "consent", "thanks")] == []
