"""Numbered migrations: an older file is backed up, then brought up to date."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from workspace import open_project
from workspace.project import APPLICATION_ID, backup_folder
from workspace.schema import LATEST_VERSION, MIGRATION_NAMES, MIGRATIONS, version_of


def make_version_1_file(path):
    """A project file as the first release wrote it: only the core schema."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn, execute_plugins=False)
    MIGRATIONS.apply(db, stop_before=MIGRATION_NAMES[1])
    db.execute("INSERT INTO meta(key, value) VALUES ('title', '旧项目')")
    db.execute("INSERT INTO stakeholder_groups(code, name_zh, name_en) VALUES ('citizen', '市民', 'Citizens')")
    conn.close()


def test_migrations_are_numbered_in_order():
    assert [version_of(n) for n in MIGRATION_NAMES] == list(range(1, LATEST_VERSION + 1))


def test_each_migration_records_its_version(tmp_path):
    path = tmp_path / "v1.huizhi"
    make_version_1_file(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "surveys" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()


def test_old_file_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "v1.huizhi"
    make_version_1_file(path)
    with open_project(path) as project:
        assert project.schema_version == LATEST_VERSION
        assert project.title == "旧项目"
        tables = {r[0] for r in project.db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"surveys", "responses", "answers", "sessions", "participants", "cards"} <= tables
        project.db.execute("INSERT INTO sessions(uuid, title, created_at) VALUES ('u', '研讨会', 'now')")
    backups = list(backup_folder(path).glob("*.huizhi"))
    assert len(backups) == 1 and "before-schema" in backups[0].name
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_open_without_migrate_leaves_old_file_alone(tmp_path):
    path = tmp_path / "v1.huizhi"
    make_version_1_file(path)
    with open_project(path, migrate=False) as project:
        assert project.schema_version == 1
    assert not backup_folder(path).exists()


def test_audit_trail_survives_dropping_its_unique_index(tmp_path):
    path = tmp_path / "v4.huizhi"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn, execute_plugins=False)
    MIGRATIONS.apply(db, stop_before="0005_audit_entries")
    db.execute("INSERT INTO surveys(uuid, title_zh, created_at) VALUES ('s', '问卷', 'now')")
    db.execute("INSERT INTO responses(uuid, survey_id, survey_version, status, started_at) VALUES ('r', 1, 1, 'draft', 'now')")
    db.execute("INSERT INTO answer_audit(uuid, response_id, question, old_value, new_value, at) "
               "VALUES ('a', 1, 'q1', NULL, '是', 'now')")
    conn.commit()
    conn.close()
    with open_project(path) as project:
        rows = project.db.conn.execute("SELECT uuid, question, new_value FROM answer_audit").fetchall()
        assert rows == [("a", "q1", "是")]
        project.db.execute("INSERT INTO answer_audit(uuid, response_id, question, new_value, at) VALUES ('a', 1, 'q1', '否', 'now')")
        indexes = {r[0] for r in project.db.conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'answer_audit'")}
        assert "answer_audit_response" in indexes
