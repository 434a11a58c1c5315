"""A survey being answered: skip logic, calculations, required and constraints, choice filters."""

from __future__ import annotations

from survey.model import Choice, Group, Question, SurveyDefinition, Text
from survey.runtime import FormState

YN = (Choice("yes", Text.of("是", "Yes")), Choice("no", Text.of("否", "No")))


def survey():
    return SurveyDefinition(
        title=Text.of("测试"),
        items=(
            Question("commute", "select_one", Text.of("您通勤吗？"), list_name="yn", required="yes"),
            Group("commuting", relevant="${commute} = 'yes'", children=(
                Question("minutes", "integer", Text.of("单程分钟"), required="yes", constraint=". > 0 and . <= 240",
                         constraint_message=Text.of("请填写 1–240 之间的分钟数", "1–240 minutes")),
                Question("hours", "calculate", calculation="${minutes} div 60"),
                Question("long", "note", Text.of("通勤很久"), relevant="${hours} >= 1"),
            )),
            Question("district", "select_one", Text.of("区"), list_name="district"),
            Question("street", "select_one", Text.of("街道"), list_name="street", choice_filter="district=${district}"),
            Question("phone", "text", Text.of("电话"), required="${commute} = 'no'", pii="phone"),
        ),
        choice_lists={
            "yn": YN,
            "district": (Choice("east", Text.of("东城区")), Choice("west", Text.of("西城区"))),
            "street": (
                Choice("a", Text.of("甲街道"), (("district", "east"),)),
                Choice("b", Text.of("乙街道"), (("district", "east"),)),
                Choice("c", Text.of("丙街道"), (("district", "west"),)),
            ),
        },
    )


def test_skip_logic_follows_answers():
    state = FormState(survey())
    assert not state.is_relevant("minutes")
    changed = state.set("commute", "yes")
    assert {"minutes", "hours", "long"} <= changed
    assert state.is_relevant("minutes") and not state.is_relevant("long")
    state.set("minutes", "90")
    assert state.value("hours") == "1.5" and state.is_relevant("long")
    state.set("commute", "no")
    assert not state.is_relevant("minutes")
    assert state.value("minutes") == "" and state.value("hours") == ""  # non-relevant reads as blank
    assert "minutes" not in state.visible()


def test_required_and_constraints():
    state = FormState(survey())
    assert [p.kind for p in state.problems("commute")] == ["required"]
    assert state.problems("minutes") == []  # required is ignored when not relevant
    state.set("commute", "yes")
    assert [p.kind for p in state.problems("minutes")] == ["required"]
    state.set("minutes", "500")
    (problem,) = state.problems("minutes")
    assert problem.kind == "constraint" and problem.message == "请填写 1–240 之间的分钟数"
    state.set("minutes", "30")
    assert state.problems("minutes") == []
    assert state.problems("phone") == []  # required by expression: only when not commuting
    state.set("commute", "no")
    assert [p.kind for p in state.problems("phone")] == ["required"]


def test_constraints_are_not_checked_on_blank_answers():
    state = FormState(survey(), {"commute": "yes"})
    state.set("minutes", "")
    assert [p.kind for p in state.problems("minutes")] == ["required"]


def test_choice_filter_uses_choice_columns():
    state = FormState(survey())
    state.set("district", "east")
    assert [c.name for c in state.choices("street")] == ["a", "b"]
    state.set("district", "west")
    assert [c.name for c in state.choices("street")] == ["c"]


def test_english_messages():
    state = FormState(survey(), lang="en", answers={"commute": "yes", "minutes": "999"})
    assert state.problems("minutes")[0].message == "1–240 minutes"
    assert state.problems("district") == []
