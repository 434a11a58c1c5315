"""The projector: a second window, in large type, that the facilitator's window drives.

It shows one of three things: the current agenda item with its countdown, the board
(every scenario and cluster with its newest cards), or the live results of a scoring
round. On a second monitor it opens full screen there; otherwise it is a window that F11
makes full screen. Esc leaves full screen, Space starts or pauses the clock, F5 closes it. Everything it shows comes from the same
:class:`SessionState` the facilitator sees, so the room and the laptop never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QKeyEvent, QPainter, QPainterPath
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from workshop.session import SessionState
from workshop.store import AgendaItem

from ..widgets import ACCENT, MUTED
from .board import board_columns, place_key
from .common import group_colour, kind_names, scenario_name
from .scoring import MatrixChart, matrix_points, ranked

MODES = ("agenda", "board", "results")
TILES = 9
"""At most this many columns on the wall (the busiest), so each shows its newest cards."""


class AgendaClock(QObject):
    """Which agenda item is on, and how much of its planned time is left (negative: over time).

    The time left is measured (a monotonic clock), not counted in timer ticks, so it does not
    drift however busy the laptop is; the timer only asks for a redraw each second.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[AgendaItem] = []
        self.index = 0
        self.running = False
        self._left = 0  # seconds left when the clock last started or was set
        self._since = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.changed)

    @property
    def remaining(self) -> int:
        if self.running and self._since.isValid():
            return self._left - self._since.elapsed() // 1000
        return self._left

    @remaining.setter
    def remaining(self, seconds: int) -> None:
        self._left = seconds
        self._since.restart()

    def set_agenda(self, items: list[AgendaItem], *, new_session: bool = False) -> None:
        """Follow the agenda as it is edited; a new session starts at its first item, stopped."""
        current = self.current()
        self.items = list(items)
        if new_session:
            self.index, self.running = 0, False
            self._timer.stop()
            self.remaining = self._planned()
        elif current is not None and any(i.id == current.id for i in self.items):
            self.index = next(n for n, i in enumerate(self.items) if i.id == current.id)
            now = self.items[self.index]
            if now.planned_minutes != current.planned_minutes and not self.running:
                self.remaining = self._planned()  # re-planned before it started: the new time
        else:
            self.index = min(self.index, max(0, len(self.items) - 1))
            self.remaining = self._planned()
        self.changed.emit()

    def current(self) -> AgendaItem | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def upcoming(self) -> list[AgendaItem]:
        return self.items[self.index + 1:]

    def _planned(self) -> int:
        item = self.current()
        return item.planned_minutes * 60 if item else 0

    def toggle(self) -> None:
        left = self.remaining
        self.running = not self.running
        self.remaining = left
        (self._timer.start if self.running else self._timer.stop)()
        self.changed.emit()

    def go(self, step: int) -> None:
        """Previous (-1) or next (+1) item, its full time on the clock."""
        if not self.items:
            return
        self.index = max(0, min(len(self.items) - 1, self.index + step))
        self.remaining = self._planned()
        self.changed.emit()

    def reset(self) -> None:
        self.remaining = self._planned()
        self.changed.emit()

    def tick(self) -> None:
        """One second less (for tests and a manual nudge; the running clock measures itself)."""
        self._left -= 1
        self.changed.emit()

    def text(self) -> str:
        left = self.remaining
        seconds = abs(left)
        sign = "+" if left < 0 else ""
        return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


