"""The responses table's model: a list of ids, rows fetched by id as they are drawn."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from survey.browse import COLUMNS, Filter, response_ids, response_rows

STATUS = {"draft": "草稿", "submitted": "已提交"}
FLAGS = {"duplicate": "重复", "speeder": "过快", "straight": "直线作答"}
BLOCK = 200


class ResponsesModel(QAbstractTableModel):
    """Holds only ids; sorting and filtering re-run the SQL (fast with 100 000 rows)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.conn: sqlite3.Connection | None = None
        self.filter = Filter()
        self.sort_key = "started"
        self.descending = True
        self.ids: list[int] = []
        self._cache: dict[int, tuple] = {}
        self.keys = list(COLUMNS)

    def set_connection(self, conn: sqlite3.Connection | None) -> None:
        self.conn = conn
        self.reload()

    def set_filter(self, where: Filter) -> None:
        self.filter = where
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._cache.clear()
        self.ids = response_ids(self.conn, self.filter, sort=self.sort_key, descending=self.descending) if self.conn else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.keys)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[self.keys[section]][1]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.keys[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "minutes":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._row(index.row())
        value = row[index.column()] if row else None
        if value is None:
            return ""
        if key == "uuid":
            return value[:8]
        if key == "status":
            return STATUS.get(value, value)
        if key == "flags":
            return "、".join(FLAGS.get(k, k) for k in value.split())
        if key in ("started", "submitted"):
            return value.replace("T", " ")[:16]
        return str(value)

    def _row(self, position: int) -> tuple | None:
        response_id = self.ids[position]
        if response_id not in self._cache:
            start = max(0, position - BLOCK // 4)
            self._cache.update(response_rows(self.conn, self.ids[start:start + BLOCK]))
            if len(self._cache) > 20 * BLOCK:
                self._cache = {k: v for k, v in self._cache.items() if k in set(self.ids[start:start + BLOCK])}
        return self._cache.get(response_id)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = self.keys[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def response_id(self, row: int) -> int:
        return self.ids[row]
