"""The selected item's properties, logic and choices, edited in place."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from survey.model import Choice, Group, Item, Question, SurveyDefinition, language_code
from workspace.catalogue import Scenario

from ..widgets import icon, label
from .expression_edit import ExpressionEdit
from .vocabulary import pii_names, tr, type_name, type_names

_VALID_NAME = re.compile(r"^[^\W\d][\w.\-]*$")


def text_key(definition: SurveyDefinition, code: str) -> str:
    """Which language key the designer edits for ``zh`` or ``en`` in this survey.

    Huizhi's own surveys use ``zh``/``en``; an imported form keeps its keys (``chinese``,
    ``English (en)``); a form with only untranslated text edits that text as Chinese.
    """
    keys = definition.languages()
    for key in keys:
        if language_code(key) == code:
            return key
    if code == "zh" and keys and all(k == "default" for k in keys):
        return "default"
    return code


class _StartLineEdit(QLineEdit):
    """Shows the beginning of a long text after it is set, not its end."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setCursorPosition(0)


class Inspector(QTabWidget):
    """Emits ``item_changed(old_name, new_item)``, ``renamed(old, new)`` and
    ``choices_changed(list_name, choices)``; each is one undoable edit."""

    item_changed = Signal(str, object)
    renamed = Signal(str, str)
    choices_changed = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self.definition: SurveyDefinition | None = None
        self.item: Item | None = None
        self.scenarios: list[Scenario] = []
        self._loading = False
        self.addTab(self._scroll(self._build_properties()), icon("mdi6.form-select"), tr("属性"))
        self.addTab(self._scroll(self._build_logic()), icon("mdi6.source-branch"), tr("逻辑"))
        self.addTab(self._build_choices(), icon("mdi6.format-list-bulleted"), tr("选项"))
        self._enable_tabs(False)

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(widget)
        return area

    # -- building ------------------------------------------------------------------------

    def _line(self, form: QFormLayout, caption: str, apply) -> QLineEdit:
        edit = _StartLineEdit()
        edit.editingFinished.connect(lambda: self._loading or apply(edit.text().strip()))
        form.addRow(caption, edit)
        return edit

    def _build_properties(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        self.name.editingFinished.connect(self._rename)
        self.name_error = label("", "error", wrap=True)
        self.name_error.setVisible(False)
        form.addRow(tr("名称"), self.name)
        form.addRow("", self.name_error)
        self.type = QComboBox()
        for code, caption in type_names().items():
            self.type.addItem(caption, code)
        self.type.currentIndexChanged.connect(self._retype)
        form.addRow(tr("题型"), self.type)
        self.kind = QComboBox()
        self.kind.addItem(tr("分组"), "group")
        self.kind.addItem(tr("重复组"), "repeat")
        self.kind.currentIndexChanged.connect(lambda: self._loading or self._set(kind=self.kind.currentData()))
        form.addRow(tr("分组类型"), self.kind)
        self.label_zh = self._line(form, tr("题目（中文）"), lambda v: self._set_text("label", "zh", v))
        self.label_en = self._line(form, tr("题目（英文）"), lambda v: self._set_text("label", "en", v))
        self.hint_zh = self._line(form, tr("提示（中文）"), lambda v: self._set_text("hint", "zh", v))
        self.hint_en = self._line(form, tr("提示（英文）"), lambda v: self._set_text("hint", "en", v))
        self.required = QCheckBox(tr("必答"))
        self.required.toggled.connect(lambda on: self._loading or self._set(required="yes" if on else ""))
        form.addRow("", self.required)
        self.required_zh = self._line(form, tr("必答提示（中文）"), lambda v: self._set_text("required_message", "zh", v))
        self.or_other = QCheckBox(tr("允许选“其他”并填写"))
        self.or_other.toggled.connect(lambda on: self._loading or self._set(or_other=on))
        form.addRow("", self.or_other)
        self.read_only = QCheckBox(tr("只读（只显示，不可作答）"))
        self.read_only.toggled.connect(lambda on: self._loading or self._set(read_only="yes" if on else ""))
        form.addRow("", self.read_only)
        self.appearance = self._line(form, tr("外观"), lambda v: self._set(appearance=v))
        self.pii = QComboBox()
        for code, caption in pii_names().items():
            self.pii.addItem(caption, code)
        self.pii.currentIndexChanged.connect(lambda: self._loading or self._set(pii=self.pii.currentData()))
        form.addRow(tr("个人信息"), self.pii)
        self.repeat_count = self._line(form, tr("重复次数"), lambda v: self._set(repeat_count=v))
        self.scenario_list = QListWidget()
        self.scenario_list.setMinimumHeight(180)
        self.scenario_list.itemChanged.connect(self._scenarios_changed)
        form.addRow(tr("打分的场景"), self.scenario_list)
        self.form = form
        return page

    def _build_logic(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.relevant = ExpressionEdit(tr("例如 ${commutes} = 'yes'"))
        self.relevant.committed.connect(lambda v: self._set(relevant=v))
        form.addRow(tr("显示条件"), self.relevant)
        self.constraint = ExpressionEdit(tr("例如 . >= 0 and . <= 120"))
        self.constraint.committed.connect(lambda v: self._set(constraint=v))
        form.addRow(tr("校验规则"), self.constraint)
        self.constraint_zh = self._line(form, tr("校验提示（中文）"), lambda v: self._set_text("constraint_message", "zh", v))
        self.constraint_en = self._line(form, tr("校验提示（英文）"), lambda v: self._set_text("constraint_message", "en", v))
        self.required_if = ExpressionEdit(tr("留空表示按“必答”勾选；也可写条件，如 ${age} >= 18"))
        self.required_if.committed.connect(self._required_expression)
        form.addRow(tr("必答条件"), self.required_if)
        self.calculation = ExpressionEdit(tr("例如 ${minutes} div 60"))
        self.calculation.committed.connect(lambda v: self._set(calculation=v))
        form.addRow(tr("计算公式"), self.calculation)
        self.choice_filter = ExpressionEdit(tr("例如 district = ${district}"), choice_filter=True)
        self.choice_filter.committed.connect(lambda v: self._set(choice_filter=v))
        form.addRow(tr("选项过滤"), self.choice_filter)
        self.default = self._line(form, tr("默认值"), lambda v: self._set(default=v))
        help_text = label(
            tr("表达式使用 XLSForm 语法：${题目名称} 引用其他题目，. 表示本题的答案，"
               "selected(${题目}, '选项') 判断多选，and / or / not() 组合条件。输入时即检查，有误的表达式不会被应用。"),
            "muted",
            wrap=True,
        )
        form.addRow(help_text)
        self.logic_form = form
        return page

    def _build_choices(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.list_caption = label("", "muted", wrap=True)
        layout.addWidget(self.list_caption)
        self.choices = QTableWidget(0, 3)
        self.choices.setHorizontalHeaderLabels([tr("选项值"), tr("中文"), tr("英文")])
        self.choices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.choices.verticalHeader().setVisible(False)
        self.choices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.choices.itemChanged.connect(lambda _item: self._loading or self._commit_choices())
        layout.addWidget(self.choices, 1)
        row = QHBoxLayout()
        self.add_choice = QPushButton(icon("mdi6.plus"), tr("添加选项"))
        self.remove_choice = QPushButton(icon("mdi6.minus"), tr("删除选项"))
        self.add_choice.clicked.connect(self._add_choice)
        self.remove_choice.clicked.connect(self._remove_choice)
        row.addWidget(self.add_choice)
        row.addWidget(self.remove_choice)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    # -- showing -------------------------------------------------------------------------

    def show_item(self, definition: SurveyDefinition, item: Item | None) -> None:
        self.definition, self.item = definition, item
        self._enable_tabs(item is not None)
        if item is None:
            return
        self._loading = True
        try:
            names = {q.name for q in definition.questions} | {g.name for g, _ in definition.groups()}
            zh, en = text_key(definition, "zh"), text_key(definition, "en")
            is_group = isinstance(item, Group)
            self.name.setText(item.name)
            self.name_error.setVisible(False)
            self.label_zh.setText(item.label.exact(zh))
            self.label_en.setText(item.label.exact(en))
            self.hint_zh.setText(item.hint.exact(zh))
            self.hint_en.setText(item.hint.exact(en))
            self.relevant.set_text(item.relevant, names)
            self._row_visible(self.form, self.kind, is_group)
            self._row_visible(self.form, self.repeat_count, is_group and item.kind == "repeat")
            for widget in (self.type, self.required, self.required_zh, self.appearance, self.pii, self.read_only):
                self._row_visible(self.form, widget, not is_group)
            self._row_visible(self.form, self.or_other, not is_group and item.type in ("select_one", "select_multiple"))
            for widget in (self.constraint, self.constraint_zh, self.constraint_en, self.required_if, self.calculation,
                           self.choice_filter, self.default):
                self._row_visible(self.logic_form, widget, not is_group)
            if is_group:
                self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
                self.repeat_count.setText(item.repeat_count)
                self._row_visible(self.form, self.scenario_list, False)
                self._show_choices(None)
                return
            index = self.type.findData(item.type)
            if index < 0:
                self.type.addItem(type_name(item.type), item.type)
                index = self.type.count() - 1
            self.type.setCurrentIndex(index)
            self.required.setChecked(item.is_required)
            self.or_other.setChecked(item.or_other)
            self.read_only.setChecked(item.read_only.strip().lower() in ("yes", "true", "true()", "1"))
            self.required_zh.setText(item.required_message.exact(zh))
            self.appearance.setText(item.appearance)
            self.pii.setCurrentIndex(max(0, self.pii.findData(item.pii)))
            self.constraint.set_text(item.constraint, names)
            self.constraint_zh.setText(item.constraint_message.exact(zh))
            self.constraint_en.setText(item.constraint_message.exact(en))
            self.required_if.set_text("" if item.is_required or item.required.lower() in ("", "no", "false") else item.required, names)
            self.calculation.set_text(item.calculation, names)
            self.choice_filter.set_text(item.choice_filter, names)
            self.default.setText(item.default)
            self._row_visible(self.form, self.scenario_list, item.type == "scenario_grid")
            if item.type == "scenario_grid":
                self._show_scenarios(item)
            self._show_choices(item)
        finally:
            self._loading = False

    def _enable_tabs(self, on: bool) -> None:
        for index in (0, 1, 2):
            self.widget(index).setEnabled(on)

    @staticmethod
    def _row_visible(form: QFormLayout, field: QWidget, visible: bool) -> None:
        form.setRowVisible(field, visible)

    def _show_scenarios(self, question: Question) -> None:
        chosen = set(question.scenario_codes())
        self.scenario_list.clear()
        for scenario in self.scenarios:
            entry = QListWidgetItem(f"{scenario.name.zh}（{scenario.code}）")
            entry.setData(Qt.ItemDataRole.UserRole, scenario.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if scenario.code in chosen else Qt.CheckState.Unchecked)
            self.scenario_list.addItem(entry)

    def _show_choices(self, question: Question | None) -> None:
        has_list = question is not None and bool(question.list_name) and question.list_name in self.definition.choice_lists
        self.setTabEnabled(2, has_list)
        self.choices.setRowCount(0)
        if not has_list:
            self.list_caption.setText(tr("此题没有选项列表。"))
            return
        users = [q.name for q in self.definition.questions if q.list_name == question.list_name]
        self.list_caption.setText(
            tr("选项列表 {name}，共 {n} 道题使用：{users}。修改会作用于所有使用它的题目。").format(
                name=question.list_name, n=len(users), users="、".join(users))
        )
        zh, en = text_key(self.definition, "zh"), text_key(self.definition, "en")
        for choice in self.definition.choice_lists[question.list_name]:
            self._append_choice_row(choice.name, choice.label.exact(zh), choice.label.exact(en))

    def _append_choice_row(self, name: str, zh: str, en: str) -> None:
        row = self.choices.rowCount()
        self.choices.insertRow(row)
        for column, value in enumerate((name, zh, en)):
            self.choices.setItem(row, column, QTableWidgetItem(value))

    # -- applying ----------------------------------------------------------------------

    def _set(self, **changes) -> None:
        if self._loading or self.item is None:
            return
        new = replace(self.item, **changes)
        if new != self.item:
            old = self.item.name
            self.item = new
            self.item_changed.emit(old, new)

    def _set_text(self, field: str, code: str, value: str) -> None:
        if self.item is None or not hasattr(self.item, field):
            return
        key = text_key(self.definition, code)
        self._set(**{field: getattr(self.item, field).with_text(key, value)})

    def _required_expression(self, value: str) -> None:
        self._set(required=value or ("yes" if self.required.isChecked() else ""))

    def _retype(self) -> None:
        if self._loading or not isinstance(self.item, Question):
            return
        new_type = self.type.currentData()
        changes = {"type": new_type}
        if new_type in ("select_one", "select_multiple", "rank", "likert", "kano", "consent", "stakeholder_group") and not self.item.list_name:
            changes["list_name"] = self.item.name
        self._set(**changes)

    def _rename(self) -> None:
        if self._loading or self.item is None:
            return
        new = self.name.text().strip()
        if new == self.item.name:
            return
        taken = {q.name for q in self.definition.questions} | {g.name for g, _ in self.definition.groups()}
        problem = ""
        if not _VALID_NAME.match(new):
            problem = tr("名称须以字母或下划线开头，只能包含字母、数字、下划线、连字符和点。")
        elif new in taken:
            problem = tr("已有同名的题目或分组。")
        self.name_error.setText(problem)
        self.name_error.setVisible(bool(problem))
        if not problem:
            self.renamed.emit(self.item.name, new)

    def _scenarios_changed(self, _entry) -> None:
        if self._loading:
            return
        codes = [self.scenario_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.scenario_list.count())
                 if self.scenario_list.item(i).checkState() == Qt.CheckState.Checked]
        self._set(parameters="scenarios=" + " ".join(codes))

    def _commit_choices(self) -> None:
        if not isinstance(self.item, Question) or not self.item.list_name:
            return
        zh, en = text_key(self.definition, "zh"), text_key(self.definition, "en")
        old = {c.name: c for c in self.definition.choice_lists.get(self.item.list_name, ())}
        choices = []
        for row in range(self.choices.rowCount()):
            cells = [self.choices.item(row, c) for c in range(3)]
            name = cells[0].text().strip() if cells[0] else ""
            if not name:
                continue
            previous = old.get(name, Choice(name))
            text = previous.label.with_text(zh, cells[1].text().strip() if cells[1] else "")
            text = text.with_text(en, cells[2].text().strip() if cells[2] else "")
            choices.append(Choice(name, text, previous.extra))
        self.choices_changed.emit(self.item.list_name, tuple(choices))

    def _add_choice(self) -> None:
        taken = {self.choices.item(r, 0).text() for r in range(self.choices.rowCount()) if self.choices.item(r, 0)}
        n = self.choices.rowCount() + 1
        while f"option_{n}" in taken:
            n += 1
        self._loading = True
        self._append_choice_row(f"option_{n}", tr("新选项"), "")
        self._loading = False
        self._commit_choices()

    def _remove_choice(self) -> None:
        row = self.choices.currentRow()
        if row >= 0:
            self.choices.removeRow(row)
            self._commit_choices()

