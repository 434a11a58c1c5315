"""The Priorities page's parts: the value × urgency matrix, the ranking table, the evidence
table of one scenario, the weight sliders, the per-group comparison and the robustness
table. Each is filled from a :class:`~analysis.priorities.ranking.Ranking`; none touches
the project file (the page does, on the lane).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..widgets import MUTED, SERIES, Card, label
from ..workshops.scoring import MatrixChart, MatrixPoint

if TYPE_CHECKING:
    from analysis.priorities.evidence import Evidence
    from analysis.priorities.ranking import Ranking
    from analysis.priorities.sources import EvidenceRow

QUADRANT_COLOURS = {"quick_win": "#2E8B57", "plan": "#2F6BDE", "quick_fix": "#E08A1E", "defer": "#9AA5B1",
                    "": "#9AA5B1"}
DOMAIN_COLOURS = [*SERIES, "#2E8B57", "#B5651D", "#C2185B", "#00838F", "#7CB342", "#5D4037", "#455A64"]
FLAG_BACKGROUND = "#FDECEA"
WEIGHT_STEPS = 100
"""A criterion slider runs 0–100 (percentage points of the raw weight)."""
GROUP_STEPS = 50
"""A group slider runs 0–50, tenths of a weight: 0 to 5 × an equal share."""


def quadrant_names() -> dict[str, str]:
    return {
        "quick_win": QCoreApplication.translate("Priorities", "先做"),
        "plan": QCoreApplication.translate("Priorities", "规划"),
        "quick_fix": QCoreApplication.translate("Priorities", "快速处理"),
        "defer": QCoreApplication.translate("Priorities", "暂缓"),
    }


def domain_colours(evidence: Evidence) -> dict[str, str]:
    domains = list(dict.fromkeys(s.domain for s in evidence.scenarios))
    return {code: DOMAIN_COLOURS[i % len(DOMAIN_COLOURS)] for i, code in enumerate(domains)}


def _item(text: str, *, align_right: bool = False, tip: str = "", data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        item.setToolTip(tip)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def configure(table: QTableWidget, *, rows: bool = True, alternate: bool = True) -> QTableWidget:
    """The look every table of the page shares: read-only, one selection (of a row when
    ``rows``), no grid, headers aligned left."""
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(alternate)
    table.setShowGrid(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def fill(table: QTableWidget, headers: list[str], rows: list[list[QTableWidgetItem]], stretch: int | None) -> None:
    """Replace a table's contents. Columns are measured once, after filling: with
    ResizeToContents on, every ``setItem`` would make the header re-measure its column
    (about 1 ms an item, which made a slider's re-rank take a second)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setUpdatesEnabled(False)
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, item in enumerate(cells):
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    if stretch is None:  # every column as wide as its contents, the last one filling the rest
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setUpdatesEnabled(True)


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def measure_text(value: float | None, share: bool) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.1f}%" if share else f"{value:.2f}"


class PriorityMatrix(MatrixChart):
    """Value (up) × urgency (right) of the ranked scenarios: bubble area ∝ support, colour =
    domain, a red ring on scenarios the stakeholder groups rank far apart."""

    corners = {"top_left": "plan", "top_right": "quick_win", "bottom_left": "defer", "bottom_right": "quick_fix"}
    colours = QUADRANT_COLOURS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.largest = 1.0
        self.setMinimumSize(420, 360)

    def corner_names(self) -> dict[str, str]:
        return quadrant_names()

    def radius(self, point: MatrixPoint) -> float:
        return 5 + 19 * math.sqrt(max(point.size, 0.0) / self.largest)

    def show_ranking(self, ranking: Ranking, colours: dict[str, str]) -> None:
        flagged = {d.scenario for d in ranking.flagged()}
        rows = [r for r in ranking.rows if r.value is not None and r.urgency is not None]
        self.largest = max([r.support for r in rows] + [1.0])
        self.set_points([MatrixPoint(f"{r.rank}. {r.info.name}", r.urgency, r.value, r.support, r.quadrant or "",
                                     r.code in flagged, colours.get(r.info.domain, "")) for r in rows])


