"""Field packages: a survey out to field laptops, their responses back, merged exactly once.

* ``.hzpkg`` (master → laptop): the survey version, the project's identity, stakeholder
  groups and scenario names, and optionally the master's public key.
* ``.hzdata`` (laptop → master): the laptop's submitted responses with their audit
  trails; sealed (encrypted) when the master gave a public key.

Both are ZIP files with a ``manifest.json`` that names the format, the project and the
survey, counts what is inside and carries a SHA-256 of every file and of the whole
content. Readers never extract to disk: they read the few expected members into memory,
refuse unexpected names (no path traversal) and cap sizes and compression ratios (no
decompression bombs). Every package is checked before anything is written; a merge is
one transaction, after a backup of the master.

Merging is keyed by response UUID and decided by the audit trails (each change has its
own UUID): new → added; same trail → unchanged; the incoming trail extends ours →
updated; ours extends the incoming one → unchanged; both changed → a conflict that keeps
both versions for the facilitator to resolve.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from workspace.bulk import collector_paused, insert_rows
from workspace.clock import new_uuid, now_iso
from workspace.errors import ValidationError
from workspace.files import atomic_output
from workspace.project import Project, create_project

from .model import SurveyDefinition
from .sealing import load_private_key, load_public_key, open_sealed, seal
from .store import load_definition, responses_by_uuid

FIELD_FORMAT = "huizhi-field-package"
DATA_FORMAT = "huizhi-field-data"
FORMAT_VERSION = 1
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 16


class PackageError(ValidationError):
    """A package that is refused, with why (truncated, tampered, wrong survey, foreign …)."""


@dataclass
class MergeSummary:
    added: int = 0
    unchanged: int = 0
    updated: int = 0
    conflicts: int = 0
    rejected: int = 0
    reasons: list[str] = field(default_factory=list)
    backup: str = ""

    def to_json(self) -> dict:
        return {"added": self.added, "unchanged": self.unchanged, "updated": self.updated,
                "conflicts": self.conflicts, "rejected": self.rejected}


# -- writing and reading ZIP packages ----------------------------------------------------------


def _digest(files: dict[str, bytes]) -> tuple[dict[str, str], str]:
    per_file = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    whole = hashlib.sha256("".join(f"{name}\0{per_file[name]}\n" for name in sorted(files)).encode()).hexdigest()
    return per_file, whole


def _write_package(path: str | os.PathLike, manifest: dict, files: dict[str, bytes]) -> Path:
    per_file, whole = _digest(files)
    manifest = {**manifest, "files": per_file, "sha256": whole, "created_at": now_iso()}
    with atomic_output(path) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            for name, data in files.items():
                archive.writestr(name, data)
    return Path(path)


def read_package(path: str | os.PathLike, expected_format: str) -> tuple[dict, dict[str, bytes]]:
    """Open and verify a package; raise :class:`PackageError` saying what is wrong."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise PackageError(f"找不到文件：{path}", f"File not found: {path}")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        with path.open("rb") as f:
            starts_like_zip = f.read(4) == b"PK\x03\x04"
        if starts_like_zip:
            raise PackageError(f"数据包不完整（可能在复制时被截断）：{name}", f"The package is incomplete (truncated?): {name}") from exc
        raise PackageError(f"这不是汇智数据包：{name}", f"This is not a Huizhi package: {name}") from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise PackageError(f"数据包内容异常（文件过多）：{name}", f"The package has too many members: {name}")
        for info in members:
            if info.filename.startswith(("/", "\\")) or ".." in Path(info.filename).parts or ":" in info.filename:
                raise PackageError(f"数据包含有不安全的路径 {info.filename!r}，已拒绝：{name}",
                                   f"The package holds an unsafe path {info.filename!r}: {name}")
            if info.file_size > MAX_MEMBER_BYTES or (
                info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10_000_000
            ):
                raise PackageError(f"数据包中的文件解压后过大（疑似压缩炸弹）：{name}",
                                   f"A member would decompress to too much data (a decompression bomb?): {name}")
        kind = "外业数据包（.hzdata）" if expected_format == DATA_FORMAT else "问卷分发包（.hzpkg）"
        if "manifest.json" not in {info.filename for info in members}:
            raise PackageError(f"这不是汇智的{kind}（没有清单 manifest.json）：{name}",
                               f"This is not a Huizhi {expected_format} file (no manifest.json): {name}")
        manifest = _json(_read_member(archive, "manifest.json", name), name)
        if not isinstance(manifest, dict) or manifest.get("format") != expected_format:
            raise PackageError(f"这不是汇智的{kind}：{name}", f"This is not a Huizhi {expected_format} file: {name}")
        if manifest.get("format_version", 0) > FORMAT_VERSION:
            raise PackageError(f"数据包由更新版本的汇智生成，请升级后再导入：{name}",
                               f"The package was written by a newer Huizhi; upgrade to read it: {name}")
        expected = manifest.get("files") or {}
        files = {member: _read_member(archive, member, name) for member in expected}
    extra = {info.filename for info in members} - set(expected) - {"manifest.json"}
    if extra:
        raise PackageError(f"数据包含有清单之外的文件，可能被篡改：{name}", f"The package holds files not in its manifest: {name}")
    per_file, whole = _digest(files)
    if per_file != expected or whole != manifest.get("sha256"):
        raise PackageError(f"数据包的校验值不符，内容已被篡改或损坏：{name}",
                           f"The package's SHA-256 does not match: it was tampered with or damaged: {name}")
    return manifest, files


