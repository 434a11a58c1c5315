"""The Priorities page on real widgets, offscreen, on the demo project: the ranking the page
shows is the analysis layer's, evidence is gathered off the UI thread, sliders re-rank at
once and are saved, every number opens what stands behind it, and the largest
disagreements go to the conflicts list."""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from analysis.priorities.evidence import gather_evidence
from analysis.priorities.model import load_model
from analysis.priorities.ranking import rank_scenarios
from desktop import ops
from desktop.pages.priority_views import EvidenceDialog, quadrant_names
from workspace import create_project, open_project


def open_page(qtbot, window, path: Path):
    window.open_project(path)
    qtbot.waitUntil(lambda: window.view is not None and ops.running() == 0, timeout=30_000)
    window.show_page("priorities")
    page = window.pages["priorities"]
    qtbot.waitUntil(lambda: page.ranking is not None and ops.running() == 0, timeout=60_000)
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return page


def stored(path: Path, sql: str, args=()) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, args).fetchall()


def expected_ranking(path: Path, change=lambda model: model):
    with open_project(path) as project:
        return rank_scenarios(gather_evidence(project), change(load_model(project)))


def shown_order(page) -> list[str]:
    return list(page.table.codes)


def test_the_page_shows_the_analysis_ranking_gathered_off_the_ui_thread(qtbot, window, demo_copy, monkeypatch):
    from analysis.priorities import evidence

    threads = []
    original = evidence.gather_evidence

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(evidence, "gather_evidence", spy)
    page = open_page(qtbot, window, demo_copy)
    assert threads and all(t is not threading.main_thread() for t in threads)
    expected = expected_ranking(demo_copy)
    assert shown_order(page) == [row.code for row in expected.rows]
    assert page.table.rowCount() == len(expected.rows) == 32
    first = expected.rows[0]
    assert page.table.item(0, 1).text() == first.info.name
    assert page.table.item(0, 2).text() == f"{first.score:.3f}"
    assert page.table.item(0, 3).text() == quadrant_names()[first.quadrant]
    # the group columns hold each group's own rank
    groups = list(expected.groups)
    header = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    for g in groups:
        column = header.index(expected.groups[g])
        assert page.table.item(0, column).text() == str(first.group_ranks.get(g) or "–")
    # the first row is selected and its evidence shown, a row per criterion
    assert first.info.name in page.evidence_card.heading.text()
    assert page.evidence_table.rowCount() == len(expected.criteria)
    assert page.stack.currentWidget() is page.tabs
    assert "32 个场景" in page.status.text()


def test_a_slider_re_ranks_at_once_and_is_saved(qtbot, window, demo_copy):
    page = open_page(qtbot, window, demo_copy)
    slider = page.weights.sliders[("criterion", "workshop_dots")]
    slider.setValue(100)  # synchronous: the table is already re-ranked
    expected = expected_ranking(demo_copy, lambda m: m.with_weight("workshop_dots", 1.0))
    assert shown_order(page) == [row.code for row in expected.rows]
    weights = {m.code: w for m, w in expected.criteria}
    assert page.weights.shares[("criterion", "workshop_dots")].text() == f"{weights['workshop_dots'] * 100:.0f}%"
    group = page.weights.sliders[("group", "citizen")]
    group.setValue(0)
    expected = expected_ranking(demo_copy, lambda m: m.with_weight("workshop_dots", 1.0).with_group_weight("citizen", 0))
    assert shown_order(page) == [row.code for row in expected.rows]
    qtbot.waitUntil(lambda: not page.save_timer.isActive() and ops.running() == 0, timeout=10_000)
    saved = json.loads(stored(demo_copy, "SELECT value FROM meta WHERE key = 'priority_model'")[0][0])
    assert saved["weights"]["workshop_dots"] == 1.0
    assert stored(demo_copy, "SELECT weight FROM stakeholder_groups WHERE code = 'citizen'") == [(0.0,)]
    page.defaults.click()
    assert page.weights.sliders[("criterion", "workshop_dots")].value() == 5
    assert page.weights.sliders[("group", "citizen")].value() == 10
    qtbot.waitUntil(lambda: not page.save_timer.isActive() and ops.running() == 0, timeout=10_000)
    assert stored(demo_copy, "SELECT weight FROM stakeholder_groups WHERE code = 'citizen'") == [(1.0,)]
    assert shown_order(page) == [row.code for row in expected_ranking(demo_copy).rows]


