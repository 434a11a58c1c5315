"""The affinity board: one column per place (unassigned, free clusters, scenarios), cards as tiles.

Each column is a :class:`CardList` over its own small model; tiles are painted by
:class:`CardDelegate` (colour strip = the author's stakeholder group). The board only shows
and asks: moving, editing and deleting go out as signals to the page, which writes them to
the project file and hands the board a fresh :class:`SessionState`.

Keys on a card: ←/→ change column, Alt+←/→ move the selection to the next column,
Alt+↑/↓ reorder, M move to…, G make a cluster, F2 or Enter edit, Ctrl+M merge, S split, Del delete.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.cards import Card, CardFilter, Place
from workshop.session import SessionState

from ..widgets import ACCENT, MUTED, icon, label
from .common import KIND_COLOURS, group_colour, group_name, kind_names, scenario_name

MIME = "application/x-huizhi-cards"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_WIDTH = 268
TILE_CACHE = 1500
"""Painted tiles kept for reuse (about 80 KB each)."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the board: where its cards are, and what it is called."""

    key: str
    place: Place
    title: str
    kind: str  # "unassigned", "cluster" or "scenario"


def board_columns(state: SessionState, extra_scenarios: list[str] = ()) -> list[Column]:
    """Unassigned first, then the free clusters, then the scenarios holding cards (catalogue
    order), then scenarios the facilitator opened as empty columns."""
    columns = [Column("u", Place(), QCoreApplication.translate("Workshop", "未归类"), "unassigned")]
    columns += [Column(f"c:{c.id}", Place(cluster_id=c.id), c.title, "cluster") for c in state.clusters]
    codes = state.board_scenarios()
    codes += [code for code in extra_scenarios if code not in codes and state.scenario(code) is not None]
    columns += [Column(f"s:{code}", Place(scenario_code=code), scenario_name(state, code), "scenario")
                for code in codes]
    return columns


def place_key(card: Card) -> str:
    if card.cluster_id is not None:
        return f"c:{card.cluster_id}"
    if card.scenario_code is not None:
        return f"s:{card.scenario_code}"
    return "u"


# -- one column's cards --------------------------------------------------------------------------------


class CardModel(QAbstractListModel):
    dropped = Signal(list, object, object)  # card ids, Place, id of the card they go before (or None)

    def __init__(self, place: Place, parent=None) -> None:
        super().__init__(parent)
        self.place = place
        self.cards: list[Card] = []

    def set_cards(self, cards: list[Card]) -> None:
        if [(c.id, c.text, c.kind, c.tags, c.author, c.department, c.stakeholder_group) for c in cards] == [
                (c.id, c.text, c.kind, c.tags, c.author, c.department, c.stakeholder_group) for c in self.cards]:
            self.cards = cards
            return  # nothing visible changed: keep the view's layout, selection and scroll
        self.beginResetModel()
        self.cards = cards
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.text
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.ToolTipRole:
            return " ".join(["#" + t for t in card.tags]) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{kind_names().get(card.kind, card.kind)}：{card.text}"
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 - Qt override
        rows = sorted({i.row() for i in indexes})
        data = QMimeData()
        data.setData(MIME, QByteArray(json.dumps([self.cards[r].id for r in rows]).encode()))
        data.setText("\n".join(self.cards[r].text for r in rows))
        return data

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        ids = json.loads(bytes(data.data(MIME)).decode())
        if parent.isValid():
            row = parent.row()
        before = self.cards[row].id if 0 <= row < len(self.cards) else None
        if before in ids:
            return False
        self.dropped.emit(ids, self.place, before)
        return False  # the page moves the cards in the file and redraws; the view must not remove rows


