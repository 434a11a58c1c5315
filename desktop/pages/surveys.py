"""问卷 Surveys: the project's surveys and their responses."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..widgets import Card, EmptyState, PageHeader, local, text_card
from . import Page, ProjectView
from .tables import fill_table, summary_table


class SurveysPage(Page):
    key = "surveys"
    icon_name = "mdi6.clipboard-text-outline"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content.addWidget(PageHeader(self.title(), self.tr("面向市民和部门的问卷：题目、版本与答卷数。")))
        self.list_card = Card(self.tr("本项目的问卷"))
        self.table = summary_table(
            [self.tr("问卷"), self.tr("对象"), self.tr("版本"), self.tr("题目数"), self.tr("有效答卷")]
        )
        self.list_card.body.addWidget(self.table)
        self.content.addWidget(self.list_card)
        self.empty = EmptyState(
            "mdi6.clipboard-text-outline",
            self.tr("还没有问卷"),
            self.tr("打开一个项目，或创建演示项目来看看问卷和答卷的样子。"),
        )
        self.content.addWidget(self.empty)
        note = text_card(
            self.tr("即将提供"),
            self.tr(
                "问卷设计器（拖动排序、跳题逻辑、实时预览）、中文问卷模板，"
                "以及与 ODK、KoboToolbox 通用的 XLSForm 导入导出。"
            ),
        )
        self.content.addWidget(note)
        self.content.addStretch(1)
        self.clear()

    def title(self) -> str:
        return self.tr("问卷")

    def show_view(self, view: ProjectView) -> None:
        names = {g.code: local(g.name) for g in view.summary.groups}
        fill_table(
            self.table,
            [
                [local(s.title), names.get(s.audience, self.tr("不限")), s.version, s.questions, s.responses]
                for s in view.surveys
            ],
        )
        self.list_card.setVisible(bool(view.surveys))
        self.empty.setVisible(not view.surveys)
        if not view.surveys:
            self.empty.text.setText(self.tr("本项目还没有问卷。问卷设计器与 XLSForm 导入即将提供。"))

    def clear(self) -> None:
        self.list_card.setVisible(False)
        self.empty.setVisible(True)
