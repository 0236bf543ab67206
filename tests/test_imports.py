"""Import hygiene: the command-line paths that don't show the UI never import Textual.

``briefing --version`` and ``briefing check`` run in pre-commit hooks and CI
many times a day; importing Textual (and Rich) would add ~0.2 s to each.
We read what a real run imports from ``python -X importtime``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate
from tests.conftest import DEFAULT, ROOT

UI_PACKAGES = ("textual", "rich")


def imported(
    args: list[str], env: dict[str, str] | None = None
) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Modules that ``python -X importtime ARGS`` imported, and the run itself."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    modules = {
        line.split("|")[2].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    modules.discard("imported package")  # the header line
    return modules, result


def ui_modules(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in UI_PACKAGES)


def test_the_detector_sees_textual_when_the_ui_is_imported():
    modules, _ = imported(["-c", "import briefing.ui.app"])
    assert "textual.app" in modules
    assert ui_modules(modules)


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_do_not_import_textual(flag):
    modules, result = imported(["-m", "briefing", flag])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "briefing.cli" in modules  # the run really was parsed
    assert ui_modules(modules) == []


def test_check_does_not_import_textual(tmp_path: Path):
    modules, result = imported(["-m", "briefing", "check", str(DEFAULT)])
    assert result.returncode == 0, result.stdout
    assert "briefing.loading.loader" in modules
    assert ui_modules(modules) == []


def test_check_of_a_large_file_through_the_cache_does_not_import_textual(tmp_path: Path):
    big = tmp_path / "big.yaml"
    big.write_text(generate(1_000), encoding="utf-8")
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "BRIEFING_NO_CACHE": ""}
    for _ in range(2):  # the first run writes the cache, the second reads it
        modules, result = imported(["-m", "briefing", "check", str(big)], env)
        assert result.returncode == 0, result.stdout
        assert "briefing.loading.cache" in modules
        assert ui_modules(modules) == []
    assert list((tmp_path / "cache").iterdir())


def test_check_that_finds_problems_does_not_import_textual(write):
    modules, result = imported(["-m", "briefing", "check", str(write("schema: 1\nmeta: {}\n"))])
    assert result.returncode == 1
    assert "missing required key 'title'" in result.stdout
    assert ui_modules(modules) == []


def test_a_cache_hit_does_not_import_the_yaml_parser(tmp_path: Path):
    big = tmp_path / "big.yaml"
    big.write_text(generate(1_000), encoding="utf-8")
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "BRIEFING_NO_CACHE": ""}
    code = f"from briefing.loading import load_path; load_path({str(big)!r})"
    first, _ = imported(["-c", code], env)
    assert "yaml_rs" in first  # a miss parses the file
    second, result = imported(["-c", code], env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "briefing.loading.cache" in second
    assert "yaml_rs" not in second
    assert "yaml" not in second


def test_a_second_start_imports_no_yaml_parser(tmp_path: Path):
    # What the app does before its first frame: read config, find the
    # themes, load the briefing. The first time, yaml_rs reads the files
    # (none of them needs the careful path, so PyYAML, ~90 M instructions
    # to import, is not loaded); the second, all of it comes from the cache.
    env = {
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_CONFIG_DIR": str(tmp_path / "config"),
        "BRIEFING_NO_CACHE": "",
    }
    code = (
        "from briefing.settings.config import read_config; read_config()\n"
        "from briefing.ui.themes import discover_themes; assert discover_themes().themes\n"
        f"from briefing.loading import load_path; load_path({str(DEFAULT)!r})\n"
    )
    first, result = imported(["-c", code], env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "yaml_rs" in first
    assert "yaml" not in first
    second, result = imported(["-c", code], env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "briefing.ui.themes" in second
    assert "yaml_rs" not in second
    assert "yaml" not in second


def test_a_file_that_needs_the_careful_path_gets_it(tmp_path: Path):
    anchors = tmp_path / "anchors.yaml"
    anchors.write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    code = f"from briefing.loading.yaml_strict import read; print(read(open({str(anchors)!r}).read())[0])"
    modules, result = imported(["-c", code])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "yaml" in modules  # the event walk
    assert "{'a': 1, 'b': 1}" in result.stdout


def test_opening_one_file_builds_no_argument_parser():
    # `briefing FILE` and `briefing` need no parser (argparse is ~9 M
    # instructions of every start); piped, this run prints the plain text.
    modules, result = imported(["-m", "briefing", str(DEFAULT)])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "briefing.output.plain" in modules  # the run really was made
    assert "argparse" not in modules
    modules, result = imported(["-m", "briefing", "--plain", str(DEFAULT)])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "argparse" in modules  # options still go through it


@pytest.mark.parametrize("which", ["briefing", "minimal"])
def test_first_frame_harness_stops_at_the_title(tmp_path: Path, which: str):
    # benchmarks/first_frame.py is what the README's instruction counts come
    # from: it must reach the first frame with the title on it and exit 0.
    args = [] if which == "briefing" else ["minimal"]
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "BRIEFING_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "first_frame.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "never appeared" not in result.stderr