class BoardWall(QWidget):
    """Every column of the board as a tile: its name, how many cards, its newest cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: SessionState | None = None

    def set_state(self, state: SessionState) -> None:
        self.state = state
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#F5F7FA"))
        state = self.state
        if state is None:
            return
        counts: dict[str, int] = {}
        for card in state.cards:
            counts[place_key(card)] = counts.get(place_key(card), 0) + 1
        columns = [c for c in board_columns(state) if counts.get(c.key)]
        hidden = 0
        if len(columns) > TILES:  # the busiest columns, in board order, so each can show its cards
            keep = {c.key for c in sorted(columns, key=lambda c: -counts[c.key])[:TILES]}
            hidden = len(columns) - TILES
            columns = [c for c in columns if c.key in keep]
        if not columns:
            painter.setPen(QColor(MUTED))
            painter.setFont(_font(self, 28))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("还没有卡片"))
            return
        count = len(columns)
        across = 1 if count == 1 else 2 if count <= 4 else 3
        down = (count + across - 1) // across
        gap = 16
        footer = 36 if hidden else 0
        width = (self.width() - gap * (across + 1)) / across
        height = (self.height() - footer - gap * (down + 1)) / down
        if hidden:
            painter.setPen(QColor(MUTED))
            painter.setFont(_font(self, 16))
            painter.drawText(QRectF(gap, self.height() - footer - 4, self.width() - 2 * gap, footer),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("另有 {n} 个场景或分组的卡片较少，未在此显示").format(n=hidden))
        title_font, card_font = _font(self, 22, bold=True), _font(self, 18)
        kinds = kind_names()
        for n, column in enumerate(columns):
            x = gap + (n % across) * (width + gap)
            y = gap + (n // across) * (height + gap)
            tile = QRectF(x, y, width, height)
            path = QPainterPath()
            path.addRoundedRect(tile, 10, 10)
            painter.fillPath(path, QColor("#FFFFFF"))
            painter.setPen(QColor("#DDE3EA"))
            painter.drawPath(path)
            cards = [c for c in state.cards if place_key(c) == column.key]
            painter.setFont(title_font)
            painter.setPen(QColor("#1F2933"))
            head = QRectF(x + 16, y + 10, width - 32, QFontMetrics(title_font).height() + 4)
            painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(title_font).elidedText(column.title, Qt.TextElideMode.ElideRight, int(head.width() - 80)))
            painter.setPen(QColor(ACCENT))
            painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.tr("{n} 张").format(n=len(cards)))
            painter.setFont(card_font)
            line = QFontMetrics(card_font).height() + 8
            top = head.bottom() + 8
            room = int((tile.bottom() - 10 - top) // line)
            for i, card in enumerate(sorted(cards, key=lambda c: -c.id)[:max(0, room)]):
                row = QRectF(x + 16, top + i * line, width - 32, line - 4)
                painter.fillRect(QRectF(row.x(), row.y() + 4, 5, row.height() - 8), group_colour(state, card.stakeholder_group))
                text = f"{kinds.get(card.kind, card.kind)}｜{card.text}"
                painter.setPen(QColor("#1F2933"))
                painter.drawText(row.adjusted(14, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 QFontMetrics(card_font).elidedText(text, Qt.TextElideMode.ElideRight, int(row.width() - 14)))
        painter.end()


def _font(widget: QWidget, points: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _big(text: str, points: int, *, bold: bool = False, colour: str = "#1F2933") -> QLabel:
    widget = QLabel(text)
    widget.setStyleSheet(f"font-size:{points}pt;{'font-weight:bold;' if bold else ''}color:{colour};background:transparent;")
    widget.setWordWrap(True)
    return widget


class ProjectorWindow(QWidget):
    """The window on the wall. ``show_on_best_screen`` puts it on the second monitor if any."""

    closed = Signal()

    def __init__(self, clock: AgendaClock) -> None:
        super().__init__(None, Qt.WindowType.Window)  # its own window: it stays up when the laptop's is minimised
        self.setWindowTitle(self.tr("汇智 · 投影"))
        self.setProperty("role", "projector")
        self.setStyleSheet("QWidget[role='projector'] { background: #F5F7FA; }")
        self.clock = clock
        self.state: SessionState | None = None
        self.round_id: int | None = None
        self.mode = "agenda"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(16)
        head = QHBoxLayout()
        self.heading = _big("", 20, colour=MUTED)
        self.corner = _big("", 20, colour=MUTED)
        self.corner.setWordWrap(False)
        self.corner.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.heading, 1)
        head.addWidget(self.corner)
        layout.addLayout(head)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._agenda_view())
        self.wall = BoardWall()
        self.stack.addWidget(self.wall)
        self.stack.addWidget(self._results_view())
        layout.addWidget(self.stack, 1)
        clock.changed.connect(self._show_clock)
        self.resize(1280, 720)

    def _agenda_view(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(12)
        column.addStretch(1)
        self.item_title = _big("", 40, bold=True)
        self.item_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = _big("", 120, bold=True, colour=ACCENT)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setAccessibleName(self.tr("倒计时"))
        self.planned = _big("", 20, colour=MUTED)
        self.planned.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_items = _big("", 20, colour=MUTED)
        self.next_items.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.item_title, self.countdown, self.planned, self.next_items):
            column.addWidget(widget)
        column.addStretch(1)
        return page

    def _results_view(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setSpacing(24)
        self.matrix = MatrixChart(scale=1.6)
        row.addWidget(self.matrix, 3)
        self.ranking = _big("", 20)
        self.ranking.setTextFormat(Qt.TextFormat.RichText)
        self.ranking.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row.addWidget(self.ranking, 2)
        return page

    # -- driven by the facilitator's window -------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.stack.setCurrentIndex(MODES.index(mode))
        self._refresh()

    def set_round(self, round_id: int | None) -> None:
        self.round_id = round_id
        self._refresh()

    def set_state(self, state: SessionState) -> None:
        self.state = state
        self.wall.set_state(state)
        self._refresh()

    def _refresh(self) -> None:
        state = self.state
        if state is None:
            return
        self.heading.setText(state.info.title)
        if self.mode == "agenda":
            self._show_clock()
        elif self.mode == "board":
            self.corner.setText(self.tr("{n} 张卡片 · {p} 人参与").format(
                n=len(state.cards), p=sum(1 for p in state.people if p.attended)))
        else:
            self._show_results(state)

    def _show_clock(self) -> None:
        if self.mode != "agenda":
            return
        item = self.clock.current()
        self.corner.setText(self.tr("第 {i} / {n} 项").format(i=self.clock.index + 1, n=len(self.clock.items)) if item else "")
        self.item_title.setText(item.title if item else self.tr("（还没有议程）"))
        self.countdown.setText(self.clock.text() if item else "")
        over = self.clock.remaining < 0
        self.countdown.setStyleSheet(f"font-size:120pt;font-weight:bold;background:transparent;color:{'#C0392B' if over else ACCENT};")
        self.planned.setText(self.tr("计划 {m} 分钟").format(m=item.planned_minutes) + ("" if self.clock.running else self.tr("　（已暂停）")) if item else "")
        upcoming = self.clock.upcoming()[:3]
        self.next_items.setText(self.tr("接下来：") + "　".join(i.title for i in upcoming) if upcoming else "")

    def _show_results(self, state: SessionState) -> None:
        current = state.round(self.round_id) or (state.rounds[-1] if state.rounds else None)
        if current is None:
            self.corner.setText("")
            self.matrix.set_points([])
            self.ranking.setText(self.tr("还没有评分"))
            return
        self.corner.setText(self.tr("{title} · {n} 人已评").format(title=current.round.title, n=current.results.participants))
        self.matrix.setVisible(current.round.method == "scores")
        if current.round.method == "scores":
            specs = {c.code: c for c in current.round.criteria}
            low = specs["value"].low if "value" in specs else 1
            high = specs["value"].high if "value" in specs else 5
            self.matrix.set_points(matrix_points(state, current), low, high)
        rows = []
        for n, result in enumerate(ranked(current.results)[:10], start=1):
            score = f"{result.total:.2f}" if current.round.method == "scores" else f"{result.total:g}"
            flag = " <span style='color:#C0392B'>⚠</span>" if result.disagreements else ""
            rows.append(f"<tr><td style='color:{MUTED};padding-right:12px'>{n}</td><td>{scenario_name(state, result.code)}{flag}</td>"
                        f"<td style='padding-left:20px;text-align:right;color:{ACCENT}'><b>{score}</b></td></tr>")
        self.ranking.setText(f"<table cellspacing='6'>{''.join(rows)}</table>")

    # -- screens and keys -------------------------------------------------------------------------------------

    def show_on_best_screen(self, facilitator: QWidget | None = None) -> None:
        """Full screen on a screen other than the facilitator's, else a normal window."""
        screens = QGuiApplication.screens()
        own = facilitator.screen() if facilitator is not None else QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not own]
        if others:
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.show()
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif event.key() == Qt.Key.Key_Space:
            self.clock.toggle()
        elif event.key() == Qt.Key.Key_F5:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.closed.emit()
        super().closeEvent(event)
