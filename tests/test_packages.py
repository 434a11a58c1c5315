"""Field packages: out to laptops, back, merged exactly once; bad packages refused; sealed data."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from survey.capture import Capture
from survey.package import (
    DATA_FORMAT,
    PackageError,
    _write_package,
    collect,
    create_field_project,
    export_field_package,
    list_conflicts,
    logical_dump,
    merge,
    resolve_conflict,
)
from survey.sealing import SealingError, create_keys
from survey.store import create_survey
from survey.templates import load_template
from workspace import create_project, open_project

DEPARTMENT_ANSWERS = {
    "consent": "yes", "department": "traffic", "role": "staff", "runs_system": "no",
    "priority_scenarios": "gov_hotline", "pain": "各局数据口径不一致，汇总时对不上。",
}


@pytest.fixture
def master(tmp_path):
    path = tmp_path / "master.huizhi"
    with create_project(path, title="主控") as project:
        create_survey(project, load_template("department"))
    return path


def field_laptop(master, tmp_path, name, *, public_key=None):
    package = tmp_path / f"{name}.hzpkg"
    with open_project(master) as project:
        export_field_package(project, 1, package, public_key_pem=public_key)
    return create_field_project(package, tmp_path / f"{name}.huizhi")


def interview(field, count, *, pain="各局数据口径不一致，汇总时对不上。"):
    with open_project(field) as project:
        capture = Capture(project, 1, collector="李建国")
        for _ in range(count):
            uuid = capture.new()
            for name, value in {**DEPARTMENT_ANSWERS, "pain": pain}.items():
                capture.answer(uuid, name, value)
            capture.submit(uuid)


def collected(field, out):
    with open_project(field) as project:
        return collect(project, out)


def merged(master, *packages, **keys):
    with open_project(master) as project:
        return merge(project, packages, **keys).to_json()


def dump(path):
    with open_project(path) as project:
        return logical_dump(project)


def test_round_trip_and_remerge_adds_nothing(master, tmp_path):
    a, b = field_laptop(master, tmp_path, "a"), field_laptop(master, tmp_path, "b")
    interview(a, 3)
    interview(b, 2)
    packages = [collected(a, tmp_path / "a.hzdata"), collected(b, tmp_path / "b.hzdata")]
    assert merged(master, *packages) == {"added": 5, "unchanged": 0, "updated": 0, "conflicts": 0, "rejected": 0}
    assert merged(master, *packages) == {"added": 0, "unchanged": 5, "updated": 0, "conflicts": 0, "rejected": 0}
    with open_project(master) as project:
        values = {v for (v,) in project.db.conn.execute("SELECT value FROM answers WHERE question = 'pain'")}
        assert values == {DEPARTMENT_ANSWERS["pain"]}
        assert len(list((tmp_path).glob("master.backups/*before-merge*"))) == 2


def data_package(path, master, records):
    with open_project(master) as project:
        project_uuid = project.meta("project_uuid")
        survey_uuid = project.db.conn.execute("SELECT uuid FROM surveys WHERE id = 1").fetchone()[0]
    manifest = {"format": DATA_FORMAT, "format_version": 1, "project_uuid": project_uuid,
                "survey": {"uuid": survey_uuid, "id": 1, "version": 1}, "counts": {"responses": len(records)}}
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    return _write_package(path, manifest, {"responses.jsonl": body})


def record(uuid, audit, answers):
    return {"uuid": uuid, "survey_version": 1, "status": "submitted", "stakeholder_group": "department",
            "collector": "x", "device_id": "d", "answers": answers,
            "audit": [{"uuid": a, "question": "role", "old": None, "new": answers.get("role"), "at": "2026-11-24T10:00:00+00:00"}
                      for a in audit]}


def test_edited_response_is_updated_and_diverged_one_is_a_conflict(master, tmp_path):
    uuid = "11111111-1111-4111-8111-111111111111"
    first = data_package(tmp_path / "1.hzdata", master, [record(uuid, ["a1"], {**DEPARTMENT_ANSWERS, "role": "staff"})])
    edited = data_package(tmp_path / "2.hzdata", master, [record(uuid, ["a1", "a2"], {**DEPARTMENT_ANSWERS, "role": "it"})])
    other = data_package(tmp_path / "3.hzdata", master, [record(uuid, ["a1", "b2"], {**DEPARTMENT_ANSWERS, "role": "leader"})])
    assert merged(master, first)["added"] == 1
    assert merged(master, edited)["updated"] == 1
    assert merged(master, first)["unchanged"] == 1  # older than what the master has
    assert merged(master, other)["conflicts"] == 1
    assert merged(master, other)["conflicts"] == 0  # the same conflict is not stored twice
    with open_project(master) as project:
        (conflict,) = list_conflicts(project)
        assert conflict["variant"]["answers"]["role"] == "leader"
        resolve_conflict(project, conflict["id"], keep="incoming")
        role = project.db.conn.execute("SELECT value FROM answers WHERE question = 'role'").fetchone()[0]
        assert role == "leader" and list_conflicts(project) == []


def test_rejected_records_are_counted(master, tmp_path):
    bad = data_package(tmp_path / "bad.hzdata", master, [record("22222222-2222-4222-8222-222222222222", [], {"nope": "1"})])
    assert merged(master, bad) == {"added": 0, "unchanged": 0, "updated": 0, "conflicts": 0, "rejected": 1}


def damaged_copies(good, tmp_path):
    data = good.read_bytes()
    truncated = tmp_path / "truncated.hzdata"
    truncated.write_bytes(data[: len(data) // 2])
    flipped = tmp_path / "flipped.hzdata"
    middle = data.index(b"responses.jsonl") + 40  # inside the compressed responses
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 0x55]) + data[middle + 1:])
    text = tmp_path / "notes.hzdata"
    text.write_text("这不是数据包")
    alien = tmp_path / "alien.hzdata"
    with zipfile.ZipFile(alien, "w") as archive:
        archive.writestr("hello.txt", "hi")
    traversal = tmp_path / "traversal.hzdata"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(traversal, "w") as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info.filename))
        archive.writestr("../../evil.sh", "rm -rf /")
    bomb = tmp_path / "bomb.hzdata"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"format": DATA_FORMAT, "files": {"responses.jsonl": ""}}))
        archive.writestr("responses.jsonl", b"\0" * 60_000_000)
    return {"不完整": truncated, "篡改或损坏": flipped, "不是汇智": text, "外业数据包": alien, "不安全的路径": traversal,
            "压缩炸弹": bomb}


def test_bad_packages_are_refused_and_the_master_is_unchanged(master, tmp_path):
    field = field_laptop(master, tmp_path, "a")
    interview(field, 2)
    good = collected(field, tmp_path / "good.hzdata")
    before = dump(master)
    for words, path in damaged_copies(good, tmp_path).items():
        with pytest.raises(PackageError) as info:
            merged(master, good, path)  # one bad package refuses the whole merge
        assert words in str(info.value), (path.name, str(info.value))
        assert path.name in str(info.value)
        assert dump(master) == before


def test_wrong_survey_and_foreign_project_are_refused(master, tmp_path):
    other = tmp_path / "other.huizhi"
    with create_project(other) as project:
        create_survey(project, load_template("department"))
    foreign_field = field_laptop(other, tmp_path, "foreign")
    interview(foreign_field, 1)
    foreign = collected(foreign_field, tmp_path / "foreign.hzdata")
    before = dump(master)
    with pytest.raises(PackageError, match="另一个项目"):
        merged(master, foreign)
    field = field_laptop(master, tmp_path, "a")
    interview(field, 1)
    good = collected(field, tmp_path / "good.hzdata")
    with open_project(master) as project:  # the survey is gone from the master: wrong survey
        project.db.execute("UPDATE surveys SET uuid = 'something-else'")
    before = dump(master)
    with pytest.raises(PackageError, match="另一份问卷"):
        merged(master, good)
    assert dump(master) == before


def test_sealed_responses(master, tmp_path, monkeypatch):
    private, public = tmp_path / "master.key", tmp_path / "master.pub"
    create_keys(private, public, "临江市口令2026")
    field = field_laptop(master, tmp_path, "sealed", public_key=public.read_bytes())
    secret = "我家门口的井盖坏了三个月"
    interview(field, 2, pain=secret)
    with open_project(field) as project:  # nothing readable stays on the laptop
        assert project.db.conn.execute(
            "SELECT COUNT(*) FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.status = 'submitted'"
        ).fetchone()[0] == 0
        assert project.db.conn.execute("SELECT COUNT(*) FROM sealed_responses").fetchone()[0] == 2
    assert secret.encode() not in field.read_bytes()
    package = collected(field, tmp_path / "sealed.hzdata")
    with zipfile.ZipFile(package) as archive:
        assert secret.encode() not in archive.read("responses.jsonl")
    with pytest.raises(PackageError, match="私钥"):
        merged(master, package)
    with pytest.raises(SealingError, match="口令不正确"):
        merged(master, package, private_key_pem=private.read_bytes(), passphrase="wrong passphrase")
    other_private, other_public = tmp_path / "other.key", tmp_path / "other.pub"
    create_keys(other_private, other_public, "another passphrase")
    with pytest.raises(SealingError, match="不是用这把密钥"):
        merged(master, package, private_key_pem=other_private.read_bytes(), passphrase="another passphrase")
    result = merged(master, package, private_key_pem=private.read_bytes(), passphrase="临江市口令2026")
    assert result["added"] == 2
    with open_project(master) as project:
        assert {v for (v,) in project.db.conn.execute("SELECT value FROM answers WHERE question = 'pain'")} == {secret}


def test_package_command_line(master, tmp_path, capsys):
    from conftest import run_cli

    package = tmp_path / "out.hzpkg"
    assert run_cli("package", "export", str(master), "--survey", "1", str(package)) == 0
    field = tmp_path / "f.huizhi"
    assert run_cli("field", "create", str(package), str(field)) == 0
    interview(field, 1)
    data = tmp_path / "d.hzdata"
    assert run_cli("package", "collect", str(field), str(data)) == 0
    capsys.readouterr()
    assert run_cli("package", "merge", str(master), str(data), "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"added": 1, "unchanged": 0, "updated": 0, "conflicts": 0, "rejected": 0}
    assert run_cli("package", "merge", str(master), str(package), "--json") == 2
    assert "外业数据包" in capsys.readouterr().err
    assert hashlib.sha256(data.read_bytes()).hexdigest()
