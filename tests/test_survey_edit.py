"""Editing surveys: pure edits for the designer, and versions once responses exist."""

from __future__ import annotations

import pytest

from survey import edit
from survey.model import Group, Question, Text
from survey.store import ResponseRecord, add_responses, create_survey, load_definition, save_definition
from survey.templates import load_template
from workspace import ValidationError


def small():
    from survey.model import Choice, SurveyDefinition

    return SurveyDefinition(
        title=Text.of("小问卷", "Small"),
        items=(
            Question("a", "select_one", Text.of("甲"), list_name="yn"),
            Group("g", label=Text.of("组"), relevant="${a} = 'yes'", children=(
                Question("b", "integer", Text.of("乙"), constraint=". > ${c}"),
                Question("c", "integer", Text.of("丙")),
            )),
            Question("d", "text", Text.of("丁"), relevant="${b} > 1"),
        ),
        choice_lists={"yn": (Choice("yes", Text.of("是")), Choice("no", Text.of("否")))},
    )


def names(definition):
    return [q.name for q in definition.questions]


def test_insert_move_duplicate_remove():
    d = small()
    d = edit.insert_item(d, Question("e", "text", Text.of("戊")), after="b")
    assert names(d) == ["a", "b", "e", "c", "d"]
    d = edit.move_item(d, "e", parent=None, index=0)
    assert names(d) == ["e", "a", "b", "c", "d"]
    d = edit.move_by(d, "c", -1)
    assert names(d) == ["e", "a", "c", "b", "d"]
    assert edit.move_by(d, "e", -1) is d  # already first
    d, copy = edit.duplicate_item(d, "g")
    assert copy == "g_copy" and names(d) == ["e", "a", "c", "b", "c_copy", "b_copy", "d"]
    d = edit.remove_item(d, "g_copy")
    assert names(d) == ["e", "a", "c", "b", "d"]
    with pytest.raises(ValueError):
        edit.move_item(d, "g", parent="g", index=0)


def test_rename_updates_every_reference():
    d = edit.rename_item(small(), "b", "count")
    assert d.question("d").relevant == "${count} > 1"
    d = edit.rename_item(d, "c", "limit")
    assert d.question("count").constraint == ". > ${limit}"
    assert d.validate() == []


def test_new_questions_get_unique_names_and_starting_choices():
    d = small()
    q = edit.new_question(d, "likert")
    d = edit.with_default_choices(edit.insert_item(d, q), q)
    assert len(d.choice_lists[q.list_name]) == 5
    q2 = edit.new_question(d, "likert")
    assert q2.name != q.name and q2.list_name != q.list_name
    assert d.validate() == []


def test_editing_an_answered_survey_makes_a_new_version(project):
    survey_id = create_survey(project, load_template("citizen"))
    first = load_definition(project, survey_id)
    changed = edit.update_item(first, "age", Question("age", "select_one", Text.of("年龄（新）"), list_name="age"))
    assert save_definition(project, survey_id, changed) == 1  # nobody answered yet: same version
    add_responses(project, survey_id, [ResponseRecord({"consent": "yes", "age": "18_29"}, "citizen")])
    again = edit.update_item(changed, "age", Question("age", "select_one", Text.of("年龄（第二版）"), list_name="age"))
    assert save_definition(project, survey_id, again) == 2
    assert load_definition(project, survey_id, 1).question("age").label.get("zh") == "年龄（新）"
    assert load_definition(project, survey_id).question("age").label.get("zh") == "年龄（第二版）"
    version = project.db.conn.execute("SELECT survey_version FROM responses").fetchone()[0]
    assert version == 1  # the response keeps the version it was given


def test_an_invalid_edit_is_refused_with_the_position(project):
    survey_id = create_survey(project, load_template("department"))
    broken = edit.update_item(
        load_definition(project, survey_id), "staff",
        Question("staff", "integer", Text.of("人数"), constraint=". >= 1 and"),
    )
    with pytest.raises(ValidationError) as info:
        save_definition(project, survey_id, broken)
    assert "staff.constraint" in str(info.value) and "第 11 个字符" in str(info.value)


def test_reorder_follows_a_dragged_tree():
    d = edit.reorder(small(), [("g", [("c", []), ("a", []), ("b", [])]), ("d", [])])
    assert names(d) == ["c", "a", "b", "d"]
    assert [i.name for i in d.items] == ["g", "d"]
    with pytest.raises(ValueError):
        edit.reorder(small(), [("a", [("b", [])])])
