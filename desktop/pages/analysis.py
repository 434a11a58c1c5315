"""分析 Analysis: what citizens, departments and workshop participants said, by slice.

The page holds one :class:`~analysis.text.analysis.TextAnalysis` of the open project,
built on the project lane (segmenting only texts not cached yet) and rebuilt when the
project file changed. A slice (question, stakeholder group, dates, workshop session) and a
keyword method give a report, also computed on the lane; the tabs show it: keywords with
their contexts, the word cloud, classification into domains and scenarios (re-coded by
hand in one step), quotes and sentiment, co-occurring pairs, and the project's own words.
Pictures (word cloud, network) are drawn on a background thread. The UI thread never
segments, classifies or counts.
"""

from __future__ import annotations

import html
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workspace.files import atomic_output
from workspace.project import Project

from .. import ops
from ..widgets import ACCENT, MUTED, Card, EmptyState, PageHeader, icon, label, local
from ..workshops.common import Picker
from . import Page, ProjectView

if TYPE_CHECKING:
    from analysis.text.analysis import Slice, SliceReport, TextAnalysis
    from analysis.text.classify import Classification
    from analysis.text.corpus import Document

TABS = ("keywords", "cloud", "classification", "quotes", "cooccurrence", "dictionary")
MAX_ROWS = 300
"""Texts shown at most in the classification table (the filter narrows it down)."""
DEBOUNCE_MS = 300
CONTEXTS = 12
CONTEXT_WIDTH = 30
"""Snippets shown for the selected keyword, and characters either side of it."""
_NO_DATE = QDate(2000, 1, 1)
_NO_SCENARIO = ""
"""The picker's value for "belongs to no scenario" (None means the picker was cancelled)."""
SENTIMENT_COLOURS = {"negative": "#D9534F", "neutral": "#9AA5B1", "positive": "#1BA39C"}


# -- what the lane hands back --------------------------------------------------------------------------


@dataclass(frozen=True)
class TextRow:
    """One text of the classification table."""

    doc: Document
    text: str
    """The text with personal details masked."""
    classification: Classification
    hand: bool
    """Coded by a facilitator (or placed on the workshop board) rather than by the classifier."""


@dataclass(frozen=True)
class SliceResult:
    slice: Slice
    method: str
    report: SliceReport
    rows: list[TextRow]
    matching: int
    """Texts of the slice that pass the table's filter (``rows`` holds at most MAX_ROWS)."""
    row_filter: tuple


class _LaneState:
    """The analysis as the project lane knows it. Touched only by work on the lane, so work
    queued behind a rebuild always sees the newest analysis."""

    def __init__(self) -> None:
        self.analysis: TextAnalysis | None = None
        self.source: tuple | None = None

    @staticmethod
    def fingerprint(project: Project) -> tuple:
        """Changes whenever the project file changed: writes on this connection (the lane's)
        count in ``total_changes``, commits by any other connection (the kiosk) move
        ``data_version``."""
        conn = project.db.conn
        return weakref.ref(project), conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]

    def is_current(self, project: Project) -> bool:
        if self.analysis is None or self.source is None:
            return False
        ref, changes, version = self.source
        _, now_changes, now_version = self.fingerprint(project)
        return ref() is project and (changes, version) == (now_changes, now_version)

    def remember(self, project: Project) -> None:
        self.source = self.fingerprint(project)


def _rows(analysis: TextAnalysis, docs: Sequence[Document], row_filter: tuple) -> tuple[list[TextRow], int]:
    from analysis.text.quotes import mask_personal

    kind = row_filter[0]
    rows: list[TextRow] = []
    matching = 0
    for doc in docs:
        c = analysis.classification(doc)
        hand = doc.doc in analysis.codes or doc.placed is not None
        if kind == "unclassified" and c.scenario is not None:
            continue
        if kind == "hand" and not hand:
            continue
        if kind == "scenario" and c.scenario != row_filter[1]:
            continue
        if kind == "domain" and c.domain != row_filter[1]:
            continue
        matching += 1
        if len(rows) < MAX_ROWS:
            rows.append(TextRow(doc, mask_personal(doc.text), c, hand))
    return rows, matching


def _slice_result(analysis: TextAnalysis, slice_: Slice, method: str, row_filter: tuple) -> SliceResult:
    report = analysis.report(slice_, method=method)
    rows, matching = _rows(analysis, analysis.select(slice_), row_filter)
    return SliceResult(slice_, method, report, rows, matching, row_filter)


def _with_codes(analysis: TextAnalysis, result: SliceResult, row_filter: tuple) -> SliceResult:
    """The result again with the classification as it is now (after hand codes) and the table's
    rows for ``row_filter``; keywords, quotes and the rest do not depend on codes and are kept."""
    docs = analysis.select(result.slice)
    domains, scenarios = analysis.shares(docs)
    report = replace(result.report, domains=domains, scenarios=scenarios)
    rows, matching = _rows(analysis, docs, row_filter)
    return SliceResult(result.slice, result.method, report, rows, matching, row_filter)


def _sentiment_by_group(analysis: TextAnalysis, slice_: Slice) -> dict[str | None, dict[str, int]]:
    """Each stakeholder group's sentiment counts in the slice (None: group not given)."""
    by_group: dict[str | None, list[Document]] = {}
    for doc in analysis.select(slice_):
        by_group.setdefault(doc.group, []).append(doc)
    return {group: analysis.sentiment(docs) for group, docs in by_group.items()}


# -- small widgets -----------------------------------------------------------------------------------------


class Picture(QWidget):
    """A PNG shown whole, scaled to fit and centred; a line of text while there is none."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.png: bytes | None = None
        self._pixmap = QPixmap()
        self.placeholder = placeholder
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_png(self, png: bytes | None) -> None:
        self.png = png
        self._pixmap = QPixmap()
        if png:
            self._pixmap.loadFromData(png, "PNG")
        self.update()

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._pixmap.isNull():
            painter.setPen(QColor(MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            painter.end()
            return
        size = self._pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        painter.drawPixmap(QRectF(x, y, size.width(), size.height()).toRect(), self._pixmap)
        painter.end()


class SentimentBar(QWidget):
    """One bar split into negative, neutral and positive, with a legend underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.names: dict[str, str] = {}
        self.setFixedHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: dict[str, int], names: dict[str, str]) -> None:
        self.counts, self.names = dict(counts), names
        total = sum(counts.values()) or 1
        self.setAccessibleDescription("; ".join(f"{names[k]}: {v} ({v / total:.0%})" for k, v in counts.items()))
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(self.counts.values())
        width = self.width()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#EEF2F7"))
        painter.drawRoundedRect(QRectF(0, 4, width, 22), 6, 6)
        x = 0.0
        if total:
            painter.save()
            clip = QRectF(0, 4, width, 22)
            path = QPainterPath()
            path.addRoundedRect(clip, 6, 6)
            painter.setClipPath(path)
            for key, value in self.counts.items():
                w = width * value / total
                painter.setBrush(QColor(SENTIMENT_COLOURS.get(key, ACCENT)))
                painter.drawRect(QRectF(x, 4, w, 22))
                x += w
            painter.restore()
        metrics = self.fontMetrics()
        x = 0.0
        for key, value in self.counts.items():
            painter.setBrush(QColor(SENTIMENT_COLOURS.get(key, ACCENT)))
            painter.drawRoundedRect(QRectF(x, 40, 12, 12), 3, 3)
            text = self.names.get(key, key)
            painter.setPen(QColor("#1F2933"))
            painter.drawText(QRectF(x + 18, 32, metrics.horizontalAdvance(text) + 4, 28),
                             Qt.AlignmentFlag.AlignVCenter, text)
            painter.setPen(Qt.PenStyle.NoPen)
            x += 18 + metrics.horizontalAdvance(text) + 24
        painter.end()


