"""XLSForm import, checked against real forms from other projects and against crafted bad ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from survey.describe import describe_survey
from survey.xlsform import XlsFormError, read_xlsform

# Real forms from other projects live beside the checkout, in ../shared (never copied in).
CONFORMANCE = Path(__file__).resolve().parents[2] / "shared" / "conformance" / "xlsforms"
TRUTH = json.loads((CONFORMANCE / "truth.json").read_text("utf-8"))["forms"] if CONFORMANCE.exists() else {}
needs_conformance = pytest.mark.skipif(not TRUTH, reason="../shared/conformance is not beside this checkout")

ACCEPTED = sorted(name for name, form in TRUTH.items() if form["accepted"])
REJECTED = sorted(name for name, form in TRUTH.items() if not form["accepted"])


@needs_conformance
@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_forms_match_pyxform(name):
    truth = TRUTH[name]
    shown = describe_survey(read_xlsform(CONFORMANCE / name).definition)
    assert [(q["name"], q["path"], q["type"]) for q in shown["questions"]] == [
        (q["name"], q["path"], q["type"]) for q in truth["questions"]
    ]
    assert shown["groups"] == truth["groups"]
    assert shown["repeats"] == truth["repeats"]
    assert shown["choice_lists"] == truth["choice_lists"]
    assert shown["choices"] == truth["total_choices"]
    assert sorted(shown["languages"]) == sorted(truth["languages"])
    assert [(c["path"], c["kind"]) for c in shown["containers"]] == [(c["path"], c["kind"]) for c in truth["containers"]]
    for mine, theirs in zip(shown["questions"], truth["questions"]):
        for key in ("relevant", "constraint", "required"):
            assert mine[key] == theirs[key], (mine["name"], key)
        if "list_name" in theirs:
            assert mine["list_name"] == theirs["list_name"]


@needs_conformance
@pytest.mark.parametrize("name", REJECTED)
def test_rejected_forms_say_sheet_row_and_column(name):
    with pytest.raises(XlsFormError) as info:
        read_xlsform(CONFORMANCE / name)
    error = info.value
    assert error.sheet and error.row and error.column
    assert f"工作表 {error.sheet}" in str(error) and f"第 {error.row} 行" in str(error) and f"{error.column} 列" in str(error)
    assert f"row {error.row}" in error.text("en")


def write_form(path, survey_rows, choices_rows=None, settings=None):
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in survey_rows:
        sheet.append(row)
    if choices_rows is not None:
        choices = book.create_sheet("choices")
        for row in choices_rows:
            choices.append(row)
    if settings is not None:
        sheet = book.create_sheet("settings")
        sheet.append(list(settings))
        sheet.append(list(settings.values()))
    book.save(path)
    return path


CHOICES = [["list_name", "name", "label::中文 (zh)", "label::English (en)"], ["yn", "yes", "是", "Yes"], ["yn", "no", "否", "No"]]


def test_a_chinese_form_with_groups_repeats_and_aliases(tmp_path):
    path = write_form(
        tmp_path / "form.xlsx",
        [
            ["type", "name", "label::中文 (zh)", "label::English (en)", "relevant", "required", "constraint", "jr:count", "list name"],
            ["select one yn", "commute", "您通勤吗？", "Do you commute?", None, "yes", None, None, None],
            ["begin_group", "commuting", "通勤", "Commuting", "${commute} = ‘yes’", None, None, None, None],
            ["int", "minutes", "单程几分钟？", "Minutes one way?", None, True, ". > 0 and . < 300", None, None],
            ["select_multiple yn or_other", "modes", "方式", "Modes", None, None, None, None, None],
            ["end_group", None, None, None, None, None, None, None, None],
            ["begin repeat", "kids", "孩子", "Children", None, None, None, 2, None],
            ["string", "kid_name", "姓名", "Name", None, None, None, None, None],
            ["end repeat", None, None, None, None, None, None, None, None],
            ["gps", "where", "位置", "Location", None, None, None, None, None],
            ["note", None, "谢谢！", "Thanks!", None, None, None, None, None],
        ],
        CHOICES,
        {"form_title": "通勤调查", "form_id": "commute", "version": 3},
    )
    result = read_xlsform(path)
    definition = result.definition
    shown = describe_survey(definition)
    assert [(q["name"], q["path"], q["type"]) for q in shown["questions"]] == [
        ("commute", "commute", "select_one"),
        ("minutes", "commuting/minutes", "integer"),
        ("modes", "commuting/modes", "select_multiple"),
        ("kid_name", "kids/kid_name", "text"),
        ("where", "where", "geopoint"),
        ("generated_note_name_1", "generated_note_name_1", "note"),
    ]
    assert shown["containers"][0]["relevant"] == "${commute} = 'yes'"  # typographic quotes made plain
    assert shown["containers"][1]["repeat_count"] == "2"
    assert shown["questions"][1]["required"] is True
    assert shown["questions"][2]["or_other"] is True
    assert definition.title.get("zh") == "通勤调查" and definition.form_id == "commute" and definition.version == "3"
    assert sorted(shown["languages"]) == ["English (en)", "中文 (zh)"]
    assert definition.question("minutes").label.get("en") == "Minutes one way?"
    assert definition.question("minutes").label.get("zh") == "单程几分钟？"
    assert any("geopoint" in w for w in result.warnings)


@pytest.mark.parametrize(
    "rows, where, words",
    [
        ([["type", "name", "label"], ["begin group", "g", "G"], ["text", "a", "A"]], (2, "A"), "没有对应的 end group"),
        ([["type", "name", "label"], ["text", "a", "A"], ["end group", None, None]], (3, "A"), "没有对应的 begin group"),
        ([["type", "name", "label"], ["begin group", "g", "G"], ["end repeat", None, None]], (3, "A"), "end repeat"),
        ([["type", "name", "label"], ["country", "a", "A"]], (2, "A"), "未知题型"),
        ([["type", "name", "label"], ["text", "a", "A"], ["integer", "a", "B"]], (3, "B"), "重复"),
        ([["type", "name", "label"], ["select_one nolist", "a", "A"]], (2, "A"), "不在 choices"),
        ([["type", "name", "label"], ["text", "1abc", "A"]], (2, "B"), "无效"),
        ([["type", "name", "label"], ["text", None, "A"]], (2, "B"), "缺少名称"),
        ([["type", "name", "label", "relevant"], ["text", "a", "A", "${missing} = 1"]], (2, "D"), "不存在"),
        ([["type", "name", "label"], ["calculate", "c", None]], (2, "A"), "calculation"),
        ([["type", "name", "label", "label"], ["text", "a", "A", "B"]], (1, "D"), "列标题重复"),
    ],
)
def test_bad_forms_are_refused_with_the_place(tmp_path, rows, where, words):
    path = write_form(tmp_path / "bad.xlsx", rows, CHOICES)
    with pytest.raises(XlsFormError) as info:
        read_xlsform(path)
    assert (info.value.row, info.value.column) == where
    assert info.value.sheet == "survey"
    assert words in str(info.value)


def test_duplicate_choice_names_are_refused_unless_allowed(tmp_path):
    rows = [["type", "name", "label"], ["select_one yn", "a", "A"]]
    choices = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "yes", "Again"]]
    with pytest.raises(XlsFormError) as info:
        read_xlsform(write_form(tmp_path / "dup.xlsx", rows, choices))
    assert (info.value.sheet, info.value.row, info.value.column) == ("choices", 3, "B")
    allowed = write_form(tmp_path / "ok.xlsx", rows, choices, {"allow_choice_duplicates": "yes"})
    assert len(read_xlsform(allowed).definition.choice_lists["yn"]) == 2


def test_not_a_workbook_and_old_xls_are_explained(tmp_path):
    text = tmp_path / "form.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(XlsFormError, match="不是有效的 Excel"):
        read_xlsform(text)
    with pytest.raises(XlsFormError, match="另存为 .xlsx"):
        read_xlsform(tmp_path / "form.xls")
    book = Workbook()
    book.active.title = "questions"
    book.save(tmp_path / "nosurvey.xlsx")
    with pytest.raises(XlsFormError, match="survey"):
        read_xlsform(tmp_path / "nosurvey.xlsx")


def test_unreadable_expressions_are_warnings_not_refusals(tmp_path):
    path = write_form(
        tmp_path / "f.xlsx",
        [["type", "name", "label", "relevant"], ["integer", "a", "A", None], ["text", "b", "B", "${a} > 1 and foo(${a})"]],
    )
    result = read_xlsform(path)
    assert any("foo" in w and "第 3 行" in w for w in result.warnings)
