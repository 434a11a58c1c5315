"""实地采集 Fieldwork: collect (kiosk, interviews), import, packages, and every response.

The responses table reads through its own read-only connection (ids in SQL order, rows
on demand), so it stays smooth with 100 000 responses while the project lane writes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from survey import browse

from ..ops import show_message
from ..widgets import Card, PageHeader, icon, label
from . import Page, ProjectView
from .responses_model import FLAGS, ResponsesModel

_NO_DATE = QDate(2000, 1, 1)


class FieldworkPage(Page):
    key = "fieldwork"
    icon_name = "mdi6.map-marker-radius-outline"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ProjectView | None = None
        self.conn = None
        self.windows: list[QWidget] = []
        self.deleted: list[int] = []
        self.content.addWidget(PageHeader(self.title(), self.tr("在社区、办事大厅和机关现场收集答卷：每个回答即时保存，离线也不丢一条。")))
        self.content.addLayout(self._actions())
        self.content.addLayout(self._filters())
        self.content.addWidget(self._table_and_detail())
        self.content.addLayout(self._cards())
        self.content.addStretch(1)
        self.clear()

    def title(self) -> str:
        return self.tr("实地采集")

    # -- layout ----------------------------------------------------------------------------------

    def _actions(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.kiosk_button = QPushButton(icon("mdi6.tablet-dashboard", "#FFFFFF"), self.tr("开始自助填答"))
        self.kiosk_button.setProperty("role", "primary")
        self.kiosk_button.clicked.connect(lambda: self.start_answering(kiosk=True))
        self.interview_button = QPushButton(icon("mdi6.account-tie-voice-outline"), self.tr("访员代填"))
        self.interview_button.clicked.connect(lambda: self.start_answering(kiosk=False))
        self.import_button = QPushButton(icon("mdi6.table-arrow-down"), self.tr("导入答卷…"))
        self.import_button.clicked.connect(self.import_responses)
        self.packages = QToolButton()
        self.packages.setText(self.tr("外业数据包"))
        self.packages.setIcon(icon("mdi6.package-variant"))
        self.packages.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.packages.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.packages.setProperty("role", "menu-button")
        menu = QMenu(self.packages)
        menu.addAction(self.tr("导出问卷分发包（给外业笔记本）…"), self.export_package)
        menu.addAction(self.tr("合并外业数据…"), self.merge_packages)
        menu.addSeparator()
        menu.addAction(self.tr("收集本机答卷（外业笔记本）…"), self.collect_package)
        self.packages.setMenu(menu)
        self.quality_button = QPushButton(icon("mdi6.shield-check-outline"), self.tr("质量检查"))
        self.quality_button.clicked.connect(self.check_quality)
        for widget in (self.kiosk_button, self.interview_button, self.import_button, self.packages, self.quality_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def _filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.f_survey, self.f_group, self.f_collector = QComboBox(), QComboBox(), QComboBox()
        self.f_status, self.f_flag = QComboBox(), QComboBox()
        for combo in (self.f_survey, self.f_group, self.f_collector, self.f_status, self.f_flag):
            combo.setMinimumWidth(96)
            combo.setMaximumWidth(180)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self.apply_filter)
        for value, caption in ((None, self.tr("全部状态")), ("submitted", self.tr("已提交")), ("draft", self.tr("草稿"))):
            self.f_status.addItem(caption, value)
        self.f_flag.addItem(self.tr("全部答卷"), None)
        self.f_flag.addItem(self.tr("有质量标记"), "any")
        for kind, caption in FLAGS.items():
            self.f_flag.addItem(caption, kind)
        self.f_from, self.f_to = QDateEdit(), QDateEdit()
        for edit in (self.f_from, self.f_to):
            edit.setCalendarPopup(True)
            edit.setMinimumDate(_NO_DATE)
            edit.setSpecialValueText(self.tr("不限"))
            edit.setDate(_NO_DATE)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.apply_filter)
        for widget in (self.f_survey, self.f_group, self.f_collector, self.f_status, self.f_flag):
            bar.addWidget(widget)
        bar.addWidget(label(self.tr("日期"), "muted"))
        bar.addWidget(self.f_from)
        bar.addWidget(label("—", "muted"))
        bar.addWidget(self.f_to)
        bar.addStretch(1)
        self.count_label = label("", "muted")
        bar.addWidget(self.count_label)
        return bar

    def _table_and_detail(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = ResponsesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(380)
        for key, width in (("uuid", 86), ("survey", 200), ("group", 76), ("collector", 110), ("status", 66),
                           ("started", 136), ("submitted", 136), ("minutes", 92)):
            self.table.setColumnWidth(list(self.model.keys).index(key), width)
        self.table.horizontalHeader().setSortIndicator(self.model.keys.index("started"), Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.table.setAccessibleName(self.tr("答卷列表"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setMinimumWidth(260)
        column.addWidget(self.detail, 1)
        row = QHBoxLayout()
        self.delete_button = QPushButton(icon("mdi6.delete-outline"), self.tr("删除"))
        self.delete_button.setShortcut("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(icon("mdi6.undo"), self.tr("撤销删除"))
        self.undo_button.setShortcut("Ctrl+Z")
        self.undo_button.clicked.connect(self.undo_delete)
        self.resume_button = QPushButton(icon("mdi6.play-circle-outline"), self.tr("继续填写"))
        self.resume_button.clicked.connect(self.resume_selected)
        for button in (self.delete_button, self.undo_button, self.resume_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([720, 300])
        return splitter

    def _cards(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.quota_card = Card(self.tr("配额进度"))
        self.quota_grid = QGridLayout()
        self.quota_card.body.addLayout(self.quota_grid)
        quota_button = QPushButton(self.tr("设置配额…"))
        quota_button.clicked.connect(self.edit_quotas)
        self.quota_card.body.addWidget(quota_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.quality_card = Card(self.tr("数据质量"))
        self.quality_text = label("", "muted", wrap=True)
        self.exclude = QCheckBox(self.tr("分析时排除被标记的答卷"))
        self.exclude.toggled.connect(self._set_exclusion)
        self.quality_card.body.addWidget(self.quality_text)
        self.quality_card.body.addWidget(self.exclude)
        self.conflict_card = Card(self.tr("合并冲突"))
        self.conflicts = QListWidget()
        self.conflicts.setMaximumHeight(120)
        self.conflict_card.body.addWidget(self.conflicts)
        buttons = QHBoxLayout()
        for caption, keep in ((self.tr("保留主控版本"), "master"), (self.tr("采用外业版本"), "incoming")):
            button = QPushButton(caption)
            button.clicked.connect(lambda _=False, k=keep: self.resolve_conflict(k))
            buttons.addWidget(button)
        self.conflict_card.body.addLayout(buttons)
        for card in (self.quota_card, self.quality_card, self.conflict_card):
            card.body.addStretch(1)
            row.addWidget(card, 1, Qt.AlignmentFlag.AlignTop)
        return row

    # -- data ----------------------------------------------------------------------------------------

    def show_view(self, view: ProjectView) -> None:
        first = self.view is None or self.view.summary.path != view.summary.path
        self.view = view
        if first:
            if self.conn is not None:
                self.conn.close()
            self.conn = browse.read_only_connection(view.summary.path)
            self._fill_filter_choices()
        for widget in (self.kiosk_button, self.interview_button, self.import_button, self.packages, self.quality_button):
            widget.setEnabled(bool(view.surveys) or widget is self.packages)
        self.model.set_connection(self.conn)
        self.apply_filter()
        self._refresh_cards()

    def clear(self) -> None:
        self.view = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        self.model.set_connection(None)
        self.detail.setHtml("")
        for widget in (self.kiosk_button, self.interview_button, self.import_button, self.packages, self.quality_button):
            widget.setEnabled(False)
        self.count_label.setText(self.tr("请先打开一个项目。"))

    def _fill_filter_choices(self) -> None:
        choices = browse.choices_for_filters(self.conn)
        for combo, caption, items in (
            (self.f_survey, self.tr("全部问卷"), choices["surveys"]),
            (self.f_group, self.tr("全部相关方"), choices["groups"]),
            (self.f_collector, self.tr("全部采集员"), [(c, c) for c in choices["collectors"]]),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(caption, None)
            for value, text in items:
                combo.addItem(text, value)
            combo.blockSignals(False)

    def apply_filter(self) -> None:
        if self.conn is None:
            return
        def date(edit: QDateEdit) -> str | None:
            return None if edit.date() == _NO_DATE else edit.date().toString("yyyy-MM-dd")

        self.model.set_filter(browse.Filter(
            survey_id=self.f_survey.currentData(), group=self.f_group.currentData(),
            collector=self.f_collector.currentData(), status=self.f_status.currentData(),
            flag=self.f_flag.currentData(), date_from=date(self.f_from), date_to=date(self.f_to),
        ))
        self.count_label.setText(self.tr("共 {n:,} 份").format(n=len(self.model.ids)))
        self.detail.setHtml(self.tr("<p style='color:#5F6B7A'>选择一份答卷查看详情与修改记录。</p>"))

    def _show_detail(self, current, _previous) -> None:
        if self.conn is None or not current.isValid():
            return
        detail = browse.response_detail(self.conn, self.model.response_id(current.row()))
        status = {"draft": "草稿", "submitted": "已提交"}.get(detail["status"], detail["status"])
        rows = "".join(
            f"<tr><td style='color:#5F6B7A;padding-right:12px'>{_html(q)}</td><td>{'••••（个人信息）' if pii else _html(v)}</td></tr>"
            for q, v, pii in detail["answers"])
        if detail["sealed"]:
            rows = "<tr><td>答卷已加密，只有主控项目能打开。</td></tr>"
        audit = "".join(f"<li>{_html(at[:19].replace('T', ' '))} {_html(q)}：{_html(o or '（空）')} → {_html(n or '（空）')}</li>"
                        for q, o, n, at in detail["audit"][-30:])
        flags = "".join(f"<li>{FLAGS.get(k, k)}：{_html(d)}</li>" for k, d in detail["flags"])
        self.detail.setHtml(
            f"<h3>答卷 {detail['uuid'][:8]}</h3><p>{status} · 采集员 {_html(detail['collector'] or '—')} · "
            f"{_html((detail['submitted'] or detail['started'] or '')[:16].replace('T', ' '))}</p>"
            + (f"<p><b>质量标记</b></p><ul>{flags}</ul>" if flags else "")
            + f"<table>{rows}</table>"
            + (f"<p><b>修改记录</b></p><ul>{audit}</ul>" if audit else ""))
        self.resume_button.setEnabled(detail["status"] == "draft")

    def _refresh_cards(self) -> None:
        if self.conn is None:
            return
        while self.quota_grid.count():
            item = self.quota_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        from survey.browse import quota_progress

        targets = json.loads(self.conn.execute("SELECT value FROM meta WHERE key = 'quotas'").fetchone()[0]
                             if self.conn.execute("SELECT 1 FROM meta WHERE key = 'quotas'").fetchone() else "{}")
        progress = quota_progress(self.conn, targets)
        row = 0
        for kind, caption in (("group", self.tr("按相关方")), ("collector", self.tr("按采集员"))):
            self.quota_grid.addWidget(label(caption, "card-title"), row, 0, 1, 3)
            row += 1
            for _, name, done, target in progress[kind][:6]:
                bar = QProgressBar()
                bar.setMaximum(max(target, done, 1))
                bar.setValue(done)
                bar.setFormat(f"{done} / {target}" if target else f"{done}")
                self.quota_grid.addWidget(label(name), row, 0)
                self.quota_grid.addWidget(bar, row, 1)
                row += 1
        counts = dict(self.conn.execute("SELECT kind, COUNT(*) FROM response_flags f JOIN responses r "
                                        "ON r.id = f.response_id WHERE r.deleted_at IS NULL GROUP BY kind").fetchall())
        excluded = self.conn.execute("SELECT COUNT(*) FROM responses WHERE excluded = 1").fetchone()[0]
        self.quality_text.setText(
            "，".join(f"{FLAGS[k]} {counts.get(k, 0)} 份" for k in FLAGS) + self.tr("。点“质量检查”重新计算。")
            + (self.tr("当前已排除 {n} 份。").format(n=excluded) if excluded else ""))
        self.exclude.blockSignals(True)
        self.exclude.setChecked(bool(self.conn.execute("SELECT 1 FROM meta WHERE key = 'exclude_flagged' AND value = '1'").fetchone()))
        self.exclude.blockSignals(False)
        self.conflicts.clear()
        for cid, uuid, source in self.conn.execute(
                "SELECT id, response_uuid, source FROM response_conflicts WHERE resolved_at IS NULL ORDER BY id"):
            item = QListWidgetItem(self.tr("答卷 {u}（来自 {s}）").format(u=uuid[:8], s=source))
            item.setData(Qt.ItemDataRole.UserRole, cid)
            self.conflicts.addItem(item)
        if not self.conflicts.count():
            self.conflicts.addItem(self.tr("没有待处理的冲突。"))

    # -- actions --------------------------------------------------------------------------------------------

    def _survey_for_action(self) -> int | None:
        survey_id = self.f_survey.currentData()
        if survey_id is None and self.view and self.view.surveys:
            if len(self.view.surveys) == 1:
                return self.view.surveys[0].id
            titles = [s.title.zh for s in self.view.surveys]
            chosen, ok = QInputDialog.getItem(self, self.tr("选择问卷"), self.tr("用哪份问卷？"), titles, 0, False)
            return self.view.surveys[titles.index(chosen)].id if ok else None
        return survey_id

    def start_answering(self, *, kiosk: bool, resume: str | None = None, survey_id: int | None = None) -> QWidget | None:
        from ..kiosk import AnswerWindow, has_pin, set_pin

        survey_id = survey_id or self._survey_for_action()
        if survey_id is None or self.view is None:
            return None
        settings = QSettings()
        collector = str(settings.value("fieldwork/collector", ""))
        if resume is None:  # a resumed draft keeps its collector
            collector, ok = QInputDialog.getText(self, self.tr("采集员"), self.tr("采集员姓名："), text=collector)
            if not ok:
                return None
            settings.setValue("fieldwork/collector", collector.strip())
        if kiosk and not has_pin():
            pin, ok = QInputDialog.getText(self, self.tr("设置工作人员 PIN"),
                                           self.tr("退出自助填答需要 PIN，请设置（至少 4 位）："), QLineEdit.EchoMode.Password)
            if not ok or len(pin) < 4:
                return None
            set_pin(pin)
        window = AnswerWindow(Path(self.view.summary.path), survey_id, collector=collector.strip(), kiosk=kiosk, resume=resume)
        window.destroyed.connect(self.refresh)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        window.show_mode()
        return window

    def offer_recovery(self, recovered: list) -> None:
        """After a crash or restart: say plainly which drafts were kept and offer to resume."""
        if not recovered:
            return
        lines = "\n".join(
            self.tr("· {when}，{who}，已答 {n} 题").format(
                when=(d.updated_at or d.started_at or "")[:16].replace("T", " "), who=d.collector or self.tr("未署名"),
                n=d.answered)
            for d in recovered[:8])
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("发现未完成的答卷"),
                          self.tr("上次有 {n} 份答卷没有提交，所有已填写的回答都已保存：").format(n=len(recovered)),
                          QMessageBox.StandardButton.Close, self)
        box.setInformativeText(lines)
        resume = box.addButton(self.tr("继续填写最近的一份"), QMessageBox.ButtonRole.AcceptRole)
        latest = recovered[0]
        resume.clicked.connect(lambda: self.start_answering(kiosk=False, resume=latest.uuid, survey_id=latest.survey_id))
        show_message(box)

    def resume_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or self.conn is None:
            return
        response_id = self.model.response_id(index.row())
        uuid, survey_id = self.conn.execute("SELECT uuid, survey_id FROM responses WHERE id = ?", [response_id]).fetchone()
        self.start_answering(kiosk=False, resume=uuid, survey_id=survey_id)

    def delete_selected(self) -> None:
        ids = sorted({self.model.response_id(i.row()) for i in self.table.selectionModel().selectedRows()})
        if not ids:
            return
        self.deleted = ids
        self.run(lambda project, _: browse.delete_responses(project, ids))

    def undo_delete(self) -> None:
        if self.deleted:
            ids, self.deleted = self.deleted, []
            self.run(lambda project, _: browse.delete_responses(project, ids, undo=True))

    def check_quality(self) -> None:
        from survey.quality import compute_flags

        surveys = [s.id for s in self.view.surveys] if self.view else []

        def work(project, progress):
            totals: dict[str, int] = {}
            for i, survey_id in enumerate(surveys):
                progress(i / max(len(surveys), 1), self.tr("正在检查问卷 {n}").format(n=survey_id))
                for kind, count in compute_flags(project, survey_id).items():
                    totals[kind] = totals.get(kind, 0) + count
            return totals

        self.run(work, label=self.tr("正在检查数据质量…"))

    def _set_exclusion(self, on: bool) -> None:
        from survey.quality import set_exclusion

        self.run(lambda project, _: set_exclusion(project, on))

    def edit_quotas(self) -> None:
        if self.conn is None:
            return
        current = json.loads(self.conn.execute("SELECT value FROM meta WHERE key = 'quotas'").fetchone()[0]) if \
            self.conn.execute("SELECT 1 FROM meta WHERE key = 'quotas'").fetchone() else {"group": {}, "collector": {}}
        groups = browse.choices_for_filters(self.conn)["groups"]
        for code, name in groups:
            value, ok = QInputDialog.getInt(self, self.tr("配额"), self.tr("{name} 的目标答卷数：").format(name=name),
                                            int(current.get("group", {}).get(code, 0)), 0, 1_000_000)
            if not ok:
                return
            current.setdefault("group", {})[code] = value
        self.run(lambda project, _: browse.set_quotas(project, current))

    def resolve_conflict(self, keep: str) -> None:
        item = self.conflicts.currentItem()
        conflict_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if conflict_id is None:
            return
        from survey.package import resolve_conflict

        self.run(lambda project, _: resolve_conflict(project, conflict_id, keep=keep))

    # -- files ---------------------------------------------------------------------------------------------

    def import_responses(self) -> None:
        from .import_dialog import ImportDialog

        survey_id = self._survey_for_action()
        if survey_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入答卷"), str(Path.home()),
                                              self.tr("答卷导出文件 (*.csv *.xlsx *.xlsm *.xls *.ods)"))
        if path:
            dialog = ImportDialog(self, self.view.summary.path, survey_id, Path(path))
            dialog.import_requested.connect(lambda checked: self._import(survey_id, Path(path), checked, dialog))
            dialog.open()

    def _import(self, survey_id: int, path: Path, checked, dialog) -> None:
        from survey.importer import import_rows

        def done(result) -> None:
            dialog.accept()
            show_message(QMessageBox(QMessageBox.Icon.Information, self.tr("导入完成"),
                                     self.tr("已导入 {n} 份答卷；跳过已导入的 {d} 份；{p} 处问题的行未导入。").format(
                                         n=result.imported, d=result.duplicates, p=len(result.rejected)),
                                     QMessageBox.StandardButton.Ok, self))

        def work(project, progress):
            project.set_meta(*dialog.saved_mapping)  # the column matching, reused for the same headers
            return import_rows(project, survey_id, checked, source=path.name)

        self.run(work, label=self.tr("正在导入…"), success=done)

    def export_package(self) -> None:
        from survey.package import export_field_package

        survey_id = self._survey_for_action()
        if survey_id is None:
            return
        out, _ = QFileDialog.getSaveFileName(self, self.tr("导出问卷分发包"), str(Path.home() / "field.hzpkg"),
                                             self.tr("问卷分发包 (*.hzpkg)"))
        if not out:
            return
        key, _ = QFileDialog.getOpenFileName(self, self.tr("加密用的公钥（可不选）"), str(Path.home()), "PEM (*.pem)")
        pem = Path(key).read_bytes() if key else None
        self.run(lambda project, _: export_field_package(project, survey_id, out, public_key_pem=pem), changes=False,
                 label=self.tr("正在导出…"), success=lambda p: self._told(self.tr("已导出：{p}").format(p=p)))

    def merge_packages(self) -> None:
        from survey.package import merge

        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("合并外业数据"), str(Path.home()), self.tr("外业数据 (*.hzdata)"))
        if not paths:
            return
        key, _ = QFileDialog.getOpenFileName(self, self.tr("主控私钥（数据已加密时需要）"), str(Path.home()), "PEM (*.pem)")
        passphrase = ""
        if key:
            passphrase, ok = QInputDialog.getText(self, self.tr("私钥口令"), self.tr("口令："), QLineEdit.EchoMode.Password)
            if not ok:
                return
        pem = Path(key).read_bytes() if key else None

        def done(summary) -> None:
            self._told(self.tr("新增 {added}，未变 {unchanged}，更新 {updated}，冲突 {conflicts}，拒收 {rejected}。"
                               "合并前已备份。").format(**summary.to_json()))

        self.run(lambda project, _: merge(project, paths, private_key_pem=pem, passphrase=passphrase),
                 label=self.tr("正在合并…"), success=done)

    def collect_package(self) -> None:
        from survey.package import collect

        out, _ = QFileDialog.getSaveFileName(self, self.tr("收集本机答卷"), str(Path.home() / f"{os.environ.get('USER', 'field')}.hzdata"),
                                             self.tr("外业数据 (*.hzdata)"))
        if out:
            self.run(lambda project, _: collect(project, out), changes=False, label=self.tr("正在收集…"),
                     success=lambda p: self._told(self.tr("已写入：{p}").format(p=p)))

    def _told(self, text: str) -> None:
        show_message(QMessageBox(QMessageBox.Icon.Information, self.tr("完成"), text, QMessageBox.StandardButton.Ok, self))


def _html(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
