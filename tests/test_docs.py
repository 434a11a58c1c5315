"""The README and docs stay true: set-up commands, every subcommand, the architecture."""

from __future__ import annotations

from conftest import ROOT

from desktop.cli import SUBCOMMANDS


def readme() -> str:
    return (ROOT / "README.md").read_text("utf-8")


def test_readme_opens_with_the_two_commands():
    head = readme()[:1500]
    assert head.index("make run") < head.index("make test")


def test_every_subcommand_is_documented():
    text = readme()
    for command in SUBCOMMANDS:
        if command != "gui":
            assert f"huizhi {command}" in text, command


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "install-system-deps.sh" in ci and "make test" in ci


def test_architecture_names_every_package():
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    for package in ("workspace", "survey", "workshop", "analysis", "desktop", "resources"):
        assert f"{package}/" in text, package
