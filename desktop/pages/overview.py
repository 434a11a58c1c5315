"""概览 Overview: the welcome screen with no project, the project's dashboard with one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from ..settings import recent_projects
from ..widgets import BarList, Card, EmptyState, PageHeader, StatTile, label, local
from . import Page, ProjectView
from .tables import fill_table, summary_table


class OverviewPage(Page):
    key = "overview"
    icon_name = "mdi6.view-dashboard-outline"

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.content.addWidget(self.stack)
        self.welcome = self._build_welcome()
        self.dashboard = self._build_dashboard()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.dashboard)

    def title(self) -> str:
        return self.tr("概览")

    # -- no project ---------------------------------------------------------------------

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 40, 0, 0)
        empty = EmptyState(
            "mdi6.account-voice",
            self.tr("汇智：先倾听，再建设"),
            self.tr(
                "汇集市民、部门、企业和合作伙伴的需求：问卷与研讨会收集原话，分析找出共识与分歧，"
                "排出应用场景的优先级，并形成可追溯的需求规格与简报。"
            ),
        )
        empty.add_button(self.tr("新建项目…"), "mdi6.file-plus-outline", primary=True).clicked.connect(
            self.new_requested
        )
        empty.add_button(self.tr("打开项目…"), "mdi6.folder-open-outline").clicked.connect(self.open_requested)
        empty.add_button(self.tr("创建演示项目…"), "mdi6.flask-outline").clicked.connect(self.demo_requested)
        layout.addWidget(empty)
        self.recent_card = Card(self.tr("最近的项目"))
        self.recent_list = QListWidget()
        self.recent_list.setProperty("role", "recent")
        self.recent_list.itemActivated.connect(lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent_card.body.addWidget(self.recent_list)
        self.recent_card.setFixedWidth(640)
        layout.addWidget(self.recent_card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def refresh_recent(self) -> None:
        self.recent_list.clear()
        for path in recent_projects():
            item = QListWidgetItem(f"{Path(path).stem}    —    {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        self.recent_list.setFixedHeight(min(8, max(1, self.recent_list.count())) * 34 + 8)
        self.recent_card.setVisible(self.recent_list.count() > 0)

    # -- a project --------------------------------------------------------------------

    def _build_dashboard(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.header = PageHeader("")
        layout.addWidget(self.header)
        tiles = QGridLayout()
        tiles.setSpacing(12)
        self.tiles = {
            "responses": StatTile(self.tr("有效答卷"), self.tr("份"), "mdi6.clipboard-check-outline"),
            "surveys": StatTile(self.tr("问卷"), self.tr("套"), "mdi6.clipboard-text-outline"),
            "sessions": StatTile(self.tr("研讨会"), self.tr("场"), "mdi6.forum-outline"),
            "participants": StatTile(self.tr("研讨会参与者"), self.tr("人"), "mdi6.account-group-outline"),
            "cards": StatTile(self.tr("研讨会卡片"), self.tr("张"), "mdi6.cards-outline"),
            "scenarios": StatTile(self.tr("候选应用场景"), self.tr("个"), "mdi6.lightbulb-on-outline"),
        }
        for i, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, i // 3, i % 3)
        layout.addLayout(tiles)
        self.groups_card = Card(self.tr("各相关方参与情况（有效答卷）"))
        self.group_bars = BarList(self.tr(" 份"))
        self.people_line = label("", "muted", wrap=True)
        self.no_responses = label(self.tr("还没有答卷。答卷收集后，这里按市民、部门、企业和合作伙伴显示参与情况。"), "muted", wrap=True)
        self.groups_card.body.addWidget(self.group_bars)
        self.groups_card.body.addWidget(self.no_responses)
        self.groups_card.body.addWidget(self.people_line)
        layout.addWidget(self.groups_card)
        self.surveys_card = Card(self.tr("各问卷答卷数"))
        self.survey_table = summary_table([self.tr("问卷")])
        self.surveys_card.body.addWidget(self.survey_table)
        layout.addWidget(self.surveys_card)
        layout.addStretch(1)
        return page

    def show_view(self, view: ProjectView) -> None:
        summary = view.summary
        self.header.title.setText(summary.title)
        self.header.set_subtitle(
            self.tr("项目文件：{path}    数据结构版本 {version}").format(
                path=summary.path, version=summary.schema_version
            )
        )
        for key, tile in self.tiles.items():
            tile.set_value(getattr(summary, key))
        groups = [g for g in summary.groups if g.responses]
        self.group_bars.set_rows([(local(g.name), g.responses) for g in groups])
        self.group_bars.setVisible(bool(groups))
        self.no_responses.setVisible(not groups)
        people = [g for g in summary.groups if g.participants]
        self.people_line.setText(
            self.tr("研讨会参与者：")
            + self.tr("，").join(self.tr("{group} {n} 人").format(group=local(g.name), n=g.participants) for g in people)
            if people
            else self.tr("还没有研讨会参与者。")
        )
        codes = [g.code for g in groups]
        headers = [self.tr("问卷"), *(local(g.name) for g in groups), self.tr("合计")]
        self.survey_table.setColumnCount(len(headers))
        self.survey_table.setHorizontalHeaderLabels(headers)
        fill_table(
            self.survey_table,
            [[local(p.title), *(p.by_group.get(c, 0) for c in codes), p.total] for p in summary.participation],
        )
        self.surveys_card.setVisible(bool(summary.participation))
        self.stack.setCurrentWidget(self.dashboard)

    def clear(self) -> None:
        self.refresh_recent()
        self.stack.setCurrentWidget(self.welcome)
