"""Scoring in turn: the laptop goes round the room and each participant enters their own.

One person at a time, in large type: a row per shortlisted scenario, a column per
criterion (or one column of dots or MoSCoW). Digits (M/S/C/W) fill a cell and move on;
Enter hands over to the next person, which saves this person's entries as one undoable
step. Each person sees only their own row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.scoring import MOSCOW
from workshop.session import RoundState, SessionState

from ..widgets import label
from .common import criterion_name, group_name, moscow_names, scenario_name


class _Cells(QTableWidget):
    """One person's cells; a value key fills the current cell and moves to the next one."""

    typed = Signal(int, int, object)  # row, column, value (None clears)

    def __init__(self, method: str) -> None:
        super().__init__()
        self.method = method
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text().upper()
        value = ...
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            value = None
        elif self.method == "moscow" and text in MOSCOW:
            value = text
        elif self.method == "moscow" and text in ("1", "2", "3", "4"):
            value = MOSCOW[int(text) - 1]
        elif self.method != "moscow" and len(text) == 1 and text.isdigit():
            value = int(text)
        if value is ... or self.currentRow() < 0:
            super().keyPressEvent(event)
            return
        row, column = self.currentRow(), self.currentColumn()
        self.typed.emit(row, column, value)
        if value is not None:
            column += 1
            if column >= self.columnCount():
                row, column = row + 1, 0
            if row < self.rowCount():
                self.setCurrentCell(row, column)


class TurnDialog(QDialog):
    """Each attending participant in turn; ``submitted`` carries one person's entries."""

    submitted = Signal(int, object)  # participant id, {(scenario, criterion): value}

    def __init__(self, state: SessionState, current: RoundState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.round = current.round
        self.people = [p for p in state.people if p.attended]
        self.columns = [c.code for c in self.round.criteria] if self.round.method == "scores" else [self.round.method]
        self.values: dict[int, dict[tuple[str, str], object]] = {}
        for (person, code, criterion), value in current.entries.items():
            if self.round.method == "moscow":
                value = MOSCOW[int(value) - 1]
            self.values.setdefault(person, {})[(code, criterion)] = value
        self.setWindowTitle(self.tr("轮流评分：{title}").format(title=self.round.title))
        self.setProperty("role", "kiosk")
        self.resize(1000, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        self.who = label("", "kiosk-title")
        self.where = label("", "kiosk-progress")
        layout.addWidget(self.who)
        layout.addWidget(self.where)
        layout.addWidget(label(self._hint(), "kiosk-text", wrap=True))
        self.cells = _Cells(self.round.method)
        self.cells.setColumnCount(len(self.columns))
        self.cells.setRowCount(len(self.round.scenarios))
        self.cells.setHorizontalHeaderLabels([self._column_name(c) for c in self.columns])
        self.cells.setVerticalHeaderLabels([scenario_name(state, code) for code in self.round.scenarios])
        self.cells.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.cells.verticalHeader().setDefaultSectionSize(44)
        self.cells.typed.connect(self._typed)
        layout.addWidget(self.cells, 1)
        self.problem = label("", "error")
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("上一位"))
        self.back.clicked.connect(lambda: self.go(-1))
        self.forward = QPushButton(self.tr("保存，交给下一位（Enter）"))
        self.forward.setProperty("role", "primary")
        self.forward.clicked.connect(lambda: self.go(1))
        done = QPushButton(self.tr("保存并结束"))
        done.clicked.connect(self.finish)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(done)
        buttons.addWidget(self.forward)
        layout.addLayout(buttons)
        waiting = [i for i, p in enumerate(self.people) if p.id not in self.values]
        self.index = waiting[0] if waiting else 0
        self._show()

    def _hint(self) -> str:
        return {
            "scores": self.tr("每格输入 {low}–{high} 的分数，输入后自动跳到下一格。").format(
                low=self.round.criteria[0].low, high=self.round.criteria[0].high) if self.round.criteria else "",
            "dots": self.tr("您有 {n} 个投票点，输入每个场景投几点。").format(n=self.round.dots),
            "moscow": self.tr("按 M 必须有、S 应该有、C 可以有、W 暂不做。"),
        }[self.round.method]

    def _column_name(self, code: str) -> str:
        if self.round.method == "scores":
            spec = next(c for c in self.round.criteria if c.code == code)
            return criterion_name(spec.code, spec.name)
        return self.tr("点数") if code == "dots" else self.tr("分类")

    def person(self):
        return self.people[self.index] if self.people else None

    def _show(self) -> None:
        person = self.person()
        if person is None:
            self.who.setText(self.tr("没有出席的参会者"))
            return
        self.who.setText(self.tr("请 {name} 评分").format(name=person.name))
        self.where.setText(self.tr("{group}　第 {i} / {n} 位").format(
            group=group_name(self.state, person.stakeholder_group), i=self.index + 1, n=len(self.people)))
        mine = self.values.get(person.id, {})
        for r, code in enumerate(self.round.scenarios):
            for c, criterion in enumerate(self.columns):
                value = mine.get((code, criterion))
                shown = "" if value is None else moscow_names()[value] if self.round.method == "moscow" else f"{value:g}"
                item = QTableWidgetItem(shown)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.cells.setItem(r, c, item)
        self.back.setEnabled(self.index > 0)
        self.problem.setText("")
        self.cells.setCurrentCell(0, 0)
        self.cells.setFocus()

    def _typed(self, row: int, column: int, value) -> None:
        person = self.person()
        self.values.setdefault(person.id, {})[(self.round.scenarios[row], self.columns[column])] = value
        shown = "" if value is None else moscow_names()[value] if self.round.method == "moscow" else f"{value:g}"
        self.cells.item(row, column).setText(shown)

    def check(self) -> str:
        """What is wrong with this person's entries ("" when nothing)."""
        mine = self.values.get(self.person().id, {})
        if self.round.method == "scores":
            for (code, criterion), value in mine.items():
                spec = next(c for c in self.round.criteria if c.code == criterion)
                if value is not None and not spec.low <= value <= spec.high:
                    return self.tr("“{scenario}”的{criterion}应在 {low}–{high} 之间。").format(
                        scenario=scenario_name(self.state, code), criterion=criterion_name(spec.code, spec.name),
                        low=spec.low, high=spec.high)
        if self.round.method == "dots":
            used = sum(v or 0 for v in mine.values())
            if used > self.round.dots:
                return self.tr("一共只有 {n} 个投票点，现在投了 {used} 个。").format(n=self.round.dots, used=used)
            if not self.round.stacking and any((v or 0) > 1 for v in mine.values()):
                return self.tr("本轮每个场景最多投 1 点。")
        return ""

    def save(self) -> bool:
        person = self.person()
        if person is None:
            return True
        problem = self.check()
        if problem:
            self.problem.setText(problem)
            return False
        if self.values.get(person.id):
            self.submitted.emit(person.id, dict(self.values[person.id]))
        return True

    def go(self, step: int) -> None:
        if not self.save():
            return
        if 0 <= self.index + step < len(self.people):
            self.index += step
            self._show()
        elif step > 0:
            self.accept()

    def finish(self) -> None:
        if self.save():
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go(1)
            return
        super().keyPressEvent(event)