def _read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    try:
        with archive.open(member) as stream:
            data = stream.read(MAX_MEMBER_BYTES + 1)
    except KeyError as exc:
        raise PackageError(f"数据包缺少 {member}：{name}", f"The package lacks {member}: {name}") from exc
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise PackageError(f"数据包的内容已被篡改或损坏（校验失败）：{name}", f"The package was tampered with or damaged (checksum failed): {name}") from exc
    if len(data) > MAX_MEMBER_BYTES:
        raise PackageError(f"数据包中的文件过大：{name}", f"A member is too large: {name}")
    return data


def _json(data: bytes, name: str):
    """A JSON document of a package; orjson reads the 100 000 records of a day's packages
    several times faster than the standard library (and checks UTF-8 as it goes)."""
    try:
        return orjson.loads(data)
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageError(f"数据包内容无法读取：{name}", f"The package content cannot be read: {name}") from exc


# -- master → field laptop ------------------------------------------------------------------------


def export_field_package(project: Project, survey_id: int, out: str | os.PathLike, *,
                         public_key_pem: bytes | None = None) -> Path:
    """Everything a field laptop needs to collect one survey (its current version)."""
    conn = project.db.conn
    uuid, version, code = conn.execute(
        "SELECT uuid, current_version, code FROM surveys WHERE id = ?", [survey_id]
    ).fetchone()
    definition = load_definition(project, survey_id, version)
    if public_key_pem is not None:
        load_public_key(public_key_pem)  # refuse a bad key now, not on the laptop
    groups = [dict(zip(("code", "name_zh", "name_en", "weight"), row)) for row in
              conn.execute("SELECT code, name_zh, name_en, weight FROM stakeholder_groups WHERE retired = 0")]
    scenarios = {code_: {"zh": zh, "en": en} for code_, zh, en in conn.execute("SELECT code, name_zh, name_en FROM scenarios")}
    files = {
        "survey.json": json.dumps(definition.to_json(), ensure_ascii=False).encode(),
        "project.json": json.dumps({"title": project.title, "groups": groups, "scenarios": scenarios}, ensure_ascii=False).encode(),
    }
    if public_key_pem:
        files["public_key.pem"] = public_key_pem
    manifest = {
        "format": FIELD_FORMAT,
        "format_version": FORMAT_VERSION,
        "project_uuid": project.meta("project_uuid"),
        "survey": {"uuid": uuid, "id": survey_id, "version": version, "form_id": code,
                   "title": definition.title.get("zh")},
        "counts": {"questions": len(definition.questions)},
        "encrypted": bool(public_key_pem),
    }
    return _write_package(out, manifest, files)