class RankingTable(QTableWidget):
    """The combined ranking: one row per scenario, best first."""

    scenario_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure(self)
        self.setAccessibleName(self.tr("场景排序"))
        self.codes: list[str] = []
        self.itemSelectionChanged.connect(self._selected)

    def show_ranking(self, ranking: Ranking) -> None:
        keep = self.current_code()
        groups = list(ranking.groups)
        names = quadrant_names()
        headers = [self.tr("名次"), self.tr("场景"), self.tr("得分"), self.tr("象限"),
                   self.tr("前 {k} 概率").format(k=ranking.top_k), self.tr("区间"), self.tr("稳健性"),
                   *[ranking.groups[g] for g in groups]]
        self.blockSignals(True)
        self.codes = [row.code for row in ranking.rows]
        rows = []
        for row in ranking.rows:
            low, high = row.rank_interval
            cells = [
                _item(str(row.rank), align_right=True),
                _item(row.info.name, tip=f"{row.info.name}（{row.info.domain_name}，{row.code}）"),
                _item(f"{row.score:.3f}", align_right=True),
                _item(names.get(row.quadrant or "", "–")),
                _item(percent(row.p_top_k), align_right=True),
                _item(f"{low}–{high}" if low != high else str(low), align_right=True,
                      tip=self.tr("90% 的权重抽样中名次落在此区间")),
                _item(self.tr("稳定") if row.stable else self.tr("易变"),
                      tip=self.tr("前 {k} 名内外的归属在至少 90% 的抽样中不变").format(k=ranking.top_k)),
                *[_item(str(row.group_ranks.get(g) or "–"), align_right=True) for g in groups],
            ]
            if not row.stable:
                cells[6].setForeground(QColor("#C0392B"))
            rows.append(cells)
        fill(self, headers, rows, None)  # names in full; group columns scroll if the window is narrow
        if keep in self.codes:  # silently: the page shows the scenario's evidence itself
            self.selectRow(self.codes.index(keep))
        elif self.codes:
            self.selectRow(0)
        self.blockSignals(False)

    def current_code(self) -> str | None:
        row = self.currentRow()
        return self.codes[row] if 0 <= row < len(self.codes) else None

    def _selected(self) -> None:
        code = self.current_code()
        if code:
            self.scenario_selected.emit(code)


class EvidenceTable(QTableWidget):
    """One scenario's evidence: a row per criterion, a column for the combined value and one
    per group. Enter or a double click lists the answers, texts or scores behind a number."""

    open_requested = Signal(str, str, object)  # measure, scenario, group (None: all)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure(self, rows=False)
        self.setAccessibleName(self.tr("场景证据"))
        self.setToolTip(self.tr("双击或按 Enter：查看这个数字背后的答卷、意见或评分"))
        self.scenario = ""
        self.cellDoubleClicked.connect(lambda r, c: self._open(r, c))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self, lambda: self._open(self.currentRow(), self.currentColumn()),
                  context=Qt.ShortcutContext.WidgetShortcut)

    def show_scenario(self, ranking: Ranking, evidence: Evidence, code: str) -> None:
        self.scenario = code
        row = ranking.row(code)
        groups = list(ranking.groups)
        headers = [self.tr("证据"), self.tr("权重"), self.tr("综合"), *[ranking.groups[g] for g in groups]]
        rows = []
        for measure, weight in ranking.criteria:
            combined = row.criteria.get(measure.code) if row else None
            cells = [_item(measure_name(measure.code), data=measure.code), _item(percent(weight), align_right=True),
                     _item(measure_text(combined, measure.share), align_right=True, data=(measure.code, None))]
            rows.append(cells)
            for group in groups:
                cell = evidence.cell(measure.code, code, group) or evidence.cell(measure.code, code, "*")
                text = measure_text(cell.value, measure.share) if cell else "–"
                tip = self.tr("依据 {n} 条").format(n=cell.n) if cell else self.tr("没有证据")
                cells.append(_item(f"{text}  (n={cell.n})" if cell else text, align_right=True, tip=tip,
                                   data=(measure.code, group)))
        fill(self, headers, rows, 0)

    def _open(self, r: int, c: int) -> None:
        item = self.item(r, c)
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        if isinstance(data, tuple) and item.text() != "–":
            self.open_requested.emit(data[0], self.scenario, data[1])


