"""Terminals with 16 colours, with NO_COLOR, with an ASCII-only locale.

The real program runs on a pseudo-terminal with each environment and its
byte stream is read; the snapshots (each SVG converted to PNG and looked
at) show what the 16-colour palette, NO_COLOR and the ASCII stand-ins look
like.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from textual.color import Color

from briefing.output.glyphs import STAND_INS, can_encode, for_encoding, stand_in
from briefing.ui.themes import SIDE_VARIABLES, ThemeError, discover_themes, parse_theme
from briefing.ui.themes.spec import TERMINAL_COLOURS

from .apps import FrozenApp as BriefingApp
from .conftest import DEFAULT, ROOT
from .pty_run import run_in_pty

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
ASCII_LOCALE = {
    "LC_ALL": "C",
    "LANG": None,
    "LC_CTYPE": None,
    "PYTHONCOERCECLOCALE": "0",
    "PYTHONUTF8": "0",
    "PYTHONIOENCODING": None,
}
SIXTEEN_COLOURS = {"TERM": "xterm", "COLORTERM": None}
SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def colour_parameters(output: bytes) -> list[str]:
    """Every SGR parameter that sets a colour (30-38, 40-48, 90-97, 100-107)."""
    found = []
    for match in SGR.finditer(output):
        for part in match.group(1).decode().replace(":", ";").split(";"):
            if part.isdigit() and (
                30 <= int(part) <= 38
                or 40 <= int(part) <= 48
                or 90 <= int(part) <= 97
                or 100 <= int(part) <= 107
            ):
                found.append(part)
    return found


def text_of(output: bytes) -> bytes:
    """What was written, without escape sequences (rows run together)."""
    return re.sub(rb"\x1b\[[0-9;:?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)", b"", output)


def pen_at(output: bytes, position: int) -> tuple[int | None, int | None]:
    """The (foreground, background) SGR codes in effect at ``position`` (16-colour codes only)."""
    fg = bg = None
    for match in SGR.finditer(output, 0, position):
        params = [int(p) for p in match.group(1).decode().split(";") if p.isdigit()] or [0]
        for code in params:
            if code == 0:
                fg = bg = None
            elif 30 <= code <= 37 or 90 <= code <= 97 or code == 39:
                fg = code
            elif 40 <= code <= 47 or 100 <= code <= 107 or code == 49:
                bg = code
    return fg, bg


def colour_index(name: str) -> int:
    """0-15 for a terminal colour name (ansi_red -> 1, ansi_bright_red -> 9)."""
    return TERMINAL_COLOURS.index(name)


# --- 16 colours ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["briefing-dark", "briefing-projector", "briefing-okabe-ito", "briefing-mono"]
)
def test_sixteen_colour_forms_are_chosen_on_purpose(name):
    theme = discover_themes(sixteen_colours=True).themes[name]
    colours = theme.to_color_system().generate()
    assert theme.ansi
    assert colours["accent"] not in ("ansi_red", "ansi_bright_red"), "focus must not read as an error"
    selection = colours["block-cursor-background"]
    sides = [colours[variable] for variable in SIDE_VARIABLES]
    assert selection not in sides, "the selected row would hide a side's mark"
    for value in (*sides, selection, colours["accent"], colours["panel-lighten-2"]):
        assert Color.parse(value).ansi is not None, value  # the terminal's own colours
    if name != "briefing-mono":  # greys only, by design
        assert colours["error"] == "ansi_red"
        assert "ansi_red" not in sides and "ansi_bright_red" not in sides


def test_full_colour_terminals_keep_the_themes_as_written():
    theme = discover_themes().themes["briefing-dark"]
    assert not theme.ansi and theme.accent == "#FFA62B"


def test_an_ansi_section_takes_terminal_colours_only():
    text = (
        "name: mine\ndark: true\nprimary: '#0178d4'\nforeground: '#eeeeee'\nbackground: '#000000'\n"
        "ansi:\n  accent: '#ff0000'\n  sides:\n    party-1: ansi_bright_green\n"
    )
    with pytest.raises(ThemeError) as caught:
        parse_theme(text, "mine.yaml")
    (problem,) = caught.value.problems
    assert str(problem).startswith("mine.yaml:7:11: ansi.accent: '#ff0000' is not a terminal colour;")
    spec = parse_theme(text.replace("'#ff0000'", "ansi_bright_cyan"), "mine.yaml")
    from briefing.ui.themes import to_theme

    theme = to_theme(spec, sixteen_colours=True)
    assert theme.accent == "ansi_bright_cyan"
    assert theme.variables["side-party-1"] == "ansi_bright_green"
    assert theme.variables["side-party-2"] == "ansi_bright_magenta"  # the shipped palette fills in


@POSIX
def test_sixteen_colour_terminal_focus_is_not_red_and_selection_is_no_side(tmp_path):
    output, status = run_in_pty(
        ["-m", "briefing", str(DEFAULT)],
        [b"q"],
        size=(100, 30),
        env={**SIXTEEN_COLOURS, "BRIEFING_CONFIG_DIR": str(tmp_path)},
    )
    assert status == 0, output[-2000:]
    assert not re.search(rb"\x1b\[[0-9;]*38;[25];", output), "no 256 or truecolor codes"
    # The focused pane's frame, at its top-left corner.
    corner = output.index("╭".encode())
    assert output.index(b" 1 Delegations ") - corner < 40
    frame, _ = pen_at(output, corner)
    assert frame not in (31, 91), "focus must not be red"
    assert frame == 97
    # The selected row (United States, the mediator) and its side mark.
    mark = output.index("▌".encode())
    side, selection = pen_at(output, mark)
    assert selection == 44 and side == 93
    palette = discover_themes(sixteen_colours=True).themes["briefing-dark"].variables
    sides = {colour_index(palette[v]) for v in SIDE_VARIABLES}
    assert selection - 40 not in sides and selection - 100 + 8 not in sides


# --- NO_COLOR ----------------------------------------------------------------------------


@POSIX
@pytest.mark.parametrize("term", ["xterm-256color", "xterm"])
def test_no_color_sends_no_colour_at_all(tmp_path, term):
    keys = [b"\t", b"j", b"3", b"q"]
    output, status = run_in_pty(
        ["-m", "briefing", str(DEFAULT)],
        keys,
        size=(100, 30),
        env={"NO_COLOR": "1", "TERM": term, "COLORTERM": None, "BRIEFING_CONFIG_DIR": str(tmp_path)},
    )
    assert status == 0, output[-2000:]
    assert b" 1 Delegations " in output
    assert colour_parameters(output) == []
    # Meaning is carried by reverse (the selected row, the focused pane's title) and bold.
    params = {p for m in SGR.finditer(output) for p in m.group(1).split(b";")}
    assert {b"1", b"7", b"4"} <= params
    assert "┏".encode() in output and "━".encode() in output  # the focused pane's heavy frame


# --- ASCII-only locale -----------------------------------------------------------------------


def test_stand_ins_keep_every_width():
    assert for_encoding("╭─ 1 Delegations ─╮", "ascii") == "+- 1 Delegations -+"
    assert for_encoding("Ukraine–Russia · “talks” café…", "ascii") == 'Ukraine-Russia - "talks" cafe~'
    assert for_encoding("Умєров 日本", "ascii") == "?????? ????"
    assert for_encoding("e\u0301", "ascii") == "e"
    # Letters with a stroke have no decomposition; their names give the letter.
    assert for_encoding("Łukasz Søren Đoković ıð", "ascii") == "Lukasz Soren Dokovic id"
    assert for_encoding("Straße Æsir", "ascii") == "Stra?e ?sir"  # no one letter stands in
    assert for_encoding("at least 40×12", "ascii") == "at least 40x12"
    assert for_encoding("café–", "latin-1") == "café-"  # what the encoding has stays
    assert for_encoding("╭─", "utf-8") == "╭─"
    for char, replacement in STAND_INS.items():
        assert replacement.isascii() and len(replacement) == 1, char
    assert stand_in("┏") == "+" and stand_in("━") == "-" and stand_in("┃") == "|"
    assert not can_encode("╭", "ascii") and can_encode("╭", "utf-8")


@POSIX
def test_ascii_locale_gets_ascii_frames_and_marks(tmp_path):
    output, status = run_in_pty(
        ["-m", "briefing", str(DEFAULT)],
        [b"\t", b"j", b"q"],
        size=(80, 24),
        env={**ASCII_LOCALE, "BRIEFING_CONFIG_DIR": str(tmp_path)},
    )
    assert status == 0, output[-2000:]
    assert b"\\u2" not in output and b"\\u25" not in output and b"\\x" not in output
    assert output.isascii()
    shown = text_of(output)
    assert b"+- 1 Delegations ---" in shown
    assert b"Ukraine-Russia" in shown  # the en dash in the YAML title
    assert b"| |United States  mediator" in shown  # the frame, the side mark


def test_plain_output_in_an_ascii_locale_reads_well():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_CTYPE", "PYTHONIOENCODING")}
    env.update({"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "PYTHONPATH": str(ROOT)})
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--plain", str(DEFAULT)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.isascii()
    assert b"Ukraine-Russia talks in Geneva\n======" in out
    assert b"\\u" not in out
    assert b"?Russia" not in out


# --- what people see -------------------------------------------------------------------------


def test_dashboard_in_ascii(snap_compare, monkeypatch):
    monkeypatch.setattr("briefing.ui.terminal.output_encoding", lambda: "ascii")
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(80, 24), press=["tab", "j"])


@pytest.mark.parametrize("theme", ["briefing-dark", "briefing-projector"])
def test_dashboard_in_sixteen_colours(snap_compare, monkeypatch, theme):
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM")
    assert snap_compare(BriefingApp(DEFAULT, theme=theme), terminal_size=(80, 24), press=["tab", "j"])


def test_dashboard_with_no_color(snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(80, 24), press=["tab", "j"])