def create_field_project(package: str | os.PathLike, field_path: str | os.PathLike) -> Path:
    """A field laptop's own project from a ``.hzpkg``: the survey with the same identity."""
    manifest, files = read_package(package, FIELD_FORMAT)
    info = _json(files["project.json"], Path(package).name)
    definition = SurveyDefinition.from_json(_json(files["survey.json"], Path(package).name))
    survey = manifest["survey"]
    with create_project(field_path, title=f"{info.get('title', '')}（外业：{survey.get('title', '')}）") as project:
        with project.transaction() as db:
            for group in info.get("groups", []):
                db.execute(
                    "INSERT OR IGNORE INTO stakeholder_groups(code, name_zh, name_en, weight) VALUES (?, ?, ?, ?)",
                    [group["code"], group["name_zh"], group["name_en"], group["weight"]],
                )
            db.execute(
                "INSERT INTO surveys(id, uuid, code, title_zh, title_en, audience, current_version, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [survey["id"], survey["uuid"], survey.get("form_id", ""), definition.title.get("zh"),
                 definition.title.get("en"), definition.audience, survey["version"], now_iso()],
            )
            db.execute(
                "INSERT INTO survey_versions(survey_id, version, definition, created_at) VALUES (?, ?, ?, ?)",
                [survey["id"], survey["version"], json.dumps(definition.to_json(), ensure_ascii=False), now_iso()],
            )
            meta = {"field_master_uuid": manifest["project_uuid"], "field_survey_uuid": survey["uuid"],
                    "field_package_sha256": manifest["sha256"]}
            if "public_key.pem" in files:
                meta["field_public_key"] = files["public_key.pem"].decode("ascii")
            for key, value in meta.items():
                db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           [key, value])
    return Path(field_path)


def field_public_key(project: Project):
    """The master's public key if this is an encrypting field laptop, else None."""
    pem = project.meta("field_public_key")
    return load_public_key(pem.encode("ascii")) if pem else None


def seal_response(project: Project, response_id: int) -> None:
    """Replace a submitted response's answers and audit trail by one sealed payload.

    Called inside the submit transaction on an encrypting field laptop.
    """
    key = field_public_key(project)
    if key is None:
        return
    conn = project.db.conn
    uuid, survey_id, version = conn.execute(
        "SELECT uuid, survey_id, survey_version FROM responses WHERE id = ?", [response_id]).fetchone()
    payload = {
        "answers": dict(conn.execute("SELECT question, value FROM answers WHERE response_id = ?", [response_id])),
        "audit": _audit(conn, response_id),
    }
    sealed = seal(json.dumps(payload, ensure_ascii=False).encode("utf-8"), key)
    conn.execute("INSERT OR REPLACE INTO sealed_responses(uuid, survey_id, survey_version, payload, updated_at) "
                 "VALUES (?, ?, ?, ?, ?)", [uuid, survey_id, version, sealed, now_iso()])
    conn.execute("DELETE FROM answers WHERE response_id = ?", [response_id])
    conn.execute("DELETE FROM answer_audit WHERE response_id = ?", [response_id])


# -- field laptop → master ---------------------------------------------------------------------------

_META_COLUMNS = ("uuid", "survey_version", "status", "stakeholder_group", "collector", "device_id", "started_at",
                 "ended_at", "submitted_at")


def collect(project: Project, out: str | os.PathLike) -> Path:
    """Write the laptop's submitted responses (sealed ones stay sealed) as a ``.hzdata``."""
    master = project.meta("field_master_uuid")
    survey_uuid = project.meta("field_survey_uuid")
    if not master or not survey_uuid:
        raise PackageError("这不是外业项目：请先用“创建外业项目”从问卷分发包建立。",
                           "This is not a field project: create it from a survey package first.")
    conn = project.db.conn
    survey_id, version = conn.execute("SELECT id, current_version FROM surveys WHERE uuid = ?", [survey_uuid]).fetchone()
    sealed = dict(conn.execute("SELECT uuid, payload FROM sealed_responses"))
    lines = []
    rows = conn.execute(
        f"SELECT id, {', '.join(_META_COLUMNS)} FROM responses WHERE survey_id = ? AND status = 'submitted' "
        "AND deleted_at IS NULL ORDER BY id", [survey_id]).fetchall()
    for row in rows:
        record = dict(zip(_META_COLUMNS, row[1:]))
        if record["uuid"] in sealed:
            record["sealed"] = base64.b64encode(sealed[record["uuid"]]).decode("ascii")
        else:
            record["answers"] = dict(conn.execute("SELECT question, value FROM answers WHERE response_id = ?", [row[0]]))
            record["audit"] = _audit(conn, row[0])
        lines.append(json.dumps(record, ensure_ascii=False))
    manifest = {
        "format": DATA_FORMAT,
        "format_version": FORMAT_VERSION,
        "project_uuid": master,
        "survey": {"uuid": survey_uuid, "id": survey_id, "version": version},
        "device": rows[0][7] if rows else "",
        "counts": {"responses": len(lines), "sealed": sum(1 for r in rows if r[1] in sealed)},
    }
    return _write_package(out, manifest, {"responses.jsonl": ("\n".join(lines) + "\n").encode("utf-8")})