def measure_name(code: str) -> str:
    """The criterion names as the UI shows them (translated)."""
    names = {
        "survey_choice": QCoreApplication.translate("Priorities", "问卷选择率"),
        "survey_value": QCoreApplication.translate("Priorities", "问卷价值分"),
        "survey_urgency": QCoreApplication.translate("Priorities", "问卷紧迫分"),
        "survey_importance": QCoreApplication.translate("Priorities", "重要性评价"),
        "text_share": QCoreApplication.translate("Priorities", "意见提及率"),
        "text_negative": QCoreApplication.translate("Priorities", "负面意见占比"),
        "workshop_value": QCoreApplication.translate("Priorities", "研讨会价值分"),
        "workshop_urgency": QCoreApplication.translate("Priorities", "研讨会紧迫分"),
        "workshop_feasibility": QCoreApplication.translate("Priorities", "研讨会可行性分"),
        "workshop_dots": QCoreApplication.translate("Priorities", "投票点占比"),
        "workshop_moscow": QCoreApplication.translate("Priorities", "MoSCoW 得分"),
        "swot_balance": QCoreApplication.translate("Priorities", "SWOT 平衡"),
    }
    return names.get(code, code)


class SwotSummary(Card):
    """The selected scenario's SWOT items, counted and the first few quoted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("SWOT 摘要"), parent)
        self.text = label("", "muted", wrap=True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.text)
        self.body.addStretch(1)

    def show_scenario(self, evidence: Evidence, code: str) -> None:
        import html

        quadrants = evidence.swot.get(code)
        if not quadrants:
            self.text.setText(self.tr("这个场景还没有 SWOT 条目。"))
            return
        names = {"S": self.tr("优势"), "W": self.tr("劣势"), "O": self.tr("机会"), "T": self.tr("威胁")}
        parts = []
        for q in "SWOT":
            items = quadrants.get(q, [])
            quoted = "；".join(html.escape(t) for t in items[:2]) + ("…" if len(items) > 2 else "")
            parts.append(f"<b>{names[q]} {len(items)}</b>　{quoted}")
        self.text.setText("<br>".join(parts))


class WeightPanel(Card):
    """A slider per criterion and per stakeholder group; moving one re-ranks at once."""

    weight_changed = Signal(str, float)  # criterion, raw weight
    group_weight_changed = Signal(str, float)
    released = Signal()
    """A drag ended: the next move is a new undo step."""

    ahp_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("权重"), parent)
        self.body.addWidget(label(self.tr("拖动即重新排序，自动保存；Ctrl+Z 撤销。"), "muted", wrap=True))
        self.ahp_button = QPushButton(self.tr("用 AHP 两两比较定权重…"))
        self.ahp_button.clicked.connect(self.ahp_requested)
        self.body.addWidget(self.ahp_button)
        self.origin = label("", "muted", wrap=True)
        self.body.addWidget(self.origin)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.body.addLayout(self.grid)
        self.body.addStretch(1)
        self.sliders: dict[tuple[str, str], QSlider] = {}
        self.shares: dict[tuple[str, str], QLabel] = {}

    def show_model(self, ranking: Ranking) -> None:
        """Rebuild the sliders for the criteria and groups of this ranking."""
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.sliders.clear()
        self.shares.clear()
        row = 0
        self.grid.addWidget(label(self.tr("证据标准"), "card-title"), row, 0, 1, 3)
        for measure, _ in ranking.criteria:
            row += 1
            raw = ranking.model.weights.get(measure.code, 0.0)
            self._slider(row, ("criterion", measure.code), measure_name(measure.code), round(raw * WEIGHT_STEPS),
                         WEIGHT_STEPS)
        row += 1
        self.grid.addWidget(label(self.tr("相关方群体"), "card-title"), row, 0, 1, 3)
        for group, name in ranking.groups.items():
            row += 1
            self._slider(row, ("group", group), name, round(ranking.model.group_weight(group) * 10), GROUP_STEPS)
        self.update_shares(ranking)

    def _slider(self, row: int, key: tuple[str, str], name: str, value: int, steps: int) -> None:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setMinimumWidth(90)
        slider.setRange(0, steps)
        slider.setValue(value)
        slider.setAccessibleName(name)
        slider.setPageStep(5)
        share = label("", "muted")
        share.setMinimumWidth(44)
        share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(QLabel(name), row, 0)
        self.grid.addWidget(slider, row, 1)
        self.grid.addWidget(share, row, 2)
        self.sliders[key] = slider
        self.shares[key] = share
        slider.sliderReleased.connect(self.released)
        if key[0] == "criterion":
            slider.valueChanged.connect(lambda v, code=key[1]: self.weight_changed.emit(code, v / WEIGHT_STEPS))
        else:
            slider.valueChanged.connect(lambda v, code=key[1]: self.group_weight_changed.emit(code, v / 10))

    def update_shares(self, ranking: Ranking) -> None:
        """The normalised weight beside each criterion slider, ×weight beside each group's,
        and where the criteria weights came from."""
        ahp = ranking.model.ahp
        self.origin.setText(self.tr("当前权重来自 AHP（CR = {cr:.3f}）").format(cr=ahp["cr"]) if ahp else "")
        self.origin.setVisible(bool(ahp))
        for measure, weight in ranking.criteria:
            if ("criterion", measure.code) in self.shares:
                self.shares[("criterion", measure.code)].setText(percent(weight))
        for group in ranking.groups:
            if ("group", group) in self.shares:
                self.shares[("group", group)].setText(f"×{ranking.model.group_weight(group):.1f}")


class GroupComparison(QTableWidget):
    """The ranking each stakeholder group's own evidence gives, side by side; the scenarios
    ranked furthest apart are shaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure(self, alternate=False)  # shading marks the disagreements
        self.setAccessibleName(self.tr("各群体排序对比"))
        self.codes: list[str] = []

    def show_ranking(self, ranking: Ranking) -> None:
        groups = list(ranking.groups)
        gaps = {d.scenario: d for d in ranking.disagreements}
        flagged = {d.scenario for d in ranking.flagged()}
        headers = [self.tr("场景"), self.tr("综合名次"), *[ranking.groups[g] for g in groups], self.tr("最大名次差")]
        self.codes = [row.code for row in ranking.rows]
        rows = []
        for row in ranking.rows:
            gap = gaps.get(row.code)
            cells = [_item(row.info.name), _item(str(row.rank), align_right=True)]
            for g in groups:
                rank = row.group_ranks.get(g)
                item = _item(str(rank) if rank else "–", align_right=True)
                if gap and row.code in flagged and g in (gap.high_group, gap.low_group):
                    item.setForeground(QColor("#2E8B57" if g == gap.high_group else "#C0392B"))
                cells.append(item)
            cells.append(_item(str(gap.gap) if gap else "–", align_right=True))
            if row.code in flagged:
                for item in cells:
                    item.setBackground(QColor(FLAG_BACKGROUND))
            rows.append(cells)
        fill(self, headers, rows, 0)


