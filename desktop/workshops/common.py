"""What the workshop screens share: names of kinds and quadrants, group colours, a quick picker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from workshop.session import SessionState

from ..widgets import label, local

GROUP_COLOURS = {"citizen": "#1BA39C", "department": "#2F6BDE", "enterprise": "#E08A1E", "partner": "#8E6CD8"}
EXTRA_COLOURS = ("#D9534F", "#6C8EAD", "#B5656B", "#4F9D69")
NO_GROUP_COLOUR = "#9AA5B1"
KIND_COLOURS = {"pain": "#C0392B", "need": "#2F6BDE", "idea": "#2E8B57", "risk": "#B7791F"}


def kind_names() -> dict[str, str]:
    return {
        "pain": QCoreApplication.translate("Workshop", "痛点"),
        "need": QCoreApplication.translate("Workshop", "需求"),
        "idea": QCoreApplication.translate("Workshop", "创意"),
        "risk": QCoreApplication.translate("Workshop", "风险"),
    }


def quadrant_names() -> dict[str, str]:
    """SWOT quadrants."""
    return {
        "S": QCoreApplication.translate("Workshop", "优势"),
        "W": QCoreApplication.translate("Workshop", "劣势"),
        "O": QCoreApplication.translate("Workshop", "机会"),
        "T": QCoreApplication.translate("Workshop", "威胁"),
    }


def priority_names() -> dict[str, str]:
    """Value × urgency quadrants."""
    return {
        "do_first": QCoreApplication.translate("Workshop", "优先实施"),
        "plan": QCoreApplication.translate("Workshop", "规划推进"),
        "quick": QCoreApplication.translate("Workshop", "快速处置"),
        "later": QCoreApplication.translate("Workshop", "暂缓"),
    }


def moscow_names() -> dict[str, str]:
    return {
        "M": QCoreApplication.translate("Workshop", "必须有"),
        "S": QCoreApplication.translate("Workshop", "应该有"),
        "C": QCoreApplication.translate("Workshop", "可以有"),
        "W": QCoreApplication.translate("Workshop", "暂不做"),
    }


def status_names() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Workshop", "未开始"),
        "doing": QCoreApplication.translate("Workshop", "进行中"),
        "done": QCoreApplication.translate("Workshop", "已完成"),
    }


def criterion_name(code: str, stored: str) -> str:
    """The default criteria in the interface language; others as the facilitator named them."""
    names = {
        "value": QCoreApplication.translate("Workshop", "价值"),
        "urgency": QCoreApplication.translate("Workshop", "紧迫性"),
        "feasibility": QCoreApplication.translate("Workshop", "可行性"),
    }
    return names.get(code, stored) if stored in ("价值", "紧迫性", "可行性", "") else stored


def group_colour(state: SessionState | None, code: str | None) -> QColor:
    if not code:
        return QColor(NO_GROUP_COLOUR)
    if code in GROUP_COLOURS:
        return QColor(GROUP_COLOURS[code])
    others = [g.code for g in (state.groups if state else []) if g.code not in GROUP_COLOURS]
    index = others.index(code) if code in others else len(code)
    return QColor(EXTRA_COLOURS[index % len(EXTRA_COLOURS)])


def group_name(state: SessionState | None, code: str | None) -> str:
    if not code:
        return QCoreApplication.translate("Workshop", "未注明")
    for group in state.groups if state else []:
        if group.code == code:
            return local(group.name)
    return code


def active_scenarios(state: SessionState | None) -> list:
    """The scenarios new work may use (retired ones keep their names on old cards and rounds)."""
    return [s for s in state.scenarios if not s.retired] if state else []


def scenario_name(state: SessionState | None, code: str | None) -> str:
    if code is None:
        return QCoreApplication.translate("Workshop", "全市整体")
    scenario = state.scenario(code) if state else None
    return local(scenario.name) if scenario else code


class EntryLine(QLineEdit):
    """A line for typing records: Ctrl+Z undoes the line's own typing while it has any, and
    otherwise reaches the page's undo (the last card, item or decision). :meth:`take` empties
    it without leaving anything of its own to undo."""

    def take(self) -> str:
        text = self.text().strip()
        self.setText("")  # unlike clear(), leaves no undo history in the line
        return text

    def event(self, event) -> bool:
        if event.type() == QKeyEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if ((event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable())
                    or (event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable())):
                event.ignore()
                return False
        return super().event(event)


class Picker(QDialog):
    """Choose one of many by typing a few characters: a filter line over a list; Enter picks.

    ``choices`` are ``(caption, value)`` pairs; :meth:`ask` returns the value or None.
    """

    def __init__(self, title: str, hint: str, choices: list[tuple[str, object]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(420, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(label(hint, "muted", wrap=True))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("输入名称筛选，↑↓ 选择，回车确定"))
        self.filter.textChanged.connect(self._apply)
        self.filter.installEventFilter(self)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        for caption, value in choices:
            item = QListWidgetItem(caption)
            item.setData(Qt.ItemDataRole.UserRole, value)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._apply("")

    def _apply(self, text: str) -> None:
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(text) and text.lower() not in item.text().lower()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.list.setCurrentItem(first)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._step(event.key())
                return True
        return super().eventFilter(watched, event)

    def _step(self, key) -> None:
        rows = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        if not rows:
            return
        current = self.list.currentRow()
        at = rows.index(current) if current in rows else 0
        jump = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}[key]
        self.list.setCurrentRow(rows[max(0, min(len(rows) - 1, at + jump))])

    def value(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and not item.isHidden() else None

    def ask(self):
        return self.value() if self.exec() == QDialog.DialogCode.Accepted else None


VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class ChoiceDelegate(QStyledItemDelegate):
    """A table column whose cells are edited with a drop-down list. A cell keeps its chosen
    value under :data:`VALUE_ROLE` and shows its caption; the editor exists only while editing
    (a combo box in every row costs more than a whole redraw of the board)."""

    def __init__(self, choices, parent=None) -> None:
        super().__init__(parent)
        self.choices = choices  # () -> [(caption, value)]

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        for caption, value in self.choices():
            combo.addItem(caption, value)
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:  # noqa: N802 - Qt override
        editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE_ROLE))))
        editor.showPopup()

    def setModelData(self, editor: QComboBox, model, index) -> None:  # noqa: N802 - Qt override
        if editor.currentData() != index.data(VALUE_ROLE):
            # The caption quietly first, then the value: one change, reported once, with both current.
            model.blockSignals(True)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
            model.blockSignals(False)
            model.setData(index, editor.currentData(), VALUE_ROLE)