def _audit(conn, response_id: int) -> list[dict]:
    return [{"uuid": u, "question": q, "old": o, "new": n, "at": at} for u, q, o, n, at in conn.execute(
        "SELECT uuid, question, old_value, new_value, at FROM answer_audit WHERE response_id = ? ORDER BY id",
        [response_id])]


# -- merging --------------------------------------------------------------------------------------------


@collector_paused()
def merge(project: Project, packages: Iterable[str | os.PathLike], *, private_key_pem: bytes | None = None,
          passphrase: str = "") -> MergeSummary:
    """Merge ``.hzdata`` packages into the master: all checked first, then one transaction."""
    loaded = [(Path(p), *read_package(p, DATA_FORMAT)) for p in packages]
    private_key = None
    for path, manifest, _ in loaded:
        _check_belongs(project, path.name, manifest)
    done = {row[0] for row in project.db.conn.execute("SELECT sha256 FROM merged_packages")}
    summary = MergeSummary()
    records = []
    for path, manifest, files in loaded:
        lines = [line for line in files["responses.jsonl"].splitlines() if line.strip()]
        if manifest["sha256"] in done:
            summary.unchanged += len(lines)  # this very package was merged before: nothing in it is new
            continue
        done.add(manifest["sha256"])
        for line in lines:
            record = _json(line, path.name)
            if "sealed" in record:
                if private_key is None:
                    if private_key_pem is None:
                        raise PackageError(f"数据包已加密，合并需要主控私钥和口令：{path.name}",
                                           f"The package is encrypted: merging needs the master's private key and passphrase: {path.name}")
                    private_key = load_private_key(private_key_pem, passphrase)
                record.update(_json(open_sealed(base64.b64decode(record.pop("sealed")), private_key), path.name))
            records.append((path.name, manifest["survey"]["uuid"], record))
    summary.backup = str(project.backup("before-merge"))
    # Random UUID keys land all over their indexes: a large page cache keeps the merge linear.
    project.db.conn.execute("PRAGMA cache_size = -262144")
    with project.transaction() as db:
        context = _MergeContext(project, db.conn)
        context.prefetch(record["uuid"] for _, _, record in records if record.get("uuid"))
        for source, survey_uuid, record in records:
            _merge_one(context, source, survey_uuid, record, summary)
        context.flush()
        for path, manifest, _ in loaded:
            db.execute("INSERT OR IGNORE INTO merged_packages(sha256, merged_at, summary) VALUES (?, ?, ?)",
                       [manifest["sha256"], now_iso(), json.dumps(summary.to_json())])
    return summary


FLUSH_EVERY = 5000
"""New responses written in blocks of this many: small lists stay in the CPU's caches."""


class _MergeContext:
    """What merging looks up again and again, looked up once."""

    def __init__(self, project: Project, conn) -> None:
        self.project = project
        self.conn = conn
        self.survey_ids: dict[str, int] = dict(conn.execute("SELECT uuid, id FROM surveys"))
        self.known: dict[tuple[int, int], set[str] | None] = {}
        self.existing: dict[str, tuple[int, str]] = {}
        self.next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM responses").fetchone()[0]
        self.new_responses: list[tuple] = []
        self.new_answers: list[tuple] = []
        self.new_audit: list[tuple] = []
        self.now = now_iso()  # one merge, one time: asking the clock per response costs seconds

    def prefetch(self, uuids) -> None:
        """Which of these responses the master already has, in a few queries rather than one each."""
        self.existing.update(responses_by_uuid(self.conn, uuids))

    def add(self, survey_id: int, record: dict, answers: dict, audit: list) -> None:
        """Queue a new response; written together by :meth:`flush`."""
        rid = self.next_id
        self.next_id += 1
        self.existing[record["uuid"]] = (rid, "pending")
        self.new_responses.append((
            rid, record["uuid"], survey_id, record["survey_version"], record.get("stakeholder_group"),
            record.get("collector") or "", record.get("device_id") or "", record.get("started_at"), record.get("ended_at"),
            record.get("submitted_at"), "submitted" if record.get("status") == "submitted" else "draft", self.now))
        self.new_answers += [(rid, q, v) for q, v in answers.items()]
        try:  # trails written by Huizhi have every key: read them directly, the slow way only if not
            self.new_audit += [(e["uuid"] or new_uuid(), rid, e["question"], e["old"], e["new"], e["at"] or self.now)
                               for e in audit]
        except (KeyError, TypeError):
            self.new_audit += [(e.get("uuid") or new_uuid(), rid, e.get("question", ""), e.get("old"), e.get("new"),
                                e.get("at") or self.now) for e in audit if isinstance(e, dict)]

    def flush(self) -> None:
        # In UUID order: the unique index on the random UUIDs then grows at one end instead of everywhere.
        self.new_responses.sort(key=lambda row: row[1])
        insert_rows(self.conn, "INSERT INTO responses(id, uuid, survey_id, survey_version, stakeholder_group, collector, "
                    "device_id, started_at, ended_at, submitted_at, status, updated_at)", self.new_responses)
        insert_rows(self.conn, "INSERT INTO answers(response_id, question, value)", self.new_answers)
        insert_rows(self.conn, "INSERT INTO answer_audit(uuid, response_id, question, old_value, new_value, at)",
                    self.new_audit)
        for uuid, (rid, status) in list(self.existing.items()):
            if status == "pending":
                self.existing[uuid] = (rid, "written")
        self.new_responses, self.new_answers, self.new_audit = [], [], []

    def answer_names(self, survey_id: int, version: int) -> set[str] | None:
        key = (survey_id, version)
        if key not in self.known:
            try:
                definition = load_definition(self.project, survey_id, version)
            except ValidationError:
                self.known[key] = None
            else:
                self.known[key] = {n for q in definition.questions for n in q.answer_names()}
        return self.known[key]