def _table(headers: Sequence[str], *, numeric: Sequence[int] = (), stretch: int = 0,
           multi: bool = False) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(28)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for c in numeric:
        item = table.horizontalHeaderItem(c)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    table.numeric = set(numeric)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[object]], data: Sequence[object] | None = None) -> None:
    """Rows of cells (already formatted); columns given as numeric are right-aligned.
    ``data`` (one per row) is kept on the first cell for finding the row's thing again."""
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]
    for c in range(table.columnCount()):  # sizing to contents after every item costs seconds for 300 rows
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
    table.setRowCount(len(rows))
    numeric = getattr(table, "numeric", set())
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0 and data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)
    for c, mode in enumerate(modes):
        header.setSectionResizeMode(c, mode)


def select_row(table: QTableWidget, row: int) -> None:
    """Make ``row`` the current and only selected row (``selectRow`` toggles when Ctrl is held)."""
    index = table.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(index, flags)


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_")[:80]


# -- the page ------------------------------------------------------------------------------------------------


class AnalysisPage(Page):
    key = "analysis"
    icon_name = "mdi6.chart-box-outline"
    scrolls = False  # the tabs fill the page; their tables scroll themselves

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ProjectView | None = None
        self.analysis: TextAnalysis | None = None
        """The analysis on screen (its names and slice choices); work uses the lane's."""
        self.result: SliceResult | None = None
        self._lane = _LaneState()
        self._path: str | None = None
        self._stale = False
        """The project may have changed since the analysis was built."""
        self._building = False
        self._report_serial = 0
        self._picture_serial = 0
        self._context_serial = 0
        self._cloud_for: SliceResult | None = None
        self._network_for: SliceResult | None = None
        self._group_sentiment_for: SliceResult | None = None
        self._terms: list[tuple[str, str, str]] = []
        self.content.setContentsMargins(24, 16, 24, 12)
        self.content.setSpacing(10)
        self.header = PageHeader(self.title(), self.subtitle())
        self.content.addWidget(self.header)
        self.stack = QStackedWidget()
        self.empty = EmptyState(self.icon_name, "", "")
        self.stack.addWidget(self.empty)
        self.main = QWidget()
        column = QVBoxLayout(self.main)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(self._slice_bar())
        self.slice_note = label("", "muted", wrap=True)
        self.slice_note.setVisible(False)
        column.addWidget(self.slice_note)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._keywords_tab(), icon("mdi6.format-list-numbered"), self.tr("关键词"))
        self.tabs.addTab(self._cloud_tab(), icon("mdi6.cloud-outline"), self.tr("词云"))
        self.tabs.addTab(self._classification_tab(), icon("mdi6.shape-outline"), self.tr("场景归类"))
        self.tabs.addTab(self._quotes_tab(), icon("mdi6.format-quote-open"), self.tr("原话与情感"))
        self.tabs.addTab(self._pairs_tab(), icon("mdi6.graph-outline"), self.tr("共现"))
        self.tabs.addTab(self._dictionary_tab(), icon("mdi6.book-alphabet"), self.tr("词典"))
        for i in range(self.tabs.count()):
            self.tabs.setTabToolTip(i, f"Alt+{i + 1}")
        self.tabs.currentChanged.connect(self._tab_shown)
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(self.main)
        order = [self.source_box, self.group_box, self.date_from, self.date_to, self.session_box, self.method_box,
                 self.reset_button, self.tabs]
        for first, second in pairwise(order):  # the slice bar in the order it reads
            QWidget.setTabOrder(first, second)
        self.content.addWidget(self.stack, 1)
        self.message = label("", "muted")
        self.content.addWidget(self.message)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message.setText(""))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.compute_report)
        self._shortcuts()
        self.clear()

    def title(self) -> str:
        return self.tr("分析")

    def subtitle(self) -> str:
        return self.tr("从市民和部门的原话中找出大家真正关心的事：关键词、词云、场景归类、原话与情感。")

    # -- layout ----------------------------------------------------------------------------------------------

    def _slice_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(8)

        def combo(name: str, width: int) -> QComboBox:
            box = QComboBox()
            box.setAccessibleName(name)
            box.setToolTip(name)
            box.setMinimumWidth(110)
            box.setMaximumWidth(width)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.currentIndexChanged.connect(self._slice_changed)
            return box

        self.source_box = combo(self.tr("文本来源：问卷题目或研讨会卡片"), 300)
        self.source_box.view().setMinimumWidth(420)
        self.group_box = combo(self.tr("相关方群体"), 150)
        self.session_box = combo(self.tr("研讨会"), 220)
        self.session_box.view().setMinimumWidth(320)
        self.method_box = combo(self.tr("关键词算法"), 130)
        self.method_box.addItem(self.tr("TF-IDF"), "tfidf")
        self.method_box.setItemData(0, self.tr("在这部分文本里常见、在全部文本里少见的词排在前面"), Qt.ItemDataRole.ToolTipRole)
        self.method_box.addItem(self.tr("TextRank"), "textrank")
        self.method_box.setItemData(1, self.tr("和很多其他词一起出现的词排在前面"), Qt.ItemDataRole.ToolTipRole)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, name in ((self.date_from, self.tr("开始日期")), (self.date_to, self.tr("结束日期"))):
            edit.setCalendarPopup(True)
            edit.setMinimumDate(_NO_DATE)
            edit.setSpecialValueText(self.tr("不限"))
            edit.setDate(_NO_DATE)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setToolTip(self.tr("{name}（最早的日期＝不限）").format(name=name))
            edit.dateChanged.connect(self._slice_changed)
        self.reset_button = QPushButton(icon("mdi6.filter-remove-outline"), self.tr("全部"))
        self.reset_button.setToolTip(self.tr("不再按题目、群体、日期和研讨会筛选"))
        self.reset_button.clicked.connect(self.reset_slice)
        self.reset_button.setStyleSheet("QPushButton { padding: 3px 12px; min-height: 18px; }")
        bar.addWidget(self.source_box)
        bar.addWidget(self.group_box)
        bar.addWidget(label(self.tr("日期"), "muted"))
        bar.addWidget(self.date_from)
        bar.addWidget(label("—", "muted"))
        bar.addWidget(self.date_to)
        bar.addWidget(self.session_box)
        bar.addWidget(self.method_box)
        bar.addWidget(self.reset_button)
        bar.addStretch(1)
        self.count_label = label("", "muted")
        bar.addWidget(self.count_label)
        return bar

    def _tab(self) -> tuple[QWidget, QVBoxLayout]:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(10)
        return tab, layout

    def _keywords_tab(self) -> QWidget:
        tab, layout = self._tab()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        left = Card(self.tr("关键词"))
        self.keyword_table = _table([self.tr("词语"), self.tr("次数"), self.tr("使用比例"), self.tr("得分")],
                                    numeric=(1, 2, 3))
        self.keyword_table.setAccessibleName(self.tr("关键词"))
        self.keyword_table.setToolTip(self.tr("使用比例：这部分文本中用到这个词的文本所占的比例"))
        self.keyword_table.itemSelectionChanged.connect(self._keyword_chosen)
        left.body.addWidget(self.keyword_table)
        self.keyword_note = label("", "muted", wrap=True)
        left.body.addWidget(self.keyword_note)
        stop = QAction(self.tr("设为停用词（不再作为关键词）"), self.keyword_table)
        stop.triggered.connect(self._keyword_to_stopword)
        self.keyword_table.addAction(stop)
        self.keyword_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(10)
        self.context_card = Card(self.tr("原文片段"))
        self.context_view = QTextBrowser()
        self.context_view.setTabChangesFocus(True)
        self.context_view.setAccessibleName(self.tr("关键词所在的原文片段"))
        self.context_view.setOpenLinks(False)
        self.context_card.body.addWidget(self.context_view)
        right_column.addWidget(self.context_card, 3)
        self.distinctive_card = Card(self.tr("这个群体的特色词"))
        self.distinctive_note = label("", "muted", wrap=True)
        self.distinctive_card.body.addWidget(self.distinctive_note)
        self.distinctive_table = _table([self.tr("词语"), self.tr("次数"), self.tr("使用比例"), self.tr("差异（z 值）")],
                                        numeric=(1, 2, 3))
        self.distinctive_table.setAccessibleName(self.tr("这个群体的特色词"))
        self.distinctive_card.body.addWidget(self.distinctive_table)
        right_column.addWidget(self.distinctive_card, 2)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([460, 560])
        layout.addWidget(splitter, 1)
        return tab

    def _cloud_tab(self) -> QWidget:
        tab, layout = self._tab()
        card = Card()
        self.cloud = Picture(self.tr("正在绘制词云…"))
        self.cloud.setAccessibleName(self.tr("词云"))
        card.body.addWidget(self.cloud, 1)
        row = QHBoxLayout()
        self.cloud_note = label(self.tr("字越大，说明这部分文本里提到得越多（最多 150 个词）。"), "muted")
        row.addWidget(self.cloud_note, 1)
        self.export_button = QPushButton(icon("mdi6.download"), self.tr("导出 PNG…"))
        self.export_button.setToolTip(self.tr("把词云保存为图片（Ctrl+Shift+E）"))
        self.export_button.clicked.connect(self.export_cloud)
        row.addWidget(self.export_button)
        card.body.addLayout(row)
        card.layout().setStretchFactor(card.body, 1)
        layout.addWidget(card, 1)
        return tab

    def _classification_tab(self) -> QWidget:
        tab, layout = self._tab()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.setSpacing(10)
        domains = Card(self.tr("按领域"))
        self.domain_table = _table([self.tr("领域"), self.tr("条数"), self.tr("占比")], numeric=(1, 2))
        self.domain_table.setAccessibleName(self.tr("按领域"))
        self.domain_table.itemActivated.connect(lambda item: self._filter_from_share(self.domain_table, "domain"))
        domains.body.addWidget(self.domain_table)
        scenarios = Card(self.tr("按场景"))
        self.scenario_table = _table([self.tr("场景"), self.tr("条数"), self.tr("占比")], numeric=(1, 2))
        self.scenario_table.setAccessibleName(self.tr("按场景"))
        self.scenario_table.itemActivated.connect(lambda item: self._filter_from_share(self.scenario_table, "scenario"))
        scenarios.body.addWidget(self.scenario_table)
        shares_hint = label(self.tr("在一行上按回车或双击：右边只列出这一类的文本。"), "muted", wrap=True)
        left_column.addWidget(domains, 4)
        left_column.addWidget(scenarios, 5)
        left_column.addWidget(shares_hint)
        texts = Card(self.tr("文本与归类"))
        filters = QHBoxLayout()
        filters.addWidget(label(self.tr("显示"), "muted"))
        self.row_filter = QComboBox()
        self.row_filter.setAccessibleName(self.tr("显示哪些文本"))
        self.row_filter.setMinimumWidth(200)
        self.row_filter.setMaximumWidth(340)
        self.row_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.row_filter.currentIndexChanged.connect(self._row_filter_changed)
        filters.addWidget(self.row_filter)
        filters.addStretch(1)
        self.rows_label = label("", "muted")
        filters.addWidget(self.rows_label)
        texts.body.addLayout(filters)
        self.text_table = _table([self.tr("文本"), self.tr("来自"), self.tr("场景"), self.tr("置信度")],
                                 numeric=(3,), multi=True)
        self.text_table.setAccessibleName(self.tr("文本与归类"))
        header = self.text_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c, width in ((1, 104), (2, 150)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            self.text_table.setColumnWidth(c, width)
        self.text_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        # keys are read in eventFilter: window-wide shortcuts of other pages (Delete, …) would make
        # shortcuts of our own ambiguous; the context menu shows the keys
        for text, key, slot in ((self.tr("改归类…"), "M", self.choose_code),
                                (self.tr("不属于任何场景"), "N", lambda: self.recode(self.selected_docs(), None)),
                                (self.tr("恢复自动归类"), "Backspace", lambda: self.uncode(self.selected_docs()))):
            action = QAction(f"{text}\t{key}", self.text_table)
            action.triggered.connect(slot)
            self.text_table.addAction(action)
        self.text_table.installEventFilter(self)
        self.text_table.itemDoubleClicked.connect(lambda _item: self.choose_code())
        texts.body.addWidget(self.text_table, 1)
        buttons = QHBoxLayout()
        self.code_button = QPushButton(icon("mdi6.tag-arrow-right-outline"), self.tr("改归类…"))
        self.code_button.setToolTip(self.tr("把选中的文本归入另一个场景（M 或回车）"))
        self.code_button.clicked.connect(self.choose_code)
        self.none_button = QPushButton(self.tr("不属于任何场景"))
        self.none_button.setToolTip(self.tr("选中的文本不属于任何场景（N）"))
        self.none_button.clicked.connect(lambda: self.recode(self.selected_docs(), None))
        self.uncode_button = QPushButton(self.tr("恢复自动归类"))
        self.uncode_button.setToolTip(self.tr("去掉手工归类，交回自动归类（Backspace）"))
        self.uncode_button.clicked.connect(lambda: self.uncode(self.selected_docs()))
        for button in (self.code_button, self.none_button, self.uncode_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        texts.body.addLayout(buttons)
        texts.body.addWidget(label(self.tr(
            "可以多选（Shift、Ctrl）。M 或回车：改归类；N：不属于任何场景；Backspace：恢复自动归类。"
            "手工归类写入项目，自动归类以后也会参考。"), "muted", wrap=True))
        texts.layout().setStretchFactor(texts.body, 1)
        splitter.addWidget(left)
        splitter.addWidget(texts)
        splitter.setSizes([350, 690])
        layout.addWidget(splitter, 1)
        return tab

    def _quotes_tab(self) -> QWidget:
        tab, layout = self._tab()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        quotes = Card(self.tr("有代表性的原话"))
        quotes.body.addWidget(label(self.tr("最能代表这部分文本、又彼此不重复的几条；电话、证件号和姓名已隐去。"), "muted", wrap=True))
        self.quote_view = QTextBrowser()
        self.quote_view.setTabChangesFocus(True)
        self.quote_view.setAccessibleName(self.tr("有代表性的原话"))
        quotes.body.addWidget(self.quote_view, 1)
        quotes.layout().setStretchFactor(quotes.body, 1)
        feeling = Card(self.tr("情感倾向"))
        self.sentiment_bar = SentimentBar()
        feeling.body.addWidget(self.sentiment_bar)
        self.sentiment_table = _table([self.tr("倾向"), self.tr("条数"), self.tr("占比")], numeric=(1, 2))
        self.sentiment_table.setAccessibleName(self.tr("情感倾向"))
        self.sentiment_table.setFixedHeight(self.sentiment_table.horizontalHeader().sizeHint().height() + 3 * 28 + 4)
        feeling.body.addWidget(self.sentiment_table)
        feeling.body.addWidget(label(self.tr("按情感词典判断：抱怨、不满为负面，满意、称赞为正面；"
                                             "只提建议或请求（希望增加…）的为中性。"), "muted", wrap=True))
        self.group_feeling_title = label(self.tr("各群体"), "card-title")
        feeling.body.addWidget(self.group_feeling_title)
        self.group_sentiment_table = _table([self.tr("群体"), self.tr("条数"), self.tr("负面"), self.tr("中性"),
                                             self.tr("正面")], numeric=(1, 2, 3, 4))
        self.group_sentiment_table.setAccessibleName(self.tr("各群体的情感倾向"))
        feeling.body.addWidget(self.group_sentiment_table, 1)
        feeling.layout().setStretchFactor(feeling.body, 1)
        splitter.addWidget(quotes)
        splitter.addWidget(feeling)
        splitter.setSizes([620, 400])
        layout.addWidget(splitter, 1)
        return tab

    def _pairs_tab(self) -> QWidget:
        tab, layout = self._tab()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        pairs = Card(self.tr("常一起出现的词"))
        self.pair_table = _table([self.tr("词语"), self.tr("词语"), self.tr("同时出现"), self.tr("提升度")],
                                 numeric=(2, 3), stretch=1)
        self.pair_table.setAccessibleName(self.tr("常一起出现的词"))
        pairs.body.addWidget(self.pair_table, 1)
        pairs.body.addWidget(label(self.tr("同时出现：两个词出现在同一条文本里的次数。提升度大于 1："
                                           "两个词一起出现得比偶然更多。"), "muted", wrap=True))
        pairs.layout().setStretchFactor(pairs.body, 1)
        network = Card(self.tr("关系图"))
        self.network = Picture(self.tr("正在绘制关系图…"))
        self.network.setAccessibleName(self.tr("共现关系图"))
        network.body.addWidget(self.network, 1)
        network.body.addWidget(label(self.tr("圆越大，这个词和其他词一起出现得越多；线越粗，两个词一起出现得越多。"), "muted", wrap=True))
        network.layout().setStretchFactor(network.body, 1)
        splitter.addWidget(pairs)
        splitter.addWidget(network)
        splitter.setSizes([400, 620])
        layout.addWidget(splitter, 1)
        return tab

    def _dictionary_tab(self) -> QWidget:
        tab, layout = self._tab()
        card = Card(self.tr("项目词典"))
        card.body.addWidget(label(self.tr(
            "自定义词让分词把专有名词（如“一网通办”“临江通”）当作一个词；停用词不再作为关键词出现；"
            "同义词把不同说法合并到一个词下（如“停车位”合并为“车位”）。添加或删除后只重新切分用到这个词的文本。"),
            "muted", wrap=True))
        form = QHBoxLayout()
        self.term_kind = QComboBox()
        self.term_kind.setAccessibleName(self.tr("词语类型"))
        for code, name in self.kind_names().items():
            self.term_kind.addItem(name, code)
        self.term_kind.currentIndexChanged.connect(self._term_kind_changed)
        self.term_line = QLineEdit()
        self.term_line.setPlaceholderText(self.tr("词语"))
        self.term_line.setAccessibleName(self.tr("词语"))
        self.term_line.returnPressed.connect(self.add_term_from_form)
        self.target_line = QLineEdit()
        self.target_line.setPlaceholderText(self.tr("合并为…"))
        self.target_line.setAccessibleName(self.tr("合并为"))
        self.target_line.returnPressed.connect(self.add_term_from_form)
        self.add_term_button = QPushButton(icon("mdi6.plus", "#FFFFFF"), self.tr("添加"))
        self.add_term_button.setProperty("role", "primary")
        self.add_term_button.clicked.connect(self.add_term_from_form)
        form.addWidget(self.term_kind)
        form.addWidget(self.term_line, 2)
        self.arrow = label("→", "muted")
        form.addWidget(self.arrow)
        form.addWidget(self.target_line, 2)
        form.addWidget(self.add_term_button)
        card.body.addLayout(form)
        self.term_table = _table([self.tr("类型"), self.tr("词语"), self.tr("合并为")], stretch=1)
        self.term_table.setAccessibleName(self.tr("项目词典"))
        remove = QAction(self.tr("删除") + "\tDelete", self.term_table)
        remove.triggered.connect(self.remove_selected_term)
        self.term_table.addAction(remove)
        self.term_table.installEventFilter(self)
        self.term_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        card.body.addWidget(self.term_table, 1)
        row = QHBoxLayout()
        self.remove_term_button = QPushButton(icon("mdi6.delete-outline"), self.tr("删除所选"))
        self.remove_term_button.setToolTip(self.tr("删除选中的词（Delete）"))
        self.remove_term_button.clicked.connect(self.remove_selected_term)
        row.addWidget(self.remove_term_button)
        row.addStretch(1)
        self.terms_label = label("", "muted")
        row.addWidget(self.terms_label)
        card.body.addLayout(row)
        card.layout().setStretchFactor(card.body, 1)
        layout.addWidget(card, 1)
        self._term_kind_changed()
        return tab

    def _shortcuts(self) -> None:
        def shortcut(keys: str, slot) -> None:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        for n in range(len(TABS)):
            shortcut(f"Alt+{n + 1}", lambda _=False, i=n: self.tabs.setCurrentIndex(i))
        # Ctrl+E is the window's 导出简报; the picture's export takes Ctrl+Shift+E
        shortcut("Ctrl+Shift+E", self._export_shortcut)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            key = event.key()
            if watched is self.text_table:
                if key in (Qt.Key.Key_M, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.choose_code()
                    return True
                if key == Qt.Key.Key_N:
                    self.recode(self.selected_docs(), None)
                    return True
                if key == Qt.Key.Key_Backspace:
                    self.uncode(self.selected_docs())
                    return True
            elif watched is self.term_table and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_selected_term()
                return True
        return super().eventFilter(watched, event)

    def kind_names(self) -> dict[str, str]:
        return {"word": self.tr("自定义词"), "stopword": self.tr("停用词"), "synonym": self.tr("同义词")}

    # -- project and analysis -----------------------------------------------------------------------------------

    def show_view(self, view: ProjectView) -> None:
        if view.summary.path != self._path:
            self._forget(view.summary.path)
        self.view = view
        self._stale = True
        if self.isVisible():
            self.build()

    def clear(self) -> None:
        self._forget(None)
        self.view = None
        self._show_empty(self.tr("还没有打开项目"),
                         self.tr("打开一个项目，或在“文件”菜单里创建演示项目，这里就会分析开放题回答和研讨会卡片。"))

    def _forget(self, path: str | None) -> None:
        """Another project (or none): nothing of the last one stays on screen or on the lane."""
        self._path = path
        self._lane = _LaneState()
        self.analysis = None
        self.result = None
        self._cloud_for = self._network_for = self._group_sentiment_for = None
        self._report_serial += 1
        self._picture_serial += 1
        self._debounce.stop()
        self._stale = path is not None
        if path is not None:
            self._show_empty(self.tr("正在分析文本…"), self.tr("第一次分析要把每条文本切分成词，之后只切分新增的文本。"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.view is not None:
            self.build()

    def build(self) -> None:
        """(Re)build the analysis on the lane if the project changed since the last build."""
        if self._building or self.view is None:
            self._stale = self.view is not None
            return
        self._building, self._stale = True, False
        state = self._lane

        def work(project: Project, progress):
            from analysis.text.analysis import TextAnalysis
            from analysis.text.corpus import project_terms

            if state.is_current(project):
                return None
            # The previous analysis of this project lends the texts it already holds.
            state.analysis = TextAnalysis(project, previous=state.analysis, progress=progress)
            terms = project_terms(project)
            state.remember(project)
            return state.analysis, terms

        def done(outcome) -> None:
            self._building = False
            if state is not self._lane:
                return  # another project meanwhile
            if outcome is not None:
                analysis, terms = outcome
                self.analysis = analysis
                self._show_terms(terms)
                self._show_analysis()
            if self._stale and self.isVisible():
                self.build()

        def failed(error: BaseException) -> None:
            self._building = False
            ops.show_error(self.window(), error, self.tr("文本分析没有完成"))

        self.run(work, label=self.tr("正在分析文本…"), changes=False, success=done, failure=failed)

    def _show_empty(self, headline: str, text: str) -> None:
        self.empty.headline.setText(headline)
        self.empty.text.setText(text)
        self.stack.setCurrentWidget(self.empty)
        self.count_label.setText("")

    def _show_analysis(self) -> None:
        analysis = self.analysis
        if analysis is None:
            return
        if not analysis.documents:
            self._show_empty(self.tr("还没有可以分析的文本"), self.tr(
                "问卷的开放题（填空、文本题）收到答卷后，或研讨会记下卡片后，这里会显示关键词、词云、"
                "场景归类和有代表性的原话。可以在“实地采集”页收集或导入答卷，在“研讨会”页速记卡片。"))
            return
        self._fill_slice_bar()
        self.stack.setCurrentWidget(self.main)
        self.compute_report()

    # -- the slice ----------------------------------------------------------------------------------------------------

    def _fill_slice_bar(self) -> None:
        analysis, view = self.analysis, self.view
        if analysis is None or view is None:
            return
        surveys = {s.id: local(s.title) for s in view.surveys}
        sources: list[tuple[str, tuple]] = [(self.tr("全部文本"), ("all", None, None)),
                                           (self.tr("全部问卷开放题"), ("answer", None, None)),
                                           (self.tr("仅研讨会卡片"), ("card", None, None))]
        labels = [q.label for q in analysis.questions]
        for q in analysis.questions:
            caption = q.label if labels.count(q.label) == 1 else f"{q.label}（{surveys.get(q.survey_id, '')}）"
            sources.append((caption, ("answer", q.survey_id, q.name)))
        groups = [(self.tr("全部相关方"), None)] + [(name, code) for code, name in self.group_names().items()]
        sessions = [(self.tr("全部研讨会"), None)] + [(f"{s.title}　{s.held_on or ''}".strip(), s.id) for s in view.sessions]
        for box, items in ((self.source_box, sources), (self.group_box, groups), (self.session_box, sessions)):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            for caption, data in items:
                box.addItem(caption, data)
                box.setItemData(box.count() - 1, caption, Qt.ItemDataRole.ToolTipRole)
            index = box.findData(chosen) if chosen is not None else 0
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)
        self.session_box.setVisible(bool(view.sessions))
        self._sync_session_box()

    def _sync_session_box(self) -> None:
        source = self.source_box.currentData() or ("all", None, None)
        self.session_box.setEnabled(source[0] != "answer")

    def group_names(self) -> dict[str, str]:
        names = {g.code: local(g.name) for g in self.view.summary.groups if g.code} if self.view else {}
        analysis_names = self.analysis.groups if self.analysis else {}
        return {code: names.get(code, name) for code, name in analysis_names.items()}

    def current_slice(self) -> Slice:
        from analysis.text.analysis import Slice

        source, survey_id, question = self.source_box.currentData() or ("all", None, None)
        session = self.session_box.currentData() if source != "answer" else None

        def day(edit: QDateEdit) -> str | None:
            return None if edit.date() <= _NO_DATE else edit.date().toString("yyyy-MM-dd")

        return Slice(survey_id=survey_id, question=question, group=self.group_box.currentData(),
                     date_from=day(self.date_from), date_to=day(self.date_to), session_id=session,
                     source=source if session is None else "card")

    def method(self) -> str:
        return self.method_box.currentData() or "tfidf"

    def slice_caption(self) -> str:
        """The slice in words, for file names and headings."""
        parts = []
        if self.source_box.currentIndex() > 0:
            parts.append(self.source_box.currentText())
        if self.group_box.currentIndex() > 0:
            parts.append(self.group_box.currentText())
        s = self.current_slice()
        if s.date_from or s.date_to:
            parts.append(f"{s.date_from or ''}~{s.date_to or ''}")
        if s.session_id is not None:
            parts.append(self.session_box.currentText())
        return "-".join(parts) or self.tr("全部文本")

    def _slice_changed(self, *_args) -> None:
        self._sync_session_box()
        if self.analysis is not None:
            self._debounce.start()

    def reset_slice(self) -> None:
        self.set_slice()

    def set_slice(self, *, source: tuple | None = None, group: str | None = None, session: int | None = None,
                  date_from: str | None = None, date_to: str | None = None, method: str | None = None) -> None:
        """Choose a slice at once (no debounce); None is "any" (the method stays unless given)."""
        boxes = (self.source_box, self.group_box, self.session_box, self.method_box, self.date_from, self.date_to)
        for box in boxes:
            box.blockSignals(True)
        self.source_box.setCurrentIndex(max(self.source_box.findData(source), 0) if source else 0)
        self.group_box.setCurrentIndex(max(self.group_box.findData(group), 0) if group else 0)
        self.session_box.setCurrentIndex(max(self.session_box.findData(session), 0) if session else 0)
        if method:
            self.method_box.setCurrentIndex(max(self.method_box.findData(method), 0))
        self.date_from.setDate(QDate.fromString(date_from, "yyyy-MM-dd") if date_from else _NO_DATE)
        self.date_to.setDate(QDate.fromString(date_to, "yyyy-MM-dd") if date_to else _NO_DATE)
        for box in boxes:
            box.blockSignals(False)
        self._sync_session_box()
        self.compute_report()

    # -- reports ------------------------------------------------------------------------------------------------------

    def current_row_filter(self) -> tuple:
        return self.row_filter.currentData() or ("all",)

    def compute_report(self) -> None:
        """The report of the slice on screen, computed on the lane; only the newest request is
        computed, and only its answer shown."""
        self._debounce.stop()
        if self.analysis is None:
            return
        slice_, method, row_filter = self.current_slice(), self.method(), self.current_row_filter()
        self._report_serial += 1
        serial, state = self._report_serial, self._lane
        self.count_label.setText(self.tr("正在计算…"))

        def work(project: Project, progress):
            if serial != self._report_serial or state.analysis is None:
                return None  # a newer request is queued behind this one
            return _slice_result(state.analysis, slice_, method, row_filter)

        self.run(work, label=self.tr("正在计算切片…"), changes=False,
                 success=lambda result: self._report_ready(serial, result))

    def _report_ready(self, serial: int, result: SliceResult | None) -> None:
        if result is None or serial != self._report_serial:
            return
        self.result = result
        self.show_result(result)

    def show_result(self, result: SliceResult) -> None:
        report = result.report
        self.count_label.setText(self.tr("这部分共 {n} 条文本").format(n=f"{report.texts:,}"))
        if not report.texts:
            self.slice_note.setText(self.tr("这部分没有文本：换一个题目、群体、日期或研讨会，或按“全部”回到全部文本。"))
        self.slice_note.setVisible(not report.texts)
        self._show_keywords(report)
        self._show_shares(result)
        self._show_rows(result)
        self._show_quotes(report)
        self._show_pairs(report)
        self._cloud_for = self._network_for = self._group_sentiment_for = None
        self._show_group_sentiment({})
        self._picture_serial += 1
        self.cloud.set_png(None)
        self.network.set_png(None)
        self.export_button.setEnabled(False)
        self._tab_shown(self.tabs.currentIndex())

    def _show_keywords(self, report: SliceReport) -> None:
        rows = [[k.term, f"{k.count:,}", f"{k.share:.1%}", f"{k.score:.2f}" if k.score < 100 else f"{k.score:,.0f}"]
                for k in report.keywords]
        _fill(self.keyword_table, rows, [k.term for k in report.keywords])
        self.keyword_note.setText(
            self.tr("TF-IDF：在这部分文本里常见、在全部文本里少见的词得分高。") if self.method() == "tfidf"
            else self.tr("TextRank：和很多其他词一起出现的词得分高。"))
        if report.keywords:
            self.keyword_table.blockSignals(True)  # row 0 may be selected already: show its contexts anyway
            select_row(self.keyword_table, 0)
            self.keyword_table.blockSignals(False)
            self._keyword_chosen()
        else:
            self.context_card.heading.setText(self.tr("原文片段"))
            self.context_view.setHtml(f"<p style='color:{MUTED}'>{html.escape(self.tr('没有关键词。'))}</p>")
        grouped = self.current_slice().group is not None
        self.distinctive_card.setVisible(grouped)
        if grouped:
            name = self.group_box.currentText()
            self.distinctive_card.heading.setText(self.tr("{group}的特色词").format(group=name))
            self.distinctive_note.setText(
                self.tr("与其他群体相比，{group}更常提到这些词（对数几率比，z 值越大差别越明显）。").format(group=name)
                if report.distinctive else
                self.tr("{group}在这部分的文本太少，或和其他群体说法相近，还看不出特色词。").format(group=name))
            _fill(self.distinctive_table, [[k.term, f"{k.count:,}", f"{k.share:.1%}", f"{k.score:.1f}"]
                                           for k in report.distinctive], [k.term for k in report.distinctive])
            self.distinctive_table.setVisible(bool(report.distinctive))

    def _keyword_chosen(self) -> None:
        """The selected keyword's contexts: the report's few at once, then more (wider) from the lane."""
        rows = self.keyword_table.selectionModel().selectedRows()
        if not rows or self.result is None:
            return
        term = self.keyword_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        keyword = next((k for k in self.result.report.keywords if k.term == term), None)
        self.context_card.heading.setText(
            self.tr("原文片段：{term}（{count} 次，{share} 的文本用到）").format(
                term=term, count=f"{keyword.count:,}", share=f"{keyword.share:.1%}") if keyword
            else self.tr("原文片段：{term}").format(term=term))
        snippets = self.result.report.contexts.get(term)
        if snippets is not None:
            self._show_contexts(term, snippets)
        else:
            self.context_view.setHtml(f"<p style='color:{MUTED}'>{html.escape(self.tr('正在查找…'))}</p>")
        result, state = self.result, self._lane
        self._context_serial += 1
        serial = self._context_serial

        def work(project: Project, progress):
            analysis = state.analysis
            if analysis is None or serial != self._context_serial:
                return None
            return analysis.contexts(analysis.select(result.slice), term, limit=CONTEXTS, width=CONTEXT_WIDTH)

        def shown(snippets: list[str] | None) -> None:
            if snippets is not None and serial == self._context_serial and self.result is result:
                self._show_contexts(term, snippets)

        self.run(work, changes=False, success=shown)

    def _selected_keyword(self) -> str | None:
        rows = self.keyword_table.selectionModel().selectedRows()
        return self.keyword_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _show_contexts(self, term: str, snippets: Sequence[str]) -> None:
        if not snippets:
            self.context_view.setHtml(f"<p style='color:{MUTED}'>{html.escape(self.tr('没有找到原文片段。'))}</p>")
            return
        forms = [term]
        if self.analysis is not None:
            forms += [v for v, canonical in self.analysis.corpus.settings.synonyms.items() if canonical == term]
        pattern = re.compile("|".join(re.escape(html.escape(f)) for f in sorted(set(forms), key=len, reverse=True)))
        items = []
        for snippet in snippets:
            marked = pattern.sub(lambda m: f"<b style='color:{ACCENT}'>{m.group(0)}</b>", html.escape(snippet))
            items.append(f"<p style='margin:0 0 10px 0; line-height:150%'>{marked}</p>")
        self.context_view.setHtml("".join(items))

    def _show_shares(self, result: SliceResult) -> None:
        report = result.report
        total = report.texts
        domain_names, scenario_names = self.domain_names(), self.scenario_names()
        unclassified = self.tr("未归类")
        domains = list(report.domains.items())
        _fill(self.domain_table, [[domain_names.get(c, c) if c else unclassified, f"{n:,}", _percent(n, total)]
                                  for c, n in domains], [c for c, _ in domains])
        scenarios = list(report.scenarios.items())
        _fill(self.scenario_table, [[scenario_names.get(c, c) if c else unclassified, f"{n:,}", _percent(n, total)]
                                    for c, n in scenarios], [c for c, _ in scenarios])
        chosen = self.current_row_filter()
        filters = [(self.tr("全部文本"), ("all",)), (self.tr("未归类的文本"), ("unclassified",)),
                   (self.tr("手工归类的文本"), ("hand",))]
        filters += [(self.tr("领域：{name}").format(name=domain_names.get(c, c)), ("domain", c)) for c, _ in domains if c]
        filters += [(self.tr("场景：{name}").format(name=scenario_names.get(c, c)), ("scenario", c))
                    for c, _ in scenarios if c]
        if chosen not in [f for _, f in filters]:
            filters.append((self._filter_caption(chosen), chosen))  # keep what was chosen, even if now empty
        self.row_filter.blockSignals(True)
        self.row_filter.clear()
        for caption, data in filters:
            self.row_filter.addItem(caption, data)
        self.row_filter.setCurrentIndex(max(self.row_filter.findData(chosen), 0))
        self.row_filter.blockSignals(False)

    def _filter_caption(self, row_filter: tuple) -> str:
        if row_filter[0] == "domain":
            return self.tr("领域：{name}").format(name=self.domain_names().get(row_filter[1], row_filter[1]))
        if row_filter[0] == "scenario":
            return self.tr("场景：{name}").format(name=self.scenario_names().get(row_filter[1], row_filter[1]))
        return self.tr("全部文本")

    def _show_rows(self, result: SliceResult) -> None:
        scenario_names = self.scenario_names()
        question_labels = {(q.survey_id, q.name): q.label for q in self.analysis.questions} if self.analysis else {}
        sessions = {s.id: s.title for s in self.view.sessions} if self.view else {}
        groups = self.group_names()
        rows, sources = [], []
        for row in result.rows:
            doc, c = row.doc, row.classification
            group = groups.get(doc.group, doc.group) if doc.group else self.tr("未注明")
            if doc.session_id is not None:
                rows_from = self.tr("{group} · 卡片").format(group=group)
                sources.append(self.tr("研讨会卡片：{session}").format(session=sessions.get(doc.session_id, "")))
            else:
                rows_from = self.tr("{group} · 问卷").format(group=group)
                sources.append(self.tr("问卷题目：{question}").format(
                    question=question_labels.get((doc.survey_id, doc.question), doc.question or "")))
            names = [scenario_names.get(code, code) for code in (c.scenarios or ((c.scenario,) if c.scenario else ()))]
            scenario = self.tr("、").join(names) if names else self.tr("未归类")
            confidence = self.tr("手工") if row.hand else (f"{c.confidence:.0%}" if c.scenario else "–")
            rows.append([row.text.replace("\n", " "), rows_from, scenario, confidence])
        keep = self.text_table.currentRow()
        _fill(self.text_table, rows, [row.doc.doc for row in result.rows])
        for r, row in enumerate(result.rows):
            self.text_table.item(r, 0).setToolTip(row.text)
            self.text_table.item(r, 1).setToolTip(sources[r])
            why = row.classification.why
            tip = rows[r][2] + ("\n" + self.tr("依据：{terms}").format(terms="、".join(why)) if why and not row.hand else "")
            self.text_table.item(r, 2).setToolTip(tip)
        if result.rows:
            select_row(self.text_table, min(max(keep, 0), len(result.rows) - 1))
        if result.matching > len(result.rows):
            self.rows_label.setText(self.tr("列出前 {shown} 条，共 {n} 条").format(
                shown=len(result.rows), n=f"{result.matching:,}"))
            self.rows_label.setToolTip(self.tr("用“显示”或上面的切片缩小范围，就能看到其余的文本。"))
        else:
            self.rows_label.setText(self.tr("{n} 条").format(n=f"{result.matching:,}"))
            self.rows_label.setToolTip("")
        for button in (self.code_button, self.none_button, self.uncode_button):
            button.setEnabled(bool(result.rows))

    def _show_quotes(self, report: SliceReport) -> None:
        groups = self.group_names()
        source_names = {"answer": self.tr("问卷回答"), "card": self.tr("研讨会卡片")}
        if not report.quotes:
            self.quote_view.setHtml(f"<p style='color:{MUTED}'>{html.escape(self.tr('这部分文本太少或太短，选不出有代表性的原话。'))}</p>")
        else:
            parts = []
            for quote in report.quotes:
                who = groups.get(quote.group, self.tr("未注明")) if quote.group else self.tr("未注明")
                parts.append(
                    f"<p style='margin:0 0 4px 0; font-size:11.5pt; line-height:150%'>“{html.escape(quote.text)}”</p>"
                    f"<p style='margin:0 0 16px 0; color:{MUTED}'>—— {html.escape(who)} · "
                    f"{html.escape(source_names.get(quote.source, quote.source))}</p>")
            self.quote_view.setHtml("".join(parts))
        names = self.sentiment_names()
        total = sum(report.sentiment.values())
        self.sentiment_bar.set_counts(report.sentiment, names)
        _fill(self.sentiment_table, [[names.get(k, k), f"{v:,}", _percent(v, total)] for k, v in report.sentiment.items()])

    def _compute_group_sentiment(self, result: SliceResult) -> None:
        """Sentiment by group, only when the quotes tab is shown (a second pass over the slice)."""
        self._group_sentiment_for = result
        if result.slice.group is not None:
            return
        state = self._lane

        def work(project: Project, progress):
            if self.result is not result or state.analysis is None:
                return None
            return _sentiment_by_group(state.analysis, result.slice)

        def shown(by_group) -> None:
            if by_group is not None and self.result is result:
                self._show_group_sentiment(by_group)

        self.run(work, changes=False, success=shown)

    def _show_group_sentiment(self, by_group: dict[str | None, dict[str, int]]) -> None:
        groups = self.group_names()
        by_group = sorted(by_group.items(), key=lambda item: -sum(item[1].values()))
        rows = []
        for code, counts in by_group:
            total = sum(counts.values())
            rows.append([groups.get(code, code) if code else self.tr("未注明"), f"{total:,}",
                         *(_percent(counts.get(k, 0), total) for k in ("negative", "neutral", "positive"))])
        _fill(self.group_sentiment_table, rows)
        shown = len(rows) > 1
        self.group_feeling_title.setVisible(shown)
        self.group_sentiment_table.setVisible(shown)

    def sentiment_names(self) -> dict[str, str]:
        return {"negative": self.tr("负面"), "neutral": self.tr("中性"), "positive": self.tr("正面")}

    def _show_pairs(self, report: SliceReport) -> None:
        _fill(self.pair_table, [[p.a, p.b, f"{p.count:,}", f"{p.lift:.2f}"] for p in report.pairs])

    def domain_names(self) -> dict[str, str]:
        names = dict(self.analysis.domain_names) if self.analysis else {}
        if self.view is not None:
            names.update({d.code: local(d.name) for d in self.view.domains})
        return names

    def scenario_names(self) -> dict[str, str]:
        names = dict(self.analysis.scenario_names) if self.analysis else {}
        if self.view is not None:
            names.update({s.code: local(s.name) for s in self.view.scenarios})
        return names

    # -- pictures --------------------------------------------------------------------------------------------------

    def _tab_shown(self, index: int) -> None:
        result = self.result
        if result is None:
            return
        name = TABS[index] if 0 <= index < len(TABS) else ""
        if name == "cloud" and self._cloud_for is not result:
            self._draw_cloud(result)
        elif name == "cooccurrence" and self._network_for is not result:
            self._draw_network(result)
        elif name == "quotes" and self._group_sentiment_for is not result:
            self._compute_group_sentiment(result)

    def _draw(self, work: Callable[[], bytes], shown: Callable[[bytes | None], None]) -> None:
        """Draw a picture on a background thread (it needs no project), then show it if it is
        still the picture of the report on screen."""
        serial = self._picture_serial

        def drawn(png: bytes | None) -> None:
            if serial == self._picture_serial:
                shown(png)

        ops.Op(self.window(), lambda _progress: work()).success(drawn).failure(
            lambda error: self.say(ops.error_text(error), error=True)).run()

    def _draw_cloud(self, result: SliceResult) -> None:
        from analysis.charts import word_cloud_png

        self._cloud_for = result
        frequencies = dict(result.report.frequencies)
        if not frequencies:
            self.cloud.set_png(None)
            self.cloud.set_placeholder(self.tr("这部分文本里没有可以画进词云的词。"))
            return
        self.cloud.set_placeholder(self.tr("正在绘制词云…"))

        def shown(png: bytes | None) -> None:
            self.cloud.set_png(png)
            self.export_button.setEnabled(bool(png))

        self._draw(lambda: word_cloud_png(frequencies), shown)

    def _draw_network(self, result: SliceResult) -> None:
        from analysis.charts import network_png

        self._network_for = result
        pairs = list(result.report.pairs)
        if not pairs:
            self.network.set_png(None)
            self.network.set_placeholder(self.tr("这部分文本里没有经常一起出现的词。"))
            return
        self.network.set_placeholder(self.tr("正在绘制关系图…"))
        self._draw(lambda: network_png(pairs), self.network.set_png)

    def _export_shortcut(self) -> None:
        if self.tabs.currentIndex() != TABS.index("cloud"):
            self.tabs.setCurrentIndex(TABS.index("cloud"))
        if self.export_button.isEnabled():
            self.export_cloud()
        else:
            self.say(self.tr("词云还在绘制，请稍候再导出。"))

    def export_cloud(self) -> None:
        png = self.cloud.png
        if not png:
            return
        name = _safe_name(f"{Path(self._path).stem if self._path else ''}-{self.tr('词云')}-{self.slice_caption()}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出词云"), str(Path(self._folder()) / f"{name}.png"),
                                              self.tr("PNG 图片 (*.png)"))
        if path:
            self.write_png(Path(path), png)

    def write_png(self, path: Path, png: bytes) -> None:
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        try:
            with atomic_output(path) as tmp:
                tmp.write_bytes(png)
        except OSError as error:
            self.say(self.tr("无法保存图片：{error}").format(error=error), error=True)
            return
        self.say(self.tr("词云已导出：{path}").format(path=path))

    # -- re-coding ---------------------------------------------------------------------------------------------------

    def selected_docs(self) -> list[Document]:
        if self.result is None:
            return []
        by_key = {row.doc.doc: row.doc for row in self.result.rows}
        rows = sorted({index.row() for index in self.text_table.selectionModel().selectedRows()})
        return [by_key[self.text_table.item(r, 0).data(Qt.ItemDataRole.UserRole)] for r in rows
                if self.text_table.item(r, 0) is not None]

    def code_choices(self) -> list[tuple[str, str]]:
        domain_names = self.domain_names()
        scenarios = [s for s in self.view.scenarios if not s.retired] if self.view else []
        return [(self.tr("不属于任何场景"), _NO_SCENARIO)] + [
            (f"{domain_names.get(s.domain, s.domain)} · {local(s.name)}", s.code) for s in scenarios]

    def choose_code(self) -> None:
        docs = self.selected_docs()
        if not docs:
            return
        picker = Picker(self.tr("改归类"), self.tr("选中的 {n} 条文本归入哪个场景？").format(n=len(docs)),
                        self.code_choices(), self)
        code = picker.ask()
        if code is not None:
            self.recode(docs, code or None)

    def recode(self, docs: Sequence[Document], code: str | None) -> None:
        """Write the facilitator's scenario for these texts (None: no scenario), then show the slice again."""
        if not docs:
            return
        self._change_codes(docs, lambda project, doc, analysis: self._write_code(project, doc, code, analysis),
                           self.tr("已把 {n} 条文本归入“{name}”").format(
                               n=len(docs), name=self.scenario_names().get(code, code) if code else self.tr("不属于任何场景")))

    def uncode(self, docs: Sequence[Document]) -> None:
        """Drop hand codes: the classifier (or the board placement) decides again."""
        if not docs:
            return

        def clear(project: Project, doc: Document, analysis: TextAnalysis) -> None:
            from analysis.text.corpus import clear_code

            clear_code(project, doc.doc)
            analysis.uncoded(doc)

        self._change_codes(docs, clear, self.tr("已恢复 {n} 条文本的自动归类").format(n=len(docs)))

    @staticmethod
    def _write_code(project: Project, doc: Document, code: str | None, analysis: TextAnalysis) -> None:
        from analysis.text.corpus import code_text

        code_text(project, doc.doc, doc.text, code)
        analysis.recoded(doc, code)

    def _change_codes(self, docs: Sequence[Document], change: Callable[[Project, Document, Any], None], done: str) -> None:
        if self.result is None:
            return
        state, docs = self._lane, list(docs)

        def work(project: Project, progress) -> None:
            analysis = state.analysis
            if analysis is None:
                return
            fresh = state.is_current(project)
            with project.transaction():
                for doc in docs:
                    change(project, doc, analysis)
            if fresh:
                state.remember(project)  # our own write: the analysis already knows it

        def written(_nothing) -> None:
            self.say(done)
            self.data_changed.emit()

        self.run(work, label=self.tr("正在保存归类…"), changes=False, success=written)
        self.compute_rows()

    def compute_rows(self) -> None:
        """Shares and the table's rows again (after re-coding or another filter): the rest of the
        report stays as it is, so this is quick even when the report is not."""
        result = self.result
        if result is None:
            return
        state, row_filter = self._lane, self.current_row_filter()
        self._report_serial += 1
        serial = self._report_serial

        def work(project: Project, progress):
            if serial != self._report_serial or state.analysis is None:
                return None
            return _with_codes(state.analysis, result, row_filter)

        def shown(fresh: SliceResult | None) -> None:
            if fresh is None or serial != self._report_serial:
                return
            for name in ("_cloud_for", "_network_for", "_group_sentiment_for"):
                if getattr(self, name) is result:
                    setattr(self, name, fresh)  # the same words and pictures: nothing to draw again
            self.result = fresh
            self._show_shares(fresh)
            self._show_rows(fresh)

        self.run(work, changes=False, success=shown)

    def _row_filter_changed(self, *_args) -> None:
        self.compute_rows()

    def _filter_from_share(self, table: QTableWidget, kind: str) -> None:
        rows = table.selectionModel().selectedRows()
        if not rows:
            return
        code = table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        wanted = (kind, code) if code else ("unclassified",)
        index = self.row_filter.findData(wanted)
        if index >= 0:
            self.row_filter.setCurrentIndex(index)
            self.text_table.setFocus()

    # -- the project's words ----------------------------------------------------------------------------------------

    def _term_kind_changed(self, *_args) -> None:
        synonym = self.term_kind.currentData() == "synonym"
        self.target_line.setVisible(synonym)
        self.arrow.setVisible(synonym)
        self.term_line.setPlaceholderText(self.tr("不同的说法，如“停车位”") if synonym else self.tr("词语，如“一网通办”"))

    def _show_terms(self, terms: Sequence[tuple[str, str, str]]) -> None:
        self._terms = list(terms)
        names = self.kind_names()
        _fill(self.term_table, [[names.get(kind, kind), term, target] for kind, term, target in self._terms],
              [(kind, term) for kind, term, _ in self._terms])
        self.terms_label.setText(self.tr("共 {n} 个词").format(n=len(self._terms)) if self._terms
                                 else self.tr("还没有项目自己的词。"))
        self.remove_term_button.setEnabled(bool(self._terms))

    def add_term_from_form(self) -> None:
        kind, term, target = self.term_kind.currentData(), self.term_line.text().strip(), self.target_line.text().strip()
        if not term:
            self.say(self.tr("请先输入词语。"), error=True)
            self.term_line.setFocus()
            return
        if kind == "synonym" and not target:
            self.say(self.tr("同义词要写明合并为哪个词。"), error=True)
            self.target_line.setFocus()
            return
        if kind != "synonym":
            target = ""
        self.add_term(kind, term, target)

    def add_term(self, kind: str, term: str, target: str = "") -> None:
        state = self._lane

        def work(project: Project, progress):
            from analysis.text.corpus import add_project_term, project_terms

            n = add_project_term(project, kind, term, target, progress=progress)
            return n, project_terms(project)

        def done(outcome) -> None:
            if state is not self._lane:
                return  # another project meanwhile
            n, terms = outcome
            self.term_line.setText("")
            self.target_line.setText("")
            self._show_terms(terms)
            self.say(self.tr("已添加“{term}”，重新切分了 {n} 条文本").format(term=term, n=n) if n
                     else self.tr("已添加“{term}”").format(term=term))
            self.data_changed.emit()
            self.build()

        self.run(work, label=self.tr("正在更新词典…"), changes=False, success=done,
                 failure=lambda error: self.say(ops.error_text(error), error=True))

    def remove_selected_term(self) -> None:
        rows = self.term_table.selectionModel().selectedRows()
        if not rows:
            return
        kind, term = self.term_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        self.remove_term(kind, term)

    def remove_term(self, kind: str, term: str) -> None:
        state = self._lane

        def work(project: Project, progress):
            from analysis.text.corpus import project_terms, remove_project_term

            remove_project_term(project, kind, term, progress=progress)
            return project_terms(project)

        def done(terms) -> None:
            if state is not self._lane:
                return
            self._show_terms(terms)
            self.say(self.tr("已删除“{term}”").format(term=term))
            self.data_changed.emit()
            self.build()

        self.run(work, label=self.tr("正在更新词典…"), changes=False, success=done)

    def _keyword_to_stopword(self) -> None:
        term = self._selected_keyword()
        if term:
            self.add_term("stopword", term)

    # -- helpers --------------------------------------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self._message_timer.start(10_000 if error else 6_000)

    def _folder(self) -> str:
        return str(Path(self._path).parent) if self._path else str(Path.home())

    def extra_screenshots(self):
        def tab(name: str, **slice_):
            def set_up() -> None:
                self.tabs.setCurrentIndex(TABS.index(name))
                if self.analysis is not None:
                    wanted = self._slice_for(**slice_)
                    if self.result is None or (self.result.slice, self.result.method) != (wanted, self.method()):
                        self.set_slice(**slice_)
                    else:
                        self._tab_shown(self.tabs.currentIndex())
            return set_up

        groups = list(self.analysis.groups) if self.analysis else []
        first = "citizen" if "citizen" in groups else (groups[0] if groups else None)
        return [("analysis-keywords", tab("keywords", group=first)), ("analysis-cloud", tab("cloud")),
                ("analysis-classification", tab("classification")), ("analysis-quotes", tab("quotes")),
                ("analysis-cooccurrence", tab("cooccurrence")), ("analysis-dictionary", tab("dictionary"))]

    def _slice_for(self, **slice_) -> Slice:
        from analysis.text.analysis import Slice

        return Slice(group=slice_.get("group"))
