"""The survey designer on real widgets: edit, undo, logic checks, preview, autosave, import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QRadioButton
from test_main_window import open_and_wait

from desktop import ops
from desktop.main_window import MainWindow
from survey.store import load_definition
from workspace import open_project


@pytest.fixture
def designer_window(app, qtbot, clean_settings, demo_copy):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 860)
    window.show()
    open_and_wait(qtbot, window, demo_copy)
    window.show_page("surveys")
    designer = window.pages["surveys"].designer
    qtbot.waitUntil(lambda: designer.survey_id is not None and ops.running() == 0, timeout=10_000)
    yield window, designer, demo_copy
    window.close()
    ops.wait_idle()


def edit_line(qtbot, line, text):
    line.setFocus()
    line.setText(text)
    line.editingFinished.emit()


def stored(path, survey_id=1):
    with open_project(path) as project:
        return load_definition(project, survey_id)


def test_edit_label_undo_redo_and_autosave(qtbot, designer_window):
    window, designer, path = designer_window
    designer.tree.select("age")
    assert designer.inspector.label_zh.text() == "您的年龄段"
    edit_line(qtbot, designer.inspector.label_zh, "您的年龄")
    assert designer.definition.question("age").label.get("zh") == "您的年龄"
    assert "您的年龄" in [designer.tree.currentItem().text(0)]
    designer.undo()
    assert designer.definition.question("age").label.get("zh") == "您的年龄段"
    designer.redo()
    assert designer.definition.question("age").label.get("zh") == "您的年龄"
    qtbot.waitUntil(lambda: "已保存" in designer.status.text(), timeout=10_000)
    assert designer.status.text() == "已保存（第 2 版）"  # the demo's survey has responses: a new version
    assert stored(path).question("age").label.get("zh") == "您的年龄"


def test_add_duplicate_move_delete_with_keyboard(qtbot, designer_window):
    window, designer, path = designer_window
    designer.tree.select("district")
    designer.add_question("integer")
    new = designer.tree.current_name()
    names = [q.name for q in designer.definition.questions]
    assert names[names.index("district") + 1] == new
    qtbot.keyClick(designer.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copy = designer.tree.current_name()
    assert copy.startswith(new) and copy != new
    designer.move(-1)
    names = [q.name for q in designer.definition.questions]
    assert names.index(copy) == names.index(new) - 1
    designer.tree.setFocus()
    qtbot.keyClick(designer.tree, Qt.Key.Key_Delete)
    assert copy not in [q.name for q in designer.definition.questions]
    qtbot.waitUntil(lambda: "已保存" in designer.status.text(), timeout=10_000)
    assert new in [q.name for q in stored(path).questions]


def test_logic_is_checked_as_you_type_and_bad_logic_is_not_applied(qtbot, designer_window):
    window, designer, _ = designer_window
    designer.tree.select("commute_minutes")
    relevant = designer.inspector.relevant
    relevant.edit.setText("${no_such_question} = 'yes'")
    assert "没有这些题目" in relevant.status.text()
    relevant.edit.editingFinished.emit()
    assert designer.definition.question("commute_minutes").relevant == "${commutes} = 'yes'"
    relevant.edit.setText("${commutes} = ")
    assert "第 14 个字符" in relevant.status.text()
    relevant.edit.setText("${commutes} = 'yes' and ${age} != '60_plus'")
    assert "引用：age、commutes" in relevant.status.text()
    relevant.edit.editingFinished.emit()
    assert "${age}" in designer.definition.question("commute_minutes").relevant


def test_rename_updates_references(qtbot, designer_window):
    window, designer, _ = designer_window
    designer.tree.select("commutes")
    edit_line(qtbot, designer.inspector.name, "does_commute")
    assert designer.definition.question("commute_minutes").relevant == "${does_commute} = 'yes'"
    edit_line(qtbot, designer.inspector.name, "age")  # taken
    assert designer.inspector.name_error.isVisible() or "已有同名" in designer.inspector.name_error.text()


def test_preview_runs_skip_logic_and_constraints(qtbot, designer_window):
    window, designer, _ = designer_window
    designer.inspector.setCurrentIndex(3)
    preview = designer.preview
    assert preview.boxes and not preview.boxes["commute_minutes"].isVisibleTo(preview)

    def choose(question, value):
        for button in preview.boxes[question].input.findChildren(QRadioButton):
            if button.property("choice") == value:
                button.click()

    choose("consent", "yes")
    choose("commutes", "yes")
    assert preview.boxes["commute_minutes"].isVisibleTo(preview)
    preview.boxes["commute_minutes"].input.setText("500")
    assert "1 到 240" in preview.boxes["commute_minutes"].problem.text()
    choose("commutes", "no")
    assert not preview.boxes["commute_minutes"].isVisibleTo(preview)


def test_reorder_by_dragging_in_the_tree(qtbot, designer_window):
    window, designer, _ = designer_window
    structure = designer.tree.structure()
    structure[0], structure[1] = structure[1], structure[0]  # consent before the intro note
    designer.tree.reordered.emit(structure)
    assert [q.name for q in designer.definition.questions][:2] == ["consent", "intro"]


def test_import_and_new_from_template(qtbot, designer_window, monkeypatch, tmp_path):
    window, designer, path = designer_window
    page = window.pages["surveys"]
    form = tmp_path / "form.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "survey"
    book.active.append(["type", "name", "label"])
    book.active.append(["text", "q1", "您好"])
    book.save(form)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(form), ""))
    page.import_xlsform()
    qtbot.waitUntil(lambda: page.list.count() == 3 and designer.survey_id == 3 and ops.running() == 0, timeout=10_000)
    assert [q.name for q in designer.definition.questions] == ["q1"]
    page.new_survey("department")
    qtbot.waitUntil(lambda: page.list.count() == 4 and designer.survey_id == 4 and ops.running() == 0, timeout=10_000)
    assert designer.definition.question("runs_system")


def test_a_survey_built_in_the_designer_exports_to_an_xlsform_pyxform_converts(qtbot, designer_window, tmp_path):
    from pyxform.xls2xform import convert

    from desktop.designer.vocabulary import type_names
    from survey.xlsform_out import write_xlsform

    window, designer, _ = designer_window
    page = window.pages["surveys"]
    page.new_survey(None)
    qtbot.waitUntil(lambda: page.list.count() == 3 and designer.survey_id == 3 and ops.running() == 0, timeout=10_000)
    for kind in list(type_names()) + ["matrix"]:
        designer.add_question(kind)
    designer.add_group()
    designer.add_question("text")
    kinds = {q.type for q in designer.definition.questions}
    assert {"likert", "rating", "scenario_grid", "kano", "consent", "calculate"} <= kinds
    assert sum(q.type == "kano" for q in designer.definition.questions) == 2  # a Kano pair
    matrix = next(g for g, _ in designer.definition.groups() if g.appearance == "table-list")
    assert len(matrix.children) == 4
    # a calculation needs a formula and a scenario grid its scenarios before the survey is valid
    designer.tree.select(next(q.name for q in designer.definition.questions if q.type == "calculate"))
    designer.inspector.calculation.set_text("1 + 1", set())
    designer.inspector.calculation.committed.emit("1 + 1")
    grid = next(q for q in designer.definition.questions if q.type == "scenario_grid")
    designer.tree.select(grid.name)
    first = designer.inspector.scenario_list.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    assert designer.definition.validate() == []
    out = write_xlsform(designer.definition, tmp_path / "designed.xlsx")
    assert "<h:html" in convert(xlsform=str(out), validate=False).xform
    qtbot.waitUntil(lambda: "已保存" in designer.status.text(), timeout=10_000)
