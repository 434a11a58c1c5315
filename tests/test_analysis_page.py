"""The Analysis page on real widgets, offscreen: keywords by slice, the word cloud's export,
re-coding a text, the project's own words, and the empty states."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop import ops
from desktop.pages.analysis import TABS, select_row
from survey.store import ResponseRecord, add_responses, create_survey
from survey.templates import load_template
from workshop.cards import add_lines
from workshop.store import ParticipantRecord, add_participants, create_session
from workspace import create_project

CITIZEN = [
    "早高峰公交车太挤，等车要二十分钟",
    "公交到站时间不准，希望能在手机上看到实时到站",
    "小区停车位太少，晚上回来没地方停车",
    "停车难，希望开放学校和单位的停车场错峰停车",
    "路口信号灯配时不合理，早高峰特别堵",
    "医院挂号太难，希望能网上预约挂号",
    "带老人看病排队太久，挂号缴费都要排队",
    "公交线路太少，地铁站到小区还要走很远",
    "临江通APP老是闪退，办事还得跑窗口",
    "临江通上的社保查询用不了，希望修一修",
    "停车收费不透明，希望能手机缴费",
    "公交站没有遮雨棚，下雨天等车很难受",
    "垃圾分类没人指导，垃圾桶经常满了",
    "小区垃圾清运不及时，夏天味道很大",
    "孩子上学的路上没有人行横道，很危险",
    "公交车晚上八点就停运了，下班回不了家",
]
DEPARTMENT = [
    "各部门数据不共享，同一份材料要重复提交",
    "业务系统之间无法对接，数据要人工导出导入",
    "审批流程长，跨部门协同靠打电话",
    "数据共享缺少统一标准，接口各不相同",
    "希望市级平台提供统一的数据交换接口",
    "基层报表太多，同样的数据每月填好几遍",
    "系统对接需要信息中心协调，排期很慢",
    "数据共享之后的安全责任不清楚",
    "视频监控数据分散在各部门，无法统一调用",
    "审批材料电子化以后，希望能在平台上共享",
]
CARDS = [
    "@张伟 #痛点 部门之间数据不共享",
    "@张伟 #需求 统一的数据交换平台",
    "@赵敏 #痛点 公交到站信息不准",
    "@赵敏 #创意 小区错峰共享停车",
    "@王强 #需求 停车场空位实时发布",
    "@王强 #痛点 临江通办事入口太深",
]


def make_project(path: Path) -> Path:
    with create_project(path, title="分析测试") as project:
        citizen = create_survey(project, load_template("citizen"))
        records = []
        for i, text in enumerate(CITIZEN):
            day = f"2026-10-{1 + i:02d}T09:00:00"
            answers = {"pain": text, "phone": "13912345678"}
            if i % 3 == 0:
                answers["suggestion"] = "希望公交和停车的信息能在一个地方查到"
            records.append(ResponseRecord(answers, "citizen", submitted_at=day))
        add_responses(project, citizen, records)
        department = create_survey(project, load_template("department"))
        add_responses(project, department, [
            ResponseRecord({"pain": text}, "department", submitted_at=f"2026-11-{1 + i:02d}T10:00:00")
            for i, text in enumerate(DEPARTMENT)])
        session = create_session(project, "数据共享研讨会", held_on="2026-11-20", place="市民中心", facilitator="周慧")
        add_participants(project, session, [
            ParticipantRecord("张伟", "大数据局", stakeholder_group="department"),
            ParticipantRecord("赵敏", "社区居民", stakeholder_group="citizen"),
            ParticipantRecord("王强", "停车公司", stakeholder_group="enterprise"),
        ])
        add_lines(project, session, CARDS)
    return path


TEXTS = len(CITIZEN) + len(range(0, len(CITIZEN), 3)) + len(DEPARTMENT) + len(CARDS)


@pytest.fixture(scope="module")
def analysis_template(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("analysis") / "template.huizhi")


@pytest.fixture
def analysis_file(analysis_template, tmp_path) -> Path:
    """A private copy (the token cache fills as the page analyses it)."""
    target = tmp_path / "analysis.huizhi"
    target.write_bytes(analysis_template.read_bytes())
    return target


def open_page(qtbot, window, path: Path):
    window.open_project(path)
    qtbot.waitUntil(lambda: window.view is not None and ops.running() == 0, timeout=30_000)
    window.show_page("analysis")
    page = window.pages["analysis"]
    qtbot.waitUntil(lambda: page.result is not None and ops.running() == 0, timeout=60_000)
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return page


def settle(qtbot, page, check=lambda: True) -> None:
    qtbot.waitUntil(lambda: not page._debounce.isActive() and ops.running() == 0 and check(), timeout=30_000)
    QApplication.processEvents()


def keywords_shown(page) -> list[str]:
    table = page.keyword_table
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def table_counts(table) -> dict[str, int]:
    return {table.item(r, 0).text(): int(table.item(r, 1).text().replace(",", "")) for r in range(table.rowCount())}


def stored(path: Path, sql: str, args=()) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, args).fetchall()


def test_the_page_computes_keywords_off_the_ui_thread(qtbot, window, analysis_file, monkeypatch):
    from analysis.text.analysis import TextAnalysis

    threads = []
    original = TextAnalysis.report

    def report(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(TextAnalysis, "report", report)
    page = open_page(qtbot, window, analysis_file)
    assert page.stack.currentWidget() is page.main
    assert page.result.report.texts == TEXTS
    assert threads and all(t is not threading.main_thread() for t in threads)
    shown = keywords_shown(page)
    assert len(shown) >= 10
    assert {"公交", "停车"} <= set(shown[:15])
    assert f"{TEXTS}" in page.count_label.text()
    # the first keyword is selected and its texts are quoted, the keyword highlighted
    first = shown[0]
    assert first in page.context_card.heading.text()
    assert first in page.context_view.toPlainText()
    # the questions and the session are in the slice bar; personal-data questions are not
    sources = [page.source_box.itemText(i) for i in range(page.source_box.count())]
    assert "在日常生活中，您遇到的最大不便是什么？" in sources and "仅研讨会卡片" in sources
    assert not any("手机号" in s for s in sources)
    assert page.session_box.count() == 2
    # quotes, with personal data hidden, and sentiment for each group
    page.tabs.setCurrentIndex(TABS.index("quotes"))
    settle(qtbot, page, lambda: page.group_sentiment_table.rowCount() == 3)
    groups = {page.group_sentiment_table.item(r, 0).text() for r in range(3)}
    assert groups == {"市民", "部门", "企业"}
    quotes = page.quote_view.toPlainText()
    assert quotes.count("——") == len(page.result.report.quotes) >= 3 and "13912345678" not in quotes
    assert sum(int(page.sentiment_table.item(r, 1).text()) for r in range(3)) == TEXTS


def test_changing_the_group_changes_the_keywords(qtbot, window, analysis_file):
    page = open_page(qtbot, window, analysis_file)
    everyone = keywords_shown(page)
    assert not page.distinctive_card.isVisible()
    page.group_box.setFocus()
    page.group_box.setCurrentIndex(page.group_box.findData("department"))
    assert page._debounce.isActive()  # debounced: nothing computed yet
    settle(qtbot, page, lambda: page.result.slice.group == "department")
    departments = keywords_shown(page)
    assert departments != everyone
    assert "数据" in departments[:5] or "数据共享" in departments[:5]
    assert "公交" not in departments
    assert departments[0] in page.context_card.heading.text()  # the contexts follow the new first keyword
    assert page.result.report.texts == len(DEPARTMENT) + 2  # the department survey and 张伟's two cards
    assert page.distinctive_card.isVisible()
    assert "更常提到" in page.distinctive_note.text()
    assert page.distinctive_table.rowCount() > 0
    # a question of the citizen survey gives the citizens' answers only
    page.group_box.setCurrentIndex(0)
    page.source_box.setCurrentIndex(page.source_box.findText("在日常生活中，您遇到的最大不便是什么？"))
    settle(qtbot, page, lambda: page.result.slice.question == "pain" and page.result.slice.group is None)
    assert page.result.report.texts == len(CITIZEN)
    assert not page.session_box.isEnabled()  # a survey question has no workshop session


def test_the_word_cloud_exports_a_png(qtbot, window, analysis_file, tmp_path, monkeypatch):
    page = open_page(qtbot, window, analysis_file)
    page.tabs.setFocus()
    qtbot.keyClick(page.tabs, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == TABS.index("cloud")
    qtbot.waitUntil(lambda: page.cloud.png is not None and page.export_button.isEnabled(), timeout=30_000)
    asked = {}
    target = tmp_path / "out" / "cloud"
    target.parent.mkdir()

    def save_name(parent, caption, default, filters):
        asked["default"] = default
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    qtbot.keyClick(page.tabs, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    written = target.with_name("cloud.png")
    assert written.exists()
    image = QImage(str(written))
    assert not image.isNull() and image.width() > 0 and image.height() > 0
    assert Path(asked["default"]).name == "analysis-词云-全部文本.png"
    assert "已导出" in page.message.text()
    # a slice names the file after itself
    page.group_box.setCurrentIndex(page.group_box.findData("citizen"))
    settle(qtbot, page, lambda: page.result.slice.group == "citizen" and page.export_button.isEnabled())
    page.export_button.click()
    assert Path(asked["default"]).name == "analysis-词云-市民.png"


def test_recoding_a_text_writes_the_code_and_changes_the_shares(qtbot, window, analysis_file, monkeypatch):
    page = open_page(qtbot, window, analysis_file)
    page.tabs.setCurrentIndex(TABS.index("classification"))
    table = page.text_table
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert len(rows) == TEXTS and "13912345678" not in " ".join(rows)
    target = "traffic_parking"
    target_name = page.scenario_names()[target]
    row = next(r for r, result_row in enumerate(page.result.rows)
               if result_row.doc.session_id is None and result_row.classification.scenario != target)
    doc = page.result.rows[row].doc
    before = table_counts(page.scenario_table).get(target_name, 0)
    table.setFocus()
    select_row(table, row)
    monkeypatch.setattr("desktop.pages.analysis.Picker.ask", lambda self: target)
    qtbot.keyClick(table, Qt.Key.Key_M)
    settle(qtbot, page, lambda: table_counts(page.scenario_table).get(target_name, 0) == before + 1)
    assert stored(analysis_file, "SELECT scenario_code FROM text_codes WHERE doc = ?", [doc.doc]) == [(target,)]
    assert page.text_table.item(row, 3).text() == "手工"
    # N: the text belongs to no scenario
    select_row(table, row)
    qtbot.keyClick(table, Qt.Key.Key_N)
    settle(qtbot, page, lambda: table_counts(page.scenario_table).get(target_name, 0) == before)
    assert stored(analysis_file, "SELECT scenario_code FROM text_codes WHERE doc = ?", [doc.doc]) == [(None,)]
    assert "不属于任何场景" in page.message.text()
    # the window's next reload finds the file as the analysis knows it: nothing is rebuilt
    analysis = page.analysis
    window.reload()
    settle(qtbot, page)
    assert page.analysis is analysis


def test_a_project_word_becomes_a_term(qtbot, window, analysis_file):
    page = open_page(qtbot, window, analysis_file)
    assert "临江通" not in page.result.report.frequencies
    page.tabs.setCurrentIndex(TABS.index("dictionary"))
    assert page.term_kind.currentData() == "word"
    page.term_line.setFocus()
    page.term_line.setText("临江通")
    qtbot.keyClick(page.term_line, Qt.Key.Key_Return)
    settle(qtbot, page, lambda: "临江通" in page.result.report.frequencies)
    assert stored(analysis_file, "SELECT kind, term FROM text_terms") == [("word", "临江通")]
    assert [page.term_table.item(0, c).text() for c in range(2)] == ["自定义词", "临江通"]
    assert "重新切分了 3 条文本" in page.message.text()
    # removing it (Delete on the dictionary's table) cuts those texts as before
    page.term_table.setFocus()
    select_row(page.term_table, 0)
    qtbot.keyClick(page.term_table, Qt.Key.Key_Delete)
    settle(qtbot, page, lambda: "临江通" not in page.result.report.frequencies)
    assert stored(analysis_file, "SELECT kind, term FROM text_terms") == []
    assert page.term_table.rowCount() == 0


def test_empty_states(qtbot, window, tmp_path):
    page = window.pages["analysis"]
    window.show_page("analysis")
    assert page.stack.currentWidget() is page.empty
    assert page.empty.headline.text() == "还没有打开项目"
    path = tmp_path / "empty.huizhi"
    with create_project(path, title="空项目") as project:
        create_survey(project, load_template("citizen"))
        add_responses(project, 1, [ResponseRecord({"phone": "13912345678"}, "citizen", submitted_at="2026-10-01T09:00:00")])
    window.open_project(path)
    qtbot.waitUntil(lambda: window.view is not None and ops.running() == 0 and page.analysis is not None, timeout=30_000)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.headline.text() == "还没有可以分析的文本"
    assert "开放题" in page.empty.text.text()
    window.close_project()
    assert page.empty.headline.text() == "还没有打开项目"