class CardDelegate(QStyledItemDelegate):
    """A card as a tile: group colour strip, kind, text, author and tags. Sizes are cached."""

    PAD = 10

    def __init__(self, board: BoardView) -> None:
        super().__init__(board)
        self.board = board
        self._sizes: dict[tuple, QSize] = {}
        self._tiles: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._fonts_for: dict[str, tuple[QFont, QFont, QFontMetrics, QFontMetrics]] = {}
        self.kinds = kind_names()

    def _fonts(self, option) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        """Body and small fonts with their metrics, made once per view font (painting is hot)."""
        key = option.font.key()
        fonts = self._fonts_for.get(key)
        if fonts is None:
            body = QFont(option.font)
            small = QFont(option.font)
            small.setPointSizeF(max(7.5, body.pointSizeF() - 1.5))
            fonts = self._fonts_for[key] = (body, small, QFontMetrics(body), QFontMetrics(small))
        return fonts

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        card: Card = index.data(CARD_ROLE)
        width = COLUMN_WIDTH - 28
        key = (card.text, bool(card.tags), width, option.font.pointSizeF())
        size = self._sizes.get(key)
        if size is None:
            _body, _small, body_metrics, small_metrics = self._fonts(option)
            text_height = body_metrics.boundingRect(
                QRect(0, 0, width - 2 * self.PAD - 6, 10_000), int(Qt.TextFlag.TextWordWrap), card.text).height()
            line = small_metrics.height()
            height = self.PAD + line + 4 + text_height + (4 + line if card.tags else 0) + self.PAD
            size = QSize(width, height + 6)
            self._sizes[key] = size
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """Tiles are drawn once into a pixmap and reused: a redraw of the board is then a copy
        of each visible tile, not a layout of its text."""
        card: Card = index.data(CARD_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        key = (card.text, card.kind, card.tags, card.author, card.department, card.stakeholder_group, selected, focused,
               option.rect.width(), option.rect.height(), option.font.key(), ratio)
        tile = self._tiles.get(key)
        if tile is None:
            tile = QPixmap(int(option.rect.width() * ratio), int(option.rect.height() * ratio))
            tile.setDevicePixelRatio(ratio)
            tile.fill(Qt.GlobalColor.transparent)
            tile_painter = QPainter(tile)
            local = QStyleOptionViewItem(option)
            local.rect = QRect(0, 0, option.rect.width(), option.rect.height())
            self._draw(tile_painter, local, card, selected, focused)
            tile_painter.end()
            self._tiles[key] = tile
            if len(self._tiles) > TILE_CACHE:
                self._tiles.popitem(last=False)
        else:
            self._tiles.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), tile)

    def _draw(self, painter: QPainter, option: QStyleOptionViewItem, card: Card, selected: bool, focused: bool) -> None:
        body, small, _body_metrics, small_metrics = self._fonts(option)
        rect = option.rect.adjusted(2, 3, -2, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(ACCENT) if selected or focused else QColor("#DDE3EA"), 2 if selected else 1))
        painter.setBrush(QColor("#F3F7FE") if selected else QColor("#FFFFFF"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(group_colour(self.board.state, card.stakeholder_group))
        painter.drawRoundedRect(QRect(rect.x(), rect.y(), 5, rect.height()), 2.5, 2.5)
        inner = rect.adjusted(self.PAD + 4, self.PAD - 2, -self.PAD, -self.PAD + 2)
        line = small_metrics.height()
        # kind pill and author
        painter.setFont(small)
        kind = self.kinds.get(card.kind, card.kind)
        pill_width = small_metrics.horizontalAdvance(kind) + 12
        pill = QRect(inner.x(), inner.y(), pill_width, line + 2)
        colour = QColor(KIND_COLOURS.get(card.kind, MUTED))
        tint = QColor(colour)
        tint.setAlpha(28)
        painter.setBrush(tint)
        painter.drawRoundedRect(pill, 4, 4)
        painter.setPen(colour)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, kind)
        who = " · ".join(part for part in (card.author, card.department) if part)
        if who:
            painter.setPen(QColor(MUTED))
            author_rect = QRect(pill.right() + 8, inner.y(), inner.width() - pill_width - 8, line + 2)
            painter.drawText(author_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             small_metrics.elidedText(who, Qt.TextElideMode.ElideLeft, author_rect.width()))
        # text
        painter.setFont(body)
        painter.setPen(QColor("#1F2933"))
        text_rect = QRect(inner.x(), inner.y() + line + 6, inner.width(), inner.height() - line - 6)
        painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignTop), card.text)
        if card.tags:
            painter.setFont(small)
            painter.setPen(QColor("#6C7A89"))
            tags = "  ".join("#" + t for t in card.tags)
            painter.drawText(QRect(inner.x(), inner.bottom() - line, inner.width(), line), Qt.AlignmentFlag.AlignLeft,
                             small_metrics.elidedText(tags, Qt.TextElideMode.ElideRight, inner.width()))
        painter.restore()


