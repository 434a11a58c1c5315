"""研讨会 Workshops: sessions with their participants and cards."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..widgets import BarList, Card, EmptyState, PageHeader, text_card
from . import Page, ProjectView
from .tables import fill_table, summary_table


class WorkshopsPage(Page):
    key = "workshops"
    icon_name = "mdi6.forum-outline"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content.addWidget(
            PageHeader(self.title(), self.tr("跨部门研讨会：谁参加了，提出了哪些痛点、需求、创意和风险。"))
        )
        self.sessions_card = Card(self.tr("研讨会"))
        self.table = summary_table(
            [
                self.tr("主题"),
                self.tr("日期"),
                self.tr("地点"),
                self.tr("主持人"),
                self.tr("参与者"),
                self.tr("部门数"),
                self.tr("卡片"),
            ]
        )
        self.sessions_card.body.addWidget(self.table)
        self.content.addWidget(self.sessions_card)
        self.kinds_card = Card(self.tr("卡片类型"))
        self.kind_bars = BarList(self.tr(" 张"))
        self.kinds_card.body.addWidget(self.kind_bars)
        self.content.addWidget(self.kinds_card)
        self.empty = EmptyState(
            "mdi6.forum-outline",
            self.tr("还没有研讨会"),
            self.tr("打开一个项目，或创建演示项目来看看研讨会记录的样子。"),
        )
        self.content.addWidget(self.empty)
        note = text_card(
            self.tr("即将提供"),
            self.tr(
                "键盘速记卡片（@部门 #类型 内容）、亲和图归类到场景、SWOT 分析、"
                "现场评分与投票、投影视图和会议纪要。"
            ),
        )
        self.content.addWidget(note)
        self.content.addStretch(1)
        self.clear()

    def title(self) -> str:
        return self.tr("研讨会")

    def kind_names(self) -> dict[str, str]:
        return {"pain": self.tr("痛点"), "need": self.tr("需求"), "idea": self.tr("创意"), "risk": self.tr("风险")}

    def show_view(self, view: ProjectView) -> None:
        fill_table(
            self.table,
            [
                [s.title, s.held_on or "", s.place, s.facilitator, s.participants, s.departments, s.cards]
                for s in view.sessions
            ],
        )
        names = self.kind_names()
        self.kind_bars.set_rows([(names[k], n) for k, n in view.card_kinds.items()])
        has = bool(view.sessions)
        self.sessions_card.setVisible(has)
        self.kinds_card.setVisible(has and sum(view.card_kinds.values()) > 0)
        self.empty.setVisible(not has)
        if not has:
            self.empty.text.setText(self.tr("本项目还没有研讨会记录。卡片速记与亲和图即将提供。"))

    def clear(self) -> None:
        self.sessions_card.setVisible(False)
        self.kinds_card.setVisible(False)
        self.empty.setVisible(True)
