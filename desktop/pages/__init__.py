"""The main window's pages. Each shows a :class:`ProjectView` loaded off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from analysis.overview import ProjectSummary, summarize
from survey.capture import drafts
from survey.store import SurveyInfo, list_surveys
from workshop.store import SessionInfo, cards_by_kind, list_sessions
from workspace.catalogue import Domain, Scenario, list_domains, list_scenarios
from workspace.progress import Progress
from workspace.project import Project


@dataclass(frozen=True)
class ProjectView:
    """Everything the pages show about a project, read in one go on the project lane."""

    summary: ProjectSummary
    surveys: list[SurveyInfo]
    sessions: list[SessionInfo]
    card_kinds: dict[str, int]
    scenarios: list[Scenario] = field(default_factory=list)
    """All scenarios, retired ones included."""
    domains: list[Domain] = field(default_factory=list)
    drafts: list = field(default_factory=list)
    """Unsubmitted responses (``survey.capture.Draft``), newest first."""


def load_view(project: Project, progress: Progress) -> ProjectView:
    progress(0.1, "读取项目概况")
    return ProjectView(
        summary=summarize(project),
        surveys=list_surveys(project),
        sessions=list_sessions(project),
        card_kinds=cards_by_kind(project),
        scenarios=list_scenarios(project, include_retired=True),
        domains=list_domains(project),
        drafts=drafts(project),
    )


ProjectWork = Callable[[Project, Progress], Any]
Runner = Callable[..., None]


class Page(QWidget):
    """A page: a scrollable column of content under a header.

    Subclasses fill ``self.content`` and override :meth:`show_view` / :meth:`clear`.
    """

    key = ""
    icon_name = ""
    scrolls = True
    """Whether the page's column scrolls as a whole (a page that fills the window says no)."""
    data_changed = Signal()
    """The page changed the project file without reloading the others (they reload when shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner: Runner | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        inner.setProperty("role", "page")
        self.content = QVBoxLayout(inner)
        self.content.setContentsMargins(32, 24, 32, 24)
        self.content.setSpacing(16)
        if self.scrolls:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(inner)
            outer.addWidget(scroll)
        else:
            outer.addWidget(inner)

    def title(self) -> str:
        raise NotImplementedError

    def run(
        self,
        work: ProjectWork,
        *,
        label: str = "",
        success: Callable[[Any], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        changes: bool = True,
    ) -> None:
        """Run ``work(project, progress)`` on the open project's lane; with ``changes`` (a
        write) every page reloads from the file afterwards.

        The window sets ``runner``; a page never holds a connection itself.
        """
        if self.runner is not None:
            self.runner(work, label=label, success=success, failure=failure, changes=changes)

    def refresh(self) -> None:
        """Reload every page from the project file (after work done elsewhere, e.g. a kiosk)."""
        self.run(lambda project, progress: None)

    def extra_screenshots(self) -> list[tuple[str, Callable[[], QWidget | None]]]:
        """Further states worth a screenshot: ``(name, set-up)`` pairs, e.g. a page's tabs. A
        set-up that returns a widget (another window) has that widget saved instead of the window."""
        return []

    def shutdown(self) -> None:
        """The window is closing: close any windows of the page's own."""

    def show_view(self, view: ProjectView) -> None:
        """Show an open project's data."""

    def clear(self) -> None:
        """Show the state with no project open."""
