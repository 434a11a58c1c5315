"""The `huizhi` command line: each subcommand, its errors and its --help."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, run_cli

from desktop.cli import SUBCOMMANDS
from workspace import __version__
from workspace.schema import LATEST_VERSION


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_cli("--version")
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("command", [c for c in SUBCOMMANDS])
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_cli(command, "--help")
    assert exit_info.value.code == 0
    assert "usage: huizhi " + command in capsys.readouterr().out


def test_console_script_is_installed():
    script = ROOT / ".venv" / "bin" / "huizhi"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "desktop.cli"]
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and __version__ in result.stdout


def test_demo_then_info_json(tmp_path, capsys):
    path = tmp_path / "d.huizhi"
    assert run_cli("demo", str(path), "--responses", "120", "--seed", "3") == 0
    capsys.readouterr()
    assert run_cli("info", str(path), "--json") == 0
    info = json.loads(capsys.readouterr().out)
    for key in ("schema_version", "surveys", "responses", "sessions", "participants", "cards", "scenarios"):
        assert isinstance(info[key], int), key
    assert info["schema_version"] == LATEST_VERSION
    assert info["surveys"] == 2
    assert info["responses"] == 120 + 40
    assert info["sessions"] == 1 and info["participants"] >= 20 and info["cards"] >= 80
    assert info["scenarios"] >= 24
    assert info["stakeholder_groups"]["department"]["responses"] == 40


def test_info_text(demo_file, capsys):
    assert run_cli("info", str(demo_file)) == 0
    out = capsys.readouterr().out
    assert "有效答卷" in out and "市民" in out


def test_info_on_a_bad_file_exits_2_with_a_message(tmp_path, capsys):
    bad = tmp_path / "bad.huizhi"
    bad.write_text("hello")
    assert run_cli("info", str(bad), "--json") == 2
    assert "不是汇智项目" in capsys.readouterr().err


def test_english_messages(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HUIZHI_LANG", "en")
    assert run_cli("info", str(tmp_path / "missing.huizhi")) == 2
    assert "not found" in capsys.readouterr().err


def test_export_needs_a_target(demo_file, capsys):
    assert run_cli("export", str(demo_file)) == 2
    assert "--xlsx" in capsys.readouterr().err


def test_demo_refuses_existing_file(tmp_path, capsys):
    path = tmp_path / "x.huizhi"
    path.write_text("keep")
    assert run_cli("demo", str(path)) == 2
    assert "已存在" in capsys.readouterr().err


def test_negative_responses_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        run_cli("demo", str(tmp_path / "x.huizhi"), "--responses", "-3")
    assert exit_info.value.code == 2


def test_xlsform_import_list_show_export(tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    survey = book.active
    survey.title = "survey"
    for row in [
        ["type", "name", "label::中文 (zh)", "label::English (en)", "relevant", "required"],
        ["select_one yn", "drives", "您开车吗？", "Do you drive?", None, "yes"],
        ["begin_group", "driving", "开车", "Driving", "${drives} = 'yes'", None],
        ["integer", "km", "每天开多少公里？", "Km a day?", None, None],
        ["end_group", None, None, None, None, None],
    ]:
        survey.append(row)
    choices = book.create_sheet("choices")
    for row in [["list_name", "name", "label::中文 (zh)", "label::English (en)"], ["yn", "yes", "是", "Yes"], ["yn", "no", "否", "No"]]:
        choices.append(row)
    form = tmp_path / "drive.xlsx"
    book.save(form)
    project = tmp_path / "new.huizhi"  # does not exist yet: the import creates it
    assert run_cli("xlsform", "import", str(project), str(form), "--json") == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported == {"survey": 1, "questions": 2, "warnings": []}
    assert run_cli("survey", "list", str(project), "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert {k: listed[k] for k in ("id", "title", "version", "questions")} == {"id": 1, "title": "drive", "version": 1, "questions": 2}
    assert run_cli("survey", "show", str(project), "1", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert sorted(shown["languages"]) == ["English (en)", "中文 (zh)"]
    assert [(q["name"], q["path"], q["type"], q["required"]) for q in shown["questions"]] == [
        ("drives", "drives", "select_one", True), ("km", "driving/km", "integer", False)
    ]
    assert [c["name"] for c in shown["questions"][0]["choices"]] == ["yes", "no"]
    assert (shown["groups"], shown["repeats"], shown["choice_lists"], shown["choices"]) == (1, 0, 1, 2)
    out = tmp_path / "again.xlsx"
    assert run_cli("xlsform", "export", str(project), "drive", str(out)) == 0
    from pyxform.xls2xform import convert

    assert "<h:html" in convert(xlsform=str(out), validate=False).xform


def test_a_rejected_form_exits_2_and_leaves_no_project(tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "survey"
    book.active.append(["type", "name", "label"])
    book.active.append(["country", "c", "Country"])
    book.save(tmp_path / "bad.xlsx")
    project = tmp_path / "p.huizhi"
    assert run_cli("xlsform", "import", str(project), str(tmp_path / "bad.xlsx"), "--json") == 2
    err = capsys.readouterr().err
    assert "工作表 survey 第 2 行 A 列" in err and "country" in err
    assert not project.exists()


def test_a_rejected_form_leaves_an_existing_project_unchanged(tmp_path, capsys):
    import hashlib

    from workspace import create_project

    project = tmp_path / "p.huizhi"
    create_project(project).close()
    before = hashlib.sha256(project.read_bytes()).hexdigest()
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    assert run_cli("xlsform", "import", str(project), str(bad)) == 2
    assert hashlib.sha256(project.read_bytes()).hexdigest() == before
