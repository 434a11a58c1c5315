"""The session itself: title, date, place, facilitator; the agenda; participants and attendance."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.session import SessionState

from ..widgets import Card, icon, label
from .common import VALUE_ROLE, ChoiceDelegate, EntryLine, group_name

PEOPLE_FIELDS = ("name", "department", "organisation", "stakeholder_group", "role", "attended")
NO_DATE = QDate(2000, 1, 1)
"""The date edit's "not set" value (shown as 未定)."""


class SetupPanel(QWidget):
    session_changed = Signal(str, object)  # field, value
    agenda_added = Signal(str, int)  # title, minutes
    agenda_changed = Signal(int, str, object)  # item id, field, value
    agenda_moved = Signal(int, int)  # item id, offset
    agenda_deleted = Signal(int)
    person_changed = Signal(int, str, object)  # participant id, field, value
    people_deleted = Signal(list)
    paste_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: SessionState | None = None
        self._agenda_selected: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self._details())
        left.addWidget(self._agenda(), 1)
        layout.addLayout(left, 2)
        layout.addWidget(self._people(), 3)

    def _details(self) -> Card:
        card = Card(self.tr("基本信息"))
        form = QFormLayout()
        self.title_edit, self.place_edit, self.facilitator_edit = EntryLine(), EntryLine(), EntryLine()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText(self.tr("未定"))
        for caption, widget, field in ((self.tr("主题"), self.title_edit, "title"), (self.tr("地点"), self.place_edit, "place"),
                                       (self.tr("主持人"), self.facilitator_edit, "facilitator")):
            widget.editingFinished.connect(lambda w=widget, f=field: self._detail_edited(f, w.text().strip()))
            form.addRow(caption, widget)
        self.date_edit.editingFinished.connect(lambda: self._detail_edited("held_on", self._date()))
        form.insertRow(1, self.tr("日期"), self.date_edit)
        card.body.addLayout(form)
        return card

    def _agenda(self) -> Card:
        card = Card(self.tr("议程"))
        self.agenda_table = QTableWidget(0, 2)
        self.agenda_table.setHorizontalHeaderLabels([self.tr("议题"), self.tr("计划（分钟）")])
        self.agenda_table.verticalHeader().setVisible(False)
        self.agenda_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agenda_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda_table.itemChanged.connect(self._agenda_edited)
        self.agenda_table.setAccessibleName(self.tr("议程"))
        self.agenda_table.installEventFilter(self)
        card.body.addWidget(self.agenda_table, 1)
        row = QHBoxLayout()
        self.agenda_title = EntryLine()
        self.agenda_title.setPlaceholderText(self.tr("新议题，回车添加"))
        self.agenda_title.returnPressed.connect(self._add_agenda)
        self.agenda_minutes = QSpinBox()
        self.agenda_minutes.setRange(0, 600)
        self.agenda_minutes.setValue(20)
        self.agenda_minutes.setSuffix(self.tr(" 分钟"))
        row.addWidget(self.agenda_title, 1)
        row.addWidget(self.agenda_minutes)
        for icon_name, tip, offset in (("mdi6.arrow-up", self.tr("上移（Alt+↑）"), -1), ("mdi6.arrow-down", self.tr("下移（Alt+↓）"), 1)):
            button = QPushButton(icon(icon_name), "")
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, o=offset: self._move_agenda(o))
            row.addWidget(button)
        card.body.addLayout(row)
        self.agenda_total = label("", "muted")
        card.body.addWidget(self.agenda_total)
        return card

    def _people(self) -> Card:
        card = Card(self.tr("参会者"))
        bar = QHBoxLayout()
        paste = QPushButton(icon("mdi6.clipboard-text-outline"), self.tr("粘贴名单…"))
        paste.clicked.connect(self.paste_requested)
        load = QPushButton(icon("mdi6.microsoft-excel"), self.tr("从 Excel 导入…"))
        load.clicked.connect(self.import_requested)
        self.people_count = label("", "muted")
        bar.addWidget(paste)
        bar.addWidget(load)
        bar.addStretch(1)
        bar.addWidget(self.people_count)
        card.body.addLayout(bar)
        self.people_table = QTableWidget(0, 6)
        self.people_table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("部门"), self.tr("单位"), self.tr("相关方"), self.tr("角色"), self.tr("出席")])
        self.people_table.verticalHeader().setVisible(False)
        header = self.people_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((90, 130, 160, 100, 100, 56)):
            self.people_table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.itemChanged.connect(self._person_edited)
        self.people_table.setItemDelegateForColumn(3, ChoiceDelegate(self._group_choices, self.people_table))
        self.people_table.setAccessibleName(self.tr("参会者"))
        self.people_table.installEventFilter(self)
        card.body.addWidget(self.people_table, 1)
        card.body.addWidget(label(self.tr("双击单元格修改；Del 删除选中的参会者（他们的卡片保留，评分一并删除；可撤销）。"), "muted"))
        return card

    # -- showing ----------------------------------------------------------------------------------------------

    def set_state(self, state: SessionState) -> None:
        self.state = state
        info = state.info
        for widget, value in ((self.title_edit, info.title), (self.place_edit, info.place),
                              (self.facilitator_edit, info.facilitator)):
            if not widget.hasFocus():
                widget.setText(value)
        if not self.date_edit.hasFocus():
            self.date_edit.setDate(QDate.fromString(info.held_on, "yyyy-MM-dd") if info.held_on else NO_DATE)
        table = self.agenda_table
        selected = self._agenda_selected if self._agenda_selected is not None else self._agenda_id(table.currentRow())
        self._agenda_selected = None
        table.blockSignals(True)
        table.setRowCount(len(state.agenda))
        for r, item in enumerate(state.agenda):
            title = QTableWidgetItem(item.title)
            title.setData(Qt.ItemDataRole.UserRole, (item.id, "title"))
            minutes = QTableWidgetItem(str(item.planned_minutes))
            minutes.setData(Qt.ItemDataRole.UserRole, (item.id, "planned_minutes"))
            minutes.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, 0, title)
            table.setItem(r, 1, minutes)
        table.blockSignals(False)
        row = next((r for r, item in enumerate(state.agenda) if item.id == selected), -1)
        if row >= 0:
            table.selectRow(row)
        total = sum(i.planned_minutes for i in state.agenda)
        planned = (self.tr("{h} 小时 {m} 分钟").format(h=total // 60, m=total % 60) if total >= 60
                   else self.tr("{m} 分钟").format(m=total))
        self.agenda_total.setText(self.tr("共 {n} 项，计划 {time}").format(n=len(state.agenda), time=planned))
        self._fill_people(state)

    def _fill_people(self, state: SessionState) -> None:
        table = self.people_table
        table.blockSignals(True)
        table.setRowCount(len(state.people))
        for r, person in enumerate(state.people):
            for c, field in enumerate(("name", "department", "organisation")):
                item = QTableWidgetItem(getattr(person, field))
                item.setData(Qt.ItemDataRole.UserRole, (person.id, field))
                table.setItem(r, c, item)
            group = QTableWidgetItem(group_name(state, person.stakeholder_group))
            group.setData(Qt.ItemDataRole.UserRole, (person.id, "stakeholder_group"))
            group.setData(VALUE_ROLE, person.stakeholder_group)
            table.setItem(r, 3, group)
            role = QTableWidgetItem(person.role)
            role.setData(Qt.ItemDataRole.UserRole, (person.id, "role"))
            table.setItem(r, 4, role)
            attended = QTableWidgetItem()
            attended.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            attended.setCheckState(Qt.CheckState.Checked if person.attended else Qt.CheckState.Unchecked)
            attended.setData(Qt.ItemDataRole.UserRole, (person.id, "attended"))
            table.setItem(r, 5, attended)
        table.blockSignals(False)
        present = sum(1 for p in state.people if p.attended)
        departments = len({p.department for p in state.people if p.department})
        self.people_count.setText(self.tr("{n} 人，出席 {present} 人，{d} 个部门").format(
            n=len(state.people), present=present, d=departments))

    # -- edits --------------------------------------------------------------------------------------------------

    def _date(self) -> str | None:
        date = self.date_edit.date()
        return None if date == NO_DATE else date.toString("yyyy-MM-dd")

    def _detail_edited(self, field: str, value: str | None) -> None:
        if self.state is None:
            return
        current = {"title": self.state.info.title, "place": self.state.info.place,
                   "facilitator": self.state.info.facilitator, "held_on": self.state.info.held_on}[field]
        if (value or "") != (current or ""):
            self.session_changed.emit(field, value)

    def _agenda_edited(self, item: QTableWidgetItem) -> None:
        item_id, field = item.data(Qt.ItemDataRole.UserRole)
        if field == "planned_minutes":
            text = item.text().strip()
            if not text.isdigit():
                self.set_state(self.state)  # put the old number back
                return
            self.agenda_changed.emit(item_id, field, int(text))
        else:
            self.agenda_changed.emit(item_id, field, item.text())

    def _add_agenda(self) -> None:
        title = self.agenda_title.text().strip()
        if title:
            self.agenda_added.emit(title, self.agenda_minutes.value())
            self.agenda_title.take()

    def _agenda_id(self, row: int) -> int | None:
        item = self.agenda_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole)[0] if item is not None else None

    def _move_agenda(self, offset: int) -> None:
        """Move the selected item; the id comes from the row itself, so quick repeats move the
        same item again rather than whatever an older copy had there."""
        item_id = self._agenda_id(self.agenda_table.currentRow())
        if item_id is not None:
            self._agenda_selected = item_id
            self.agenda_moved.emit(item_id, offset)

    def _group_choices(self) -> list[tuple[str, str | None]]:
        groups = self.state.groups if self.state else []
        return [(group_name(self.state, None), None)] + [(group_name(self.state, g.code), g.code) for g in groups]

    def _person_edited(self, item: QTableWidgetItem) -> None:
        person_id, field = item.data(Qt.ItemDataRole.UserRole)
        if field == "stakeholder_group":
            value = item.data(VALUE_ROLE)
            if value != next((p.stakeholder_group for p in self.state.people if p.id == person_id), value):
                self.person_changed.emit(person_id, field, value)
        elif field == "attended":
            self.person_changed.emit(person_id, field, item.checkState() == Qt.CheckState.Checked)
        else:
            self.person_changed.emit(person_id, field, item.text().strip())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if not (isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress):
            return super().eventFilter(watched, event)
        if watched is self.agenda_table and self.agenda_table.state() != QAbstractItemView.State.EditingState:
            item_id = self._agenda_id(self.agenda_table.currentRow())
            if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move_agenda(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Delete and item_id is not None:
                self.agenda_deleted.emit(item_id)
                return True
        if (watched is self.people_table and event.key() == Qt.Key.Key_Delete
                and self.people_table.state() != QAbstractItemView.State.EditingState):
            rows = sorted({i.row() for i in self.people_table.selectedIndexes()})
            ids = [self.people_table.item(r, 0).data(Qt.ItemDataRole.UserRole)[0] for r in rows]
            if ids:
                self.people_deleted.emit(ids)
                return True
        return super().eventFilter(watched, event)
