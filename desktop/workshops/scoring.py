"""Scoring rounds on screen: the keyboard grid, live results, and the value × urgency matrix.

The grid has one row per attending participant and one column per scenario (and
criterion). Typing a digit writes that cell and moves on; Backspace or Del clears it; in a
MoSCoW round M / S / C / W (or 1–4) choose. A typed value shows at once and is written to
the project file in the background; the results and the matrix follow each write.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QElapsedTimer, QModelIndex, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.scoring import MOSCOW, Round, RoundResults
from workshop.session import RoundState, SessionState

from ..widgets import ACCENT, MUTED, icon, label
from .common import criterion_name, group_name, moscow_names, priority_names, scenario_name

Key = tuple[int, str, str]  # participant id, scenario, criterion
QUADRANT_COLOURS = {"do_first": "#2E8B57", "plan": "#2F6BDE", "quick": "#E08A1E", "later": "#9AA5B1", "": "#9AA5B1"}


def grid_columns(current: Round) -> list[tuple[str, str]]:
    """(scenario, criterion) for each grid column, scenario-major."""
    if current.method == "scores":
        return [(code, c.code) for code in current.scenarios for c in current.criteria]
    return [(code, current.method) for code in current.scenarios]


class ScoreModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state: SessionState | None = None
        self.round: Round | None = None
        self.people = []
        self.columns: list[tuple[str, str]] = []
        self.entries: dict[Key, float] = {}
        self.pending: dict[Key, float | None] = {}
        """Values typed but not yet confirmed by the file; shown over ``entries``."""

    def set_round(self, state: SessionState, current: RoundState | None) -> None:
        same_shape = (current is not None and self.round is not None and current.round.id == self.round.id
                      and grid_columns(current.round) == self.columns
                      and [p.id for p in state.people if p.attended] == [p.id for p in self.people])
        self.state = state
        if same_shape:
            self.round = current.round
            self.people = [p for p in state.people if p.attended]
            self.entries = dict(current.entries)
            # a typed value stops being overlaid once the file has it
            self.pending = {k: v for k, v in self.pending.items() if self.entries.get(k) != v}
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, self.rowCount() - 1))
            return
        self.beginResetModel()
        self.round = current.round if current else None
        self.people = [p for p in state.people if p.attended] if current else []
        self.columns = grid_columns(current.round) if current else []
        self.entries = dict(current.entries) if current else {}
        self.pending = {}
        self.endResetModel()

    def key(self, index: QModelIndex) -> Key:
        code, criterion = self.columns[index.column()]
        return self.people[index.row()].id, code, criterion

    def value(self, key: Key) -> float | None:
        return self.pending[key] if key in self.pending else self.entries.get(key)

    def set_pending(self, key: Key, value: float | None) -> None:
        self.pending[key] = value
        row = next(i for i, p in enumerate(self.people) if p.id == key[0])
        column = self.columns.index((key[1], key[2]))
        self.dataChanged.emit(self.index(row, column), self.index(row, column))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

    def settle(self, key: Key) -> None:
        """The file refused the value: stop overlaying it (the next state shows what it has)."""
        self.pending.pop(key, None)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.round is None:
            return None
        value = self.value(self.key(index))
        method = self.round.method
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if method == "moscow":
                return moscow_names()[MOSCOW[int(value) - 1]]
            return f"{value:g}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and value is not None:
            if method == "scores":
                spec = next(c for c in self.round.criteria if c.code == self.columns[index.column()][1])
                share = (value - spec.low) / max(1, spec.high - spec.low)
                return QBrush(QColor.fromHsvF(0.33 * share, 0.22, 1.0))
            if method == "dots":
                return QBrush(QColor("#E8EFFC"))
            return QBrush(QColor({"M": "#D7F0E1", "S": "#E8EFFC", "C": "#FFF3DC", "W": "#F1F2F4"}[MOSCOW[int(value) - 1]]))
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole  # the full name, where the header is too narrow for it
        if role != Qt.ItemDataRole.DisplayRole or self.round is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            code, criterion = self.columns[section]
            name = scenario_name(self.state, code)
            if self.round.method == "scores":
                spec = next(c for c in self.round.criteria if c.code == criterion)
                return f"{name}\n{criterion_name(spec.code, spec.name)}"
            return name
        person = self.people[section]
        text = f"{person.name}　{group_name(self.state, person.stakeholder_group)}"
        if self.round.method == "dots":
            used = sum(self.value((person.id, code, "dots")) or 0 for code in self.round.scenarios)
            text += f"　{used:g}/{self.round.dots}"
        return text


class ScoreHeader(QHeaderView):
    """Two rows: each scenario's name over all of its criteria, then the criterion."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def sizeHint(self):  # noqa: N802 - Qt override
        size = super().sizeHint()
        size.setHeight(self.fontMetrics().height() * 2 + 18)
        return size

    def paintSection(self, painter: QPainter, rect, logical: int) -> None:  # noqa: N802 - Qt override
        model: ScoreModel = self.model()
        if model is None or model.round is None or not 0 <= logical < len(model.columns):
            return
        code, criterion = model.columns[logical]
        same = [i for i, (c, _) in enumerate(model.columns) if c == code]
        left = self.sectionViewportPosition(same[0])
        right = self.sectionViewportPosition(same[-1]) + self.sectionSize(same[-1])
        two_rows = model.round.method == "scores"
        half = rect.height() // 2 if two_rows else rect.height()
        painter.save()
        painter.setClipRect(rect)
        painter.fillRect(rect, QColor("#F1F4F8"))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#3E4C59"))
        span = QRectF(left + 4, rect.top(), right - left - 8, half)
        name = scenario_name(model.state, code)
        painter.drawText(span, Qt.AlignmentFlag.AlignCenter,
                         painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, int(span.width())))
        painter.setPen(QColor("#D5DCE4"))
        if two_rows:
            spec = next(c for c in model.round.criteria if c.code == criterion)
            painter.drawLine(rect.left(), rect.top() + half, rect.right(), rect.top() + half)
            painter.setFont(self.font())
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(rect.left(), rect.top() + half, rect.width(), rect.height() - half),
                             Qt.AlignmentFlag.AlignCenter, criterion_name(spec.code, spec.name))
            painter.setPen(QColor("#D5DCE4"))
        top = rect.top() if logical == same[-1] else rect.top() + half
        painter.drawLine(rect.right(), top, rect.right(), rect.bottom())
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()