def _check_belongs(project: Project, name: str, manifest: dict) -> None:
    if manifest.get("project_uuid") != project.meta("project_uuid"):
        raise PackageError(f"数据包来自另一个项目，不能合并到这里：{name}",
                           f"The package comes from another project and cannot be merged here: {name}")
    survey = manifest.get("survey") or {}
    row = project.db.conn.execute("SELECT id FROM surveys WHERE uuid = ?", [survey.get("uuid")]).fetchone()
    if row is None:
        raise PackageError(f"数据包属于另一份问卷（本项目没有这份问卷）：{name}",
                           f"The package belongs to a survey this project does not have: {name}")
    has_version = project.db.conn.execute(
        "SELECT 1 FROM survey_versions WHERE survey_id = ? AND version = ?", [row[0], survey.get("version")]).fetchone()
    if not has_version:
        raise PackageError(f"数据包所用的问卷版本在本项目中不存在（第 {survey.get('version')} 版）：{name}",
                           f"The package's survey version {survey.get('version')} is not in this project: {name}")


def _merge_one(context: _MergeContext, source, survey_uuid, record, summary: MergeSummary) -> None:
    conn = context.conn
    survey_id = context.survey_ids[survey_uuid]
    version = int(record.get("survey_version") or 0)
    known = context.answer_names(survey_id, version)
    if known is None:
        summary.rejected += 1
        summary.reasons.append(f"{record.get('uuid')}: 问卷版本 {version} 不存在")
        return
    answers = {str(k): str(v) for k, v in (record.get("answers") or {}).items() if v not in (None, "")}
    unknown = sorted(set(answers) - known)
    if not record.get("uuid") or unknown:
        summary.rejected += 1
        summary.reasons.append(f"{record.get('uuid')}: 未知的题目 {', '.join(unknown)}" if unknown else "缺少答卷编号")
        return
    audit = record.get("audit") or []
    local = context.existing.get(record["uuid"])
    if local is None:
        context.add(survey_id, record, answers, audit)
        summary.added += 1
        if len(context.new_responses) >= FLUSH_EVERY:
            context.flush()
        return
    if local[1] == "pending":  # the same response twice in one merge: write the first, then compare
        context.flush()
    local_id = local[0]
    local_status = conn.execute("SELECT status FROM responses WHERE id = ?", [local_id]).fetchone()[0]
    ours = [row[0] for row in conn.execute("SELECT uuid FROM answer_audit WHERE response_id = ? ORDER BY id", [local_id])]
    theirs = [entry["uuid"] for entry in audit]
    local_answers = dict(conn.execute("SELECT question, value FROM answers WHERE response_id = ?", [local_id]))
    if set(theirs) == set(ours) and (local_answers == answers or not theirs):
        if local_status == "draft" and record.get("status") == "submitted":
            _replace(conn, local_id, record, answers, audit)
            summary.updated += 1
        else:
            summary.unchanged += 1
    elif set(ours) < set(theirs):
        _replace(conn, local_id, record, answers, audit)
        summary.updated += 1
    elif set(theirs) <= set(ours):
        summary.unchanged += 1
    else:
        variant = json.dumps({"answers": answers, "audit": audit, "status": record.get("status"),
                              "collector": record.get("collector"), "device_id": record.get("device_id")},
                             ensure_ascii=False, sort_keys=True)
        known_variant = conn.execute(
            "SELECT 1 FROM response_conflicts WHERE response_uuid = ? AND variant = ?", [record["uuid"], variant]).fetchone()
        if known_variant:
            summary.unchanged += 1
            return
        conn.execute("INSERT INTO response_conflicts(response_uuid, source, variant, created_at) VALUES (?, ?, ?, ?)",
                     [record["uuid"], source, variant, now_iso()])
        summary.conflicts += 1


