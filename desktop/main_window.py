"""The main window: navigation on the left, one page at a time on the right.

The window holds at most one open project, reached only through its
:class:`~desktop.ops.ProjectLane`; pages receive plain data (:class:`ProjectView`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from analysis.demo import generate_demo
from analysis.export import export_brief
from workspace import __version__
from workspace.errors import ProjectError
from workspace.project import SUFFIX, create_project

from . import ops
from .pages import Page, ProjectView, load_view
from .pages.analysis import AnalysisPage
from .pages.coming import RequirementsPage
from .pages.fieldwork import FieldworkPage
from .pages.overview import OverviewPage
from .pages.priorities import PrioritiesPage
from .pages.reports import ReportsPage
from .pages.surveys import SurveysPage
from .pages.workshops import WorkshopsPage
from .settings import forget_project, recent_projects, remember_project
from .widgets import icon, label

PAGE_CLASSES: tuple[type[Page], ...] = (
    OverviewPage,
    SurveysPage,
    FieldworkPage,
    WorkshopsPage,
    AnalysisPage,
    PrioritiesPage,
    RequirementsPage,
    ReportsPage,
)


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.lane: ops.ProjectLane | None = None
        self.view: ProjectView | None = None
        self.stale = False
        """A page changed the file without the others reloading; they reload when shown."""
        self.setWindowTitle(self.tr("汇智 Huizhi"))
        self.setMinimumSize(QSize(1024, 680))
        self.resize(1280, 800)
        self.pages: dict[str, Page] = {}
        self._build_body()
        self._build_menus()
        self._connect_pages()
        self._show_no_project()

    # -- layout -----------------------------------------------------------------------

    def _build_body(self) -> None:
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QWidget()
        side.setProperty("role", "sidebar")
        side.setFixedWidth(208)
        column = QVBoxLayout(side)
        column.setContentsMargins(12, 20, 12, 12)
        column.setSpacing(12)
        brand = label(self.tr("汇智"), "brand")
        column.addWidget(brand)
        column.addWidget(label(self.tr("智慧城市需求调研"), "brand-sub"))
        self.nav = QListWidget()
        self.nav.setProperty("role", "nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setAccessibleName(self.tr("页面导航"))
        column.addWidget(self.nav, 1)
        column.addWidget(label(f"v{__version__}", "brand-sub"))
        self.stack = QStackedWidget()
        for cls in PAGE_CLASSES:
            page = cls()
            self.pages[page.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(icon(page.icon_name, "#3E4C59"), page.title())
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            item.setSizeHint(QSize(180, 40))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._page_chosen)
        self.nav.setCurrentRow(0)
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.project_label = QLabel()
        self.statusBar().addPermanentWidget(self.project_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self._action(file_menu, self.tr("新建项目(&N)…"), self.new_project, QKeySequence.StandardKey.New, "mdi6.file-plus-outline")
        self._action(file_menu, self.tr("打开项目(&O)…"), self.choose_project, QKeySequence.StandardKey.Open, "mdi6.folder-open-outline")
        self.recent_menu = file_menu.addMenu(icon("mdi6.history"), self.tr("最近的项目(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file_menu, self.tr("创建演示项目(&D)…"), self.new_demo, None, "mdi6.flask-outline")
        file_menu.addSeparator()
        self.import_xlsform_action = self._action(
            file_menu, self.tr("导入 XLSForm 问卷(&I)…"), self._import_xlsform, QKeySequence("Ctrl+I"), "mdi6.file-import-outline"
        )
        self.export_xlsform_action = self._action(
            file_menu, self.tr("导出 XLSForm 问卷(&X)…"), self._export_xlsform, None, "mdi6.file-export-outline"
        )
        self.export_action = self._action(
            file_menu, self.tr("导出简报(&E)…"), lambda: self.export("both"), QKeySequence("Ctrl+E"), "mdi6.download"
        )
        self.backup_action = self._action(file_menu, self.tr("立即备份(&B)"), self.backup_now, None, "mdi6.backup-restore")
        self.close_action = self._action(file_menu, self.tr("关闭项目(&C)"), self.close_project, QKeySequence.StandardKey.Close)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit)
        go_menu = self.menuBar().addMenu(self.tr("页面(&G)"))
        for index, page in enumerate(self.pages.values()):
            self._action(go_menu, page.title(), lambda _checked=False, i=index: self.nav.setCurrentRow(i), QKeySequence(f"Ctrl+{index + 1}"), page.icon_name)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("关于汇智(&A)"), self.about)

    def _action(self, menu, text, slot, shortcut=None, icon_name: str = "") -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _connect_pages(self) -> None:
        overview: OverviewPage = self.pages["overview"]  # type: ignore[assignment]
        overview.new_requested.connect(self.new_project)
        overview.open_requested.connect(self.choose_project)
        overview.demo_requested.connect(self.new_demo)
        overview.recent_chosen.connect(lambda path: self.open_project(Path(path)))
        reports: ReportsPage = self.pages["reports"]  # type: ignore[assignment]
        reports.export_requested.connect(self.export)
        for page in self.pages.values():
            page.runner = self.run_on_project
            page.data_changed.connect(self._mark_stale)

    def _mark_stale(self) -> None:
        self.stale = True

    def _page_chosen(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        if self.stale:
            self.reload()

    def run_on_project(self, work, *, label: str = "", success=None, failure=None, changes: bool = True) -> None:
        """Run work on the open project; after a change, reload every page from the file."""
        if self.lane is None:
            return

        def done(result) -> None:
            then = (lambda: success(result)) if success is not None else None
            if changes:
                self.reload(then=then)  # pages show the changed file before the caller goes on
            elif then is not None:
                then()

        op = self.lane.op(self, work, label=label).success(done)
        if failure is not None:
            op.failure(failure)
        op.run()

    def _import_xlsform(self) -> None:
        self.show_page("surveys")
        self.pages["surveys"].import_xlsform()

    def _export_xlsform(self) -> None:
        self.show_page("surveys")
        self.pages["surveys"].export_xlsform()

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    # -- projects ---------------------------------------------------------------------

    def open_project(self, path: Path) -> None:
        """Open ``path`` on its own lane and show it; errors are reported, not raised."""
        self._close_lane()
        path = Path(path).resolve()
        lane = ops.ProjectLane(path)
        self.lane = lane
        self.statusBar().showMessage(self.tr("正在打开 {name}…").format(name=path.name))

        def failed(error: BaseException) -> None:
            if self.lane is lane:
                self._close_lane()
                self._show_no_project()
            if not path.exists():
                forget_project(str(path))
            ops.show_error(self, error, self.tr("无法打开项目"))

        lane.op(self, load_view, label=self.tr("正在打开项目…")).success(self._show_view).failure(failed).run()

    def open_last_project(self) -> None:
        for path in recent_projects():
            if Path(path).exists():
                self.open_project(Path(path))
                return

    def reload(self, then=None) -> None:
        """Reload every page from the project file, then call ``then`` (if given)."""
        if self.lane is None:
            return

        def shown(view: ProjectView) -> None:
            self._show_view(view)
            if then is not None:
                then()

        self.lane.op(self, load_view).success(shown).run()

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开项目"), self._folder(), self.tr("汇智项目 (*{suffix})").format(suffix=SUFFIX)
        )
        if path:
            self.open_project(Path(path))

    def new_project(self) -> None:
        path = self._ask_new_path(self.tr("新建项目"), self.tr("新项目"))
        if path is None:
            return
        ops.Op(self, lambda progress: create_project(path, title=path.stem).close(), label=self.tr("正在创建项目…")).success(
            lambda _: self.open_project(path)
        ).run()

    def new_demo(self) -> None:
        path = self._ask_new_path(self.tr("创建演示项目"), self.tr("临江市演示项目"))
        if path is None:
            return
        ops.Op(
            self, lambda progress: generate_demo(path, progress=progress), label=self.tr("正在生成演示项目…")
        ).success(lambda _: self.open_project(path)).run()

    def close_project(self) -> None:
        self._close_lane()
        self._show_no_project()

    def backup_now(self) -> None:
        if self.lane is None:
            return
        self.lane.op(self, lambda project, progress: project.backup("manual"), label=self.tr("正在备份…")).success(
            lambda dest: self.statusBar().showMessage(self.tr("已备份到 {path}").format(path=dest), 8000)
        ).run()

    def export(self, kind: str) -> None:
        """Ask where to write the brief, then write it off the UI thread."""
        if self.lane is None or self.view is None:
            return
        stem = Path(self.view.summary.path).stem
        targets: dict[str, Path] = {}
        if kind in ("xlsx", "both"):
            xlsx, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出 Excel 台账"), str(Path(self._folder()) / f"{stem}-台账.xlsx"), "Excel (*.xlsx)"
            )
            if not xlsx:
                return
            targets["xlsx"] = Path(xlsx)
        if kind in ("pdf", "both"):
            pdf, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出 PDF 简报"), str(Path(self._folder()) / f"{stem}-简报.pdf"), "PDF (*.pdf)"
            )
            if not pdf:
                return
            targets["pdf"] = Path(pdf)
        self.lane.op(
            self, lambda project, progress: export_brief(project, progress=progress, **targets), label=self.tr("正在导出简报…")
        ).success(self._exported).run()

    def _exported(self, files: list[Path]) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("导出完成"), self.tr("已导出："), QMessageBox.StandardButton.Ok, self)
        box.setInformativeText("\n".join(str(f) for f in files))
        folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(files[0].parent))))
        ops.show_message(box)
        self.statusBar().showMessage(self.tr("已导出 {n} 个文件").format(n=len(files)), 8000)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于汇智"),
            self.tr(
                "<h3>汇智 Huizhi {version}</h3><p>帮助城市在启动智慧城市项目时先倾听："
                "收集市民、部门、企业和合作伙伴的需求，排出应用场景的优先级，形成可追溯的需求与简报。</p>"
                "<p>界面字体：文泉驿微米黑（Apache-2.0）。</p>"
            ).format(version=__version__),
        )

    # -- state ----------------------------------------------------------------------------

    def _show_view(self, view: ProjectView) -> None:
        opened = self.view is None or self.view.summary.path != view.summary.path
        self.view = view
        self.stale = False
        remember_project(view.summary.path)
        self.setWindowTitle(self.tr("{title} — 汇智").format(title=view.summary.title))
        self.project_label.setText(view.summary.path)
        self.statusBar().showMessage(self.tr("项目已打开"), 4000)
        for action in self._project_actions():
            action.setEnabled(True)
        for page in self.pages.values():
            page.show_view(view)
        if opened and view.drafts:
            self.pages["fieldwork"].offer_recovery(view.drafts)

    def _show_no_project(self) -> None:
        self.view = None
        self.setWindowTitle(self.tr("汇智 Huizhi"))
        self.project_label.setText(self.tr("未打开项目"))
        for action in self._project_actions():
            action.setEnabled(False)
        for page in self.pages.values():
            page.clear()

    def _project_actions(self) -> tuple[QAction, ...]:
        return (self.export_action, self.backup_action, self.close_action, self.import_xlsform_action,
                self.export_xlsform_action)

    def _close_lane(self) -> None:
        if self.lane is not None:
            lane, self.lane = self.lane, None
            lane.close()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_projects()
        if not paths:
            self.recent_menu.addAction(self.tr("（没有）")).setEnabled(False)
        for path in paths:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_project(Path(p)))

    def _folder(self) -> str:
        if self.view is not None:
            return str(Path(self.view.summary.path).parent)
        recent = recent_projects()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _ask_new_path(self, title: str, default_name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            title,
            str(Path(self._folder()) / f"{default_name}{SUFFIX}"),
            self.tr("汇智项目 (*{suffix})").format(suffix=SUFFIX),
        )
        if not path:
            return None
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if path.exists():
            ops.show_error(self, ProjectError(f"文件已存在：{path}", f"File already exists: {path}"))
            return None
        return path

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for page in self.pages.values():
            page.shutdown()
        self._close_lane()
        super().closeEvent(event)
