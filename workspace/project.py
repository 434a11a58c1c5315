"""The project file: one SQLite database, opened, checked, migrated and backed up here.

A :class:`Project` owns one connection and must stay on the thread that opened it
(``sqlite3`` enforces this). Every change goes through :meth:`Project.transaction`,
so a failure leaves the file as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .clock import new_uuid, now_iso, stamp
from .errors import DamagedProjectError, NewerSchemaError, NotAProjectError, ProjectError

if TYPE_CHECKING:
    from sqlite_utils import Database

# sqlite-utils (and through it numpy, click, dateutil) is imported when a project is first
# opened, not when this module is: the desktop window opens before any project does.

APPLICATION_ID = 0x48555A48  # "HUZH": marks a SQLite file as a Huizhi project
SUFFIX = ".huizhi"
KEEP_BACKUPS = 20
_SQLITE_HEADER = b"SQLite format 3\x00"


class Project:
    """An open ``*.huizhi`` file. Use :func:`create_project` or :func:`open_project`."""

    def __init__(self, path: Path, db: Database) -> None:
        self.path = path
        self.db = db

    # -- life cycle ---------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; WAL content is checkpointed into the main file."""
        if self.db is not None:
            self.db.close()
            self.db = None  # type: ignore[assignment]

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One all-or-nothing write. Nested calls become savepoints.

        The outermost level starts with ``BEGIN IMMEDIATE`` so that a second process
        writing the same file waits (busy timeout) instead of failing half-way.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.conn.execute("COMMIT")  # inside the try: a refused COMMIT (deferred keys) rolls back too
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise

    # -- facts --------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """The number of the last migration applied (``PRAGMA user_version``)."""
        return _user_version(self.db.conn)

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            _write_meta(self.db, key, value)

    @property
    def title(self) -> str:
        return self.meta("title") or self.path.stem

    # -- backups ------------------------------------------------------------------

    def backup(self, reason: str = "manual", dest: Path | None = None) -> Path:
        """Copy the whole project with SQLite's backup API and return the copy's path.

        By default the copy goes to ``<name>.backups/`` beside the project, named with
        the time and the reason; only the newest :data:`KEEP_BACKUPS` are kept there.
        """
        if dest is None:
            folder = backup_folder(self.path)
            folder.mkdir(exist_ok=True)
            safe_reason = "".join(c if c.isalnum() or c in "-_" else "-" for c in reason)
            dest = _unique(folder / f"{self.path.stem}-{stamp()}-{safe_reason}{SUFFIX}")
        target = sqlite3.connect(str(dest))
        try:
            self.db.conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        if dest.parent == backup_folder(self.path):
            _prune(dest.parent, KEEP_BACKUPS)
        return dest


def backup_folder(path: Path) -> Path:
    return path.with_name(path.stem + ".backups")


def create_project(path: str | os.PathLike, *, title: str = "", seed_catalogue: bool = True) -> Project:
    """Create a new project file at ``path`` and return it open.

    The file is built under a temporary name and moved into place only when complete,
    so an interrupted creation leaves nothing behind. Refuses to overwrite.
    """
    from .catalogue import install_bundled_catalogue
    from .stakeholders import install_default_groups

    path = Path(path)
    if path.exists():
        raise ProjectError(f"文件已存在：{path}", f"File already exists: {path}")
    tmp = path.with_name(path.name + ".creating")
    remove_database_files(tmp)
    try:
        db = _connect(tmp)
        db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        project = Project(tmp, db)
        _apply_migrations(project)
        with project.transaction():
            _write_meta(db, "title", title or path.stem)
            _write_meta(db, "project_uuid", new_uuid())
            _write_meta(db, "created_at", now_iso())
            _write_meta(db, "created_by", _app_version())
            install_default_groups(project)
            if seed_catalogue:
                install_bundled_catalogue(project)
        project.close()
        os.replace(tmp, path)
    except BaseException:
        remove_database_files(tmp)
        raise
    return open_project(path)


