"""The import step for responses from other tools: match columns, check rows, import the good ones."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from survey import browse, importer

from ..ops import error_text
from ..widgets import label

META_LABELS = {"_uuid": "（答卷编号）", "_submitted_at": "（提交时间）", "_started_at": "（开始时间）",
               "_collector": "（采集员）", "_stakeholder_group": "（相关方群体）"}


class ImportDialog(QDialog):
    """Emits ``import_requested(checked)`` with the good rows when the user confirms."""

    import_requested = Signal(object)

    def __init__(self, parent: QWidget, project_path: str, survey_id: int, path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入答卷：{name}").format(name=path.name))
        self.resize(980, 680)
        self.project_path = project_path
        self.checked: importer.Checked | None = None
        conn = browse.read_only_connection(project_path)
        try:
            self.definition = _definition(conn, survey_id)
        finally:
            conn.close()
        layout = QVBoxLayout(self)
        try:
            self.table_data = importer.read_table(path)
        except importer.TableError as err:
            layout.addWidget(label(error_text(err), "error", wrap=True))
            return
        self.key = self._mapping_key(self.table_data.headers)
        conn = browse.read_only_connection(project_path)
        try:
            saved = conn.execute("SELECT value FROM meta WHERE key = ?", [self.key]).fetchone()
        finally:
            conn.close()
        mapping = (
            {h: importer.Target.from_json(v) for h, v in json.loads(saved[0]).items()} if saved
            else importer.propose_mapping(self.definition, self.table_data.headers)
        )
        encoding = self.table_data.encoding
        layout.addWidget(label(self.tr("共 {n} 行数据（{enc}）。请确认每一列对应的题目；未对应的列不导入。").format(
            n=len(self.table_data.rows), enc=encoding), "muted", wrap=True))
        self.columns = QTableWidget(len(self.table_data.headers), 3)
        self.columns.setHorizontalHeaderLabels([self.tr("文件中的列"), self.tr("示例"), self.tr("对应题目")])
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().setVisible(False)
        self.combos: dict[str, QComboBox] = {}
        sample = self.table_data.rows[0][1] if self.table_data.rows else []
        for row, header in enumerate(self.table_data.headers):
            self.columns.setItem(row, 0, QTableWidgetItem(header))
            self.columns.setItem(row, 1, QTableWidgetItem(sample[row] if row < len(sample) else ""))
            combo = self._target_combo(mapping.get(header))
            self.combos[header] = combo
            self.columns.setCellWidget(row, 2, combo)
        layout.addWidget(self.columns, 2)
        check = QPushButton(self.tr("检查数据"))
        check.clicked.connect(self.check)
        layout.addWidget(check)
        self.summary = label("", "muted", wrap=True)
        layout.addWidget(self.summary)
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels([self.tr("行"), self.tr("列"), self.tr("值"), self.tr("原因")])
        self.problems.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        layout.addWidget(self.problems, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel = QPushButton(self.tr("取消"))
        self.cancel.clicked.connect(self.reject)
        self.confirm = QPushButton(self.tr("导入有效的行"))
        self.confirm.setProperty("role", "primary")
        self.confirm.setEnabled(False)
        self.confirm.clicked.connect(self._confirm)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm)
        layout.addLayout(buttons)
        self.check()

    def _target_combo(self, current: importer.Target | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("（不导入）"), None)
        for key, caption in META_LABELS.items():
            combo.addItem(caption, importer.Target(key))
        for q in self.definition.questions:
            if q.type in ("note", "calculate"):
                continue
            for name in q.answer_names():
                combo.addItem(f"{name} · {q.label.get('zh')[:24]}", importer.Target(name))
            if q.type in ("select_multiple", "rank"):
                for choice in self.definition.choices(q):
                    combo.addItem(f"{q.name} = {choice.label.get('zh')}（单列选项）", importer.Target(q.name, choice.name))
        if current is not None:
            for index in range(combo.count()):
                if combo.itemData(index) == current:
                    combo.setCurrentIndex(index)
                    break
        combo.currentIndexChanged.connect(lambda _i: self.confirm.setEnabled(False))
        return combo

    def mapping(self) -> dict[str, importer.Target | None]:
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def check(self) -> None:
        self.checked = importer.check_rows(self.definition, self.table_data, self.mapping())
        problems = self.checked.problems
        self.problems.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            for column, value in enumerate((str(problem.row), problem.column, problem.value, problem.reason)):
                self.problems.setItem(row, column, QTableWidgetItem(value))
        rejected_rows = len({p.row for p in problems})
        self.summary.setText(self.tr("{good} 行可以导入，{bad} 行有问题（见下表，不会导入）。").format(
            good=len(self.checked.good), bad=rejected_rows))
        self.confirm.setText(self.tr("导入有效的 {n} 行").format(n=len(self.checked.good)))
        self.confirm.setEnabled(bool(self.checked.good))

    def _confirm(self) -> None:
        mapping = {h: (t.to_json() if t else None) for h, t in self.mapping().items()}
        self.saved_mapping = (self.key, json.dumps(mapping, ensure_ascii=False))  # reused next time
        self.import_requested.emit(self.checked)

    def _mapping_key(self, headers) -> str:
        digest = hashlib.sha1(json.dumps(headers or [], ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
        return f"import_mapping:{digest}"


def _definition(conn, survey_id: int):
    from survey.model import SurveyDefinition

    version = conn.execute("SELECT current_version FROM surveys WHERE id = ?", [survey_id]).fetchone()[0]
    document = conn.execute("SELECT definition FROM survey_versions WHERE survey_id = ? AND version = ?",
                            [survey_id, version]).fetchone()[0]
    return SurveyDefinition.from_json(json.loads(document))

