"""问卷 Surveys: the project's surveys, new ones from templates or XLSForm, and the designer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QWidget,
)

from ..designer.designer import Designer
from ..ops import show_message
from ..widgets import EmptyState, PageHeader, icon, local
from . import Page, ProjectView


class SurveysPage(Page):
    key = "surveys"
    icon_name = "mdi6.clipboard-text-outline"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ProjectView | None = None
        self.content.addWidget(
            PageHeader(self.title(), self.tr("设计问卷：拖动调整顺序，设置跳题与校验，右侧随时预览；修改自动保存。"))
        )
        self.content.addLayout(self._toolbar())
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("问卷列表"))
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(160)
        self.list.currentItemChanged.connect(self._survey_chosen)
        self.designer = Designer()
        self.designer.save_requested.connect(self._save)
        self.body.addWidget(self.list)
        self.body.addWidget(self.designer)
        self.body.setSizes([180, 1040])
        self.body.setMinimumHeight(560)
        self.content.addWidget(self.body, 1)
        self.empty = EmptyState(
            "mdi6.clipboard-text-outline",
            self.tr("还没有问卷"),
            self.tr("用上方的“新建问卷”从市民或部门问卷模板开始，或导入 ODK、KoboToolbox 使用的 XLSForm。"),
        )
        self.content.addWidget(self.empty)
        self.clear()

    def title(self) -> str:
        return self.tr("问卷")

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.new_button = QToolButton()
        self.new_button.setText(self.tr("新建问卷"))
        self.new_button.setIcon(icon("mdi6.file-plus-outline"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.new_button)
        menu.addAction(self.tr("市民问卷模板"), lambda: self.new_survey("citizen"))
        menu.addAction(self.tr("部门问卷模板"), lambda: self.new_survey("department"))
        menu.addAction(self.tr("空白问卷"), lambda: self.new_survey(None))
        self.new_button.setMenu(menu)
        self.import_button = QPushButton(icon("mdi6.file-import-outline"), self.tr("导入 XLSForm…"))
        self.import_button.clicked.connect(self.import_xlsform)
        self.export_button = QPushButton(icon("mdi6.file-export-outline"), self.tr("导出 XLSForm…"))
        self.export_button.clicked.connect(self.export_xlsform)
        for widget in (self.new_button, self.import_button, self.export_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def extra_screenshots(self):
        designer = self.designer

        def logic() -> None:
            names = [q.name for q in designer.definition.questions if q.relevant and q.constraint] or [
                q.name for q in designer.definition.questions if q.relevant]
            if names:
                designer.tree.select(names[0])
            designer.inspector.setCurrentIndex(1)

        def preview() -> None:
            from PySide6.QtWidgets import QRadioButton

            designer.inspector.setCurrentIndex(3)
            box = designer.preview.boxes.get("consent")
            for button in box.input.findChildren(QRadioButton) if box and box.input else ():
                if button.property("choice") == "yes":
                    button.click()

        if designer.survey_id is None:
            return []
        return [("surveys-logic", logic), ("surveys-preview", preview)]

    # -- the list ------------------------------------------------------------------------------

    def show_view(self, view: ProjectView) -> None:
        self.view = view
        current = self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for survey in view.surveys:
            item = QListWidgetItem(
                icon("mdi6.clipboard-text-outline"),
                self.tr("{title}\n第 {v} 版 · {q} 题 · {n:,} 份答卷").format(
                    title=local(survey.title), v=survey.version, q=survey.questions, n=survey.responses
                ),
            )
            item.setData(Qt.ItemDataRole.UserRole, survey.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        has = bool(view.surveys)
        self.body.setVisible(has)
        self.empty.setVisible(not has)
        for button in (self.new_button, self.import_button):
            button.setEnabled(True)
        self.export_button.setEnabled(has)
        ids = [s.id for s in view.surveys]
        if current in ids:
            self._select_row(ids.index(current), load=self.designer.survey_id != current)
        elif ids:
            self._select_row(0, load=True)
        else:
            self.designer.clear()

    def clear(self) -> None:
        self.view = None
        self.list.clear()
        self.designer.clear()
        self.body.setVisible(False)
        self.empty.setVisible(True)
        for button in (self.new_button, self.import_button, self.export_button):
            button.setEnabled(False)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_survey(self, survey_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == survey_id:
                self._select_row(row, load=True)

    def _select_row(self, row: int, *, load: bool) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        if load:
            self._load(self.list.item(row).data(Qt.ItemDataRole.UserRole))

    def _survey_chosen(self, current, _previous) -> None:
        if current is not None:
            self.designer.save_now()
            self._load(current.data(Qt.ItemDataRole.UserRole))

    def _load(self, survey_id: int) -> None:
        from survey.store import load_definition
        from workspace.catalogue import list_scenarios

        def work(project, progress):
            return load_definition(project, survey_id), list_scenarios(project, include_retired=True)

        self.run(work, success=lambda result: self.designer.load(survey_id, *result), changes=False)

    # -- actions -------------------------------------------------------------------------------------

    def _save(self, survey_id: int, definition) -> None:
        from survey.store import save_definition

        self.run(lambda project, progress: save_definition(project, survey_id, definition), success=self.designer.saved_as)

    def new_survey(self, template: str | None) -> None:
        from survey.model import SurveyDefinition, Text
        from survey.store import create_survey
        from survey.templates import load_template

        if template is None:
            definition = SurveyDefinition(Text.of("新问卷", "New survey"), form_id="new_survey")
        else:
            definition = load_template(template)
        self.run(lambda project, progress: create_survey(project, definition), success=self.select_survey)

    def import_xlsform(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入 XLSForm"), str(Path.home()), "XLSForm (*.xlsx *.xls)")
        if not path:
            return
        from survey.store import create_survey
        from survey.xlsform import read_xlsform

        def work(project, progress):
            result = read_xlsform(path)
            return create_survey(project, result.definition, strict=False), result.warnings

        def done(outcome) -> None:
            survey_id, warnings = outcome
            self.select_survey(survey_id)
            if warnings:
                box = QMessageBox(QMessageBox.Icon.Information, self.tr("已导入"),
                                  self.tr("问卷已导入，有 {n} 条提示：").format(n=len(warnings)), QMessageBox.StandardButton.Ok, self)
                box.setDetailedText("\n".join(warnings))
                show_message(box)

        self.run(work, label=self.tr("正在导入 XLSForm…"), success=done)

    def export_xlsform(self) -> None:
        survey_id = self.selected_id()
        if survey_id is None:
            return
        self.designer.save_now()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 XLSForm"), str(Path.home() / f"{self.designer.definition.form_id or 'survey'}.xlsx"), "XLSForm (*.xlsx)"
        )
        if not path:
            return
        from survey.store import load_definition
        from survey.xlsform_out import write_xlsform
        from workspace.catalogue import list_scenarios

        def work(project, progress):
            from survey.model import Text

            names = {s.code: Text.of(s.name.zh, s.name.en) for s in list_scenarios(project, include_retired=True)}
            return write_xlsform(load_definition(project, survey_id), path, scenario_names=names)

        self.run(work, label=self.tr("正在导出…"), changes=False,
                 success=lambda p: show_message(QMessageBox(QMessageBox.Icon.Information, self.tr("导出完成"),
                                                            self.tr("已导出到 {path}").format(path=p),
                                                            QMessageBox.StandardButton.Ok, self)))