def _replace(conn, response_id, record, answers, audit) -> None:
    conn.execute(
        "UPDATE responses SET status = ?, stakeholder_group = ?, ended_at = ?, submitted_at = ?, updated_at = ? WHERE id = ?",
        ["submitted" if record.get("status") == "submitted" else "draft", record.get("stakeholder_group"),
         record.get("ended_at"), record.get("submitted_at"), now_iso(), response_id],
    )
    conn.execute("DELETE FROM answers WHERE response_id = ?", [response_id])
    conn.execute("DELETE FROM answer_audit WHERE response_id = ?", [response_id])
    _write_answers(conn, response_id, answers, audit)


def _write_answers(conn, response_id, answers, audit) -> None:
    conn.executemany("INSERT INTO answers(response_id, question, value) VALUES (?, ?, ?)",
                     [(response_id, q, v) for q, v in answers.items()])
    conn.executemany(
        "INSERT INTO answer_audit(uuid, response_id, question, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?)",
        [(entry.get("uuid") or new_uuid(), response_id, entry.get("question", ""), entry.get("old"), entry.get("new"),
          entry.get("at") or now_iso()) for entry in audit],
    )


# -- conflicts ------------------------------------------------------------------------------------------------


def list_conflicts(project: Project) -> list[dict]:
    rows = project.db.conn.execute(
        "SELECT id, response_uuid, source, variant, created_at FROM response_conflicts WHERE resolved_at IS NULL ORDER BY id"
    ).fetchall()
    return [{"id": cid, "response": uuid, "source": source, "variant": json.loads(variant), "created_at": at}
            for cid, uuid, source, variant, at in rows]


def resolve_conflict(project: Project, conflict_id: int, *, keep: str) -> None:
    """``keep="master"`` keeps the master's version; ``keep="incoming"`` takes the package's."""
    if keep not in ("master", "incoming"):
        raise ValueError(keep)
    conn = project.db.conn
    row = conn.execute("SELECT response_uuid, variant FROM response_conflicts WHERE id = ? AND resolved_at IS NULL",
                       [conflict_id]).fetchone()
    if row is None:
        raise ValidationError(f"没有这个待处理的冲突：{conflict_id}", f"No open conflict {conflict_id}")
    with project.transaction():
        if keep == "incoming":
            variant = json.loads(row[1])
            local_id = conn.execute("SELECT id FROM responses WHERE uuid = ?", [row[0]]).fetchone()[0]
            merged_audit = _audit(conn, local_id) + [a for a in variant["audit"]]
            _replace(conn, local_id, {"status": variant.get("status"), "stakeholder_group": conn.execute(
                "SELECT stakeholder_group FROM responses WHERE id = ?", [local_id]).fetchone()[0]},
                variant["answers"], merged_audit)
        conn.execute("UPDATE response_conflicts SET resolved_at = ? WHERE id = ?", [now_iso(), conflict_id])


def logical_dump(project: Project) -> str:
    """A text form of every response, answer and conflict, for "unchanged" comparisons."""
    conn = project.db.conn
    out = io.StringIO()
    for row in conn.execute("SELECT uuid, survey_id, survey_version, status, stakeholder_group FROM responses ORDER BY uuid"):
        out.write(repr(row) + "\n")
    for row in conn.execute("SELECT r.uuid, a.question, a.value FROM answers a JOIN responses r ON r.id = a.response_id "
                            "ORDER BY 1, 2"):
        out.write(repr(row) + "\n")
    for row in conn.execute("SELECT response_uuid, variant FROM response_conflicts ORDER BY 1, 2"):
        out.write(repr(row) + "\n")
    return out.getvalue()
