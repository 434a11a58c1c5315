"""优先级 Priorities: which scenarios to build first, from all the evidence.

The evidence (:func:`analysis.priorities.evidence.gather_evidence`, cached in the project)
is gathered on the project lane when the page is shown after a change; ranking it is
array arithmetic on the UI thread, so a weight slider re-ranks at once. Tabs: the ranking
with the selected scenario's evidence and SWOT summary beside the weight sliders; the
value × urgency matrix; the groups' rankings side by side, whose largest disagreements go
to the conflicts list; the weight sensitivity; and the scenario catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workspace.catalogue import add_scenario, retire_scenario, update_scenario

from .. import ops
from ..widgets import Card, EmptyState, PageHeader, icon, label
from . import Page, ProjectView
from .priority_views import (
    AhpDialog,
    EvidenceDialog,
    EvidenceTable,
    GroupComparison,
    PriorityMatrix,
    RankingTable,
    StabilityTable,
    SwotSummary,
    WeightPanel,
    domain_colours,
    measure_name,
)
from .scenarios import ScenarioCatalogue, ScenarioDialog

if TYPE_CHECKING:
    from analysis.priorities.evidence import Evidence
    from analysis.priorities.model import PriorityModel
    from analysis.priorities.ranking import Ranking, RankingInputs

SAVE_DELAY_MS = 800
TABS = ("ranking", "matrix", "groups", "robustness", "catalogue")


@dataclass(frozen=True)
class Gathered:
    evidence: Evidence
    model: PriorityModel
    conflicts: list


def gather(project, progress) -> Gathered:
    from analysis.priorities.evidence import gather_evidence
    from analysis.priorities.model import load_model
    from workshop.records import project_conflicts

    return Gathered(gather_evidence(project, progress=progress), load_model(project), project_conflicts(project))


class PrioritiesPage(Page):
    key = "priorities"
    icon_name = "mdi6.sort-variant"
    scrolls = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ProjectView | None = None
        self.dialog: ScenarioDialog | None = None
        self.evidence: Evidence | None = None
        self.inputs: RankingInputs | None = None
        self.model: PriorityModel | None = None
        self.ranking: Ranking | None = None
        self.conflicts: list = []
        self.ahp_dialog: AhpDialog | None = None
        self._stale = False
        self._gathering = False
        self.header = PageHeader(self.title(), self.tr("根据全部证据为候选应用场景排序，并说明排序有多稳。"))
        self.content.addWidget(self.header)
        self.content.addLayout(self._toolbar())
        self.content.addWidget(self.status)
        self.stack = QStackedWidget()
        self.empty = EmptyState("mdi6.sort-variant", self.tr("还没有打开项目"), "")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._ranking_tab(), self.tr("排序"))
        self.matrix = PriorityMatrix()
        self.tabs.addTab(self._padded(self.matrix, self.tr("气泡大小：选择、提及和投票的人数；颜色：领域；红圈：群体分歧大。")),
                         self.tr("价值 × 紧迫性"))
        self.tabs.addTab(self._groups_tab(), self.tr("群体对比"))
        self.tabs.addTab(self._robustness_tab(), self.tr("稳健性"))
        self.catalogue = ScenarioCatalogue()
        self.catalogue.add_requested.connect(lambda: self.open_dialog(None))
        self.catalogue.edit_requested.connect(self.open_dialog)
        self.catalogue.retire_requested.connect(self.set_retired)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.catalogue)
        self.tabs.addTab(scroll, self.tr("场景目录"))
        self._stale_tabs: set[str] = set()
        self.tabs.currentChanged.connect(lambda _: self.refresh_tab())
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tabs)
        self.content.addWidget(self.stack, 1)
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS, timeout=self.save_model)
        self.undo_stack: list[PriorityModel] = []
        self.redo_stack: list[PriorityModel] = []
        self._last_control: str | None = None
        self._shortcut(["F5"], self.regather)
        self._shortcut(["Ctrl+Z"], self.undo)
        self._shortcut(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        self.clear()

    def _shortcut(self, keys: list[str], slot) -> None:
        """A key for this page only (the Workshops page has its own F5 and Ctrl+Z)."""
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def title(self) -> str:
        return self.tr("优先级")

    # -- layout ---------------------------------------------------------------------------------------

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.status = label("", "muted")
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 15)
        self.top_k.setPrefix(self.tr("前 "))
        self.top_k.setSuffix(self.tr(" 名"))
        self.top_k.setAccessibleName(self.tr("检验稳定性的前 k 名"))
        self.top_k.valueChanged.connect(lambda k: self._change(lambda m: replace(m, top_k=k), "top_k"))
        self.normalisation = QComboBox()
        self.normalisation.addItem(self.tr("归一化：最小–最大"), "minmax")
        self.normalisation.addItem(self.tr("归一化：向量"), "vector")
        self.normalisation.setAccessibleName(self.tr("归一化方式"))
        self.normalisation.currentIndexChanged.connect(
            lambda _: self._change(lambda m: replace(m, normalisation=self.normalisation.currentData()), "norm"))
        self.mode = QComboBox()
        self.mode.addItem(self.tr("抽样：当前权重 ±20%"), "around")
        self.mode.addItem(self.tr("抽样：任意权重（单纯形均匀）"), "simplex")
        self.mode.currentIndexChanged.connect(
            lambda _: self._change(lambda m: replace(m, mode=self.mode.currentData()), "mode"))
        self.defaults = QPushButton(icon("mdi6.restore"), self.tr("恢复默认权重"))
        self.defaults.clicked.connect(self.restore_defaults)
        self.recompute = QPushButton(icon("mdi6.refresh"), self.tr("重新汇总证据"))
        self.recompute.setToolTip(self.tr("F5"))
        self.recompute.clicked.connect(self.regather)
        bar.addStretch(1)
        for widget in (self.top_k, self.normalisation, self.mode, self.defaults, self.recompute):
            bar.addWidget(widget)
        return bar

    @staticmethod
    def _padded(widget: QWidget, note: str = "") -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 8, 8, 8)
        if note:
            layout.addWidget(label(note, "muted", wrap=True))
        layout.addWidget(widget, 1)
        return box

    def _ranking_tab(self) -> QWidget:
        """Top: the ranking beside the weight sliders; bottom: the selected scenario's
        evidence beside its SWOT summary."""
        self.table = RankingTable()
        self.table.scenario_selected.connect(self.show_scenario)
        self.weights = WeightPanel()
        self.weights.weight_changed.connect(lambda code, w: self._change(lambda m: m.with_weight(code, w), code))
        self.weights.group_weight_changed.connect(
            lambda code, w: self._change(lambda m: m.with_group_weight(code, w), f"group:{code}"))
        self.weights.released.connect(lambda: setattr(self, "_last_control", None))
        self.weights.ahp_requested.connect(self.open_ahp)
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setWidget(self.weights)
        side.setMinimumWidth(320)
        side.setMaximumWidth(360)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.table)
        top.addWidget(side)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 0)
        self.evidence_table = EvidenceTable()
        self.evidence_table.open_requested.connect(self.open_evidence)
        self.evidence_card = Card(self.tr("证据"))
        self.evidence_card.body.addWidget(self.evidence_table)
        self.swot = SwotSummary()
        self.swot.setMaximumWidth(360)
        self.swot.setMinimumWidth(300)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.evidence_card)
        bottom.addWidget(self.swot)
        bottom.setStretchFactor(0, 1)
        bottom.setStretchFactor(1, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        return self._padded(splitter)

    def _groups_tab(self) -> QWidget:
        self.groups_table = GroupComparison()
        self.send = QPushButton(icon("mdi6.account-alert-outline"), self.tr("把标出的分歧记入冲突清单"))
        self.send.clicked.connect(self.send_conflicts)
        self.conflict_list = QListWidget()
        self.conflict_list.setAccessibleName(self.tr("冲突清单"))
        self.conflict_list.setMaximumHeight(150)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(label(self.tr("每个群体只用自己的证据排序（SWOT 共用）。名次相差最大的场景标为浅红：一个群体排在前面、另一个排在后面，"
                                       "正是需要在研讨会上讨论的利益冲突。"), "muted", wrap=True))
        layout.addWidget(self.groups_table, 1)
        row = QHBoxLayout()
        row.addWidget(label(self.tr("冲突清单（项目级）"), "card-title"))
        row.addStretch(1)
        row.addWidget(self.send)
        layout.addLayout(row)
        layout.addWidget(self.conflict_list)
        return box

    def _robustness_tab(self) -> QWidget:
        self.stability = StabilityTable()
        self.robust_summary = label("", "muted", wrap=True)
        self.conventions = label("", "muted", wrap=True)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.robust_summary)
        layout.addWidget(label(self.tr("一个权重变动、其余按比例缩放（权重总和保持 1）时，需要变动多少才会改变前 k 名，"
                                       "或让两个相邻场景互换（闭式解，Triantaphyllou 与 Sánchez 1997）。"), "muted", wrap=True))
        layout.addWidget(self.stability, 1)
        layout.addWidget(self.conventions)
        return box

    # -- data -------------------------------------------------------------------------------------------

    def show_view(self, view: ProjectView) -> None:
        self.view = view
        self.catalogue.set_catalogue(view.scenarios, view.domains)
        active = sum(1 for s in view.scenarios if not s.retired)
        self.catalogue.heading.setText(
            self.tr("场景目录（{n} 个候选场景，{d} 个领域）").format(n=active, d=len(view.domains)))
        self._stale = True
        if self.isVisible():  # a hidden page gathers when it is shown (showEvent)
            self.regather()

    def clear(self) -> None:
        self.view = None
        self.evidence = self.inputs = self.model = self.ranking = None
        self.empty.headline.setText(self.tr("还没有打开项目"))
        self.empty.text.setText(self.tr("打开一个项目，这里会汇总问卷、开放题、研讨会和 SWOT 的证据，为候选场景排序。"))
        self.stack.setCurrentWidget(self.empty)
        self.status.setText("")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.view is not None:
            self.regather()

    def regather(self) -> None:
        """Gather the evidence on the lane (from the cache where it still holds) and rank it."""
        if self.view is None:
            return
        if self._gathering:
            self._stale = True
            return
        self._gathering, self._stale = True, False
        if self.evidence is None:
            self.empty.headline.setText(self.tr("正在汇总证据…"))
            self.empty.text.setText(self.tr("第一次汇总要读取全部答卷并归类开放题，之后只在数据变化时重新计算。"))
            self.stack.setCurrentWidget(self.empty)

        def done(result: Gathered) -> None:
            self._gathering = False
            self._gathered(result)
            if self._stale and self.isVisible():
                self.regather()

        def failed(error: BaseException) -> None:
            self._gathering = False
            ops.show_error(self.window(), error, self.tr("证据没有汇总完成"))

        self.run(gather, label=self.tr("正在汇总证据"), changes=False, success=done, failure=failed)

    def _gathered(self, result: Gathered) -> None:
        from analysis.priorities.ranking import RankingInputs

        self.evidence, self.model, self.conflicts = result.evidence, result.model, result.conflicts
        self.inputs = RankingInputs(result.evidence)
        self.colours = domain_colours(result.evidence)
        if not result.evidence.cells:
            self.empty.headline.setText(self.tr("还没有可用于排序的证据"))
            self.empty.text.setText(self.tr("问卷里的场景打分或场景选择题、开放题意见、研讨会评分与投票、SWOT 条目，"
                                            "任何一项有了数据，这里就能排序。"))
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.tabs)
        self.undo_stack.clear()
        self.redo_stack.clear()
        self._last_control = None
        self._show_settings()
        self.rerank()
        self.weights.show_model(self.ranking)

    def _show_settings(self) -> None:
        """The toolbar's top-k, normalisation and sampling, as the model has them."""
        self.top_k.blockSignals(True)
        self.top_k.setValue(self.model.top_k)
        self.top_k.blockSignals(False)
        for box, value in ((self.mode, self.model.mode), (self.normalisation, self.model.normalisation)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)

    def _change(self, change, control: str) -> None:
        """Apply a model change, re-rank at once, and save it once the user pauses. Moves of
        the same control in a row are one step for undo (a drag is one step)."""
        if self.model is None or self.inputs is None:
            return
        if control != self._last_control:
            self.undo_stack.append(self.model)
            self.redo_stack.clear()
        self._last_control = control
        self.model = change(self.model)
        self._apply()

    def _apply(self) -> None:
        self.rerank()
        self.weights.update_shares(self.ranking)
        self.save_timer.start()

    def undo(self) -> None:
        """Go back to the weights before the last change (one slider drag, one setting)."""
        self._step(self.undo_stack, self.redo_stack)

    def redo(self) -> None:
        self._step(self.redo_stack, self.undo_stack)

    def _step(self, source: list, target: list) -> None:
        if not source or self.model is None:
            return
        target.append(self.model)
        self.model = source.pop()
        self._last_control = None
        self._apply()
        self.weights.show_model(self.ranking)
        self._show_settings()

    def rerank(self) -> None:
        """Rank the gathered evidence with the current model and refresh every view."""
        from analysis.priorities.ranking import rank_scenarios

        if self.inputs is None or self.model is None:
            return
        ranking = self.ranking = rank_scenarios(self.inputs, self.model)
        self._stale_tabs = set(TABS[:4])
        self.refresh_tab()
        stable = sum(1 for row in ranking.rows[:ranking.top_k] if row.stable)
        computed = [name for part, name in (("survey", self.tr("问卷")), ("text", self.tr("意见")))
                    if self.evidence.computed.get(part)]
        self.status.setText(self.tr("{n} 个场景 · {c} 项证据 · 前 {k} 名中 {s} 个稳定").format(
            n=len(ranking.rows), c=sum(1 for _, w in ranking.criteria if w > 0), k=ranking.top_k, s=stable)
            + (self.tr("（刚重新计算：{parts}）").format(parts="、".join(computed)) if computed else ""))
        mc = ranking.monte_carlo
        if mc is not None:
            mode = self.tr("当前权重 ±{p}%").format(p=round(self.model.spread * 100)) if self.model.mode == "around" \
                else self.tr("单纯形上均匀抽取")
            self.robust_summary.setText(self.tr(
                "权重抽样 {d} 次（{mode}，随机种子 {seed}）：每个场景留在前 {k} 名的概率与 90% 名次区间见“排序”页；"
                "前 {k} 名中 {s} 个稳定（至少 90% 的抽样中仍在前 {k} 名）。").format(
                d=self.model.draws, mode=mode, seed=self.model.seed, k=ranking.top_k, s=stable))
        norm = self.tr("最小–最大归一化") if self.model.normalisation == "minmax" else \
            self.tr("向量归一化（减去量表下限后除以欧氏范数）")
        self.conventions.setText(self.tr(
            "约定：各项证据先按相关方群体加权平均（群体权重默认相等），再在有证据的场景间做{norm}（没有证据记 0），"
            "最后加权求和；价值、紧迫性取问卷与研讨会得分的平均，以 {mid} 分为界，恰好等于界值算“高”。").format(
            norm=norm, mid=f"{self.model.midpoint:g}"))

    def refresh_tab(self) -> None:
        """Bring the visible tab up to the current ranking; hidden tabs wait until shown, so a
        slider refreshes only what is on screen."""
        tab = TABS[self.tabs.currentIndex()]
        if self.ranking is None or tab not in self._stale_tabs:
            return
        self._stale_tabs.discard(tab)
        ranking = self.ranking
        if tab == "ranking":
            self.table.show_ranking(ranking)
            code = self.table.current_code()
            if code:
                self.show_scenario(code)
        elif tab == "matrix":
            self.matrix.show_ranking(ranking, self.colours)
        elif tab == "groups":
            self.groups_table.show_ranking(ranking)
            self._show_conflicts()
        else:
            self.stability.show_ranking(ranking)

    def show_scenario(self, code: str) -> None:
        if self.ranking is None or self.evidence is None:
            return
        row = self.ranking.row(code)
        self.evidence_card.heading.setText(self.tr("证据：{name}").format(name=row.info.name if row else code))
        self.evidence_table.show_scenario(self.ranking, self.evidence, code)
        self.swot.show_scenario(self.evidence, code)

    # -- actions ----------------------------------------------------------------------------------------------

    def save_model(self) -> None:
        from analysis.priorities.model import save_model

        if self.model is None:
            return
        model = self.model
        self.run(lambda project, progress: save_model(project, model), changes=False)

    def restore_defaults(self) -> None:
        from analysis.priorities.model import DEFAULT_WEIGHTS

        if self.model is None:
            return
        self._change(lambda m: replace(m, weights=dict(DEFAULT_WEIGHTS), ahp=None,
                                       group_weights={g: 1.0 for g in m.group_weights}), "defaults")
        self._last_control = None
        self.weights.show_model(self.ranking)

    def open_ahp(self) -> None:
        """Weigh the evidence sources by AHP; applying sets the criteria weights (undoable)."""
        from analysis.priorities.model import SOURCES, weights_from_ahp

        if self.ranking is None:
            return
        criteria = [m.code for m, _ in self.ranking.criteria]
        sources = [s for s in SOURCES if any(m.source == s for m, _ in self.ranking.criteria)]
        if len(sources) < 2:
            self.status.setText(self.tr("至少要有两类证据来源才能两两比较。"))
            return
        dialog = self.ahp_dialog = AhpDialog(sources, self.model.ahp, self)

        def apply(matrix, sources, table) -> None:
            self._change(lambda m: weights_from_ahp(m, criteria, matrix, sources, random_index=table)[0], "ahp")
            self._last_control = None
            self.weights.show_model(self.ranking)

        dialog.applied.connect(apply)
        dialog.open()

    def open_evidence(self, measure: str, scenario: str, group: Any) -> None:
        from analysis.priorities.sources import LIMIT, evidence_rows

        if self.ranking is None:
            return
        row = self.ranking.row(scenario)
        who = self.ranking.groups.get(group, self.tr("全部群体")) if group is not None else self.tr("全部群体")
        dialog = EvidenceDialog(f"{row.info.name if row else scenario} · {measure_name(measure)} · {who}", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.run(lambda project, progress: evidence_rows(project, measure, scenario, group), changes=False,
                 success=lambda rows: dialog.show_rows(rows, LIMIT))

    def send_conflicts(self) -> None:
        """Record each flagged disagreement not already in the project's conflicts list."""
        from workshop.records import add_conflict

        if self.ranking is None:
            return
        known = {(c.scenario_code, c.groups) for c in self.conflicts}
        ranking = self.ranking
        todo = []
        for d in ranking.flagged():
            if (d.scenario, (d.high_group, d.low_group)) in known:
                continue
            name = ranking.row(d.scenario).info.name
            text = self.tr("“{name}”排序分歧：{high}排第 {a}，{low}排第 {b}（相差 {gap} 位）").format(
                name=name, high=ranking.groups[d.high_group], a=d.high_rank, low=ranking.groups[d.low_group],
                b=d.low_rank, gap=d.gap)
            todo.append((d.scenario, [d.high_group, d.low_group], text))
        if not todo:
            self.status.setText(self.tr("标出的分歧都已在冲突清单中。"))
            return

        def work(project, progress):
            from workshop.records import project_conflicts

            with project.transaction():
                for scenario, groups, text in todo:
                    add_conflict(project, None, text, groups=groups, scenario_code=scenario)
            return project_conflicts(project)

        def done(conflicts) -> None:
            self.conflicts = conflicts
            self._show_conflicts()
            self.status.setText(self.tr("已记入 {n} 条冲突。").format(n=len(todo)))
            self.data_changed.emit()

        self.run(work, changes=False, success=done)

    def _show_conflicts(self) -> None:
        self.conflict_list.clear()
        for conflict in self.conflicts:
            self.conflict_list.addItem(conflict.text)
        if not self.conflicts:
            self.conflict_list.addItem(self.tr("（还没有记录）"))

    def extra_screenshots(self):
        def tab(index: int):
            def set_up():
                self.tabs.setCurrentIndex(index)

            return set_up

        return [(f"priorities-{name}", tab(i)) for i, name in enumerate(TABS) if i > 0]

    # -- catalogue editing ------------------------------------------------------------------------------------

    def open_dialog(self, code: str | None) -> None:
        """Open the add/edit dialog; it stays open until the change is saved or cancelled."""
        if self.view is None:
            return
        scenario = next((s for s in self.view.scenarios if s.code == code), None) if code else None
        self.dialog = ScenarioDialog(self.view.domains, scenario, self)
        self.dialog.save_requested.connect(self._save)
        self.dialog.open()

    def _save(self, scenario) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if dialog.editing is None:
            work = lambda project, progress: add_scenario(project, scenario)
        else:
            changes = dict(
                domain=scenario.domain,
                name=scenario.name,
                description=scenario.description,
                kpis=scenario.kpis,
                keywords=scenario.keywords,
            )
            work = lambda project, progress: update_scenario(project, scenario.code, **changes)
        self.run(work, success=lambda _: dialog.done(1), failure=lambda error: dialog.show_error(ops.error_text(error)))

    def set_retired(self, code: str, retired: bool) -> None:
        self.run(lambda project, progress: retire_scenario(project, code, retired=retired))
