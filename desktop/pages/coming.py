"""Pages whose features arrive in later issues: each says plainly what will be there.

No sample numbers are shown on them; where the project already holds related data,
the page says so and points to where it can be seen today.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..widgets import EmptyState, PageHeader
from . import Page, ProjectView


class ComingPage(Page):
    """A page that describes what it will hold."""

    headline = ""
    description = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = PageHeader(self.title(), self.subtitle())
        self.content.addWidget(self.header)
        self.empty = EmptyState(self.icon_name, self.headline_text(), self.description_text())
        self.content.addWidget(self.empty, 1)
        self.status = self.empty.text

    def subtitle(self) -> str:
        return ""

    def headline_text(self) -> str:
        return ""

    def description_text(self) -> str:
        return ""

    def today(self, view: ProjectView) -> str:
        """What the open project already holds that relates to this page."""
        return ""

    def show_view(self, view: ProjectView) -> None:
        today = self.today(view)
        self.status.setText(self.description_text() + ("\n\n" + today if today else ""))

    def clear(self) -> None:
        self.status.setText(self.description_text())


class AnalysisPage(ComingPage):
    key = "analysis"
    icon_name = "mdi6.chart-box-outline"

    def title(self) -> str:
        return self.tr("分析")

    def subtitle(self) -> str:
        return self.tr("从市民和部门的原话中找出大家真正关心的事。")

    def headline_text(self) -> str:
        return self.tr("文本与统计分析即将提供")

    def description_text(self) -> str:
        return self.tr(
            "这里将按问卷题目、相关方群体、时间和研讨会切片，显示开放题的关键词、词云、"
            "情感倾向、场景归类和有代表性的原话（不显示个人信息）。"
        )

    def today(self, view: ProjectView) -> str:
        if not view.summary.responses:
            return ""
        return self.tr("现在即可在“报告”页导出 PDF 简报，其中包含市民开放题的词云和高频词。")


class RequirementsPage(ComingPage):
    key = "requirements"
    icon_name = "mdi6.file-document-check-outline"

    def title(self) -> str:
        return self.tr("需求")

    def subtitle(self) -> str:
        return self.tr("把优先场景写成有量化指标、有责任部门、可追溯的需求。")

    def headline_text(self) -> str:
        return self.tr("需求规格即将提供")

    def description_text(self) -> str:
        return self.tr(
            "这里将为排在前列的场景编写需求：量化指标（现状值、目标值、单位）、牵头部门、"
            "验证方式，并链接到支持它的答卷和研讨会卡片；没有来源或没有指标的需求会被标出。"
        )
