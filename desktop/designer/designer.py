"""The designer: one survey's tree, inspector and preview, with undo and automatic saving.

Every edit produces a new immutable definition (``survey.edit``); the designer keeps
them in a history for undo/redo and saves the newest one shortly after editing stops,
but only when it is valid: until then it says what is wrong and where.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QSplitter, QToolButton, QVBoxLayout, QWidget

from survey import edit
from survey.model import Group, SurveyDefinition, Text
from workspace.catalogue import Scenario

from ..widgets import icon, label
from .inspector import Inspector
from .preview import Preview
from .tree import SurveyTree
from .vocabulary import tr, type_names

SAVE_DELAY_MS = 600
PREVIEW_TAB = 3


class Designer(QWidget):
    save_requested = Signal(int, object)  # survey id, definition

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.survey_id: int | None = None
        self.history: list[SurveyDefinition] = []
        self.position = -1
        self.saved: SurveyDefinition | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._toolbar())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = SurveyTree()
        self.tree.selected.connect(self._select)
        self.tree.reordered.connect(lambda structure: self.apply(edit.reorder(self.definition, structure)))
        self.inspector = Inspector()
        self.inspector.item_changed.connect(lambda old, new: self.apply(edit.update_item(self.definition, old, new), select=new.name))
        self.inspector.renamed.connect(lambda old, new: self.apply(edit.rename_item(self.definition, old, new), select=new))
        self.inspector.choices_changed.connect(lambda name, choices: self.apply(edit.set_choices(self.definition, name, choices)))
        self.preview = Preview()
        self.inspector.addTab(self.preview, icon("mdi6.eye-outline"), tr("预览"))
        self.inspector.currentChanged.connect(self._tab_changed)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.inspector)
        splitter.setSizes([520, 480])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self._shortcuts()
        self._enable(False)

    # -- layout ------------------------------------------------------------------------------

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.add_button = QToolButton()
        self.add_button.setText(tr("添加题目"))
        self.add_button.setIcon(icon("mdi6.plus"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for code, caption in type_names().items():
            menu.addAction(caption, lambda c=code: self.add_question(c))
            if code == "kano":
                menu.addAction(tr("矩阵题（多行共用一个量表）"), lambda: self.add_question("matrix"))
        self.add_button.setMenu(menu)
        bar.addWidget(self.add_button)
        self.buttons = {}
        for key, caption, icon_name, slot in (
            ("group", tr("添加分组"), "mdi6.folder-plus-outline", self.add_group),
            ("duplicate", tr("复制"), "mdi6.content-copy", self.duplicate),
            ("delete", tr("删除"), "mdi6.delete-outline", self.delete),
            ("up", tr("上移"), "mdi6.arrow-up", lambda: self.move(-1)),
            ("down", tr("下移"), "mdi6.arrow-down", lambda: self.move(1)),
            ("undo", tr("撤销"), "mdi6.undo", self.undo),
            ("redo", tr("重做"), "mdi6.redo", self.redo),
        ):
            button = QPushButton(icon(icon_name), caption)
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.status = label("", "muted")
        bar.addWidget(self.status)
        return bar

    def _shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.undo),
            (QKeySequence.StandardKey.Redo, self.redo),
            (QKeySequence("Ctrl+Shift+Z"), self.redo),
            (QKeySequence("Ctrl+D"), self.duplicate),
            (QKeySequence("Alt+Up"), lambda: self.move(-1)),
            (QKeySequence("Alt+Down"), lambda: self.move(1)),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        delete = QAction(self.tree)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete)
        self.tree.addAction(delete)

    def _enable(self, on: bool) -> None:
        self.add_button.setEnabled(on)
        for button in self.buttons.values():
            button.setEnabled(on)
        self.tree.setEnabled(on)
        if on:
            self.buttons["undo"].setEnabled(self.position > 0)
            self.buttons["redo"].setEnabled(self.position < len(self.history) - 1)

    # -- state ---------------------------------------------------------------------------------

    @property
    def definition(self) -> SurveyDefinition:
        return self.history[self.position]

    def load(self, survey_id: int, definition: SurveyDefinition, scenarios: list[Scenario]) -> None:
        """Start editing a survey (history starts afresh)."""
        self._save_timer.stop()
        self.survey_id = survey_id
        self.history, self.position = [definition], 0
        self.saved = definition
        self.inspector.scenarios = scenarios
        self.preview.scenario_names = {s.code: Text.of(s.name.zh, s.name.en) for s in scenarios}
        self._refresh(select=definition.questions[0].name if definition.questions else None)
        self.status.setText(tr("共 {n} 题").format(n=len(definition.questions)))
        self._enable(True)

    def clear(self) -> None:
        self._save_timer.stop()
        self.survey_id = None
        self.history, self.position = [], -1
        self.tree.clear()
        self.inspector.show_item(SurveyDefinition(Text()), None)
        self.preview.show_definition(None)
        self.status.setText("")
        self._enable(False)

    def apply(self, definition: SurveyDefinition, *, select: str | None = None) -> None:
        """One edit: becomes the newest history entry, redraws, and is saved soon after."""
        if self.position < 0 or definition == self.definition:
            return
        del self.history[self.position + 1 :]
        self.history.append(definition)
        self.position += 1
        self._refresh(select=select or self.tree.current_name())
        self._schedule_save()

    def undo(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._refresh(select=self.tree.current_name())
            self._schedule_save()

    def redo(self) -> None:
        if 0 <= self.position < len(self.history) - 1:
            self.position += 1
            self._refresh(select=self.tree.current_name())
            self._schedule_save()

    def _refresh(self, *, select: str | None) -> None:
        definition = self.definition
        if select and edit.find(definition.items, select) is None:
            select = None
        self.tree.show_definition(definition, current=select)
        self._select(select or self.tree.current_name() or "")
        if self.inspector.currentIndex() == PREVIEW_TAB:
            self.preview.show_definition(definition)
        self._enable(True)

    def _select(self, name: str) -> None:
        path = edit.find(self.definition.items, name) if name else None
        item = edit.get(self.definition.items, path) if path else None
        self.inspector.show_item(self.definition, item)

    def _tab_changed(self, index: int) -> None:
        if index == PREVIEW_TAB and self.position >= 0:
            self.preview.show_definition(self.definition)

    # -- edits -------------------------------------------------------------------------------------

    def add_question(self, kind: str) -> None:
        """Add after the selected item (or into the selected group): one question, a Kano
        pair, or a matrix group."""
        updated, items = edit.new_items(self.definition, kind)
        current = self.tree.current_name()
        target = edit.get(updated.items, edit.find(updated.items, current)) if current else None
        for item in items:
            if isinstance(target, Group) and item is items[0]:
                updated = edit.insert_item(updated, item, into=current)
            else:
                updated = edit.insert_item(updated, item, after=current)
            current = item.name
        self.apply(updated, select=items[0].name)
        self.inspector.setCurrentIndex(0)
        self.inspector.label_zh.setFocus()
        self.inspector.label_zh.selectAll()

    def add_group(self) -> None:
        name = edit.unique_name(self.definition, "section_1")
        group = Group(name, label=Text.of("新分组", "New section"))
        current = self.tree.current_name()
        self.apply(edit.insert_item(self.definition, group, after=current), select=name)

    def duplicate(self) -> None:
        current = self.tree.current_name()
        if current:
            updated, copy = edit.duplicate_item(self.definition, current)
            self.apply(updated, select=copy)

    def delete(self) -> None:
        current = self.tree.current_name()
        if current:
            self.apply(edit.remove_item(self.definition, current))

    def move(self, step: int) -> None:
        current = self.tree.current_name()
        if current:
            self.apply(edit.move_by(self.definition, current, step), select=current)

    # -- saving ----------------------------------------------------------------------------------------

    def _schedule_save(self) -> None:
        problems = self.definition.validate()
        if problems:
            self._save_timer.stop()
            self.status.setText(tr("有 {n} 处问题，修正后自动保存").format(n=len(problems)))
            self.status.setToolTip("\n".join(problems))
            self.status.setStyleSheet("color: #C0392B;")
            return
        self.status.setStyleSheet("")
        self.status.setToolTip("")
        self.status.setText(tr("正在保存…"))
        self._save_timer.start()

    def save_now(self) -> None:
        if self.survey_id is not None and self.position >= 0 and self.definition != self.saved and not self.definition.validate():
            self.saved = self.definition
            self.save_requested.emit(self.survey_id, self.definition)

    def saved_as(self, version: int) -> None:
        self.status.setText(tr("已保存（第 {v} 版）").format(v=version))