def open_project(path: str | os.PathLike, *, migrate: bool = True, check: str = "full") -> Project:
    """Open an existing project, checking that it is one, intact, and not too new.

    Nothing is written until the checks pass: a foreign, damaged or newer file is left
    byte for byte as it was. An older schema is backed up and then migrated (unless
    ``migrate=False``). ``check="full"`` runs ``PRAGMA integrity_check``; ``"quick"`` runs
    ``PRAGMA quick_check`` (every page and b-tree, but not whether indexes match their
    tables), two to three times faster on a large file, for commands that only read and
    report, such as ``huizhi rank`` and ``huizhi info``.
    """
    from sqlite_utils import Database

    path = Path(path)
    _check_is_sqlite(path)
    try:
        db = Database(sqlite3.connect(str(path), timeout=10.0), execute_plugins=False, recursive_triggers=False)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, str(exc)) from exc
    project = Project(path, db)
    try:
        _check_identity(project)
        _check_integrity(project, quick=check == "quick")
        _check_not_newer(project)
        _configure(db, path)
        if migrate and project.schema_version < _latest_version():
            project.backup(reason=f"before-schema-{_latest_version()}")
            _apply_migrations(project)
    except sqlite3.DatabaseError as exc:
        project.close()
        raise _damaged(path, str(exc)) from exc
    except BaseException:
        project.close()
        raise
    return project


# -- helpers ----------------------------------------------------------------------


def _connect(path: Path) -> Database:
    """A new file's connection, configured for work."""
    from sqlite_utils import Database

    db = Database(sqlite3.connect(str(path), timeout=10.0), execute_plugins=False, recursive_triggers=False)
    _configure(db, path)
    return db


def _configure(db: Database, path: Path) -> None:
    """WAL, foreign keys, recursive triggers: settings for a file known to be ours."""
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise ProjectError(
            f"无法以 WAL 模式打开项目文件（{mode}）：{path}",
            f"Cannot open the project in WAL mode ({mode}): {path}",
        )
    conn.execute("PRAGMA synchronous = NORMAL")


def _check_is_sqlite(path: Path) -> None:
    if not path.exists():
        raise ProjectError(f"找不到项目文件：{path}", f"Project file not found: {path}")
    if path.is_dir():
        raise NotAProjectError(f"这是一个文件夹，不是汇智项目文件：{path}", f"This is a folder, not a Huizhi project: {path}")
    with path.open("rb") as f:
        header = f.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise NotAProjectError(
            f"这不是汇智项目文件（不是 SQLite 数据库）：{path}",
            f"This is not a Huizhi project (not an SQLite database): {path}",
        )


def _check_identity(project: Project) -> None:
    app_id = project.db.conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise NotAProjectError(
            f"这是一个 SQLite 数据库，但不是汇智项目文件：{project.path}",
            f"This is an SQLite database but not a Huizhi project: {project.path}",
        )


def _check_integrity(project: Project, *, quick: bool = False) -> None:
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in project.db.conn.execute(f"PRAGMA {pragma}(20)")]
    if rows != ["ok"]:
        raise _damaged(project.path, "; ".join(rows[:5]))


def _check_not_newer(project: Project) -> None:
    from . import schema

    version = project.schema_version
    applied = {m.name for m in schema.MIGRATIONS.applied(project.db)}
    unknown = sorted(applied - set(schema.MIGRATION_NAMES))
    if version > schema.LATEST_VERSION or unknown:
        raise NewerSchemaError(
            f"此项目由更新版本的汇智创建（数据结构版本 {version}，本程序支持到 {schema.LATEST_VERSION}）。"
            "请升级汇智后再打开；为避免损坏数据，本程序不会修改它。",
            f"This project was written by a newer Huizhi (schema {version}; this program "
            f"supports up to {schema.LATEST_VERSION}). Upgrade Huizhi to open it; the file "
            "was not changed.",
        )


def _apply_migrations(project: Project, *, stop_before: str | None = None) -> None:
    """Apply pending migrations; each one sets ``user_version`` in its own transaction."""
    from . import schema

    schema.MIGRATIONS.apply(project.db, stop_before=stop_before)


def _latest_version() -> int:
    from . import schema

    return schema.LATEST_VERSION


def _user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _write_meta(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def _damaged(path: Path, detail: str) -> DamagedProjectError:
    return DamagedProjectError(
        f"项目文件已损坏，无法打开：{path}\n详情：{detail}\n"
        f"请从备份文件夹 {backup_folder(path).name} 中恢复最近的备份。",
        f"The project file is damaged and cannot be opened: {path}\nDetail: {detail}\n"
        f"Restore the latest backup from the folder {backup_folder(path).name}.",
    )


def remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def _unique(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _prune(folder: Path, keep: int) -> None:
    backups = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in backups[keep:]:
        remove_database_files(old)


def _app_version() -> str:
    from . import __version__

    return f"huizhi {__version__}"
