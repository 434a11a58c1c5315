"""The SWOT board (优势 / 劣势 / 机会 / 威胁): one per scenario and one for the city as a whole.

Items are typed into a quadrant or made from cards (linked, not copied): drag a card from
the list on the right into a quadrant, or select it and press 1–4 (S, W, O, T). In a
quadrant, 1–4 moves an item to another quadrant, F2 edits it, Del removes it.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop.session import SessionState
from workshop.swot import QUADRANTS

from ..widgets import icon, label
from .board import MIME as CARD_MIME
from .common import EntryLine, kind_names, quadrant_names, scenario_name

ITEM_MIME = "application/x-huizhi-swot"
QUADRANT_COLOURS = {"S": "#1BA39C", "W": "#D9534F", "O": "#2F6BDE", "T": "#E08A1E"}
_KEYS = {Qt.Key.Key_1: "S", Qt.Key.Key_2: "W", Qt.Key.Key_3: "O", Qt.Key.Key_4: "T"}
CITY = "__city__"
"""The list key of the city-wide board (its scenario code is None)."""


class _DragList(QListWidget):
    """A list whose items carry ids of one kind (cards or SWOT items) when dragged."""

    dropped = Signal(str, list)  # mime kind, ids

    def __init__(self, mime: str, accepts: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.mime = mime
        self.accepts = accepts
        self.setDragEnabled(True)
        self.setAcceptDrops(bool(accepts))
        self.setDropIndicatorShown(bool(accepts))
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop if accepts else QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [self.mime, *self.accepts]

    def mimeData(self, items) -> QMimeData:  # noqa: N802 - Qt override
        data = QMimeData()
        data.setData(self.mime, QByteArray(json.dumps([i.data(Qt.ItemDataRole.UserRole) for i in items]).encode()))
        return data

    def _kind(self, event) -> str | None:
        return next((m for m in self.accepts if event.mimeData().hasFormat(m)), None)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._kind(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._kind(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        kind = self._kind(event)
        if kind is None:
            event.ignore()
            return
        self.dropped.emit(kind, json.loads(bytes(event.mimeData().data(kind)).decode()))
        event.setDropAction(Qt.DropAction.CopyAction)  # the page rewrites the lists; nothing to remove
        event.accept()

    def selected_ids(self) -> list[int]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.selectedItems()] or (
            [self.currentItem().data(Qt.ItemDataRole.UserRole)] if self.currentItem() else [])


class QuadrantPanel(QFrame):
    def __init__(self, board: SwotBoard, quadrant: str) -> None:
        super().__init__()
        self.board = board
        self.quadrant = quadrant
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        head = QHBoxLayout()
        colour = QUADRANT_COLOURS[quadrant]
        title = label(f"<span style='color:{colour}'>■</span> {quadrant_names()[quadrant]}  "
                      f"<span style='color:#8A94A3'>{quadrant}</span>", "card-title")
        title.setTextFormat(Qt.TextFormat.RichText)
        self.count = label("", "muted")
        head.addWidget(title, 1)
        head.addWidget(self.count)
        layout.addLayout(head)
        self.list = _DragList(ITEM_MIME, accepts=(CARD_MIME, ITEM_MIME))
        self.list.setProperty("role", "plain-list")
        self.list.setAccessibleName(quadrant_names()[quadrant])
        self.list.dropped.connect(self._dropped)
        self.list.installEventFilter(self)
        self.list.itemDoubleClicked.connect(lambda item: board.edit_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.list, 1)
        self.entry = EntryLine()
        self.entry.setPlaceholderText(self.tr("输入后回车添加到“{name}”").format(name=quadrant_names()[quadrant]))
        self.entry.returnPressed.connect(self._typed)
        layout.addWidget(self.entry)

    def _typed(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.board.add_requested.emit(self.quadrant, text)
            self.entry.take()

    def _dropped(self, kind: str, ids: list) -> None:
        if kind == CARD_MIME:
            self.board.link_requested.emit(self.quadrant, ids)
        else:
            for item_id in ids:
                self.board.move_requested.emit(item_id, self.quadrant)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.list and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            ids = self.list.selected_ids()
            if ids and event.key() in _KEYS and _KEYS[event.key()] != self.quadrant:
                for item_id in ids:
                    self.board.move_requested.emit(item_id, _KEYS[event.key()])
                return True
            if ids and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.board.delete_requested.emit(ids)
                return True
            if ids and event.key() == Qt.Key.Key_F2:
                self.board.edit_requested.emit(ids[0])
                return True
        return super().eventFilter(watched, event)


class SwotBoard(QWidget):
    """Boards on the left, the four quadrants in the middle, the board's cards on the right."""

    board_chosen = Signal(object)  # scenario code or None
    add_requested = Signal(str, str)  # quadrant, text
    link_requested = Signal(str, list)  # quadrant, card ids
    move_requested = Signal(int, str)  # item id, quadrant
    edit_requested = Signal(int)
    delete_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: SessionState | None = None
        self.code: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label(self.tr("分析对象"), "card-title"))
        self.boards = QListWidget()
        self.boards.setProperty("role", "plain-list")
        self.boards.setAccessibleName(self.tr("SWOT 分析对象"))
        self.boards.currentItemChanged.connect(self._chosen)
        column.addWidget(self.boards, 1)
        splitter.addWidget(left)
        middle = QWidget()
        grid = QGridLayout(middle)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        self.panels = {q: QuadrantPanel(self, q) for q in QUADRANTS}
        for i, q in enumerate(QUADRANTS):
            grid.addWidget(self.panels[q], i // 2, i % 2)
        splitter.addWidget(middle)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.cards_title = label(self.tr("卡片"), "card-title")
        column.addWidget(self.cards_title)
        column.addWidget(label(self.tr("拖到象限，或选中后按 1 优势、2 劣势、3 机会、4 威胁"), "muted", wrap=True))
        self.cards = _DragList(CARD_MIME)
        self.cards.setProperty("role", "plain-list")
        self.cards.setAccessibleName(self.tr("可引用的卡片"))
        self.cards.installEventFilter(self)
        column.addWidget(self.cards, 1)
        splitter.addWidget(right)
        splitter.setSizes([200, 760, 280])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)

    def choose(self, code: str | None) -> None:
        """Show the board of this scenario (None: the city-wide board)."""
        self.code = code
        if self.state is not None:
            self.set_state(self.state)  # lists the board if it is new, selects it and shows it

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        code = None if key == CITY else key
        if code != self.code:
            self.code = code
            self.board_chosen.emit(code)
            if self.state is not None:
                self._show_board()

    def set_state(self, state: SessionState) -> None:
        self.state = state
        codes = list(dict.fromkeys([*state.board_scenarios(), *(c for c in state.swot if c is not None)]))
        if self.code is not None and self.code not in codes:
            codes.append(self.code)
        self.boards.blockSignals(True)
        self.boards.clear()
        for key, name in [(CITY, scenario_name(state, None))] + [(c, scenario_name(state, c)) for c in codes]:
            items = state.swot.get(None if key == CITY else key, {})
            n = sum(len(v) for v in items.values())
            entry = QListWidgetItem(f"{name}" + (f"  ({n})" if n else ""))
            entry.setData(Qt.ItemDataRole.UserRole, key)
            self.boards.addItem(entry)
            if (key == CITY and self.code is None) or key == self.code:
                self.boards.setCurrentItem(entry)
        self.boards.blockSignals(False)
        self._show_board()

    def _show_board(self) -> None:
        state = self.state
        quadrants = state.swot.get(self.code, {q: [] for q in QUADRANTS})
        for q, panel in self.panels.items():
            keep = set(panel.list.selected_ids())
            panel.list.clear()
            for item in quadrants.get(q, []):
                text = item.text + (f"　— {item.author}" if item.card_id and item.author else "")
                entry = QListWidgetItem(icon("mdi6.link-variant", "#8A94A3") if item.card_id else icon("mdi6.circle-small"), text)
                entry.setData(Qt.ItemDataRole.UserRole, item.id)
                entry.setToolTip(self.tr("引用卡片：修改卡片即修改此条") if item.card_id else "")
                panel.list.addItem(entry)
                entry.setSelected(item.id in keep)
            panel.count.setText(str(len(quadrants.get(q, []))))
        linked = {i.card_id for items in quadrants.values() for i in items if i.card_id}
        cards = [c for c in state.cards if self.code is None or c.scenario_code == self.code]
        self.cards_title.setText(self.tr("卡片（{name}）").format(name=scenario_name(state, self.code)))
        self.cards.clear()
        kinds = kind_names()
        for card in cards:
            entry = QListWidgetItem(f"[{kinds.get(card.kind, card.kind)}] {card.text}")
            entry.setData(Qt.ItemDataRole.UserRole, card.id)
            if card.id in linked:
                entry.setForeground(QColor("#8A94A3"))
                entry.setToolTip(self.tr("已引用"))
            self.cards.addItem(entry)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.cards and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            quadrant = _KEYS.get(event.key()) or {Qt.Key.Key_S: "S", Qt.Key.Key_W: "W", Qt.Key.Key_O: "O",
                                                   Qt.Key.Key_T: "T"}.get(event.key())
            ids = self.cards.selected_ids()
            if quadrant and ids:
                self.link_requested.emit(quadrant, ids)
                return True
        return super().eventFilter(watched, event)
