"""研讨会 Workshops: capture cards at typing speed, cluster them into scenarios, judge them
with SWOT, score them with the room, record what was decided, and drive the projector.

Every action is one undoable step (``workshop.history.History``) written on the project
lane; the page then reloads the session (``workshop.session.load_session``) and hands
the fresh state to each tab and to the projector. Nothing is kept only on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop import cards as card_ops
from workshop import records as record_ops
from workshop import scoring as scoring_ops
from workshop import store
from workshop import swot as swot_ops
from workshop.card_import import import_cards
from workshop.cards import CardFilter, Place
from workshop.history import History
from workshop.session import SessionCache, SessionState
from workshop.suggest import accept, suggest_for_unassigned
from workspace.errors import HuizhiError, ValidationError
from workspace.project import Project

from ..ops import error_text, show_message
from ..widgets import EmptyState, PageHeader, icon, label, local
from ..workshops.board import BoardView, board_columns, legend_text
from ..workshops.capture import CaptureLine, PasteDialog
from ..workshops.common import Picker, active_scenarios, group_name, kind_names, scenario_name
from ..workshops.dialogs import RoundDialog, ScenarioFromClusterDialog, SessionDialog, SuggestDialog
from ..workshops.projector import MODES, AgendaClock, ProjectorWindow
from ..workshops.records import RecordsPanel
from ..workshops.scoring import ScoringPanel
from ..workshops.setup import SetupPanel
from ..workshops.swot import SwotBoard
from ..workshops.turns import TurnDialog
from . import Page, ProjectView

TABS = ("board", "swot", "scoring", "records", "setup")


class WorkshopsPage(Page):
    key = "workshops"
    icon_name = "mdi6.forum-outline"
    scrolls = False  # the board fills the page and scrolls itself

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_id: int | None = None
        self.state: SessionState | None = None
        self.sessions: list[store.SessionInfo] = []
        self._path: str | None = None
        self._history: History | None = None
        self._cache = SessionCache()  # used on the project lane only
        self._targets = None
        self._filter_words = None
        self._shown_session: int | None = None
        self._serial = 0
        self.clock = AgendaClock(self)
        self.projector: ProjectorWindow | None = None
        self.content.setContentsMargins(24, 16, 24, 12)
        self.content.setSpacing(10)
        self.header = PageHeader(self.title(), self.tr("跨部门研讨会：速记卡片、归类到场景、SWOT、现场评分与投票、决议与行动，一边投影一边记录。"))
        self.content.addWidget(self.header)
        self.content.addLayout(self._toolbar())
        self.empty = EmptyState("mdi6.forum-outline", self.tr("还没有研讨会"),
                                self.tr("新建一场研讨会，录入参会者，就可以开始速记卡片。"))
        self.empty_new = self.empty.add_button(self.tr("新建研讨会"), "mdi6.plus", primary=True)
        self.empty_new.clicked.connect(self.new_session)
        self.content.addWidget(self.empty)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._board_tab(), icon("mdi6.view-column-outline"), self.tr("卡片与归类"))
        self.swot = SwotBoard()
        self.tabs.addTab(self.swot, icon("mdi6.view-grid-outline"), self.tr("SWOT"))
        self.scoring = ScoringPanel()
        self.tabs.addTab(self.scoring, icon("mdi6.chart-scatter-plot"), self.tr("评分与投票"))
        self.records = RecordsPanel()
        self.tabs.addTab(self.records, icon("mdi6.gavel"), self.tr("决议与行动"))
        self.setup = SetupPanel()
        self.tabs.addTab(self.setup, icon("mdi6.account-group-outline"), self.tr("议程与参会者"))
        self.content.addWidget(self.tabs, 1)
        self._stale: set[str] = set()
        self.tabs.currentChanged.connect(self._show_tab)
        self.message = label("", "muted")
        self.content.addWidget(self.message)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message.setText(""))
        self._connect_tabs()
        self._shortcuts()
        self.clock.changed.connect(self._show_clock)
        self.clear()

    def title(self) -> str:
        return self.tr("研讨会")

    # -- layout -------------------------------------------------------------------------------------------

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.session_box = QComboBox()
        self.session_box.setMinimumWidth(220)
        self.session_box.setMaximumWidth(420)
        self.session_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session_box.setAccessibleName(self.tr("研讨会"))
        self.session_box.currentIndexChanged.connect(self._session_chosen)
        self.session_menu = QToolButton()
        self.session_menu.setText(self.tr("研讨会"))
        self.session_menu.setIcon(icon("mdi6.forum-outline"))
        self.session_menu.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.session_menu.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.session_menu.setProperty("role", "menu-button")
        menu = QMenu(self.session_menu)
        menu.addAction(icon("mdi6.plus"), self.tr("新建研讨会…"), self.new_session)
        menu.addAction(icon("mdi6.microsoft-excel"), self.tr("导出会议纪要（Excel）…"), self.export_minutes)
        menu.addSeparator()
        menu.addAction(icon("mdi6.delete-outline"), self.tr("删除这场研讨会…"), self.delete_session)
        self.session_menu.setMenu(menu)
        self.undo_button = QPushButton(icon("mdi6.undo"), self.tr("撤销"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton(icon("mdi6.redo"), self.tr("重做"))
        self.redo_button.clicked.connect(self.redo)
        bar.addWidget(self.session_box)
        bar.addWidget(self.session_menu)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        bar.addStretch(1)
        self.clock_label = label("", "clock")
        self.clock_label.setToolTip(self.tr("当前议程的剩余时间"))

        def clock_button(icon_name: str, tip: str, slot) -> QToolButton:
            button = QToolButton()
            button.setIcon(icon(icon_name))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            return button

        previous = clock_button("mdi6.skip-previous", self.tr("上一项议程"), lambda: self.clock.go(-1))
        self.clock_button = clock_button("mdi6.play", self.tr("开始/暂停计时（投影窗口里按空格也可以）"), self.clock.toggle)
        following = clock_button("mdi6.skip-next", self.tr("下一项议程"), lambda: self.clock.go(1))
        self.projector_button = QToolButton()
        self.projector_button.setText(self.tr("投影"))
        self.projector_button.setIcon(icon("mdi6.projector-screen-outline"))
        self.projector_button.setToolTip(self.tr("打开或关闭投影窗口（F5）；箭头选择投影内容"))
        self.projector_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.projector_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.projector_button.setProperty("role", "menu-button")
        self.projector_button.setCheckable(True)
        self.projector_button.clicked.connect(self.toggle_projector)
        modes = QMenu(self.projector_button)
        self.projector_modes = QActionGroup(self)
        for mode, caption in zip(MODES, (self.tr("议程与计时"), self.tr("卡片看板"), self.tr("评分结果"))):
            action = modes.addAction(caption)
            action.setCheckable(True)
            action.setData(mode)
            action.setChecked(mode == "agenda")
            self.projector_modes.addAction(action)
        self.projector_modes.triggered.connect(self._projector_mode_changed)
        self.projector_button.setMenu(modes)
        for widget in (self.clock_label, previous, self.clock_button, following, self.projector_button):
            bar.addWidget(widget)
        self.session_controls = [self.session_box, self.session_menu, self.undo_button, self.redo_button, self.clock_label,
                                 previous, self.clock_button, following, self.projector_button]
        return bar

    def _board_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        capture = QHBoxLayout()
        self.capture = CaptureLine()
        self.capture.setMinimumWidth(420)
        self.capture.submitted.connect(self.add_typed)
        self.capture.pasted_lines.connect(self.paste_cards)
        self.default_kind = QComboBox()
        self.default_kind.setToolTip(self.tr("没有写 #类型 的卡片用这个类型（Alt+1…4 切换）"))
        for code, name in kind_names().items():
            self.default_kind.addItem(self.tr("默认：{kind}").format(kind=name), code)
        self.default_kind.setCurrentIndex(1)
        self.target = QComboBox()
        self.target.setToolTip(self.tr("新卡片放在哪一列"))
        self.target.setMinimumWidth(150)
        self.target.setMaximumWidth(240)
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        add = QPushButton(icon("mdi6.plus", "#FFFFFF"), self.tr("添加"))
        add.setProperty("role", "primary")
        add.clicked.connect(lambda: self.capture.text().strip() and self.add_typed(self.capture.text()))
        more = QToolButton()
        more.setText(self.tr("更多"))
        more.setProperty("role", "menu-button")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = QMenu(more)
        more_menu.addAction(icon("mdi6.clipboard-text-outline"), self.tr("批量粘贴卡片…"), lambda: self.paste_cards([]))
        more_menu.addAction(icon("mdi6.microsoft-excel"), self.tr("从 Excel 导入卡片…"), self.import_cards_file)
        more_menu.addAction(icon("mdi6.lightbulb-on-outline"), self.tr("为未归类卡片建议场景…"), self.suggest)
        more_menu.addAction(icon("mdi6.folder-plus-outline"), self.tr("新建空分组…"), lambda: self.new_cluster([]))
        more.setMenu(more_menu)
        capture.addWidget(self.capture, 1)
        capture.addWidget(self.default_kind)
        capture.addWidget(self.target)
        capture.addWidget(add)
        capture.addWidget(more)
        layout.addLayout(capture)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(label(self.tr("筛选"), "muted"))
        self.kind_buttons: dict[str, QToolButton] = {}
        for code, name in kind_names().items():
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setProperty("role", "chip")
            button.toggled.connect(self._filter_changed)
            self.kind_buttons[code] = button
            filters.addWidget(button)
        self.author_filter = QComboBox()
        self.author_filter.setMinimumWidth(140)
        self.author_filter.currentIndexChanged.connect(self._filter_changed)
        self.tag_filter = QComboBox()
        self.tag_filter.setMinimumWidth(120)
        self.tag_filter.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(self.author_filter)
        filters.addWidget(self.tag_filter)
        filters.addStretch(1)
        self.legend = label("", "muted")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        filters.addWidget(self.legend)
        layout.addLayout(filters)
        self.board = BoardView()
        layout.addWidget(self.board, 1)
        layout.addWidget(label(self.tr("←→ 换列　Alt+←→ 移到相邻列　Alt+↑↓ 调整顺序　M 移到…　G 新建分组　F2 编辑　S 拆分　Ctrl+M 合并　Del 删除　Ctrl+Z 撤销"), "muted"))
        return tab

    def _connect_tabs(self) -> None:
        b = self.board
        b.move_requested.connect(self.move_cards)
        b.edit_requested.connect(self.edit_card)
        b.delete_requested.connect(self.delete_cards)
        b.merge_requested.connect(self.merge_cards)
        b.split_requested.connect(self.split_card)
        b.cluster_requested.connect(self.new_cluster)
        b.move_to_requested.connect(self.move_cards_to)
        b.rename_cluster_requested.connect(self.rename_cluster)
        b.cluster_to_scenario_requested.connect(self.cluster_to_scenario)
        b.delete_cluster_requested.connect(
            lambda cid: self.act(self.tr("删除分组"), lambda p, sid: card_ops.delete_cluster(p, cid)))
        b.swot_requested.connect(self.open_swot)
        b.suggest_requested.connect(self.suggest)
        b.add_column_requested.connect(self.add_scenario_column)
        s = self.swot
        s.add_requested.connect(self.add_swot_text)
        s.link_requested.connect(self.link_cards)
        s.move_requested.connect(lambda item, q: self.act(self.tr("移动 SWOT 条目"), lambda p, sid: swot_ops.move_item(p, item, q)))
        s.edit_requested.connect(self.edit_swot_item)
        s.delete_requested.connect(lambda ids: self.act(
            self.tr("删除 SWOT 条目"), lambda p, sid: [swot_ops.delete_item(p, i) for i in ids]))
        sc = self.scoring
        sc.new_round_requested.connect(self.new_round)
        sc.delete_round_requested.connect(lambda rid: self.act(
            self.tr("删除评分轮"), lambda p, sid: p.db.execute("DELETE FROM scoring_rounds WHERE id = ?", [rid]),
            done=lambda _r: self.say(self.tr("已删除评分轮及其全部评分，Ctrl+Z 可撤销。"))))
        sc.entered.connect(self.enter_score)
        sc.turns_requested.connect(self.score_in_turn)
        sc.round_chosen.connect(lambda rid: self.projector is not None and self.projector.set_round(rid))
        r = self.records
        r.decision_added.connect(lambda text, code: self.act(
            self.tr("记录决议"), lambda p, sid: record_ops.add_decision(p, sid, text, scenario_code=code)))
        r.action_added.connect(lambda text, owner, due, status: self.act(
            self.tr("添加行动项"), lambda p, sid: record_ops.add_action(p, sid, text, owner_department=owner,
                                                                 due_on=due, status=status)))
        r.action_changed.connect(lambda aid, field, value: self.act(
            self.tr("修改行动项"), lambda p, sid: record_ops.update_action(p, aid, **{field: value})))
        r.conflict_added.connect(lambda text, groups, code: self.act(
            self.tr("记录利益冲突"), lambda p, sid: record_ops.add_conflict(p, sid, text, groups=groups,
                                                                   scenario_code=code)))
        r.deleted.connect(lambda table, ids: self.act(
            self.tr("删除记录"), lambda p, sid: [record_ops.delete_record(p, table, i) for i in ids]))
        r.conflicts_from_scores.connect(self.conflicts_from_scores)
        u = self.setup
        u.session_changed.connect(lambda field, value: self.act(
            self.tr("修改研讨会信息"), lambda p, sid: store.update_session(p, sid, **{field: value}),
            reload_all=field in ("title", "held_on")))  # the session list shows both
        u.agenda_added.connect(lambda title, minutes: self.act(
            self.tr("添加议程"), lambda p, sid: store.add_agenda_item(p, sid, title, minutes)))
        u.agenda_changed.connect(lambda item, field, value: self.act(
            self.tr("修改议程"), lambda p, sid: store.update_agenda_item(p, item, **{field: value})))
        u.agenda_moved.connect(lambda item, offset: self.act(
            self.tr("调整议程顺序"), lambda p, sid: store.move_agenda_item(p, item, offset)))
        u.agenda_deleted.connect(lambda item: self.act(self.tr("删除议程"), lambda p, sid: store.delete_agenda_item(p, item)))
        u.person_changed.connect(lambda person, field, value: self.act(
            self.tr("修改参会者"), lambda p, sid: store.update_participant(p, person, **{field: value})))
        u.people_deleted.connect(lambda ids: self.act(
            self.tr("删除参会者"), lambda p, sid: [store.delete_participant(p, i) for i in ids]))
        u.paste_requested.connect(self.paste_people)
        u.import_requested.connect(self.import_people_file)

    def _shortcuts(self) -> None:
        def shortcut(keys, slot) -> QAction:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        shortcut(["Ctrl+Z"], self.undo)
        shortcut(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        shortcut(["Ctrl+L"], lambda: (self.tabs.setCurrentIndex(0), self.capture.setFocus()))
        shortcut(["F5"], self.toggle_projector)
        for n in range(4):
            shortcut([f"Alt+{n + 1}"], lambda _=False, i=n: self.default_kind.setCurrentIndex(i))

    # -- sessions -----------------------------------------------------------------------------------------------

    def show_view(self, view: ProjectView) -> None:
        path = view.summary.path
        if self._path != path:
            self._forget_project(path)
        self.sessions = view.sessions
        self.session_box.blockSignals(True)
        self.session_box.clear()
        for info in view.sessions:
            self.session_box.addItem(f"{info.title}　{info.held_on or ''}", info.id)
        ids = [s.id for s in view.sessions]
        if self.session_id not in ids:
            self._switch_to(ids[-1] if ids else None)
        self.session_box.setCurrentIndex(ids.index(self.session_id) if self.session_id in ids else -1)
        self.session_box.blockSignals(False)
        self._show_presence(bool(ids))
        if self.session_id is not None:
            self.reload_session()
        else:
            self._show_no_session()

    def clear(self) -> None:
        self._forget_project(None)
        self.session_box.clear()
        self._show_presence(False)
        self._show_no_session()
        self.empty_new.setEnabled(False)
        self.empty.text.setText(self.tr("打开一个项目，或创建演示项目来看看研讨会记录的样子。"))

    def _forget_project(self, path: str | None) -> None:
        """Another project (or none): nothing of the last one's sessions, board or undo history stays."""
        self._path, self._history = path, None
        self._cache = SessionCache()
        self._switch_to(None)
        self._show_history("", "")

    def _switch_to(self, session_id: int | None) -> None:
        """Show another session: until its state arrives, nothing typed goes anywhere."""
        self.session_id, self.state = session_id, None
        self.board.extra_scenarios = []
        self._targets = None
        self.target.clear()

    def _show_no_session(self) -> None:
        self.state = None
        self.header.set_subtitle(self.tr("跨部门研讨会：速记卡片、归类到场景、SWOT、现场评分与投票、决议与行动，一边投影一边记录。"))
        if self.projector is not None:
            self.projector.close()

    def _show_presence(self, has_sessions: bool) -> None:
        self.tabs.setVisible(has_sessions)
        self.empty.setVisible(not has_sessions)
        for widget in self.session_controls:
            widget.setVisible(has_sessions)
        for button in (self.undo_button, self.redo_button):  # a deleted last session can still come back
            button.setVisible(self._path is not None)
        self.empty_new.setEnabled(True)
        self.empty.text.setText(self.tr("新建一场研讨会，录入参会者，就可以开始速记卡片。"))

    def _session_chosen(self, index: int) -> None:
        session_id = self.session_box.itemData(index)
        if session_id is not None and session_id != self.session_id:
            self._switch_to(session_id)
            self.reload_session()

    def open_session(self, session_id: int) -> None:
        self.session_box.setCurrentIndex(self.session_box.findData(session_id))

    def ready(self) -> bool:
        """Whether the screen shows the session the next action will change."""
        return self.state is not None and self.state.id == self.session_id

    def reload_session(self, then: Callable[[SessionState], None] | None = None) -> None:
        session_id = self.session_id
        if session_id is None:
            return
        cache = self._cache

        def work(project: Project, _progress):
            history = self._history if self._history is not None and self._history.project is project else None
            labels = (history.undo_label(), history.redo_label()) if history else ("", "")
            return cache.load(project, session_id, full=True), labels

        def shown(outcome) -> None:
            state, labels = outcome
            self._show_history(*labels)
            if session_id != self.session_id:
                return  # another session was chosen meanwhile; its own load follows
            if state is None:
                self.refresh()  # the session is gone (deleted, or its creation undone)
                return
            self.show_state(state)
            if then is not None:
                then(state)

        self.run(work, changes=False, success=shown)

    def new_session(self) -> None:
        dialog = SessionDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_session(**dialog.values())

    def create_session(self, **values) -> None:
        def made(session_id: int) -> None:
            self._switch_to(session_id)
            self.tabs.setCurrentIndex(TABS.index("setup"))

        self.act(self.tr("新建研讨会"), lambda p, sid: store.create_session(p, **values), done=made, reload_all=True)

    def delete_session(self) -> None:
        if not self.ready():
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("删除研讨会"),
                          self.tr("删除“{title}”及其全部卡片、评分和记录？可以用“撤销”恢复。").format(title=self.state.info.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.accepted.connect(self.remove_session)
        show_message(box)

    def remove_session(self) -> None:
        self.act(self.tr("删除研讨会"), lambda p, sid: p.db.execute("DELETE FROM sessions WHERE id = ?", [sid]),
                 reload_all=True)

    # -- the machinery: one step per action, then a fresh state ----------------------------------------------

    def _history_for(self, project: Project) -> History:
        """The undo history of the open project's connection (made on the lane, kept per project)."""
        if self._history is None or self._history.project is not project:
            self._history = History(project)
        return self._history

    def act(self, label: str, change: Callable[[Project, int | None], Any], *,
            done: Callable[[Any], None] | None = None, failed: Callable[[BaseException], None] | None = None,
            reload_all: bool = False) -> None:
        """Run ``change(project, session_id)`` as one undoable step, then show the session as the
        file has it. The session id is the one on screen when the user acted, not when the lane
        gets to the work."""
        session_id = self.session_id

        def work(project: Project, history: History) -> Any:
            with history.step(label):
                return change(project, session_id)

        self._on_lane(work, done=done, failed=failed, reload_all=reload_all)

    def _on_lane(self, work: Callable[[Project, History], Any], *, done=None, failed=None, reload_all=False) -> None:
        """Run ``work(project, history)`` on the project lane, then show what the file holds.

        The work is refused if the window has moved on to another project meanwhile (it was
        meant for the one on screen). When more actions are queued behind this one, only the
        last reads the session again."""
        session_id, path, cache = self.session_id, self._path, self._cache
        self._serial += 1
        serial = self._serial

        def job(project: Project, _progress):
            if path is None or Path(project.path).resolve() != Path(path).resolve():
                raise ValidationError("项目已切换，这一步没有执行。", "Another project is open; nothing was done.")
            history = self._history_for(project)
            try:
                result = work(project, history)
            finally:
                cache.note(history.touched)
            fresh = session_id is not None and self._serial == serial and not reload_all
            state = cache.load(project, session_id) if fresh else None
            return result, fresh, state, (history.undo_label(), history.redo_label()), session_ids(project)

        def ok(outcome) -> None:
            result, fresh, state, labels, ids = outcome
            self._show_history(*labels)
            if done is not None:
                done(result)
            if reload_all or ids != [s.id for s in self.sessions] or (fresh and state is None):
                self.refresh()  # a session came or went: the session list and every page reload
            elif state is not None and state.id == self.session_id:
                self.show_state(state)
            self.data_changed.emit()

        def bad(error: BaseException) -> None:
            self.say(error_text(error) if isinstance(error, HuizhiError)
                     else self.tr("这一步没有完成：程序出错，详情已写入日志。"), error=True)
            if failed is not None:
                failed(error)
            self.reload_session()

        self.run(job, changes=False, success=ok, failure=bad)

    def undo(self) -> None:
        self._on_lane(lambda project, history: history.undo(), done=lambda label: self._undone(self.tr("已撤销：{label}"), label))

    def redo(self) -> None:
        self._on_lane(lambda project, history: history.redo(), done=lambda label: self._undone(self.tr("已重做：{label}"), label))

    def _undone(self, template: str, label: str) -> None:
        self.say(template.format(label=label) if label else self.tr("没有可以撤销或重做的操作。"))

    def _show_history(self, undo_label: str, redo_label: str) -> None:
        self.undo_button.setEnabled(bool(undo_label))
        self.undo_button.setToolTip(self.tr("撤销：{label}（Ctrl+Z）").format(label=undo_label) if undo_label else "")
        self.redo_button.setEnabled(bool(redo_label))
        self.redo_button.setToolTip(self.tr("重做：{label}（Ctrl+Shift+Z）").format(label=redo_label) if redo_label else "")

    def say(self, text: str, *, error: bool = False) -> None:
        """A message under the tabs that does not interrupt typing."""
        self.message.setProperty("role", "error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self._message_timer.start(10_000 if error else 5_000)

    # -- showing ---------------------------------------------------------------------------------------------------

    def show_state(self, state: SessionState) -> None:
        """Show a fresh state: the visible tab now, the others when they are next shown."""
        self.state = state
        self.capture.set_words(state.words)
        self._stale = set(TABS)
        self._show_tab(self.tabs.currentIndex())
        self.clock.set_agenda(state.agenda, new_session=state.id != self._shown_session)
        self._shown_session = state.id
        if self.projector is not None and self.projector.isVisible():
            self.projector.set_round(self.scoring.round_id)
            self.projector.set_state(state)
        counts = store_counts(state)
        self.header.set_subtitle(self.tr("{place}　主持：{facilitator}　{people} 人参会，{cards} 张卡片，{scenarios} 个场景").format(
            place=state.info.place or self.tr("地点未填"), facilitator=state.info.facilitator or self.tr("未填"), **counts))

    def _show_tab(self, index: int) -> None:
        name = TABS[index] if 0 <= index < len(TABS) else None
        state = self.state
        if state is None or name not in self._stale:
            return
        self._stale.discard(name)
        if name == "board":
            self._fill_targets(state)
            self._fill_filters(state)
            self.board.filter = self._card_filter()  # a chosen author or tag that is gone is no longer applied
            self.board.set_state(state)
            self.legend.setText("　".join(f"<span style='color:{colour.name()}'>■</span> {name}"
                                         for name, colour in legend_text(state)))
        else:
            {"swot": self.swot, "scoring": self.scoring, "records": self.records, "setup": self.setup}[name].set_state(state)

    def _fill_targets(self, state: SessionState) -> None:
        columns = board_columns(state, self.board.extra_scenarios)
        if [(c.title, c.place) for c in columns] == self._targets:
            return
        self._targets = [(c.title, c.place) for c in columns]
        chosen = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        for column in columns:
            self.target.addItem(self.tr("放入：{name}").format(name=column.title), column.place)
        index = next((i for i in range(self.target.count()) if self.target.itemData(i) == chosen), 0)
        self.target.setCurrentIndex(index)
        self.target.blockSignals(False)

    def _fill_filters(self, state: SessionState) -> None:
        if state.words == self._filter_words:
            return
        self._filter_words = state.words
        for combo, first, values in ((self.author_filter, self.tr("全部作者"), state.words.authors),
                                     (self.tag_filter, self.tr("全部标签"), state.words.tags)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def _card_filter(self) -> CardFilter:
        return CardFilter({k for k, b in self.kind_buttons.items() if b.isChecked()},
                          self.author_filter.currentData() or "", self.tag_filter.currentData() or "")

    def _filter_changed(self, *_args) -> None:
        self.board.set_filter(self._card_filter())

    # -- cards ---------------------------------------------------------------------------------------------------------

    def add_typed(self, line: str) -> None:
        """The capture line's Enter: the card is on the board as soon as the file has it."""
        if not self.ready():
            self.say(self.tr("正在打开研讨会，请稍候再添加。"), error=True)  # the line keeps the text
            return
        session_id, kind, place = self.session_id, self.default_kind.currentData(), self.target.currentData() or Place()
        self.capture.setText("")  # unlike clear(), leaves the line nothing of its own to undo: Ctrl+Z undoes the card

        def added(card_id: int) -> None:
            self.board.select_after_reload([card_id], focus=False)

        def refused(_error: BaseException) -> None:
            if not self.capture.text():
                self.capture.setText(line)  # nothing typed is lost

        self.act(self.tr("添加卡片"), lambda p, sid: card_ops.add_line(p, session_id, line, default_kind=kind, place=place),
                 done=added, failed=refused)

    def paste_cards(self, lines: list[str]) -> None:
        dialog = PasteDialog(lines, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_lines(dialog.lines())

    def add_lines(self, lines: list[str]) -> None:
        session_id, kind, place = self.session_id, self.default_kind.currentData(), self.target.currentData() or Place()
        self.act(self.tr("批量添加卡片"), lambda p, sid: card_ops.add_lines(p, session_id, lines, default_kind=kind, place=place),
                 done=lambda ids: self.say(self.tr("已添加 {n} 张卡片").format(n=len(ids))))

    def import_cards_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("从 Excel 导入卡片"), self._folder(),
                                              self.tr("表格 (*.xlsx *.xls *.ods *.csv)"))
        if path:
            self.import_cards_from(Path(path))

    def import_cards_from(self, path: Path) -> None:
        session_id, kind = self.session_id, self.default_kind.currentData()
        self.act(self.tr("导入卡片"), lambda p, sid: import_cards(p, session_id, path, default_kind=kind),
                 done=lambda n: self.say(self.tr("已从 {name} 导入 {n} 张卡片").format(name=path.name, n=n)),
                 failed=lambda error: self._explain(self.tr("无法导入卡片"), error))

    def move_cards(self, ids: list[int], place: Place, before: int | None = None) -> None:
        self.act(self.tr("移动卡片"), lambda p, sid: card_ops.move_cards(p, ids, place, before=before))

    def move_cards_to(self, ids: list[int]) -> None:
        if self.state is None:
            return
        shown = board_columns(self.state, self.board.extra_scenarios)
        choices = [(column.title, column.place) for column in shown]
        choices += [(local(s.name), Place(scenario_code=s.code)) for s in active_scenarios(self.state)
                    if s.code not in {c.place.scenario_code for c in shown}]
        place = Picker(self.tr("移到…"), self.tr("把选中的 {n} 张卡片移到哪里？").format(n=len(ids)), choices, self).ask()
        if place is not None:
            self.board.select_after_reload(ids)
            if place.scenario_code:
                self.board.show_column(place.scenario_code)
            self.move_cards(ids, place)

    def edit_card(self, card_id: int) -> None:
        card = next((c for c in self.state.cards if c.id == card_id), None) if self.state else None
        if card is None:
            return
        line, ok = QInputDialog.getText(self, self.tr("编辑卡片"), self.tr("和速记行的写法一样：@作者 #类型 内容 #标签"),
                                        QLineEdit.EchoMode.Normal, card_ops.format_line(card))
        if ok and line.strip():
            self.apply_card_line(card_id, line)

    def apply_card_line(self, card_id: int, line: str) -> None:
        parsed = card_ops.parse_line(line)
        self.board.select_after_reload([card_id])
        self.act(self.tr("编辑卡片"), lambda p, sid: card_ops.edit_card(
            p, card_id, text=parsed.text, kind=parsed.kind, tags=parsed.tags, author=parsed.author))

    def delete_cards(self, ids: list[int]) -> None:
        self.act(self.tr("删除卡片"), lambda p, sid: card_ops.delete_cards(p, ids),
                 done=lambda n: self.say(self.tr("已删除 {n} 张卡片，Ctrl+Z 可撤销").format(n=n)))

    def merge_cards(self, ids: list[int]) -> None:
        if len(ids) < 2:
            self.say(self.tr("选中两张以上卡片（Shift 或 Ctrl 加选）再合并。"), error=True)
            return
        self.act(self.tr("合并卡片"), lambda p, sid: card_ops.merge_cards(p, ids),
                 done=lambda kept: self.board.select_after_reload([kept]))

    def split_card(self, card_id: int) -> None:
        card = next((c for c in self.state.cards if c.id == card_id), None) if self.state else None
        if card is None:
            return
        parts = card_ops.likely_parts(card.text)
        text, ok = QInputDialog.getMultiLineText(self, self.tr("拆分卡片"), self.tr("每行一张卡片："), "\n".join(parts))
        if ok:
            self.apply_split(card_id, text.splitlines())

    def apply_split(self, card_id: int, parts: list[str]) -> None:
        self.act(self.tr("拆分卡片"), lambda p, sid: card_ops.split_card(p, card_id, parts),
                 done=lambda ids: self.board.select_after_reload(ids))

    def new_cluster(self, ids: list[int]) -> None:
        title, ok = QInputDialog.getText(self, self.tr("新建分组"), self.tr("分组名称："))
        if ok and title.strip():
            self.make_cluster(title.strip(), ids)

    def make_cluster(self, title: str, ids: list[int]) -> None:
        self.board.select_after_reload(ids)
        self.act(self.tr("新建分组"), lambda p, sid: card_ops.create_cluster(p, sid, title, ids))

    def rename_cluster(self, cluster_id: int) -> None:
        current = next((c.title for c in self.state.clusters if c.id == cluster_id), "") if self.state else ""
        title, ok = QInputDialog.getText(self, self.tr("重命名分组"), self.tr("分组名称："), QLineEdit.EchoMode.Normal, current)
        if ok and title.strip():
            self.act(self.tr("重命名分组"), lambda p, sid: card_ops.rename_cluster(p, cluster_id, title))

    def cluster_to_scenario(self, cluster_id: int) -> None:
        title = next((c.title for c in self.state.clusters if c.id == cluster_id), "") if self.state else ""
        dialog = ScenarioFromClusterDialog(title, self.state.domains, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.make_scenario(cluster_id, **dialog.values())

    def make_scenario(self, cluster_id: int, *, name_zh: str, domain: str, name_en: str = "") -> None:
        def change(project: Project, _sid: int) -> str:
            taken = {row[0] for row in project.db.conn.execute("SELECT code FROM scenarios")}
            code = next(f"ws_{n}" for n in range(1, 10_000) if f"ws_{n}" not in taken)
            return card_ops.cluster_to_scenario(project, cluster_id, code=code, domain=domain, name_zh=name_zh,
                                                name_en=name_en)

        self.act(self.tr("分组转为场景"), change,
                 done=lambda code: self.say(self.tr("已加入场景目录：{name}").format(name=name_zh)))

    def add_scenario_column(self) -> None:
        if self.state is None:
            return
        shown = {c.place.scenario_code for c in board_columns(self.state, self.board.extra_scenarios)}
        choices = [(local(s.name), s.code) for s in active_scenarios(self.state) if s.code not in shown]
        code = Picker(self.tr("添加场景列"), self.tr("从场景目录中选一个场景，作为看板上的一列。"), choices, self).ask()
        if code:
            self.board.show_column(code)
            self._fill_targets(self.state)

    def suggest(self) -> None:
        session_id = self.session_id

        def review(suggestions) -> None:
            if not suggestions:
                self.say(self.tr("没有可以建议的未归类卡片。"))
                return
            dialog = SuggestDialog(self.state, suggestions, self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
                self.accept_suggestions(dialog.chosen())

        def work(project: Project, _progress) -> dict:
            # Imported here, not at start-up: the classifier brings the text pipeline with it.
            from analysis.text.classify import TextClassifier

            return suggest_for_unassigned(project, session_id, TextClassifier.for_board(project))

        self.run(work, changes=False, success=review)

    def accept_suggestions(self, chosen: dict) -> None:
        self.act(self.tr("接受归类建议"), lambda p, sid: accept(p, chosen),
                 done=lambda n: self.say(self.tr("已归类 {n} 张卡片").format(n=n)))

    # -- SWOT, scoring, records --------------------------------------------------------------------------------------

    def open_swot(self, code: str | None) -> None:
        self.tabs.setCurrentIndex(TABS.index("swot"))
        self.swot.choose(code)

    def add_swot_text(self, quadrant: str, text: str) -> None:
        code = self.swot.code  # the board on screen now, not when the lane gets to it
        self.act(self.tr("添加 SWOT 条目"),
                 lambda p, sid: swot_ops.add_item(p, sid, quadrant, text=text, scenario_code=code))

    def link_cards(self, quadrant: str, ids: list[int]) -> None:
        code = self.swot.code
        self.act(self.tr("引用卡片到 SWOT"), lambda p, sid: [swot_ops.add_item(p, sid, quadrant, card_id=i,
                                                                           scenario_code=code) for i in ids])

    def edit_swot_item(self, item_id: int) -> None:
        if self.state is None:
            return
        items = [i for board in self.state.swot.values() for q in board.values() for i in q]
        item = next((i for i in items if i.id == item_id), None)
        if item is None:
            return
        hint = self.tr("这一条引用了卡片：修改会同时修改卡片。") if item.card_id else self.tr("内容：")
        text, ok = QInputDialog.getText(self, self.tr("编辑 SWOT 条目"), hint, QLineEdit.EchoMode.Normal, item.text)
        if ok and text.strip():
            self.act(self.tr("编辑 SWOT 条目"), lambda p, sid: swot_ops.edit_item(p, item_id, text))

    def new_round(self) -> None:
        if self.state is None:
            return
        dialog = RoundDialog(self.state, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_round(**dialog.values())

    def create_round(self, **values) -> None:
        session_id = self.session_id
        title = values.pop("title")
        scenarios = values.pop("scenarios")
        self.act(self.tr("新建评分轮"), lambda p, sid: scoring_ops.create_round(p, session_id, title, scenarios, **values),
                 done=self.scoring.choose, failed=lambda error: self._explain(self.tr("无法新建评分轮"), error))

    def enter_score(self, round_id: int, key: tuple, value) -> None:
        """One grid cell: shown at once, written in the background, taken back if refused."""
        current = self.state.round(round_id) if self.state else None
        if current is None:
            return
        participant, scenario, criterion = key
        setter = {"scores": lambda p, sid: scoring_ops.set_score(p, round_id, participant, scenario, criterion, value),
                  "dots": lambda p, sid: scoring_ops.set_dots(p, round_id, participant, scenario, int(value or 0)),
                  "moscow": lambda p, sid: scoring_ops.set_moscow(
                      p, round_id, participant, scenario, scoring_ops.MOSCOW[int(value) - 1] if value else None)}
        model = self.scoring.grid.grid
        model.set_pending(key, value)
        self.act(self.tr("评分"), setter[current.round.method], failed=lambda _e: model.settle(key))

    def score_in_turn(self, round_id: int) -> None:
        """The laptop goes round: each participant enters their own scores in large type."""
        current = self.state.round(round_id) if self.state else None
        if current is None:
            return
        dialog = TurnDialog(self.state, current, self)
        dialog.submitted.connect(lambda person, values: self.submit_turn(round_id, person, values))
        dialog.exec()

    def submit_turn(self, round_id: int, participant_id: int, values: dict) -> None:
        name = next((p.name for p in self.state.people if p.id == participant_id), "") if self.state else ""
        self.act(self.tr("{name}的评分").format(name=name),
                 lambda p, sid: scoring_ops.set_participant(p, round_id, participant_id, values))

    def conflicts_from_scores(self) -> None:
        """Every group disagreement of the session's score rounds as a conflict of interest (once each)."""
        state = self.state
        if state is None:
            return
        existing = {(c.scenario_code, c.groups) for c in state.conflicts}
        new = []
        for current in state.rounds:
            for result in current.results.scenarios:
                for criterion, high, low, gap in result.disagreements:
                    groups = (high, low)
                    if (result.code, groups) in existing:
                        continue
                    existing.add((result.code, groups))
                    spec = next((c for c in current.round.criteria if c.code == criterion), None)
                    new.append((self.tr("“{scenario}”的{criterion}评分：{high}与{low}相差 {gap:.1f} 分").format(
                        scenario=scenario_name(state, result.code), criterion=spec.name if spec else criterion,
                        high=group_name(state, high), low=group_name(state, low), gap=gap), list(groups), result.code))
        if not new:
            self.say(self.tr("评分中没有超过阈值的相关方分歧。"))
            return
        self.act(self.tr("从评分分歧生成利益冲突"), lambda p, sid: [record_ops.add_conflict(
            p, state.id, text, groups=groups, scenario_code=code) for text, groups, code in new],
            done=lambda made: self.say(self.tr("已记录 {n} 条利益冲突").format(n=len(made))))

    # -- participants ----------------------------------------------------------------------------------------------------

    def paste_people(self) -> None:
        dialog = PasteDialog([], self, title=self.tr("粘贴参会者名单"),
                             hint=self.tr("每行一人：姓名、部门、相关方（市民/部门/企业/合作伙伴）、角色，用制表符、逗号或空格分开。"
                                          "可以直接从 Excel 复制；第一行是表头（姓名 …）也可以。"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_people_text("\n".join(dialog.lines()))

    def add_people_text(self, text: str) -> None:
        self.act(self.tr("添加参会者"), lambda p, sid: store.paste_people(p, sid, text),
                 done=lambda n: self.say(self.tr("已添加 {n} 位参会者").format(n=n)),
                 failed=lambda error: self._explain(self.tr("无法添加参会者"), error))

    def import_people_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入参会者名单"), self._folder(),
                                              self.tr("表格 (*.xlsx *.xls *.ods *.csv)"))
        if path:
            self.act(self.tr("导入参会者"), lambda p, sid: store.import_people(p, sid, path),
                     done=lambda n: self.say(self.tr("已导入 {n} 位参会者").format(n=n)),
                     failed=lambda error: self._explain(self.tr("无法导入参会者"), error))

    # -- minutes and the projector ---------------------------------------------------------------------------------------

    def export_minutes(self) -> None:
        if self.state is None:
            return
        default = str(Path(self._folder()) / f"{self.state.info.title}-会议纪要.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出会议纪要"), default, "Excel (*.xlsx)")
        if path:
            self.write_minutes(Path(path))

    def write_minutes(self, path: Path) -> None:
        from analysis.export.minutes import write_minutes

        session_id = self.session_id
        self.run(lambda p, _progress: write_minutes(p, session_id, path), label=self.tr("正在导出会议纪要…"),
                 changes=False, success=lambda dest: self.say(self.tr("会议纪要已导出：{path}").format(path=dest)))

    def toggle_projector(self) -> None:
        if self.projector is not None and self.projector.isVisible():
            self.projector.close()
            return
        if self.projector is None:
            self.projector = ProjectorWindow(self.clock)
            self.projector.closed.connect(self._projector_closed)
        self.projector.set_mode(self.projector_mode())
        self.projector.set_round(self.scoring.round_id)
        if self.state is not None:
            self.projector.set_state(self.state)
        self.projector.show_on_best_screen(self.window())
        self.projector_button.setChecked(True)

    def _projector_closed(self) -> None:
        self.projector_button.setChecked(False)

    def projector_mode(self) -> str:
        return self.projector_modes.checkedAction().data()

    def set_projector_mode(self, mode: str) -> None:
        """What the projector shows: ``agenda``, ``board`` or ``results``."""
        for action in self.projector_modes.actions():
            action.setChecked(action.data() == mode)
        self._projector_mode_changed()

    def _projector_mode_changed(self, *_args) -> None:
        if self.projector is not None:
            self.projector.set_mode(self.projector_mode())

    def _show_clock(self) -> None:
        item = self.clock.current()
        self.clock_label.setText(f"{item.title}　{self.clock.text()}" if item else self.tr("未设议程"))
        self.clock_label.setProperty("over", self.clock.remaining < 0)
        self.clock_label.style().unpolish(self.clock_label)
        self.clock_label.style().polish(self.clock_label)
        self.clock_button.setIcon(icon("mdi6.pause" if self.clock.running else "mdi6.play"))

    # -- helpers ----------------------------------------------------------------------------------------------------------

    def _explain(self, title: str, error: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(error), QMessageBox.StandardButton.Ok, self)
        show_message(box)

    def _folder(self) -> str:
        if self._path:
            return str(Path(self._path).parent)
        return str(Path.home())

    def extra_screenshots(self):
        def tab(name: str, then=None):
            def set_up():
                self.tabs.setCurrentIndex(TABS.index(name))
                if then is not None:
                    then()
            return set_up

        def busiest_swot() -> None:
            boards = {code: sum(map(len, quadrants.values())) for code, quadrants in (self.state.swot if self.state else {}).items()
                      if code is not None}
            if boards:
                self.swot.choose(max(boards, key=boards.get))

        def scores_round(view: int):
            def set_up() -> None:
                rounds = [r.round.id for r in self.state.rounds if r.round.method == "scores"] if self.state else []
                if rounds:
                    self.scoring.choose(rounds[0])
                self.scoring.views.setCurrentIndex(view)
            return set_up

        def projector(mode: str):
            def set_up() -> QWidget:
                if self.projector is None or not self.projector.isVisible():
                    self.toggle_projector()
                self.projector.resize(self.window().size())
                scores_round(0)()
                self.projector.set_round(self.scoring.round_id)
                self.set_projector_mode(mode)
                return self.projector
            return set_up

        return [("workshops-swot", tab("swot", busiest_swot)), ("workshops-scoring", tab("scoring", scores_round(0))),
                ("workshops-matrix", tab("scoring", scores_round(2))), ("workshops-records", tab("records")),
                ("workshops-setup", tab("setup")), ("workshops-projector-agenda", projector("agenda")),
                ("workshops-projector-board", projector("board")), ("workshops-projector-results", projector("results"))]

    def shutdown(self) -> None:
        if self.projector is not None:
            self.projector.close()


def session_ids(project: Project) -> list[int]:
    return [s.id for s in store.list_sessions(project)]


def store_counts(state: SessionState) -> dict[str, int]:
    return {"people": len(state.people), "cards": len(state.cards), "scenarios": len(state.board_scenarios())}