def test_weight_changes_undo_and_redo(qtbot, window, demo_copy):
    page = open_page(qtbot, window, demo_copy)
    before = shown_order(page)
    slider = page.weights.sliders[("criterion", "swot_balance")]
    for value in (20, 40, 60):  # one drag: one undo step
        slider.setValue(value)
    page.weights.released.emit()
    page.top_k.setValue(3)
    dragged = expected_ranking(demo_copy, lambda m: m.with_weight("swot_balance", 0.6))
    assert shown_order(page) == [row.code for row in dragged.rows]
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.top_k == 5 and page.top_k.value() == 5
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.weights["swot_balance"] == 0.05
    assert page.weights.sliders[("criterion", "swot_balance")].value() == 5
    assert shown_order(page) == before
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.model.weights["swot_balance"] == 0.6
    assert shown_order(page) == [row.code for row in dragged.rows]
    qtbot.waitUntil(lambda: not page.save_timer.isActive() and ops.running() == 0, timeout=10_000)
    saved = json.loads(stored(demo_copy, "SELECT value FROM meta WHERE key = 'priority_model'")[0][0])
    assert saved["weights"]["swot_balance"] == 0.6 and saved["top_k"] == 5


def test_ahp_sets_the_weights_of_the_evidence_sources(qtbot, window, demo_copy):
    from analysis.priorities.model import weights_from_ahp
    from analysis.scoring import ahp

    page = open_page(qtbot, window, demo_copy)
    page.weights.ahp_button.click()
    dialog = page.ahp_dialog
    assert dialog.sources == ["survey", "text", "workshop", "swot"] and len(dialog.pairs) == 6
    assert "CR = 0.000" in dialog.result.text()  # all equal: perfectly consistent
    survey_text = dialog.pairs[0][2]
    survey_text.setCurrentIndex(survey_text.findData(5.0))  # surveys strongly more important than text
    swot_box = dialog.pairs[5][2]  # workshop vs SWOT
    swot_box.setCurrentIndex(swot_box.findData(1 / 9))  # SWOT extremely more important: inconsistent
    expected = ahp(dialog.matrix())
    assert f"CR = {expected.cr:.3f}" in dialog.result.text()
    assert ("CR 超过 0.1" in dialog.result.text()) == (not expected.consistent)
    matrix = dialog.matrix()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    criteria = [m.code for m, _ in page.ranking.criteria]
    with open_project(demo_copy) as project:
        model, _ = weights_from_ahp(load_model(project), criteria, matrix, ["survey", "text", "workshop", "swot"])
    assert page.model.weights == model.weights and page.model.ahp["cr"] == pytest.approx(expected.cr, abs=1e-6)
    assert shown_order(page) == [row.code for row in expected_ranking(demo_copy, lambda m: model).rows]
    assert "AHP" in page.weights.origin.text()
    page.weights.sliders[("criterion", "survey_choice")].setValue(3)  # a hand-set weight ends the AHP weights
    assert page.model.ahp is None


