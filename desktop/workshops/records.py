"""What the room decided: decisions, actions (owner department, due date, status) and
conflicts of interest (which stakeholder groups disagree, about what)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.records import ACTION_STATUSES
from workshop.session import SessionState

from ..widgets import Card, icon
from .common import VALUE_ROLE, ChoiceDelegate, EntryLine, active_scenarios, group_name, scenario_name, status_names


def _no_date() -> QDate:
    """The due-date edit's "no date" value: yesterday, so its calendar opens on this month."""
    return QDate.currentDate().addDays(-1)


def scenario_combo(state: SessionState | None, combo: QComboBox, first: str) -> None:
    """Fill a combo with "no scenario" and the session's scenarios first, then the catalogue."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    if state is not None:
        used = state.board_scenarios()
        for code in used + [s.code for s in active_scenarios(state) if s.code not in used]:
            combo.addItem(scenario_name(state, code), code)
    index = combo.findData(chosen)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


class _DeletableList(QListWidget):
    """A list of records that wrap (no sideways scrolling); Del deletes the selected ones."""

    delete_pressed = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selectedItems():
            self.delete_pressed.emit([i.data(Qt.ItemDataRole.UserRole) for i in self.selectedItems()])
            return
        super().keyPressEvent(event)


class RecordsPanel(QWidget):
    decision_added = Signal(str, object)  # text, scenario code
    action_added = Signal(str, str, object, str)  # text, owner, due (ISO or None), status
    action_changed = Signal(int, str, object)  # action id, field, value
    conflict_added = Signal(str, list, object)  # text, group codes, scenario code
    deleted = Signal(str, list)  # table, ids
    conflicts_from_scores = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: SessionState | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self._decisions(), 1)
        left.addWidget(self._conflicts(), 1)
        layout.addLayout(left, 1)
        layout.addWidget(self._actions(), 1)

    # -- layout ------------------------------------------------------------------------------------------

    def _decisions(self) -> Card:
        card = Card(self.tr("决议"))
        self.decision_list = _DeletableList()
        self.decision_list.setProperty("role", "plain-list")
        self.decision_list.setAccessibleName(self.tr("决议"))
        self.decision_list.delete_pressed.connect(lambda ids: self.deleted.emit("decisions", ids))
        card.body.addWidget(self.decision_list, 1)
        row = QHBoxLayout()
        self.decision_text = EntryLine()
        self.decision_text.setPlaceholderText(self.tr("输入决议，回车记录"))
        self.decision_text.returnPressed.connect(self._add_decision)
        self.decision_scenario = QComboBox()
        self.decision_scenario.setMaximumWidth(220)
        row.addWidget(self.decision_text, 1)
        row.addWidget(self.decision_scenario)
        card.body.addLayout(row)
        return card

    def _actions(self) -> Card:
        card = Card(self.tr("行动项"))
        self.action_table = QTableWidget(0, 4)
        self.action_table.setHorizontalHeaderLabels([self.tr("事项"), self.tr("负责部门"), self.tr("截止日期"), self.tr("状态")])
        self.action_table.verticalHeader().setVisible(False)
        self.action_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.action_table.setColumnWidth(1, 120)
        self.action_table.setColumnWidth(2, 96)
        self.action_table.setColumnWidth(3, 72)
        self.action_table.setWordWrap(True)
        self.action_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_table.setAccessibleName(self.tr("行动项"))
        self.action_table.itemChanged.connect(self._action_edited)
        self.action_table.setItemDelegateForColumn(
            3, ChoiceDelegate(lambda: [(status_names()[c], c) for c in ACTION_STATUSES], self.action_table))
        self.action_table.installEventFilter(self)
        card.body.addWidget(self.action_table, 1)
        row = QHBoxLayout()
        self.action_text = EntryLine()
        self.action_text.setPlaceholderText(self.tr("行动事项"))
        self.action_text.returnPressed.connect(self._add_action)
        self.action_owner = QComboBox()
        self.action_owner.setEditable(True)
        self.action_owner.setMinimumWidth(140)
        self.action_owner.lineEdit().setPlaceholderText(self.tr("负责部门"))
        self.action_due = QDateEdit()
        self.action_due.setCalendarPopup(True)
        self.action_due.setMinimumDate(_no_date())
        self.action_due.setSpecialValueText(self.tr("无截止日期"))
        self.action_due.setDisplayFormat("yyyy-MM-dd")
        self.action_due.setDate(_no_date())
        add = QPushButton(icon("mdi6.plus"), self.tr("添加"))
        add.clicked.connect(self._add_action)
        row.addWidget(self.action_text, 1)
        card.body.addLayout(row)
        second = QHBoxLayout()
        for widget, stretch in ((self.action_owner, 1), (self.action_due, 0), (add, 0)):
            second.addWidget(widget, stretch)
        card.body.addLayout(second)
        return card

    def _conflicts(self) -> Card:
        card = Card(self.tr("利益冲突"))
        self.conflict_list = _DeletableList()
        self.conflict_list.setProperty("role", "plain-list")
        self.conflict_list.setAccessibleName(self.tr("利益冲突"))
        self.conflict_list.delete_pressed.connect(lambda ids: self.deleted.emit("interest_conflicts", ids))
        card.body.addWidget(self.conflict_list, 1)
        row = QHBoxLayout()
        self.conflict_text = EntryLine()
        self.conflict_text.setPlaceholderText(self.tr("哪些相关方在什么问题上意见不同，回车记录"))
        self.conflict_text.returnPressed.connect(self._add_conflict)
        self.conflict_groups = QHBoxLayout()
        self.group_boxes: dict[str, QCheckBox] = {}
        self.conflict_scenario = QComboBox()
        self.conflict_scenario.setMaximumWidth(220)
        from_scores = QPushButton(icon("mdi6.scale-unbalanced"), self.tr("从评分分歧生成"))
        from_scores.setToolTip(self.tr("把评分中相关方差异超过阈值的场景记为利益冲突"))
        from_scores.clicked.connect(self.conflicts_from_scores)
        row.addWidget(self.conflict_text, 1)
        row.addWidget(self.conflict_scenario)
        card.body.addLayout(row)
        second = QHBoxLayout()
        second.addLayout(self.conflict_groups)
        second.addStretch(1)
        second.addWidget(from_scores)
        card.body.addLayout(second)
        return card

    # -- showing ------------------------------------------------------------------------------------------

    def set_state(self, state: SessionState) -> None:
        self.state = state
        scenario_combo(state, self.decision_scenario, self.tr("（不针对场景）"))
        scenario_combo(state, self.conflict_scenario, self.tr("（不针对场景）"))
        self.decision_list.clear()
        for decision in state.decisions:
            text = decision.text + (f"　〔{scenario_name(state, decision.scenario_code)}〕" if decision.scenario_code else "")
            item = QListWidgetItem(icon("mdi6.gavel"), text)
            item.setData(Qt.ItemDataRole.UserRole, decision.id)
            self.decision_list.addItem(item)
        self._fill_actions(state)
        owners = sorted({p.department for p in state.people if p.department} | {a.owner_department for a in state.actions if a.owner_department})
        typed = self.action_owner.currentText()
        self.action_owner.clear()
        self.action_owner.addItems(owners)
        self.action_owner.setEditText(typed)
        self.conflict_list.clear()
        for conflict in state.conflicts:
            groups = " × ".join(group_name(state, g) for g in conflict.groups)
            where = f"〔{scenario_name(state, conflict.scenario_code)}〕" if conflict.scenario_code else ""
            item = QListWidgetItem(icon("mdi6.scale-unbalanced"), f"{groups}：{conflict.text}{where}" if groups else conflict.text + where)
            item.setData(Qt.ItemDataRole.UserRole, conflict.id)
            self.conflict_list.addItem(item)
        if set(self.group_boxes) != {g.code for g in state.groups}:
            for box in self.group_boxes.values():
                box.deleteLater()
            self.group_boxes = {}
            for group in state.groups:
                box = QCheckBox(group_name(state, group.code))
                self.group_boxes[group.code] = box
                self.conflict_groups.addWidget(box)

    def _fill_actions(self, state: SessionState) -> None:
        table = self.action_table
        table.blockSignals(True)
        table.setRowCount(len(state.actions))
        for r, action in enumerate(state.actions):
            for c, (field, text) in enumerate((("text", action.text), ("owner_department", action.owner_department),
                                                ("due_on", action.due_on or ""))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (action.id, field))
                table.setItem(r, c, item)
            status = QTableWidgetItem(status_names()[action.status])
            status.setData(Qt.ItemDataRole.UserRole, (action.id, "status"))
            status.setData(VALUE_ROLE, action.status)
            table.setItem(r, 3, status)
        table.resizeRowsToContents()
        table.blockSignals(False)

    # -- input -----------------------------------------------------------------------------------------------

    def _add_decision(self) -> None:
        text = self.decision_text.text().strip()
        if text:
            self.decision_added.emit(text, self.decision_scenario.currentData())
            self.decision_text.take()

    def _add_action(self) -> None:
        text = self.action_text.text().strip()
        if not text:
            return
        due = None if self.action_due.date() <= self.action_due.minimumDate() else self.action_due.date().toString("yyyy-MM-dd")
        self.action_added.emit(text, self.action_owner.currentText().strip(), due, "open")
        self.action_text.take()
        self.action_text.setFocus()

    def _add_conflict(self) -> None:
        text = self.conflict_text.text().strip()
        if text:
            groups = [code for code, box in self.group_boxes.items() if box.isChecked()]
            self.conflict_added.emit(text, groups, self.conflict_scenario.currentData())
            self.conflict_text.take()
            for box in self.group_boxes.values():
                box.setChecked(False)

    def _action_edited(self, item: QTableWidgetItem) -> None:
        action_id, field = item.data(Qt.ItemDataRole.UserRole)
        if field == "status":
            if item.data(VALUE_ROLE) != next((a.status for a in self.state.actions if a.id == action_id), None):
                self.action_changed.emit(action_id, field, item.data(VALUE_ROLE))
            return
        value = item.text().strip()
        self.action_changed.emit(action_id, field, value or (None if field == "due_on" else value))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (watched is self.action_table and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Delete and self.action_table.state() != QAbstractItemView.State.EditingState):
            rows = sorted({i.row() for i in self.action_table.selectedIndexes()})
            ids = [self.action_table.item(r, 0).data(Qt.ItemDataRole.UserRole)[0] for r in rows]
            if ids:
                self.deleted.emit("actions", ids)
                return True
        return super().eventFilter(watched, event)
