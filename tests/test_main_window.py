"""The main window on real widgets, offscreen: navigation, pages, opening, exporting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

import resources
from desktop import ops
from desktop.main_window import MainWindow
from desktop.settings import recent_projects

PAGE_TITLES = ["概览", "问卷", "实地采集", "研讨会", "分析", "优先级", "需求", "报告"]


@pytest.fixture
def window(app, qtbot, clean_settings):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    ops.wait_idle()


def open_and_wait(qtbot, window, path: Path) -> None:
    window.open_project(path)
    qtbot.waitUntil(lambda: window.view is not None and ops.running() == 0, timeout=30_000)


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_bundled_font_serves_chinese(app):
    family = QFontInfo(app.font()).family()
    assert family == resources.FONT_FAMILY
    assert resources.FONT_FAMILY in QFontDatabase.families()
    metrics = QFontMetrics(app.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "汇智概览问卷研讨会优先级")


def test_navigation_lists_every_page_in_chinese(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == PAGE_TITLES
    window.nav.setCurrentRow(3)
    assert window.stack.currentWidget() is window.pages["workshops"]


def test_welcome_state_without_a_project(window):
    overview = window.pages["overview"]
    assert overview.stack.currentWidget() is overview.welcome
    assert not window.export_action.isEnabled()
    assert not any(b.isEnabled() for b in window.pages["reports"].buttons)


def test_opens_the_demo_and_shows_its_counts(qtbot, window, demo_copy):
    open_and_wait(qtbot, window, demo_copy)
    summary = window.view.summary
    overview = window.pages["overview"]
    assert overview.stack.currentWidget() is overview.dashboard
    assert overview.header.title.text() == summary.title
    assert overview.tiles["responses"].value.text().startswith(f"{summary.responses:,}")
    assert overview.tiles["cards"].value.text().startswith(f"{summary.cards:,}")
    bars = dict(overview.group_bars.rows)
    assert bars["市民"] > bars["部门"] > 0
    assert summary.title in window.windowTitle()
    assert recent_projects()[0] == str(demo_copy.resolve())
    surveys = window.pages["surveys"].list
    assert surveys.count() == 2 and surveys.item(0).text().startswith("临江市智慧城市建设市民需求调查")
    workshops = window.pages["workshops"]
    assert workshops.session_box.count() == 1
    qtbot.waitUntil(lambda: workshops.state is not None and ops.running() == 0, timeout=10_000)
    assert len(workshops.state.cards) == summary.cards >= 80


def test_every_page_shows_without_error(qtbot, window, demo_copy):
    open_and_wait(qtbot, window, demo_copy)
    for key in window.pages:
        window.show_page(key)
        assert window.stack.currentWidget() is window.pages[key]
        assert window.pages[key].isVisible()
    assert "即将提供" in window.pages["requirements"].empty.headline.text()
    assert window.pages["priorities"].catalogue.table.rowCount() == window.view.summary.scenarios


def test_keyboard_switches_pages(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(window.nav, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["reports"]
    qtbot.keyClick(window.nav, Qt.Key.Key_Up)
    assert window.stack.currentWidget() is window.pages["requirements"]


def test_a_file_that_is_not_a_project_is_explained(qtbot, window, tmp_path):
    bad = tmp_path / "notes.huizhi"
    bad.write_text("not a database")
    window.open_project(bad)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10_000)
    box = message_boxes()[0]
    assert "不是汇智项目" in box.text()
    box.close()
    assert window.lane is None and window.view is None


def test_export_from_the_reports_page(qtbot, window, demo_copy, tmp_path, monkeypatch):
    open_and_wait(qtbot, window, demo_copy)
    targets = iter([str(tmp_path / "台账.xlsx"), str(tmp_path / "简报.pdf")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(targets), ""))
    window.show_page("reports")
    window.pages["reports"].both.click()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=60_000)
    assert (tmp_path / "台账.xlsx").stat().st_size > 10_000
    assert (tmp_path / "简报.pdf").read_bytes().startswith(b"%PDF")
    box = message_boxes()[0]
    assert "简报.pdf" in box.informativeText()
    box.close()


def test_create_a_demo_from_the_window(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "新演示"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.new_demo()
    qtbot.waitUntil(lambda: window.view is not None and ops.running() == 0, timeout=60_000)
    assert window.view.summary.path.endswith("新演示.huizhi")
    assert window.view.summary.responses >= 540


def test_new_empty_project_and_close(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "空项目.huizhi"), ""))
    window.new_project()
    qtbot.waitUntil(lambda: window.view is not None and ops.running() == 0, timeout=30_000)
    assert window.view.summary.responses == 0
    assert not window.pages["surveys"].empty.isHidden()
    assert window.pages["surveys"].body.isHidden()
    window.close_project()
    assert window.view is None and window.lane is None
    assert not window.export_action.isEnabled()


def test_edit_add_and_retire_scenarios_in_the_catalogue(qtbot, window, demo_copy):
    open_and_wait(qtbot, window, demo_copy)
    window.show_page("priorities")
    page = window.pages["priorities"]
    catalogue = page.catalogue
    first = catalogue.scenarios[0]
    catalogue.table.selectRow(0)
    catalogue.edit_button.click()
    dialog = page.dialog
    assert dialog.isVisible() and dialog.code.isReadOnly()
    dialog.name_zh.setText("改过的名称")
    dialog._accept()
    qtbot.waitUntil(lambda: not dialog.isVisible() and ops.running() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: catalogue.table.item(0, 1).text() == "改过的名称", timeout=10_000)
    assert next(s for s in window.view.scenarios if s.code == first.code).kpis == first.kpis

    catalogue.add_button.click()
    dialog = page.dialog
    dialog.code.setText("Bad Code")
    dialog.name_zh.setText("新场景")
    dialog._accept()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "场景代码" in dialog.error.text() and dialog.isVisible()
    dialog.code.setText("gov_new_one")
    dialog._add_kpi_row(None)
    dialog.kpis.item(0, 0).setText("办理时长")
    dialog.kpis.item(0, 2).setText("天")
    dialog._accept()
    qtbot.waitUntil(lambda: any(s.code == "gov_new_one" for s in window.view.scenarios), timeout=10_000)
    added = next(s for s in window.view.scenarios if s.code == "gov_new_one")
    assert added.origin == "project" and added.kpis[0].unit == "天"

    catalogue.table.selectRow(0)
    catalogue.retire_button.click()
    qtbot.waitUntil(
        lambda: next(s for s in window.view.scenarios if s.code == first.code).retired, timeout=10_000
    )
    assert first.code not in [catalogue.table.item(r, 1).data(256) for r in range(catalogue.table.rowCount())]


def test_fieldwork_table_filters_sorts_deletes_and_undoes(qtbot, window, demo_copy):
    open_and_wait(qtbot, window, demo_copy)
    window.show_page("fieldwork")
    page = window.pages["fieldwork"]
    model = page.model
    assert len(model.ids) == window.view.summary.responses
    page.f_group.setCurrentIndex(page.f_group.findData("department"))
    assert len(model.ids) == 40
    assert {model.data(model.index(r, model.keys.index("group"))) for r in range(model.rowCount())} == {"部门"}
    page.f_group.setCurrentIndex(0)
    model.sort(model.keys.index("collector"), Qt.SortOrder.AscendingOrder)
    collectors = [model.data(model.index(r, model.keys.index("collector"))) for r in range(model.rowCount())]
    assert collectors == sorted(collectors)
    page.table.selectRow(0)
    assert page.detail.toPlainText().startswith("答卷 ")
    doomed = model.response_id(0)
    page.delete_selected()
    qtbot.waitUntil(lambda: doomed not in page.model.ids and ops.running() == 0, timeout=10_000)
    assert window.view.summary.responses == len(page.model.ids)
    page.undo_delete()
    qtbot.waitUntil(lambda: doomed in page.model.ids and ops.running() == 0, timeout=10_000)


def test_drafts_are_offered_for_recovery_on_opening(qtbot, window, demo_copy):
    from survey.capture import Capture
    from workspace import open_project

    with open_project(demo_copy) as project:
        capture = Capture(project, 1, collector="张敏")
        uuid = capture.new()
        capture.answer(uuid, "consent", "yes")
    open_and_wait(qtbot, window, demo_copy)
    box = next(b for b in message_boxes() if "未完成" in b.windowTitle())
    assert "1 份答卷没有提交" in box.text() and "张敏" in box.informativeText()
    box.close()