class StabilityTable(QTableWidget):
    """Per weighted criterion: how far its weight must move (others rescaled in proportion)
    before the top k changes, or before any two neighbours swap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure(self)
        self.setAccessibleName(self.tr("权重敏感性"))

    def show_ranking(self, ranking: Ranking) -> None:
        from analysis.priorities.ranking import weighted_criteria

        measures = weighted_criteria(ranking)
        names = {i: s.name for i, s in enumerate(ranking.scenarios)}
        headers = [self.tr("标准"), self.tr("当前权重"), self.tr("前 {k} 名改变：增加").format(k=ranking.top_k),
                   self.tr("减少"), self.tr("相邻互换：增加"), self.tr("减少"), self.tr("最先互换的场景")]

        def change(value: float | None) -> str:
            return self.tr("{v} 个百分点").format(v=f"{value * 100:.1f}") if value is not None else self.tr("不会改变")

        rows = []
        for s in ranking.stability:
            pair = s.swap_pair_up if (s.swap_up or math.inf) <= (s.swap_down or math.inf) else s.swap_pair_down
            cells = [
                _item(measure_name(measures[s.criterion].code)),
                _item(percent(s.weight), align_right=True),
                _item(change(s.top_k_up), align_right=True),
                _item(change(s.top_k_down), align_right=True),
                _item(change(s.swap_up), align_right=True),
                _item(change(s.swap_down), align_right=True),
                _item(f"{names[pair[0]]} ↔ {names[pair[1]]}" if pair else "–"),
            ]
            rows.append(cells)
        fill(self, headers, rows, 6)


class EvidenceDialog(QDialog):
    """The answers, texts, scores or SWOT items behind one number."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = label(self.tr("正在读取…"), "muted")
        layout.addWidget(self.summary)
        self.table = configure(QTableWidget(0, 5))
        self.table.setHorizontalHeaderLabels([self.tr("来源"), self.tr("出处"), self.tr("谁"), self.tr("值"),
                                              self.tr("内容")])
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_rows(self, rows: list[EvidenceRow], limit: int) -> None:
        headers = [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
        fill(self.table, headers, [[_item(text, tip=row.key if c == 2 else text)
                                    for c, text in enumerate((row.source, row.where, row.who, row.value, row.text))]
                                   for row in rows], 4)
        self.summary.setText(self.tr("共 {n} 条").format(n=len(rows)) if len(rows) < limit
                             else self.tr("显示前 {n} 条").format(n=limit))
        self.summary.setStyleSheet(f"color: {MUTED}")


def source_names() -> dict[str, str]:
    return {
        "survey": QCoreApplication.translate("Priorities", "问卷"),
        "text": QCoreApplication.translate("Priorities", "开放题意见"),
        "workshop": QCoreApplication.translate("Priorities", "研讨会"),
        "swot": QCoreApplication.translate("Priorities", "SWOT"),
    }


class AhpDialog(QDialog):
    """Weights of the evidence sources by AHP: one Saaty 1–9 judgement per pair, the
    priorities, λmax, CI and CR shown as the judgements change (CR > 0.1 in red)."""

    applied = Signal(list, list, str)  # matrix, sources, random index table

    def __init__(self, sources: list[str], previous: dict | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("用 AHP 确定证据来源的权重"))
        self.sources = sources
        names = source_names()
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("两两比较证据来源对排序的重要程度（Saaty 1–9 标度）。得到的权重再按当前比例分给每个来源下的各项证据。"),
                               "muted", wrap=True))
        grid = QGridLayout()
        self.pairs: list[tuple[int, int, QComboBox]] = []
        old = previous if previous and previous.get("sources") == sources else None
        for i in range(len(sources)):
            for j in range(i + 1, len(sources)):
                box = QComboBox()
                for v in range(9, 1, -1):
                    box.addItem(self._option(names[sources[i]], v), float(v))
                box.addItem(self.tr("同等重要（1）"), 1.0)
                for v in range(2, 10):
                    box.addItem(self._option(names[sources[j]], v), 1 / v)
                box.setCurrentIndex(self._index(box, old["matrix"][i][j] if old else 1.0))
                box.setAccessibleName(self.tr("{a} 与 {b}").format(a=names[sources[i]], b=names[sources[j]]))
                box.currentIndexChanged.connect(self.recompute)
                row = len(self.pairs)
                grid.addWidget(QLabel(names[sources[i]]), row, 0)
                grid.addWidget(box, row, 1)
                grid.addWidget(QLabel(names[sources[j]]), row, 2)
                self.pairs.append((i, j, box))
        layout.addLayout(grid)
        self.table_box = QComboBox()
        self.table_box.addItem(self.tr("随机一致性指标：Saaty 1980"), "saaty1980")
        self.table_box.addItem(self.tr("随机一致性指标：Alonso 与 Lamata 2006"), "alonso_lamata2006")
        if old:
            self.table_box.setCurrentIndex(max(0, self.table_box.findData(old.get("random_index"))))
        self.table_box.currentIndexChanged.connect(self.recompute)
        layout.addWidget(self.table_box)
        self.result = label("", "muted", wrap=True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("应用这些权重"))
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.recompute()

    def _option(self, name: str, v: int) -> str:
        """Saaty's verbal scale: 3 moderately, 5 strongly, 7 very strongly, 9 extremely more important."""
        words = {3: self.tr("稍微重要"), 5: self.tr("明显重要"), 7: self.tr("强烈重要"), 9: self.tr("极端重要")}
        word = words.get(v, self.tr("中间值"))
        return self.tr("{name}{word}（{v}）").format(name=name, word=word, v=v)

    @staticmethod
    def _index(box: QComboBox, value: float) -> int:
        return min(range(box.count()), key=lambda k: abs(math.log(box.itemData(k)) - math.log(value)))

    def matrix(self) -> list[list[float]]:
        n = len(self.sources)
        a = [[1.0] * n for _ in range(n)]
        for i, j, box in self.pairs:
            a[i][j] = box.currentData()
            a[j][i] = 1 / box.currentData()
        return a

    def recompute(self) -> None:
        from analysis.scoring import ahp

        result = ahp(self.matrix(), random_index=self.table_box.currentData())
        names = source_names()
        shares = "，".join(f"{names[s]} {w * 100:.1f}%" for s, w in zip(self.sources, result.weights, strict=True))
        warning = self.tr("CR 超过 0.1：判断前后矛盾，请调整")
        verdict = self.tr("一致性可以接受") if result.consistent else f"<span style='color:#C0392B'>{warning}</span>"
        self.result.setText(self.tr("权重：{shares}<br>λmax = {l:.3f}，CI = {ci:.3f}，CR = {cr:.3f}：{verdict}").format(
            shares=shares, l=result.lambda_max, ci=result.ci, cr=result.cr, verdict=verdict))
        self.last = result

    def _apply(self) -> None:
        self.applied.emit(self.matrix(), list(self.sources), self.table_box.currentData())
        self.accept()