class ScoreGrid(QTableView):
    """The keyboard grid; emits ``entered(key, value)`` for each typed cell."""

    entered = Signal(tuple, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = ScoreModel(self)
        self.setHorizontalHeader(ScoreHeader(self))
        self.setModel(self.grid)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setDefaultSectionSize(64)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(30)
        self.setWordWrap(False)
        self.setAccessibleName(self.tr("评分表"))
        self._typing: tuple[int, int] | None = None
        self._typed = 0
        self._typing_clock = QElapsedTimer()
        self._typing_clock.start()

    def show_round(self, state: SessionState, current: RoundState | None) -> None:
        reset = current is None or self.grid.round is None or current.round.id != self.grid.round.id
        self.grid.set_round(state, current)
        if reset and current is not None:
            width = 64 if current.round.method == "scores" else 112  # a criterion, or a scenario's name
            for column in range(self.grid.columnCount()):
                self.setColumnWidth(column, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        index = self.currentIndex()
        value = self._value_for(event)
        if not index.isValid() or value is ...:
            super().keyPressEvent(event)
            return
        limit = self._limit(index)
        if value is not None and limit >= 10:
            # Scales past 9 (1–10, or more than nine dots): a second digit typed at once extends the first.
            if (self._typing == (index.row(), index.column()) and self._typing_clock.elapsed() < 1200
                    and self._typed * 10 + value <= limit):
                value = self._typed * 10 + value
            self._typing, self._typed = (index.row(), index.column()), value
            self._typing_clock.restart()
        self.entered.emit(self.grid.key(index), value)
        if value is not None and value * 10 > limit:  # nothing more can be typed into this cell
            self._typing = None
            self._advance(index)

    def _limit(self, index: QModelIndex) -> int:
        current = self.grid.round
        if current.method == "scores":
            return int(next(c for c in current.criteria if c.code == self.grid.columns[index.column()][1]).high)
        return current.dots if current.method == "dots" else 4

    def _value_for(self, event: QKeyEvent):
        """The value a key means in this round; ``None`` clears; ``...`` means not a value key."""
        current = self.grid.round
        if current is None:
            return ...
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            return None
        text = event.text().upper()
        if current.method == "moscow":
            if text in MOSCOW:
                return MOSCOW.index(text) + 1
            if text in ("1", "2", "3", "4"):
                return int(text)
            return ...
        if text.isdigit() and len(text) == 1:
            return int(text)
        return ...

    def _advance(self, index: QModelIndex) -> None:
        row, column = index.row(), index.column() + 1
        if column >= self.grid.columnCount():
            row, column = row + 1, 0
        if row < self.grid.rowCount():
            self.setCurrentIndex(self.grid.index(row, column))


# -- results --------------------------------------------------------------------------------------------------


def ranked(results: RoundResults) -> list:
    return sorted(results.scenarios, key=lambda r: -r.total)


class _ReadOnlyTable(QTableWidget):
    """A table that only shows: whole rows, alternating colours, columns sized to content."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)


class ResultsTable(_ReadOnlyTable):
    """The round's aggregates, best first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("评分结果"))

    def show_results(self, state: SessionState, current: RoundState) -> None:
        results, method = current.results, current.round.method
        rows = ranked(results)
        if method == "scores":
            headers = [self.tr("场景")] + [criterion_name(c.code, c.name) for c in current.round.criteria] + [
                self.tr("综合"), self.tr("象限"), self.tr("人数"), self.tr("分歧")]
        elif method == "dots":
            headers = [self.tr("场景"), self.tr("点数")] + [group_name(state, g.code) for g in state.groups]
        else:
            headers = [self.tr("场景")] + [moscow_names()[m] for m in MOSCOW] + [self.tr("共识")]
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        for r, result in enumerate(rows):
            cells = [scenario_name(state, result.code)]
            if method == "scores":
                for c in current.round.criteria:
                    stat = result.stats.get(c.code)
                    cells.append(f"{stat.mean:.2f} ± {stat.sd:.2f}" if stat else "–")
                n = max((s.n for s in result.stats.values()), default=0)
                cells += [f"{result.total:.2f}" if result.stats else "–", priority_names().get(result.quadrant, ""),
                          str(n), self._disagreement(state, result, current.round.criteria)]
            elif method == "dots":
                cells.append(f"{result.total:g}")
                cells += [f"{result.by_group.get(g.code, {}).get('dots', 0):g}" for g in state.groups]
            else:
                cells += [str(result.counts.get(m, 0)) for m in MOSCOW]
                cells.append(moscow_names().get(result.consensus, ""))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if text.startswith("⚠"):
                    item.setForeground(QColor("#C0392B"))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)

    def _disagreement(self, state: SessionState, result, criteria) -> str:
        if not result.disagreements:
            return ""
        parts = []
        for criterion, high, low, gap in result.disagreements:
            spec = next((c for c in criteria if c.code == criterion), None)
            name = criterion_name(criterion, spec.name if spec else criterion)
            parts.append(self.tr("{criterion}：{high}比{low}高 {gap:.1f}").format(
                criterion=name, high=group_name(state, high), low=group_name(state, low), gap=gap))
        return "⚠ " + "；".join(parts)


class GroupTable(_ReadOnlyTable):
    """Each scenario's means by stakeholder group: where the room agrees and where it does not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("按相关方的结果"))

    def show_results(self, state: SessionState, current: RoundState) -> None:
        results, method = current.results, current.round.method
        groups = [g for g in state.groups if any(g.code in r.by_group for r in results.scenarios)]
        headers = [self.tr("场景")] + [group_name(state, g.code) for g in groups]
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        rows = ranked(results)
        self.setRowCount(len(rows))
        for r, result in enumerate(rows):
            self.setItem(r, 0, QTableWidgetItem(scenario_name(state, result.code)))
            flagged = {g for _, high, low, _ in result.disagreements for g in (high, low)}
            for c, group in enumerate(groups, start=1):
                values = result.by_group.get(group.code, {})
                if method == "scores":
                    text = "  ".join(f"{criterion_name(k.code, k.name)[:2]} {values[k.code]:.1f}"
                                     for k in current.round.criteria if k.code in values)
                elif method == "dots":
                    text = f"{values.get('dots', 0):g}"
                else:
                    text = "  ".join(f"{m} {values.get(m, 0)}" for m in MOSCOW if values.get(m))
                item = QTableWidgetItem(text)
                if group.code in flagged:
                    item.setForeground(QColor("#C0392B"))
                    item.setToolTip(self.tr("与其他相关方差异较大"))
                self.setItem(r, c, item)


@dataclass(frozen=True, slots=True)
class MatrixPoint:
    label: str
    urgency: float
    value: float
    size: float
    quadrant: str
    disputed: bool
    colour: str = ""
    """Fill colour; empty: the quadrant's."""


def matrix_points(state: SessionState, current: RoundState) -> list[MatrixPoint]:
    """The scenarios of a scores round that have both a value and an urgency mean."""
    points = []
    for result in current.results.scenarios:
        if "value" in result.stats and "urgency" in result.stats:
            feasibility = result.stats.get("feasibility")
            points.append(MatrixPoint(scenario_name(state, result.code), result.stats["urgency"].mean,
                                      result.stats["value"].mean, feasibility.mean if feasibility else 3.0,
                                      result.quadrant, bool(result.disagreements)))
    return points


class MatrixChart(QWidget):
    """Value (up) against urgency (right), split at the scale's midpoint into four quadrants.

    Bubble area follows feasibility; a red ring marks a scenario the groups disagree on.
    ``scale`` enlarges the type for the projector. Subclasses may name the corners
    differently (:attr:`corners`, :meth:`corner_names`) and size bubbles otherwise
    (:meth:`radius`).
    """

    corners = {"top_left": "plan", "top_right": "do_first", "bottom_left": "later", "bottom_right": "quick"}
    colours = QUADRANT_COLOURS

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.points: list[MatrixPoint] = []
        self.low, self.high = 1, 5
        self.scale = scale
        self.setMinimumSize(360, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("价值 × 紧迫性矩阵"))

    def set_points(self, points: list[MatrixPoint], low: float = 1, high: float = 5) -> None:
        self.points, self.low, self.high = points, low, high
        self.setAccessibleDescription("; ".join(f"{p.label}: {p.value:.1f}/{p.urgency:.1f}" for p in points))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * self.scale)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(small)
        margin_left, margin_bottom = 44 * self.scale, 36 * self.scale
        area = QRectF(margin_left, 16 * self.scale, self.width() - margin_left - 16 * self.scale,
                      self.height() - margin_bottom - 16 * self.scale)
        span = self.high - self.low or 1

        def at(urgency: float, value: float) -> QPointF:
            return QPointF(area.left() + (urgency - self.low) / span * area.width(),
                           area.bottom() - (value - self.low) / span * area.height())

        middle = at((self.low + self.high) / 2, (self.low + self.high) / 2)
        names = self.corner_names()
        corners = self.corners
        for key, rect, align in (
            (corners["top_left"], QRectF(area.left(), area.top(), middle.x() - area.left(), middle.y() - area.top()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            (corners["top_right"], QRectF(middle.x(), area.top(), area.right() - middle.x(), middle.y() - area.top()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            (corners["bottom_left"], QRectF(area.left(), middle.y(), middle.x() - area.left(), area.bottom() - middle.y()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            (corners["bottom_right"], QRectF(middle.x(), middle.y(), area.right() - middle.x(), area.bottom() - middle.y()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        ):
            tint = QColor(self.colours[key])
            tint.setAlpha(18)
            painter.fillRect(rect, tint)
            painter.setPen(QColor(self.colours[key]))
            painter.drawText(rect.adjusted(8, 6, -8, -6), align, names[key])
        painter.setPen(QPen(QColor("#C9D1DB"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(middle.x(), area.top()), QPointF(middle.x(), area.bottom()))
        painter.drawLine(QPointF(area.left(), middle.y()), QPointF(area.right(), middle.y()))
        painter.setPen(QPen(QColor("#9AA5B1"), 1))
        painter.drawRect(area)
        painter.setPen(QColor(MUTED))
        for tick in range(int(self.low), int(self.high) + 1):
            x = at(tick, self.low).x()
            painter.drawText(QRectF(x - 20, area.bottom() + 2, 40, 18 * self.scale), Qt.AlignmentFlag.AlignCenter, str(tick))
            y = at(self.low, tick).y()
            painter.drawText(QRectF(area.left() - 30 * self.scale, y - 10 * self.scale, 24 * self.scale, 20 * self.scale),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(tick))
        painter.drawText(QRectF(area.left(), area.bottom() + 16 * self.scale, area.width(), 20 * self.scale),
                         Qt.AlignmentFlag.AlignCenter, self.tr("紧迫性 →"))
        painter.save()
        painter.translate(12 * self.scale, area.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-area.height() / 2, -10 * self.scale, area.height(), 20 * self.scale),
                         Qt.AlignmentFlag.AlignCenter, self.tr("价值 →"))
        painter.restore()
        if not self.points:
            painter.setPen(QColor(MUTED))
            painter.setFont(font)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("还没有价值和紧迫性评分"))
            painter.end()
            return
        painter.setFont(small)
        metrics = painter.fontMetrics()
        placed: list[QRectF] = []
        bubbles = []
        for point in sorted(self.points, key=lambda p: -p.size):
            centre = at(point.urgency, point.value)
            radius = self.radius(point) * self.scale
            bubbles.append((point, centre, radius))
            colour = QColor(point.colour or self.colours.get(point.quadrant, ACCENT))
            fill = QColor(colour)
            fill.setAlpha(150)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor("#C0392B"), 2.5 * self.scale) if point.disputed else QPen(colour.darker(120), 1))
            painter.drawEllipse(centre, radius, radius)
        painter.setPen(QColor("#1F2933"))
        discs = [QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r) for _, c, r in bubbles]
        for n, (point, centre, radius) in enumerate(bubbles):
            others = placed + [disc for m, disc in enumerate(discs) if m != n]  # keep clear of labels and bubbles
            rect = _label_place(metrics.horizontalAdvance(point.label) + 4, metrics.height(), centre, radius, area, others)
            placed.append(rect)
            if abs(rect.center().y() - centre.y()) > radius + metrics.height():  # moved away: a thin line back
                painter.setPen(QPen(QColor("#9AA5B1"), 1))
                end = QPointF(rect.left() if rect.left() > centre.x() else rect.right(), rect.center().y())
                painter.drawLine(centre, end)
                painter.setPen(QColor("#1F2933"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, point.label)
        painter.end()


    def corner_names(self) -> dict[str, str]:
        return priority_names()

    def radius(self, point: MatrixPoint) -> float:
        """Bubble radius before scaling: grows with ``size`` on the chart's scale."""
        return 6 + 4 * max(0.0, point.size - self.low)


def _label_place(width: float, height: float, centre: QPointF, radius: float, area: QRectF,
                 taken: list[QRectF]) -> QRectF:
    """Where a bubble's label goes: beside, above or below it, then further up or down the
    sides, wherever it overlaps no other label or bubble and stays inside the chart; when
    nothing is free, where it overlaps least."""
    gap = 3
    near = [
        (centre.x() + radius + gap, centre.y() - height / 2),
        (centre.x() - radius - gap - width, centre.y() - height / 2),
        (centre.x() - width / 2, centre.y() - radius - gap - height),
        (centre.x() - width / 2, centre.y() + radius + gap),
    ]
    sides = [(x, centre.y() - height / 2 + step * height) for step in (1, -1, 2, -2, 3, -3, 4, -4)
             for x in (near[0][0], near[1][0])]
    best, least = None, None
    for x, y in near + sides:
        rect = QRectF(x, y, width, height)
        if not area.contains(rect):
            continue
        overlap = sum((rect & other).width() * (rect & other).height() for other in taken)
        if overlap == 0:
            return rect
        if least is None or overlap < least:
            best, least = rect, overlap
    return best or QRectF(near[0][0], near[0][1], width, height)


class ScoringPanel(QWidget):
    """Rounds of the session: pick one, enter it on the grid, watch its results."""

    round_chosen = Signal(object)  # round id or None
    new_round_requested = Signal()
    delete_round_requested = Signal(int)
    turns_requested = Signal(int)
    entered = Signal(int, tuple, object)  # round id, (participant, scenario, criterion), value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: SessionState | None = None
        self.round_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.rounds = QComboBox()
        self.rounds.setMinimumWidth(260)
        self.rounds.setAccessibleName(self.tr("评分轮"))
        self.rounds.currentIndexChanged.connect(self._chosen)
        new = QPushButton(icon("mdi6.plus", "#FFFFFF"), self.tr("新建评分轮…"))
        new.setProperty("role", "primary")
        new.clicked.connect(self.new_round_requested)
        self.turns_button = QPushButton(icon("mdi6.account-switch-outline"), self.tr("轮流评分…"))
        self.turns_button.setToolTip(self.tr("笔记本在会场传递，每位参会者依次输入自己的评分"))
        self.turns_button.clicked.connect(lambda: self.round_id is not None and self.turns_requested.emit(self.round_id))
        self.delete_button = QPushButton(icon("mdi6.delete-outline"), self.tr("删除本轮"))
        self.delete_button.clicked.connect(lambda: self.round_id is not None and self.delete_round_requested.emit(self.round_id))
        self.hint = label("", "muted", wrap=True)
        bar.addWidget(self.rounds)
        bar.addWidget(new)
        bar.addWidget(self.turns_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.hint, 1)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.grid = ScoreGrid()
        self.grid.entered.connect(lambda key, value: self.round_id is not None and self.entered.emit(self.round_id, key, value))
        splitter.addWidget(self.grid)
        self.views = QTabWidget()
        self.results = ResultsTable()
        self.groups = GroupTable()
        self.matrix = MatrixChart()
        self.views.addTab(self.results, self.tr("结果"))
        self.views.addTab(self.groups, self.tr("按相关方"))
        self.views.addTab(self.matrix, self.tr("价值 × 紧迫性"))
        splitter.addWidget(self.views)
        splitter.setSizes([640, 520])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.empty = label(self.tr("还没有评分轮。点“新建评分轮…”，选入围场景和评分方式（打分、投票点或 MoSCoW）。"), "muted", wrap=True)
        layout.addWidget(self.empty)

    def set_state(self, state: SessionState) -> None:
        self.state = state
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for current in state.rounds:
            self.rounds.addItem(current.round.title, current.round.id)
        ids = [r.round.id for r in state.rounds]
        if self.round_id not in ids:
            self.round_id = ids[-1] if ids else None
            self.round_chosen.emit(self.round_id)
        self.rounds.setCurrentIndex(ids.index(self.round_id) if self.round_id in ids else -1)
        self.rounds.blockSignals(False)
        self._show()

    def choose(self, round_id: int | None) -> None:
        """Show this round (now, or when the state that holds it arrives)."""
        self.round_id = round_id
        self.round_chosen.emit(round_id)
        if self.state is not None and self.state.round(round_id) is not None:
            self.set_state(self.state)

    def _chosen(self, index: int) -> None:
        self.round_id = self.rounds.itemData(index)
        self.round_chosen.emit(self.round_id)
        self._show()

    def _show(self) -> None:
        state = self.state
        current = state.round(self.round_id) if state else None
        has = current is not None
        for widget in (self.grid, self.views, self.delete_button, self.turns_button):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        self.grid.show_round(state, current)
        if not has:
            self.hint.setText("")
            return
        method = current.round.method
        hints = {
            "scores": self.tr("输入数字打分，自动跳到下一格；Backspace 清除。"),
            "dots": self.tr("输入每个场景得到的点数（每人 {n} 点）。").format(n=current.round.dots),
            "moscow": self.tr("按 M 必须有、S 应该有、C 可以有、W 暂不做（或 1–4）。"),
        }
        nobody = not any(p.attended for p in state.people)
        self.hint.setText(self.tr("还没有出席的参会者：先在“议程与参会者”里登记。") if nobody else hints[method])
        self.results.show_results(state, current)
        self.groups.show_results(state, current)
        self.views.setTabVisible(2, method == "scores")
        if method == "scores":
            specs = {c.code: c for c in current.round.criteria}
            value = specs.get("value")
            self.matrix.set_points(matrix_points(state, current), value.low if value else 1, value.high if value else 5)
        if not self.grid.currentIndex().isValid() and self.grid.grid.rowCount():
            self.grid.setCurrentIndex(self.grid.grid.index(0, 0))
