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
