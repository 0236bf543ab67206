"""The command line: --version, --help, check."""

from __future__ import annotations

import os
import re
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


# --- usage errors: what the viewer cannot open, said plainly -------------------


def test_a_folder_as_plain_text_gets_a_clear_message_not_a_load_error(tmp_path, capsys):
    # In a terminal a folder opens the rounds picker (tests/test_rounds.py);
    # piped or --plain, there is no one briefing to print.
    for argv in ([str(tmp_path)], ["--plain", str(tmp_path)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err == (
            f"briefing: {tmp_path} is a folder; plain text is printed for one briefing file "
            "(in a terminal, a folder opens a picker of its rounds)\n"
        )


def test_two_files_point_to_check(write, capsys, monkeypatch):
    a = write(MINIMAL, "a.yaml")
    write(MINIMAL, "b c.yaml")
    monkeypatch.chdir(a.parent)
    for argv in (["a.yaml", "b c.yaml"], ["a.yaml", "--plain", "b c.yaml"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err == (
            "briefing: the viewer opens one briefing at a time; to validate several, "
            "run: briefing check a.yaml 'b c.yaml'\n"
        )
    # and check does take several
    assert main(["check", "a.yaml", "b c.yaml"]) == 0


def _help(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", *args, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_help_columns_line_up():
    lines = _help()
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    # Every usage form starts its "briefing" in one column.
    usage = lines[: lines.index("")]
    assert len(usage) >= 4
    assert {line.index("briefing") for line in usage} == {len("usage: ")}
    # Commands, arguments and options: every description starts in one column.
    starts = set()
    for line in lines:
        if match := re.match(r"^  (\S.*?\S)  +(\S)", line):
            starts.add(match.start(2))
    assert len(starts) == 1, starts
    # ... and so do the lines they wrap onto.
    column = starts.pop()
    for line in lines[len(usage) :]:
        if line.startswith(" " * 4) and line.strip():
            assert len(line) - len(line.lstrip()) == column, line
    text = "\n".join(lines)
    for form in ("briefing check FILE...", "briefing schema", "briefing --plain [PATH]"):
        assert form in text


def test_subcommand_help_fits_80_columns():
    for command in ("check", "schema"):
        lines = _help(command)
        assert all(len(line) <= 80 for line in lines), command
