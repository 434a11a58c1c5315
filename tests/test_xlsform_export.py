"""XLSForm export: every survey goes out as a form that pyxform converts, and comes back the same."""

from __future__ import annotations

import pytest
from pyxform.xls2xform import convert
from test_xlsform_import import ACCEPTED, CONFORMANCE, needs_conformance

from survey.describe import describe_survey
from survey.model import Choice, Group, Question, SurveyDefinition, Text
from survey.xlsform import read_xlsform
from survey.xlsform_out import write_xlsform


def export_convert_reimport(definition, path):
    write_xlsform(definition, path)
    xform = convert(xlsform=str(path), validate=False).xform
    assert "<h:html" in xform
    return read_xlsform(path).definition


def shape(definition):
    """What must survive the round trip: names, paths, types, lists, logic, labels by language code."""
    shown = describe_survey(definition)
    return [
        (q["name"], q["path"], q["type"], q.get("list_name"), q["required"], q["relevant"], q["constraint"],
         definition.question(q["name"]).label.get("zh"), definition.question(q["name"]).label.get("en"))
        for q in shown["questions"]
    ], shown["groups"], shown["repeats"], shown["choices"]


@needs_conformance
@pytest.mark.parametrize("name", ACCEPTED)
def test_imported_forms_go_out_unchanged(name, tmp_path):
    original = read_xlsform(CONFORMANCE / name).definition
    again = export_convert_reimport(original, tmp_path / name)
    assert describe_survey(again) == describe_survey(original)


def test_huizhi_types_are_lowered_to_standard_xlsform(tmp_path):
    scale = tuple(Choice(str(i), Text.of(f"{i} 分", f"{i}")) for i in range(1, 6))
    definition = SurveyDefinition(
        title=Text.of("类型测试", "Types"),
        form_id="types",
        items=(
            Question("consent", "consent", Text.of("同意吗？", "Agree?"), list_name="yesno", required="yes"),
            Question("name", "text", Text.of("姓名", "Name"), pii="name"),
            Question("satisfaction", "likert", Text.of("满意度", "Satisfaction"), list_name="scale5"),
            Question("nps", "rating", Text.of("推荐度", "Recommend")),
            Group("commuting", label=Text.of("通勤", "Commuting"), relevant="${consent} = 'yes'", children=(
                Question("grid", "scenario_grid", Text.of("各场景的价值与紧迫性", "Value and urgency"),
                         parameters="scenarios=traffic_parking gov_one_network"),
            )),
        ),
        choice_lists={"yesno": (Choice("yes", Text.of("是", "Yes")), Choice("no", Text.of("否", "No"))), "scale5": scale},
    )
    assert definition.validate() == []
    again = export_convert_reimport(definition, tmp_path / "types.xlsx")
    assert again.question("consent").type == "consent" and again.question("consent").list_name == "yesno"
    assert again.question("satisfaction").type == "likert" and again.question("satisfaction").appearance == "likert"
    assert again.question("nps").type == "rating"
    assert again.question("name").pii == "name"
    names = [q.name for q in again.questions]
    assert "grid_traffic_parking_value" in names and "grid_gov_one_network_urgency" in names
    assert again.question("grid_traffic_parking_value").label.get("zh").endswith("价值")
