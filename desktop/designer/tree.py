"""The survey as a tree: groups and questions, reordered by drag and drop or the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from survey.model import Group, Item, SurveyDefinition

from ..widgets import icon
from .vocabulary import TYPE_ICONS, tr, type_name

NAME_ROLE = Qt.ItemDataRole.UserRole


class SurveyTree(QTreeWidget):
    """Emits ``selected(name)`` when the current item changes and ``reordered(structure)``
    after a drop, with the new nesting as ``[(name, [children...]), ...]``."""

    selected = Signal(str)
    reordered = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(3)
        self.setHeaderLabels([tr("题目"), tr("题型"), tr("名称")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 96), (2, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAccessibleName(tr("问卷结构"))
        self.currentItemChanged.connect(self._current_changed)

    def show_definition(self, definition: SurveyDefinition, current: str | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self._add(self.invisibleRootItem(), definition.items)
        self.expandAll()
        self.blockSignals(False)
        if current:
            self.select(current)

    def _add(self, parent: QTreeWidgetItem, items: tuple[Item, ...]) -> None:
        for item in items:
            kind = item.kind if isinstance(item, Group) else item.type
            label = item.label.get("zh") if item.label else ""
            node = QTreeWidgetItem([label.replace("\n", " ") or item.name, type_name(kind), item.name])
            node.setIcon(0, icon(TYPE_ICONS.get(kind, "mdi6.help-circle-outline"), "#3E4C59"))
            node.setData(0, NAME_ROLE, item.name)
            node.setToolTip(0, label or item.name)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled
            if isinstance(item, Group):
                flags |= Qt.ItemFlag.ItemIsDropEnabled
                font = node.font(0)
                font.setBold(True)
                node.setFont(0, font)
            node.setFlags(flags)
            parent.addChild(node)
            if isinstance(item, Group):
                self._add(node, item.children)

    def select(self, name: str) -> None:
        for node in self._nodes(self.invisibleRootItem()):
            if node.data(0, NAME_ROLE) == name:
                self.setCurrentItem(node)
                self.scrollToItem(node)
                return

    def current_name(self) -> str | None:
        node = self.currentItem()
        return node.data(0, NAME_ROLE) if node else None

    def structure(self) -> list:
        def read(node: QTreeWidgetItem) -> list:
            return [(child.data(0, NAME_ROLE), read(child)) for child in (node.child(i) for i in range(node.childCount()))]

        return read(self.invisibleRootItem())

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        name = self.current_name()
        super().dropEvent(event)
        self.reordered.emit(self.structure())
        if name:
            self.select(name)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.selected.emit(current.data(0, NAME_ROLE))

    def _nodes(self, node: QTreeWidgetItem):
        for i in range(node.childCount()):
            child = node.child(i)
            yield child
            yield from self._nodes(child)
