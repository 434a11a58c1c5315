"""The survey as a respondent sees it, running live: skip logic, constraints, calculations."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from survey.model import Group, Item, Question, SurveyDefinition, Text
from survey.runtime import FormState

from ..widgets import label
from .vocabulary import tr


class QuestionBox(QFrame):
    """One question: its label, hint, input widget and problem line.

    ``preview`` is whatever hosts it (the designer's preview, the kiosk form): it gives
    ``state`` (a FormState), ``lang`` and ``scenario_names``.
    """

    answered = Signal(str, str)  # answer name, value

    def __init__(self, preview, question: Question) -> None:
        super().__init__()
        self.preview = preview
        self.question = question
        self.setProperty("role", "preview-question")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        lang = preview.lang
        required = "<span style='color:#C0392B'> *</span>" if question.is_required else ""
        title = QLabel(f"{_escape(question.label.get(lang) or question.name)}{required}")
        title.setWordWrap(True)
        title.setProperty("role", "preview-label")
        layout.addWidget(title)
        if question.hint:
            layout.addWidget(label(question.hint.get(lang), "muted", wrap=True))
        self.input = self._input(question)
        if self.input is not None:
            layout.addWidget(self.input)
        self.problem = label("", "error", wrap=True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)

    def _input(self, q: Question) -> QWidget | None:
        state = self.preview.state
        lang = self.preview.lang
        if q.type == "note":
            return None
        if q.type in ("select_one", "likert", "consent", "stakeholder_group", "kano") or (q.type == "department" and q.list_name):
            box = QWidget()
            row = QVBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            group = QButtonGroup(box)
            for choice in state.choices(q.name):
                button = QRadioButton(choice.label.get(lang) or choice.name)
                button.setProperty("choice", choice.name)
                group.addButton(button)
                row.addWidget(button)
            group.buttonClicked.connect(lambda b: self.answered.emit(q.name, b.property("choice")))
            return box
        if q.type in ("select_multiple", "rank"):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            boxes = []
            for choice in state.choices(q.name):
                check = QCheckBox(choice.label.get(lang) or choice.name)
                check.setProperty("choice", choice.name)
                boxes.append(check)
                column.addWidget(check)

            def changed(_state: int) -> None:
                self.answered.emit(q.name, " ".join(b.property("choice") for b in boxes if b.isChecked()))

            for check in boxes:
                check.stateChanged.connect(changed)
            return box
        if q.type == "rating":
            box = QWidget()
            row = QGridLayout(box)  # 0–5 and 6–10 on two rows, so narrow panes need no scrolling
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            group = QButtonGroup(box)
            for value in range(11):
                button = QPushButton(str(value))
                button.setCheckable(True)
                button.setMinimumWidth(36)
                group.addButton(button, value)
                row.addWidget(button, value // 6, value % 6)
            group.idClicked.connect(lambda v: self.answered.emit(q.name, str(v)))
            return box
        if q.type == "scenario_grid":
            return self._grid(q)
        if q.type == "date":
            edit = QDateEdit(QDate.currentDate())
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda d: self.answered.emit(q.name, d.toString("yyyy-MM-dd")))
            return edit
        if q.type == "time":
            edit = QTimeEdit(QTime.currentTime())
            edit.timeChanged.connect(lambda t: self.answered.emit(q.name, t.toString("HH:mm")))
            return edit
        if q.type == "text" and "multiline" in q.appearance:
            edit = QPlainTextEdit()
            edit.setFixedHeight(72)
            edit.textChanged.connect(lambda: self.answered.emit(q.name, edit.toPlainText().strip()))
            return edit
        if q.type == "calculate":
            return None
        edit = QLineEdit()
        if q.type == "integer":
            edit.setValidator(QIntValidator())
        elif q.type == "decimal":
            edit.setValidator(QDoubleValidator())
        edit.setPlaceholderText(tr("在此作答"))
        edit.textChanged.connect(lambda v: self.answered.emit(q.name, v.strip()))
        return edit

    def _grid(self, q: Question) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(label(tr("场景"), "muted"), 0, 0)
        grid.addWidget(label(tr("价值（1–5）"), "muted"), 0, 1)
        grid.addWidget(label(tr("紧迫性（1–5）"), "muted"), 0, 2)
        names = iter(q.answer_names())
        for row, code in enumerate(q.scenario_codes(), start=1):
            title = self.preview.scenario_names.get(code, Text.of(code, code))
            grid.addWidget(QLabel(title.get(self.preview.lang)), row, 0)
            for column in (1, 2):
                combo = QComboBox()
                combo.addItems(["", "1", "2", "3", "4", "5"])
                answer = next(names)
                combo.currentTextChanged.connect(lambda v, a=answer: self.answered.emit(a, v))
                grid.addWidget(combo, row, column)
        return box

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_value(self, answers: dict[str, str]) -> None:
        """Show stored answers (when resuming or going back) without re-recording them."""
        widget = self.input
        if widget is None:
            return
        value = answers.get(self.question.name, "")
        widget.blockSignals(True)
        try:
            if isinstance(widget, (QLineEdit,)):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif self.question.type == "scenario_grid":
                combos = widget.findChildren(QComboBox)
                for combo, name in zip(combos, self.question.answer_names()):
                    combo.blockSignals(True)
                    combo.setCurrentText(answers.get(name, ""))
                    combo.blockSignals(False)
            else:
                chosen = set(value.split())
                for button in _choice_widgets(widget):
                    button.blockSignals(True)
                    button.setChecked(button.property("choice") in chosen)
                    button.blockSignals(False)
                for button in widget.findChildren(QPushButton):
                    button.setChecked(button.text() == value)
        finally:
            widget.blockSignals(False)

    def choice_buttons(self) -> list:
        if self.input is None:
            return []
        return _choice_widgets(self.input) or (
            [b for b in self.input.findChildren(QPushButton)] if self.question.type == "rating" else [])

    def pick(self, number: int) -> bool:
        """Choose the ``number``-th choice (1-based; 0 is the rating 0): the kiosk's number keys."""
        buttons = self.choice_buttons()
        index = number if self.question.type == "rating" else number - 1
        if 0 <= index < len(buttons):
            buttons[index].click()
            buttons[index].setFocus()
            return True
        return False


class Preview(QWidget):
    """Runs a survey version as a respondent would see it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.definition: SurveyDefinition | None = None
        self.state: FormState | None = None
        self.lang = "zh"
        self.scenario_names: dict[str, Text] = {}
        self.boxes: dict[str, QuestionBox] = {}
        self.sections: list[tuple[Group, QWidget]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.restart = QPushButton(tr("重新开始"))
        self.restart.clicked.connect(lambda: self.show_definition(self.definition))
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.currentIndexChanged.connect(self._switch_language)
        self.summary = label("", "muted")
        bar.addWidget(self.restart)
        bar.addWidget(self.language)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        outer.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)

    def show_definition(self, definition: SurveyDefinition | None) -> None:
        self.definition = definition
        self.boxes.clear()
        self.sections.clear()
        body = QWidget()
        body.setProperty("role", "preview")
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(10)
        if definition is None:
            self.state = None
            self.scroll.setWidget(body)
            return
        self.state = FormState(definition, lang=self.lang)
        title = QLabel(_escape(definition.title.get(self.lang)))
        title.setProperty("role", "page-title")
        title.setWordWrap(True)
        column.addWidget(title)
        self._add(column, definition.items)
        column.addStretch(1)
        self.scroll.setWidget(body)
        self._update(set(self.boxes))

    def _add(self, column: QVBoxLayout, items: tuple[Item, ...]) -> None:
        for item in items:
            if isinstance(item, Group):
                section = QWidget()
                inner = QVBoxLayout(section)
                inner.setContentsMargins(0, 8, 0, 0)
                if item.label:
                    heading = QLabel(_escape(item.label.get(self.lang)))
                    heading.setProperty("role", "card-title")
                    inner.addWidget(heading)
                self._add(inner, item.children)
                self.sections.append((item, section))
                column.addWidget(section)
                continue
            if item.type in ("calculate",) or item.type not in _SHOWN and item.type != "note":
                continue
            box = QuestionBox(self, item)
            box.answered.connect(self.answer)
            self.boxes[item.name] = box
            column.addWidget(box)

    def answer(self, name: str, value: str) -> None:
        """Record an answer in the running form and redraw what it affects."""
        if self.state is None:
            return
        if name not in self.state.questions:  # a scenario-grid cell: kept as its own answer
            self.state.answers[name] = value
            return
        changed = self.state.set(name, value)
        self._update(changed | {name})

    def _update(self, names: set[str]) -> None:
        state = self.state
        for group, section in self.sections:
            section.setVisible(state.group_relevant(group))
        for name, box in self.boxes.items():
            box.setVisible(state.is_relevant(name))
            if name in names and state.answers.get(name, "") != "":
                problems = state.problems(name)
                box.show_problem(problems[0].message if problems else "")
            elif name in names:
                box.show_problem("")
        shown = sum(1 for name in self.boxes if state.is_relevant(name))
        self.summary.setText(tr("当前显示 {n} / {total} 题").format(n=shown, total=len(self.boxes)))

    def check_all(self) -> int:
        """Show every problem, as on submitting; returns how many there are."""
        count = 0
        for name, box in self.boxes.items():
            problems = self.state.problems(name)
            box.show_problem(problems[0].message if problems else "")
            count += len(problems)
        return count

    def _switch_language(self) -> None:
        self.lang = self.language.currentData()
        self.show_definition(self.definition)


_SHOWN = {"select_one", "select_multiple", "rank", "likert", "consent", "stakeholder_group", "kano", "department",
          "rating", "scenario_grid", "date", "time", "text", "integer", "decimal", "note", "dateTime", "acknowledge",
          "range", "barcode", "geopoint", "image", "audio", "video", "file", "select_one_from_file"}


def _choice_widgets(widget: QWidget) -> list:
    return [b for b in widget.findChildren(QAbstractButton) if isinstance(b, (QRadioButton, QCheckBox))]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
