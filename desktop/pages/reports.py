"""报告 Reports: export the brief as an Excel register and a PDF."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ..widgets import Card, PageHeader, icon, label
from . import Page, ProjectView


class ReportsPage(Page):
    key = "reports"
    icon_name = "mdi6.file-chart-outline"

    export_requested = Signal(str)  # "xlsx", "pdf" or "both"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content.addWidget(PageHeader(self.title(), self.tr("给决策者的材料：Excel 台账和 PDF 简报。")))
        row = QHBoxLayout()
        row.setSpacing(16)
        self.buttons: list[QPushButton] = []
        row.addWidget(
            self._export_card(
                self.tr("Excel 台账"),
                self.tr("参与情况（按问卷和相关方群体统计），每份问卷的原始答卷（一行一份答卷、一列一道题），以及题目说明。"),
                self.tr("导出 Excel…"),
                "mdi6.microsoft-excel",
                "xlsx",
            )
        )
        row.addWidget(
            self._export_card(
                self.tr("PDF 简报"),
                self.tr("封面与调研概况，各相关方参与情况及图表，市民开放题词云与高频词。中文字体已嵌入，任何电脑都能正常显示。"),
                self.tr("导出 PDF…"),
                "mdi6.file-pdf-box",
                "pdf",
            )
        )
        self.content.addLayout(row)
        self.both = QPushButton(icon("mdi6.download", "#FFFFFF"), self.tr("同时导出 Excel 和 PDF…"))
        self.both.setProperty("role", "primary")
        self.both.clicked.connect(lambda: self.export_requested.emit("both"))
        self.buttons.append(self.both)
        self.content.addWidget(self.both)
        self.hint = label("", "muted", wrap=True)
        self.content.addWidget(self.hint)
        self.content.addStretch(1)
        self.clear()

    def title(self) -> str:
        return self.tr("报告")

    def _export_card(self, heading: str, text: str, button_text: str, icon_name: str, kind: str) -> Card:
        card = Card(heading)
        card.body.addWidget(label(text, "muted", wrap=True))
        button = QPushButton(icon(icon_name), button_text)
        button.clicked.connect(lambda: self.export_requested.emit(kind))
        self.buttons.append(button)
        card.body.addStretch(1)
        card.body.addWidget(button)
        return card

    def show_view(self, view: ProjectView) -> None:
        for button in self.buttons:
            button.setEnabled(True)
        self.hint.setText(
            self.tr("将基于 {n:,} 份有效答卷和 {c:,} 张研讨会卡片生成。").format(
                n=view.summary.responses, c=view.summary.cards
            )
        )

    def clear(self) -> None:
        for button in self.buttons:
            button.setEnabled(False)
        self.hint.setText(self.tr("请先打开一个项目。"))
