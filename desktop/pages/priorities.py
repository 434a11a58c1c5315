"""优先级 Priorities: for now, the project's scenario catalogue that ranking will rank."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from workspace.catalogue import add_scenario, retire_scenario, update_scenario

from ..ops import error_text
from ..widgets import PageHeader, text_card
from . import Page, ProjectView
from .scenarios import ScenarioCatalogue, ScenarioDialog


class PrioritiesPage(Page):
    key = "priorities"
    icon_name = "mdi6.sort-variant"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ProjectView | None = None
        self.dialog: ScenarioDialog | None = None
        self.header = PageHeader(self.title(), self.tr("根据全部证据为候选应用场景排序，并说明排序有多稳。"))
        self.content.addWidget(self.header)
        self.content.addWidget(
            text_card(
                self.tr("场景排序即将提供"),
                self.tr(
                    "这里将汇总每个场景的证据（问卷需求、开放题归类、研讨会评分与投票、SWOT），"
                    "用价值 × 紧迫性矩阵、加权评分、AHP、TOPSIS 等方法排序，按相关方群体分别比较，"
                    "并检验权重变化时排序是否稳定。"
                ),
            )
        )
        self.catalogue = ScenarioCatalogue()
        self.catalogue.add_requested.connect(lambda: self.open_dialog(None))
        self.catalogue.edit_requested.connect(self.open_dialog)
        self.catalogue.retire_requested.connect(self.set_retired)
        self.content.addWidget(self.catalogue, 1)
        self.clear()

    def title(self) -> str:
        return self.tr("优先级")

    def show_view(self, view: ProjectView) -> None:
        self.view = view
        self.catalogue.setVisible(True)
        self.catalogue.set_catalogue(view.scenarios, view.domains)
        active = sum(1 for s in view.scenarios if not s.retired)
        self.catalogue.heading.setText(
            self.tr("场景目录（{n} 个候选场景，{d} 个领域）").format(n=active, d=len(view.domains))
        )

    def clear(self) -> None:
        self.view = None
        self.catalogue.setVisible(False)

    # -- editing ----------------------------------------------------------------------

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
            work = lambda project, progress: add_scenario(project, scenario)  # noqa: E731
        else:
            changes = dict(
                domain=scenario.domain,
                name=scenario.name,
                description=scenario.description,
                kpis=scenario.kpis,
                keywords=scenario.keywords,
            )
            work = lambda project, progress: update_scenario(project, scenario.code, **changes)  # noqa: E731
        self.run(work, success=lambda _: dialog.done(1), failure=lambda error: dialog.show_error(error_text(error)))

    def set_retired(self, code: str, retired: bool) -> None:
        self.run(lambda project, progress: retire_scenario(project, code, retired=retired))
