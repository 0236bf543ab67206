"""The command line: --version, --help, check."""

from __future__ import annotations

import subprocess
import sys

from briefing import __version__
from briefing.cli import main

from .conftest import DEFAULT, MINIMAL


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, timeout=60
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"briefing {__version__}"


def test_help_mentions_check():
    result = run("--help")
    assert result.returncode == 0
    assert "briefing check FILE" in result.stdout


def test_check_default_briefing_passes(capsys):
    assert main(["check", str(DEFAULT)]) == 0
    assert capsys.readouterr().out == ""


def test_check_reports_each_problem_and_fails(write, capsys, monkeypatch):
    good = write(MINIMAL, "good.yaml")
    write(MINIMAL + "  titel: x\n", "bad.yaml")
    monkeypatch.chdir(good.parent)
    assert main(["check", "good.yaml", "bad.yaml", "missing.yaml"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "bad.yaml:4:3: meta: unknown key 'titel'; did you mean 'title'?",
        "missing.yaml: no such file",
    ]


def test_check_via_subprocess_exit_code(write):
    bad = write("schema: 1\nmeta: [\n")
    result = run("check", str(bad))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{bad}:2:8: ")  # the end of the last line
    assert "Traceback" not in result.stderr