def test_each_number_opens_the_answers_behind_it(qtbot, window, demo_copy):
    page = open_page(qtbot, window, demo_copy)
    page.table.selectRow(page.table.codes.index("traffic_congestion"))  # in the citizen survey's grid
    table = page.evidence_table
    code = table.scenario
    assert code == "traffic_congestion"
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "survey_value")
    header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    column = header.index("市民")
    cell = page.evidence.cell("survey_value", code, "citizen")
    assert f"(n={cell.n})" in table.item(row, column).text()
    opened = []
    original = EvidenceDialog.show_rows

    def record(self, rows, limit):
        opened.append((self, rows))
        original(self, rows, limit)

    EvidenceDialog.show_rows = record
    try:
        table.setCurrentCell(row, column)
        table.cellDoubleClicked.emit(row, column)
        qtbot.waitUntil(lambda: bool(opened) and ops.running() == 0, timeout=10_000)
    finally:
        EvidenceDialog.show_rows = original
    dialog, rows = opened[0]
    assert len(rows) == min(cell.n, 500)
    assert {r.source for r in rows} == {"问卷"}
    assert all(1 <= float(r.value) <= 5 for r in rows)
    if cell.n <= 500:  # every answer is listed: their mean is the number shown
        assert sum(float(r.value) for r in rows) / len(rows) == pytest.approx(cell.value)
    assert dialog.table.rowCount() == len(rows)
    assert isinstance(dialog, QDialog)
    dialog.close()


def test_flagged_disagreements_go_to_the_conflicts_list_once(qtbot, window, demo_copy):
    page = open_page(qtbot, window, demo_copy)
    flagged = page.ranking.flagged()
    assert flagged, "the demo's groups disagree on some scenarios"
    page.tabs.setCurrentIndex(2)
    shaded = [r for r in range(page.groups_table.rowCount())
              if page.groups_table.item(r, 0).background().color().name().upper() == "#FDECEA"]
    assert len(shaded) == len(flagged)
    page.send.click()
    qtbot.waitUntil(lambda: ops.running() == 0 and page.conflict_list.count() == len(flagged), timeout=10_000)
    rows = stored(demo_copy, "SELECT scenario_code, groups, text FROM interest_conflicts WHERE session_id IS NULL")
    assert len(rows) == len(flagged)
    first = flagged[0]
    assert (first.scenario, json.dumps([first.high_group, first.low_group])) in {(r[0], r[1]) for r in rows}
    assert any(f"相差 {first.gap} 位" in r[2] for r in rows)
    page.send.click()  # nothing new to record
    QApplication.processEvents()
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=10_000)
    assert len(stored(demo_copy, "SELECT 1 FROM interest_conflicts WHERE session_id IS NULL")) == len(flagged)
    assert "都已在冲突清单中" in page.status.text()


def test_the_robustness_and_matrix_tabs_follow_the_ranking(qtbot, window, demo_copy):
    page = open_page(qtbot, window, demo_copy)
    ranking = page.ranking
    page.tabs.setCurrentIndex(3)  # hidden tabs are filled when shown
    weighted = [m for m, w in ranking.criteria if w > 0]
    assert page.stability.rowCount() == len(weighted) == len(ranking.stability)
    assert "1000 次" in page.robust_summary.text()
    page.tabs.setCurrentIndex(1)
    points = page.matrix.points
    assert len(points) == sum(1 for r in ranking.rows if r.value is not None and r.urgency is not None)
    best = next(p for p in points if p.label.startswith("1. "))
    assert best.value == ranking.rows[0].value and best.urgency == ranking.rows[0].urgency
    page.top_k.setValue(3)
    assert page.ranking.top_k == 3
    page.tabs.setCurrentIndex(0)
    assert page.table.horizontalHeaderItem(4).text() == "前 3 概率"


def test_a_project_without_evidence_says_what_would_fill_the_page(qtbot, window, tmp_path):
    path = tmp_path / "empty.huizhi"
    create_project(path, title="空项目").close()
    window.open_project(path)
    qtbot.waitUntil(lambda: window.view is not None and ops.running() == 0, timeout=30_000)
    window.show_page("priorities")
    page = window.pages["priorities"]
    qtbot.waitUntil(lambda: page.evidence is not None and ops.running() == 0, timeout=30_000)
    assert page.stack.currentWidget() is page.empty
    assert "还没有可用于排序的证据" in page.empty.headline.text()