class CardList(QListView):
    """One column's cards, with the board's keys."""

    def __init__(self, board: BoardView, model: CardModel) -> None:
        super().__init__()
        self.board = board
        self.setModel(model)
        self.setItemDelegate(board.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(lambda pos: board.card_menu(self, pos))
        self.setProperty("role", "board-list")

    def card_model(self) -> CardModel:
        return self.model()  # type: ignore[return-value]

    def selected_cards(self) -> list[Card]:
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [self.card_model().cards[r] for r in rows]

    def select_ids(self, ids: list[int], *, focus: bool = False) -> None:
        rows = [r for r, c in enumerate(self.card_model().cards) if c.id in ids]
        if not rows:
            return
        selection = QItemSelection()
        for r in rows:
            index = self.model().index(r, 0)
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(selection, flags)
        self.selectionModel().setCurrentIndex(self.model().index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.scrollTo(self.model().index(rows[0], 0))
        if focus:
            self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.board.handle_key(self, event):
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.board.current = self
        if not self.currentIndex().isValid() and self.model().rowCount():
            self.setCurrentIndex(self.model().index(0, 0))
        super().focusInEvent(event)


class ColumnWidget(QFrame):
    """A column: header with title, count and menu, then the cards."""

    def __init__(self, board: BoardView, column: Column) -> None:
        super().__init__()
        self.setProperty("role", "board-column")
        self.setFixedWidth(COLUMN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.board = board
        self.column = column
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.title = label(column.title, "column-title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.count = label("", "column-count")
        self.menu_button = QToolButton()
        self.menu_button.setIcon(icon("mdi6.dots-horizontal"))
        self.menu_button.setAutoRaise(True)
        self.menu_button.setProperty("role", "column-menu")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setAccessibleName(self.tr("列操作"))
        self.menu_button.setMenu(QMenu(self.menu_button))
        self.menu_button.menu().aboutToShow.connect(lambda: board.column_menu(self, self.menu_button.menu()))
        head.addWidget(self.title, 1)
        head.addWidget(self.count)
        head.addWidget(self.menu_button)
        layout.addLayout(head)
        self.model = CardModel(column.place, self)
        self.model.dropped.connect(board.move_requested)
        self.list = CardList(board, self.model)
        self.list.setAccessibleName(column.title)
        layout.addWidget(self.list, 1)

    def set_column(self, column: Column, cards: list[Card], total: int) -> None:
        self.column = column
        self.title.setText(column.title)
        self.title.setToolTip(column.title)
        self.list.setAccessibleName(column.title)
        self.count.setText(str(total) if len(cards) == total else f"{len(cards)}/{total}")
        self.model.set_cards(cards)


# -- the board --------------------------------------------------------------------------------------------


class BoardView(QWidget):
    """All columns side by side in a horizontal scroll area."""

    move_requested = Signal(list, object, object)  # card ids, Place, before id
    edit_requested = Signal(int)
    delete_requested = Signal(list)
    merge_requested = Signal(list)
    split_requested = Signal(int)
    cluster_requested = Signal(list)  # card ids for a new cluster
    move_to_requested = Signal(list)  # card ids: ask where to
    rename_cluster_requested = Signal(int)
    cluster_to_scenario_requested = Signal(int)
    delete_cluster_requested = Signal(int)
    swot_requested = Signal(str)  # scenario code
    suggest_requested = Signal()
    add_column_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: SessionState | None = None
        self.filter = CardFilter()
        self.extra_scenarios: list[str] = []
        self.delegate = CardDelegate(self)
        self.columns: dict[str, ColumnWidget] = {}
        self.current: CardList | None = None
        self._pending_select: list[int] = []
        self._pending_focus = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner.setProperty("role", "board")
        self.row = QHBoxLayout(inner)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(12)
        self.add_button = QPushButton(icon("mdi6.plus"), self.tr("添加场景列"))
        self.add_button.clicked.connect(self.add_column_requested)
        self.row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self.row.addStretch(1)
        self.scroll.setWidget(inner)
        outer.addWidget(self.scroll)
        self.setMinimumHeight(360)

    # -- showing ------------------------------------------------------------------------------------

    def set_state(self, state: SessionState) -> None:
        """Show the session's cards; columns, selection and focus survive the redraw."""
        self.state = state
        had_focus = self.current is not None and self.current.hasFocus()
        keep = [c.id for c in self.current.selected_cards()] if self.current is not None and not self._pending_select else []
        columns = board_columns(state, self.extra_scenarios)
        by_place: dict[str, list[Card]] = {c.key: [] for c in columns}
        totals: dict[str, int] = {c.key: 0 for c in columns}
        for card in state.cards:
            key = place_key(card)
            if key not in by_place:
                continue
            totals[key] += 1
            if self.filter.accepts(card):
                by_place[key].append(card)
        for key in list(self.columns):
            if key not in by_place:
                widget = self.columns.pop(key)
                if self.current is widget.list:
                    self.current = None
                widget.deleteLater()
        for position, column in enumerate(columns):
            widget = self.columns.get(column.key)
            if widget is None:
                widget = ColumnWidget(self, column)
                self.columns[column.key] = widget
            if self.row.indexOf(widget) != position:
                self.row.insertWidget(position, widget)
            widget.set_column(column, by_place[column.key], totals[column.key])
        wanted = self._pending_select or keep
        if wanted:
            holder = next((w for w in self.columns.values() if any(c.id in wanted for c in w.model.cards)), None)
            if holder is not None:
                holder.list.select_ids(wanted, focus=self._pending_focus or had_focus)
                self.current = holder.list
                self.scroll.ensureWidgetVisible(holder)
        self._pending_select, self._pending_focus = [], False

    def select_after_reload(self, ids: list[int], *, focus: bool = True) -> None:
        """Select these cards (and focus their column) when the next state arrives."""
        self._pending_select, self._pending_focus = list(ids), focus

    def set_filter(self, card_filter: CardFilter) -> None:
        self.filter = card_filter
        if self.state is not None:
            self.set_state(self.state)

    def column_list(self) -> list[ColumnWidget]:
        return sorted(self.columns.values(), key=self.row.indexOf)

    def column_for(self, key: str) -> ColumnWidget | None:
        return self.columns.get(key)

    def selected_ids(self) -> list[int]:
        return [c.id for c in self.current.selected_cards()] if self.current is not None else []

    def show_column(self, code: str) -> None:
        """Open an (empty) column for a catalogue scenario."""
        if code not in self.extra_scenarios:
            self.extra_scenarios.append(code)
        if self.state is not None:
            self.set_state(self.state)
        widget = self.columns.get(f"s:{code}")
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)

    # -- keys ---------------------------------------------------------------------------------------------

    def handle_key(self, view: CardList, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        alt = mods == Qt.KeyboardModifier.AltModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ids = [c.id for c in view.selected_cards()]
        if plain and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._focus_neighbour(view, -1 if key == Qt.Key.Key_Left else 1)
            return True
        if alt and key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and ids:
            self._move_to_neighbour(view, ids, -1 if key == Qt.Key.Key_Left else 1)
            return True
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and ids:
            self._reorder(view, ids, -1 if key == Qt.Key.Key_Up else 1)
            return True
        if not ids:
            return False
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(ids)
        elif plain and key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(ids[0])
        elif plain and key == Qt.Key.Key_M:
            self.move_to_requested.emit(ids)
        elif mods == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_M:
            self.merge_requested.emit(ids)
        elif plain and key == Qt.Key.Key_S:
            self.split_requested.emit(ids[0])
        elif plain and key == Qt.Key.Key_G:
            self.cluster_requested.emit(ids)
        else:
            return False
        return True

    def _focus_neighbour(self, view: CardList, step: int) -> None:
        widgets = self.column_list()
        index = next(i for i, w in enumerate(widgets) if w.list is view)
        target = index + step
        while 0 <= target < len(widgets) and widgets[target].model.rowCount() == 0:
            target += step
        if not 0 <= target < len(widgets):
            return
        row = min(max(view.currentIndex().row(), 0), widgets[target].model.rowCount() - 1)
        widgets[target].list.setFocus()
        widgets[target].list.setCurrentIndex(widgets[target].model.index(row, 0))
        self.scroll.ensureWidgetVisible(widgets[target])

    def _move_to_neighbour(self, view: CardList, ids: list[int], step: int) -> None:
        widgets = self.column_list()
        index = next(i for i, w in enumerate(widgets) if w.list is view)
        if 0 <= index + step < len(widgets):
            self.select_after_reload(ids)
            self.move_requested.emit(ids, widgets[index + step].column.place, None)

    def _reorder(self, view: CardList, ids: list[int], step: int) -> None:
        cards = view.card_model().cards
        rows = [r for r, c in enumerate(cards) if c.id in ids]
        if step < 0:
            if rows[0] == 0:
                return
            before = cards[rows[0] - 1].id
        else:
            if rows[-1] >= len(cards) - 1:
                return
            after = rows[-1] + 2
            before = cards[after].id if after < len(cards) else None
        self.select_after_reload(ids)
        self.move_requested.emit(ids, view.card_model().place, before)

    # -- menus -------------------------------------------------------------------------------------------

    def card_menu(self, view: CardList, pos: QPoint) -> None:
        ids = [c.id for c in view.selected_cards()]
        if not ids:
            return
        menu = QMenu(view)
        menu.addAction(self.tr("编辑…\tF2"), lambda: self.edit_requested.emit(ids[0]))
        menu.addAction(self.tr("移到…\tM"), lambda: self.move_to_requested.emit(ids))
        menu.addAction(self.tr("新建分组\tG"), lambda: self.cluster_requested.emit(ids))
        merge = menu.addAction(self.tr("合并为一张\tCtrl+M"), lambda: self.merge_requested.emit(ids))
        merge.setEnabled(len(ids) > 1)
        menu.addAction(self.tr("拆分…\tS"), lambda: self.split_requested.emit(ids[0]))
        menu.addSeparator()
        menu.addAction(icon("mdi6.delete-outline"), self.tr("删除\tDel"), lambda: self.delete_requested.emit(ids))
        menu.popup(view.viewport().mapToGlobal(pos))

    def column_menu(self, widget: ColumnWidget, menu: QMenu) -> None:
        menu.clear()
        column = widget.column
        if column.kind == "unassigned":
            menu.addAction(icon("mdi6.lightbulb-on-outline"), self.tr("建议归类…"), self.suggest_requested.emit)
        elif column.kind == "cluster":
            cluster_id = column.place.cluster_id
            menu.addAction(self.tr("重命名…"), lambda: self.rename_cluster_requested.emit(cluster_id))
            menu.addAction(icon("mdi6.star-plus-outline"), self.tr("转为场景…"),
                           lambda: self.cluster_to_scenario_requested.emit(cluster_id))
            menu.addAction(icon("mdi6.delete-outline"), self.tr("删除分组（卡片回到未归类）"),
                           lambda: self.delete_cluster_requested.emit(cluster_id))
        else:
            code = column.place.scenario_code
            menu.addAction(icon("mdi6.view-grid-outline"), self.tr("SWOT 分析"), lambda: self.swot_requested.emit(code))
            if not widget.model.cards and code in self.extra_scenarios:
                menu.addAction(self.tr("关闭此列"), lambda: self._close_column(code))

    def _close_column(self, code: str) -> None:
        self.extra_scenarios.remove(code)
        if self.state is not None:
            self.set_state(self.state)


def legend_text(state: SessionState) -> list[tuple[str, QColor]]:
    """The stakeholder groups present on the board with their colours, for a legend."""
    present = list(dict.fromkeys(c.stakeholder_group for c in state.cards))
    return [(group_name(state, code), group_colour(state, code)) for code in present]
