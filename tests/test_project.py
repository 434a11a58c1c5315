"""The project file: create, open, refuse what is not ours, damaged or too new, back up."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from workspace import (
    DamagedProjectError,
    NewerSchemaError,
    NotAProjectError,
    ProjectError,
    create_project,
    open_project,
)
from workspace.project import APPLICATION_ID, KEEP_BACKUPS, backup_folder
from workspace.schema import LATEST_VERSION


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip_keeps_title_and_schema(tmp_path):
    path = tmp_path / "城市.huizhi"
    with create_project(path, title="临江市调研") as project:
        assert project.schema_version == LATEST_VERSION
        assert project.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        project.set_meta("note", "第一次")
    with open_project(path) as again:
        assert again.title == "临江市调研"
        assert again.meta("note") == "第一次"
        assert again.meta("project_uuid")
        assert again.db.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "a.huizhi"
    path.write_text("keep me")
    with pytest.raises(ProjectError, match="已存在"):
        create_project(path)
    assert path.read_text() == "keep me"


def test_create_leaves_nothing_when_it_fails(tmp_path, monkeypatch):
    import workspace.catalogue as catalogue

    def broken(project):
        raise RuntimeError("disk full")

    monkeypatch.setattr(catalogue, "install_bundled_catalogue", broken)
    with pytest.raises(RuntimeError):
        create_project(tmp_path / "b.huizhi")
    assert list(tmp_path.iterdir()) == []


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(ProjectError, match="找不到"):
        open_project(tmp_path / "nope.huizhi")


def test_text_file_is_not_a_project(tmp_path):
    path = tmp_path / "notes.huizhi"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(NotAProjectError, match="不是汇智项目"):
        open_project(path)


def test_foreign_sqlite_file_is_not_a_project(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAProjectError, match="SQLite"):
        open_project(path)
    assert digest(path) == before


def test_damaged_file_is_refused_with_advice(tmp_path, demo_file):
    path = tmp_path / "damaged.huizhi"
    data = bytearray(demo_file.read_bytes())
    page = 4096
    # Overwrite a run of pages in the middle of the file (b-tree pages, not the header).
    middle = (len(data) // page // 2) * page
    data[middle : middle + 8 * page] = b"\xff" * (8 * page)
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedProjectError) as info:
        open_project(path)
    assert "已损坏" in str(info.value)
    assert "backups" in str(info.value)


def test_newer_schema_is_refused_and_file_unchanged(tmp_path):
    path = tmp_path / "future.huizhi"
    create_project(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError) as info:
        open_project(path)
    assert "更新版本" in str(info.value)
    assert "newer" in info.value.text("en")
    assert digest(path) == before


def test_failed_transaction_leaves_file_as_it_was(project):
    project.set_meta("k", "before")
    with pytest.raises(ZeroDivisionError):
        with project.transaction() as db:
            db.execute("UPDATE meta SET value = 'after' WHERE key = 'k'")
            1 / 0
    assert project.meta("k") == "before"


def test_nested_transaction_is_a_savepoint(project):
    with project.transaction():
        project.set_meta("outer", "1")
        with pytest.raises(ValueError):
            with project.transaction():
                project.set_meta("inner", "1")
                raise ValueError
    assert project.meta("outer") == "1"
    assert project.meta("inner") is None


def test_backup_is_a_complete_openable_copy(project):
    project.set_meta("marker", "备份前")
    copy = project.backup("before-merge")
    assert copy.parent == backup_folder(project.path)
    assert "before-merge" in copy.name
    with open_project(copy) as restored:
        assert restored.meta("marker") == "备份前"
        assert restored.db.conn.execute("SELECT COUNT(*) FROM scenarios").fetchone()[0] > 0


def test_backups_are_pruned_to_the_newest(project):
    for i in range(KEEP_BACKUPS + 3):
        project.backup(f"b{i}")
    assert len(list(backup_folder(project.path).glob("*.huizhi"))) == KEEP_BACKUPS
