"""No input breaks briefing: every bad file gets one exact FILE:LINE:COL message.

Each case is checked three ways where it makes sense: the loader
(``load_path``), ``briefing check`` (in-process, and a few as a real
subprocess), and, for a representative subset, the app opening the file and
showing its error screen. Then come the files that are not files (FIFOs,
devices, folders, loops), truncated and randomly mutated copies of the
bundled briefing, and ``briefing check`` with many arguments.

Decisions recorded here (the tests are their documentation):

* A UTF-8 BOM and CRLF line ends are accepted; UTF-16/UTF-32 are refused
  with "save it as UTF-8".
* Merge keys (``<<: *base``) are refused with their own message, not
  supported: a briefing should read the same to a person as to the program.
* Dates are text: ``updated: 2024-02-30`` loads as the string "2024-02-30".
* Raw U+0085, U+2028 and U+2029 are refused: YAML reads them as line breaks,
  editors do not, so every position after one would be wrong.
* A file reports at most MAX_PROBLEMS problems.
* ``briefing check -`` reads standard input; a folder is a problem, not
  searched; exit status 0 / 1 / 2 = all good / a problem / usage error.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

import briefing.loading
import briefing.sources.verify
from briefing.cli import main
from briefing.loading import (
    MAX_BYTES,
    MAX_PROBLEMS,
    BriefingError,
    load_bytes,
    load_path,
    yaml_reader,
)
from briefing.loading import loader as loader_module
from briefing.loading import reading as reading_module
from briefing.model import Briefing

from .conftest import DEFAULT, MINIMAL

M = MINIMAL  # lines 1-3: schema, meta, title
UA = "delegations:\n  - id: ua\n    side: Ukraine\n    role: party\n"  # lines 4-7
# A strike count whose 'launched' value starts at line 9, column 17.
LAUNCHED = M + "strikes:\n  period: p\n  counts:\n    - id: m\n      weapon: Missiles\n      launched: "
EMPTY = "the file is empty; a briefing starts with 'schema: 1' and a 'meta:' section"
TOP = "the top level must be a mapping with 'schema: 1', 'meta:', 'delegations:' and so on, not "
TAG = "is not allowed; briefings use plain YAML values only"
ROLES = "mediator, party, ally, observer, other"
TOP_KEYS = "schema, meta, sources, delegations, agenda, quotes, strikes, figures, timeline"
WHOLE = "a count must be a whole number such as 29, not "
NOT_REGULAR = "b.yaml: is not a regular file (a pipe, socket or device?)"


def _bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


# A list whose last item is nested 1,500 deep, built from aliases in a file
# whose own nesting is two levels: depth that only exists after expansion.
DEEP_CHAIN = "[&a0 [x], " + ", ".join(f"&a{i} [*a{i - 1}]" for i in range(1, 1500)) + "]"

# (id, file content, exact first problem)
CASES: list[tuple[str, str | bytes, str]] = [
    # Nothing, or not a mapping.
    ("empty file", "", f"b.yaml:1:1: {EMPTY}"),
    ("blank lines only", "\n   \n\n", f"b.yaml:1:1: {EMPTY}"),
    ("comments only", "# briefing\n# to do\n", f"b.yaml:1:1: {EMPTY}"),
    ("only null", "~\n", f"b.yaml:1:1: {EMPTY}"),
    ("list at top level", "- schema: 1\n- meta: x\n", f"b.yaml:1:1: {TOP}a list"),
    ("scalar at top level", "Geneva talks, day two\n", f"b.yaml:1:1: {TOP}text"),
    ("number at top level", "42\n", f"b.yaml:1:1: {TOP}a whole number"),
    # Several documents.
    (
        "second document after ---",
        M + "---\n" + M,
        "b.yaml:4:1: a briefing file holds one YAML document; found a second '---'",
    ),
    (
        "explicit first document then a second",
        "---\n" + M + "---\n" + M,
        "b.yaml:5:1: a briefing file holds one YAML document; found a second '---'",
    ),
    (
        "second document after ...",
        M + "...\n" + M,
        "b.yaml:5:1: a briefing file holds one YAML document; found more after the '...' that ends the first",
    ),
    # Wrong types, in several different fields.
    (
        "meta is a list",
        "schema: 1\nmeta: [a, b]\n",
        "b.yaml:2:7: meta: expected a mapping (key: value lines), got a list",
    ),
    (
        "title is a number",
        "schema: 1\nmeta:\n  title: 2024\n",
        "b.yaml:3:10: meta.title: expected text, got a whole number",
    ),
    (
        "optional place is a number",
        M + "  place: 1815\n",
        "b.yaml:4:10: meta.place: expected text, got a whole number",
    ),
    (
        "optional source is text",
        M + "  source: Reuters\n",
        "b.yaml:4:11: meta.source: expected a mapping (key: value lines), got text",
    ),
    (
        "delegations is a mapping",
        M + "delegations:\n  ua: Ukraine\n",
        "b.yaml:5:3: delegations: expected a list, got a mapping (key: value lines)",
    ),
    (
        "strikes is a list",
        M + "strikes:\n  - period: p\n",
        "b.yaml:5:3: strikes: expected a mapping (key: value lines), got a list",
    ),
    (
        "aka is text",
        M + UA + "    members:\n      - id: p\n        name: P\n        aka: Vova\n",
        "b.yaml:11:14: delegations[0].members[0].aka: expected a list, got text",
    ),
    (
        "attending is maybe",
        M + UA + "    members:\n      - id: p\n        name: P\n        attending: maybe\n",
        "b.yaml:11:20: delegations[0].members[0].attending: expected true or false, got text "
        "('maybe'); write true or false",
    ),
    (
        "role is a number",
        M + "delegations:\n  - id: ua\n    side: Ukraine\n    role: 5\n",
        f"b.yaml:7:11: delegations[0].role: 5 is not one of: {ROLES}",
    ),
    (
        "role is an alias chain 1,500 deep",
        M + f"delegations:\n  - id: ua\n    side: Ukraine\n    role: {DEEP_CHAIN}\n",
        f"b.yaml:7:11: delegations[0].role: expected one of: {ROLES}; got a list",
    ),
    (
        "schema is quoted",
        "schema: '1'\nmeta:\n  title: T\n",
        "b.yaml:1:9: schema: expected the number 1, got text ('1'); write 'schema: 1'",
    ),
    (
        "schema is empty",
        "schema:\nmeta:\n  title: T\n",
        "b.yaml:1:8: schema: expected the number 1, got nothing (null); write 'schema: 1'",
    ),
    (
        "title is empty",
        "schema: 1\nmeta:\n  title:\n",
        "b.yaml:3:9: meta.title: expected text, got nothing (null)",
    ),
    # Missing required fields.
    ("missing meta", "schema: 1\n", "b.yaml:1:1: top level: missing required key 'meta'"),
    (
        "missing role",
        M + "delegations:\n  - id: ua\n    side: Ukraine\n",
        "b.yaml:5:5: delegations[0]: missing required key 'role'",
    ),
    (
        "missing quote text",
        M + UA + "quotes:\n  - id: q\n    speaker: ua\n",
        "b.yaml:9:5: quotes[0]: missing required key 'text'",
    ),
    (
        "missing strikes period",
        M + "strikes:\n  counts: []\n",
        "b.yaml:5:3: strikes: missing required key 'period'",
    ),
    # Unknown keys, with a suggestion when one is close.
    (
        "unknown top-level key",
        M + "delegatoins: []\n",
        "b.yaml:4:1: top level: unknown key 'delegatoins'; did you mean 'delegations'?",
    ),
    (
        "unknown nested key",
        M + "  palce: Geneva\n",
        "b.yaml:4:3: meta: unknown key 'palce'; did you mean 'place'?",
    ),
    (
        "unknown key in a list item",
        M + UA + "    memebrs: []\n",
        "b.yaml:8:5: delegations[0]: unknown key 'memebrs'; did you mean 'members'?",
    ),
    (
        "unknown key in a nested list item",
        M + UA + "    members:\n      - id: p\n        nmae: P\n",
        "b.yaml:10:9: delegations[0].members[0]: unknown key 'nmae'; did you mean 'name'?",
    ),
    (
        "unknown key, nothing close",
        M + "zzz: 1\n",
        f"b.yaml:4:1: top level: unknown key 'zzz'; expected one of: {TOP_KEYS}",
    ),
    (
        "unknown non-ASCII key",
        M + "  titré: x\n",
        "b.yaml:4:3: meta: unknown key 'titré'; did you mean 'title'?",
    ),
    # Duplicate keys are refused; the message names both lines.
    (
        "duplicate top-level key",
        M + "schema: 1\n",
        "b.yaml:4:1: duplicate key 'schema' (first defined on line 1)",
    ),
    (
        "duplicate key in a list item",
        M + UA + "    side: Russia\n",
        "b.yaml:8:5: duplicate key 'side' (first defined on line 6)",
    ),
    (
        "duplicate key in a flow mapping",
        "schema: 1\nmeta: {title: A, title: B}\n",
        "b.yaml:2:18: duplicate key 'title' (first defined on line 2)",
    ),
    # Tabs.
    (
        "tab indentation in a list",
        M + "agenda:\n\t- id: a\n",
        "b.yaml:5:1: a tab character here; YAML indentation must use spaces",
    ),
    # Bytes and characters.
    (
        "Latin-1 byte",
        b"schema: 1\nmeta:\n  title: Caf\xe9 talks\n",
        "b.yaml:3:13: byte 0xe9 is not valid UTF-8; save the file as UTF-8",
    ),
    (
        "Windows-1252 quote",
        b"schema: 1\nmeta:\n  title: \x93Peace\x94\n",
        "b.yaml:3:10: byte 0x93 is not valid UTF-8; save the file as UTF-8",
    ),
    ("NUL byte", b"schema: 1\nmeta:\n  title: a\x00b\n", "b.yaml:3:11: NUL byte in file; is it binary?"),
    ("UTF-16 LE with BOM", "\ufeff" + M, "utf-16-le"),
    ("UTF-16 BE with BOM", "\ufeff" + M, "utf-16-be"),
    ("UTF-16 LE without BOM", M, "utf-16-le"),
    ("UTF-32 with BOM", "\ufeff" + M, "utf-32-le"),
    (
        "cut inside a UTF-8 character",
        "schema: 1\nmeta:\n  title: Genève".encode()[:-3],
        "b.yaml:3:13: the file ends partway through a character; was it saved completely?",
    ),
    (
        "raw ESC",
        "schema: 1\nmeta:\n  title: a\x1b]0;pwned\x07\n",
        "b.yaml:3:11: control character U+001B is not allowed in a YAML file; delete it",
    ),
    (
        "raw BEL in a quoted string",
        'schema: 1\nmeta:\n  title: "ding\x07"\n',
        "b.yaml:3:15: control character U+0007 is not allowed in a YAML file; delete it",
    ),
    (
        "raw C1 control",
        "schema: 1\nmeta:\n  title: a\x9bb\n",
        "b.yaml:3:11: control character U+009B is not allowed in a YAML file; delete it",
    ),
    (
        "raw U+FFFE",
        "schema: 1\nmeta:\n  title: a\ufffe\n",
        "b.yaml:3:11: character U+FFFE is not allowed in a YAML file; delete it",
    ),
    (
        "raw line separator",
        "schema: 1\nmeta:\n  title: one\u2028two\n",
        "b.yaml:3:13: character U+2028 (line separator) would be read as a line break; "
        "delete it, or write \\L inside double quotes",
    ),
    (
        "raw next-line character",
        "schema: 1\nmeta:\n  title: one\x85two\n",
        "b.yaml:3:13: character U+0085 (next line) would be read as a line break; "
        "delete it, or write \\N inside double quotes",
    ),
    # Tags: Python objects, other unsafe or unknown tags.
    (
        "python object apply",
        "schema: 1\nmeta:\n  title: !!python/object/apply:os.system [echo pwned]\n",
        f"b.yaml:3:10: tag !!python/object/apply:os.system {TAG}",
    ),
    (
        "python name",
        "schema: 1\nmeta: !!python/name:os.system ''\n",
        f"b.yaml:2:7: tag !!python/name:os.system {TAG}",
    ),
    (
        "python object new on a mapping",
        "schema: 1\nmeta: !!python/object/new:dict\n  title: T\n",
        f"b.yaml:2:7: tag !!python/object/new:dict {TAG}",
    ),
    ("binary", "schema: 1\nmeta:\n  title: !!binary aGVsbG8=\n", f"b.yaml:3:10: tag !!binary {TAG}"),
    ("custom local tag", "schema: 1\nmeta:\n  title: !custom x\n", f"b.yaml:3:10: tag !custom {TAG}"),
    ("set", "schema: 1\nmeta: !!set {a, b}\n", f"b.yaml:2:7: tag !!set {TAG}"),
    ("omap", "schema: 1\nmeta: !!omap [title: T]\n", f"b.yaml:2:7: tag !!omap {TAG}"),
    ("timestamp", M + "  updated: !!timestamp 2024-02-17\n", f"b.yaml:4:12: tag !!timestamp {TAG}"),
    ("tag on a key", M + "!!python/name:os.system x: 1\n", f"b.yaml:4:1: tag !!python/name:os.system {TAG}"),
    # Numbers.
    ("5,000-digit count", LAUNCHED + "9" * 5000 + "\n", "b.yaml:9:17: number is too long"),
    (
        "20-digit count",
        LAUNCHED + "9" * 20 + "\n",
        "b.yaml:9:17: strikes.counts[0].launched: number is too large for a count",
    ),
    (
        "negative count",
        LAUNCHED + "-5\n",
        "b.yaml:9:17: strikes.counts[0].launched: a count cannot be negative (-5)",
    ),
    (
        "count in exponent form",
        LAUNCHED + "1e3\n",
        "b.yaml:9:17: strikes.counts[0].launched: a count must be a whole number; write 1000, not 1000.0",
    ),
    ("fractional count", LAUNCHED + "2.5\n", f"b.yaml:9:17: strikes.counts[0].launched: {WHOLE}2.5"),
    (
        "infinite count",
        LAUNCHED + ".inf\n",
        f"b.yaml:9:17: strikes.counts[0].launched: {WHOLE}infinity (.inf)",
    ),
    (
        "not-a-number count",
        LAUNCHED + ".nan\n",
        f"b.yaml:9:17: strikes.counts[0].launched: {WHOLE}.nan (not a number)",
    ),
    (
        "boolean count",
        LAUNCHED + "true\n",
        "b.yaml:9:17: strikes.counts[0].launched: expected a number, not true/false",
    ),
    (
        "list count",
        LAUNCHED + "[1, 2]\n",
        "b.yaml:9:17: strikes.counts[0].launched: expected a number, got a list",
    ),
    (
        "intercepted more than launched",
        LAUNCHED + "40\n      intercepted: 41\n",
        "b.yaml:10:20: strikes.counts[0].intercepted: intercepted (41) is more than launched (40)",
    ),
    # Aliases and merge keys.
    ("billion laughs", _bomb(), "b.yaml:7:10: aliases expand to too much data; refusing to load the file"),
    (
        "alias to its own mapping",
        "schema: 1\nmeta: &m\n  title: T\n  place: *m\n",
        "b.yaml:4:10: alias *m refers to a node that contains it",
    ),
    (
        "alias inside its own list",
        "schema: 1\nmeta: &m [*m]\n",
        "b.yaml:2:11: alias *m refers to a node that contains it",
    ),
    ("unknown alias", "schema: 1\nmeta:\n  title: *nope\n", "b.yaml:3:10: unknown alias *nope"),
    (
        "merge key",
        "schema: 1\nmeta:\n  <<: {title: T}\n",
        "b.yaml:3:3: merge keys ('<<: *name') are not supported; write the keys out in full",
    ),
    # Deep nesting never reaches a RecursionError.
    (
        "block mappings 3,000 deep",
        "schema: 1\nmeta:\n" + "".join(" " * i + "a:\n" for i in range(1, 3000)),
        "b.yaml:66:65: nesting is deeper than 64 levels",
    ),
    (
        "flow mappings 5,000 deep",
        "schema: 1\nmeta: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n",
        "b.yaml:2:259: nesting is deeper than 64 levels",
    ),
    (
        "flow lists 5,000 deep, unclosed",
        "schema: 1\nmeta: " + "[" * 5000 + "\n",
        "b.yaml:2:1006: exceeded maximum nesting depth (while increasing flow level on line 2)",
    ),
    # Keys that are not text.
    ("list as a key", M + "? [a, b]\n: 1\n", "b.yaml:4:3: mapping keys must be plain text, not a list"),
    ("mapping as a key", M + "{a: 1}: x\n", "b.yaml:4:1: mapping keys must be plain text, not a mapping"),
    ("number as a key", M + "1: x\n", f"b.yaml:4:1: top level: unknown key '1'; expected one of: {TOP_KEYS}"),
    (
        "null as a key",
        M + "null: x\n",
        f"b.yaml:4:1: top level: unknown key 'null'; expected one of: {TOP_KEYS}",
    ),
    # Cross-field problems.
    (
        "id with spaces",
        M + "agenda:\n  - id: peace plan\n    title: x\n",
        "b.yaml:5:9: agenda[0].id: 'peace plan' is not a valid id; use letters, digits, '-', '_' or "
        "'.' (at most 64 characters, no spaces)",
    ),
    (
        "speaker refers to nobody",
        M + UA + "quotes:\n  - id: q\n    speaker: nobody\n    text: hi\n",
        "b.yaml:10:14: quotes[0].speaker: speaker 'nobody' is not a person or delegation in this "
        "briefing (known ids: ua)",
    ),
    (
        "raised_by refers to nobody",
        M + UA + "agenda:\n  - id: a\n    title: x\n    raised_by: [ua, ru]\n",
        "b.yaml:11:21: agenda[0].raised_by[1]: raised_by 'ru' is not a person or delegation in this "
        "briefing (known ids: ua)",
    ),
    (
        "1 MB single-line notes",
        M + "  summary: " + "x" * 1_000_000 + "\n",
        "b.yaml:4:12: meta.summary: is longer than 20,000 characters",
    ),
    # Plain YAML syntax errors.
    (
        "colon inside a plain value",
        "schema: 1\nmeta:\n  title: Talks: day 2\n",
        "b.yaml:3:15: mapping values are not allowed in this context",
    ),
    (
        "unclosed quote",
        'schema: 1\nmeta:\n  title: "Talks\n',
        "b.yaml:3:16: found unexpected end of stream (while scanning a quoted scalar on line 3)",
    ),
]

ENCODED = {
    "UTF-16 LE with BOM": "b.yaml:1:1: the file is saved as UTF-16; save it as UTF-8",
    "UTF-16 BE with BOM": "b.yaml:1:1: the file is saved as UTF-16; save it as UTF-8",
    "UTF-16 LE without BOM": "b.yaml:1:1: the file looks like UTF-16 (every other byte is NUL); save it as UTF-8",
    "UTF-32 with BOM": "b.yaml:1:1: the file is saved as UTF-32; save it as UTF-8",
}


def _case(name: str, content: str | bytes, message: str) -> tuple[bytes, str]:
    if name in ENCODED:  # ``message`` names the codec for these
        assert isinstance(content, str)
        return content.encode(message), ENCODED[name]
    return (content if isinstance(content, bytes) else content.encode("utf-8")), message


PARAMS = [pytest.param(*_case(*c), id=c[0]) for c in CASES]


def test_cases_are_distinct():
    assert len(CASES) >= 35
    assert len({c[0] for c in CASES}) == len(CASES)
    assert len({_case(*c)[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("data", "message"), PARAMS)
def test_loader_message(tmp_path, data, message):
    path = tmp_path / "b.yaml"
    path.write_bytes(data)
    with pytest.raises(BriefingError) as info:
        load_path(path, display="b.yaml")
    assert str(info.value.problems[0]) == message


@pytest.mark.parametrize(("data", "message"), PARAMS)
def test_check_prints_the_message(tmp_path, monkeypatch, capsys, data, message):
    (tmp_path / "b.yaml").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "b.yaml"]) == 1
    out, err = capsys.readouterr()
    assert out == message + "\n"
    assert err == "1 of 1 briefing has problems\n"


SUBPROCESS_CASES = [
    "empty file",
    "python object apply",
    "billion laughs",
    "NUL byte",
    "flow lists 5,000 deep, unclosed",
    "UTF-16 LE with BOM",
]


# Subprocesses run in temp folders must import this checkout's briefing.
ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


def run_check(*args: str, cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "check", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=ENV,
        **kwargs,
    )


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_check_subprocess_exit_status(tmp_path, name):
    case = next(c for c in CASES if c[0] == name)
    data, message = _case(*case)
    (tmp_path / "b.yaml").write_bytes(data)
    result = run_check("b.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == message + "\n"
    assert "Traceback" not in result.stderr


# The app opening a bad file: error screen with the message, q exits with 1.
APP_CASES = [
    "empty file",
    "Latin-1 byte",
    "python object apply",
    "billion laughs",
    "duplicate key in a list item",
    "unknown key in a nested list item",
    "raw ESC",
    "flow mappings 5,000 deep",
]


async def _assert_error_screen(path: Path, message: str) -> None:
    from briefing.ui.app import BriefingApp
    from briefing.ui.screens.error import ErrorScreen

    app = BriefingApp(path, display_name="b.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        body = str(app.screen.query_one("#error-body").render())
        assert body.splitlines()[0] == message
        await pilot.press("q")
    assert app.return_code == 1


@pytest.mark.parametrize("name", APP_CASES)
async def test_app_shows_error_screen(tmp_path, name):
    data, message = _case(*next(c for c in CASES if c[0] == name))
    path = tmp_path / "b.yaml"
    path.write_bytes(data)
    await _assert_error_screen(path, message)


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "missing"])
async def test_app_opening_something_that_is_not_a_file(tmp_path, kind):
    path = {
        "fifo": tmp_path / "b.yaml",
        "folder": tmp_path,
        "device": Path("/dev/zero"),
        "missing": tmp_path / "gone.yaml",
    }[kind]
    if kind == "fifo":
        os.mkfifo(path)
    message = {"folder": "b.yaml: is a folder, not a briefing file", "missing": "b.yaml: no such file"}.get(
        kind, NOT_REGULAR
    )
    await _assert_error_screen(path, message)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_real_program_opening_a_fifo_shows_the_problem_and_exits_1(tmp_path):
    from .test_hostile_text import run_in_pty

    os.mkfifo(tmp_path / "pipe.yaml")
    output, status = run_in_pty(["-m", "briefing", str(tmp_path / "pipe.yaml")], [b"q"], size=(200, 30))
    assert status == 1
    assert b"is not a regular file (a pipe, socket or device?)" in output
    assert b"Traceback" not in output


# --- Accepted input -------------------------------------------------------------


def test_bom_and_crlf_load_the_same_briefing():
    original = DEFAULT.read_bytes()
    crlf = b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n")
    assert load_bytes(crlf, "b.yaml") == load_bytes(original, "b.yaml")


def test_crlf_file_reports_the_same_position():
    text = M + "  titel: x\n"
    lf = pytest.raises(BriefingError, load_bytes, text.encode(), "b.yaml")
    crlf = pytest.raises(
        BriefingError, load_bytes, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "b.yaml"
    )
    assert (
        str(lf.value.problems[0])
        == str(crlf.value.problems[0])
        == ("b.yaml:4:3: meta: unknown key 'titel'; did you mean 'title'?")
    )


def test_impossible_date_stays_text():
    meta = load_bytes((M + "  updated: 2024-02-30\n").encode(), "b.yaml").meta
    assert meta.updated == "2024-02-30"


def test_5000_digits_in_a_quoted_string_are_text():
    meta = load_bytes((M + "  summary: '" + "9" * 5000 + "'\n").encode(), "b.yaml").meta
    assert meta.summary == "9" * 5000


def test_very_long_lines_load():
    comment = "# " + "x" * 1_000_000 + "\n"
    title = "y" * 20_000
    start = time.perf_counter()
    meta = load_bytes((comment + "schema: 1\nmeta:\n  title: " + title + "\n").encode(), "b.yaml").meta
    assert meta.title == title
    assert time.perf_counter() - start < 2


def test_yaml_escapes_of_controls_load_as_data():
    # Escapes are legal YAML; the UI makes them visible (tests/test_hostile_text.py).
    meta = load_bytes(b'schema: 1\nmeta:\n  title: "\\e]0;pwned\\a \\u202e \\N"\n', "b.yaml").meta
    assert meta.title == "\x1b]0;pwned\x07 \u202e \x85"


# --- Limits: speed and memory ---------------------------------------------------------


def test_billion_laughs_is_refused_quickly_and_small():
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(BriefingError):
        load_bytes(_bomb().encode(), "b.yaml")
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1
    assert peak < 20 * 1024 * 1024


def test_only_aliases_count_towards_the_alias_limit(monkeypatch):
    # Regression: every node once counted its whole subtree towards the limit,
    # so a plain 100,000-item agenda was refused as "aliases expand".
    monkeypatch.setattr(yaml_reader, "MAX_EXPANSION", 100)
    rows = "".join(f"  - id: a{i}\n    title: Item {i}\n" for i in range(200))
    assert len(load_bytes((M + "agenda:\n" + rows).encode(), "b.yaml").agenda) == 200
    aliases = "  format: &f [" + ", ".join(["x"] * 30) + "]\n" + "".join(f"  f{i}: *f\n" for i in range(4))
    with pytest.raises(BriefingError) as info:
        load_bytes((M + aliases).encode(), "b.yaml")
    assert str(info.value.problems[0]) == (
        "b.yaml:8:7: aliases expand to too much data; refusing to load the file"
    )


def test_thousands_of_problems_are_fast_and_capped():
    # Regression: each problem re-read the whole file; 2,000 took 100 s.
    quotes = "".join(f"  - id: q{i}\n    speaker: x{i}\n    text: hi\n" for i in range(5000))
    start = time.perf_counter()
    with pytest.raises(BriefingError) as info:
        load_bytes((M + "quotes:\n" + quotes).encode(), "b.yaml")
    assert time.perf_counter() - start < 5
    lines = [str(p) for p in info.value.problems]
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[0].startswith("b.yaml:6:14: quotes[0].speaker: speaker 'x0' is not")
    assert lines[MAX_PROBLEMS - 1].startswith(
        f"b.yaml:{5 + 3 * (MAX_PROBLEMS - 1) + 1}:14: quotes[99].speaker:"
    )
    assert lines[-1] == f"b.yaml: stopped after {MAX_PROBLEMS} problems; fix these and check again"


def test_aliases_repeating_one_person_are_capped():
    members = "      - &p {id: p, name: P}\n" + "      - *p\n" * 999
    text = (
        M
        + "delegations:\n  - &d\n    id: d\n    side: S\n    role: party\n    members:\n"
        + members
        + "  - *d\n" * 300
    )
    start = time.perf_counter()
    with pytest.raises(BriefingError) as info:
        load_bytes(text.encode(), "b.yaml")
    assert time.perf_counter() - start < 5
    assert str(info.value.problems[0]) == (
        "b.yaml:11:9: delegations[0].members[1].id: id 'p' is already used by person at "
        "delegations[0].members[0]"
    )
    assert len(info.value.problems) == MAX_PROBLEMS + 1


# --- Paths that are not briefing files -------------------------------------------------


def _problem(path: os.PathLike[str] | str) -> str:
    with pytest.raises(BriefingError) as info:
        load_path(path, display="b.yaml")
    return str(info.value.problems[0])


def _without_hanging(function, timeout: float = 5.0):
    """Run ``function`` in a thread; fail (instead of hanging) if it blocks."""
    result: list[object] = []

    def target():
        try:
            function()
        except BaseException as exc:  # noqa: BLE001 - reported below
            result.append(exc)
        else:
            result.append(None)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "blocked"
    return result[0]


def test_fifo_never_blocks(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    error = _without_hanging(lambda: load_path(fifo, display="b.yaml"))
    assert isinstance(error, BriefingError)
    assert str(error.problems[0]) == NOT_REGULAR


def test_path_swapped_for_a_fifo_after_stat_is_caught(tmp_path, monkeypatch):
    # Simulates the file being replaced by a FIFO between stat and open: only
    # the fstat of the opened descriptor can notice.
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    regular = os.stat(DEFAULT)
    real_stat = os.stat
    monkeypatch.setattr(
        reading_module.os, "stat", lambda p, *a, **k: regular if Path(p) == fifo else real_stat(p, *a, **k)
    )
    error = _without_hanging(lambda: load_path(fifo, display="b.yaml"))
    assert isinstance(error, BriefingError)
    assert str(error.problems[0]) == NOT_REGULAR


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    error = _without_hanging(lambda: load_path(device, display="b.yaml"))
    assert str(error.problems[0]) == NOT_REGULAR


def test_directory(tmp_path):
    assert _problem(tmp_path) == "b.yaml: is a folder, not a briefing file"


def test_missing_file_and_missing_folder(tmp_path):
    assert _problem(tmp_path / "nope.yaml") == "b.yaml: no such file"
    assert _problem(tmp_path / "nope" / "b.yaml") == "b.yaml: no such file"


def test_path_through_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    assert _problem(tmp_path / "file" / "b.yaml") == (
        "b.yaml: no such file (part of the path is a file, not a folder)"
    )


def test_dangling_symlink_and_symlink_loop(tmp_path):
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.yaml")
    assert _problem(tmp_path / "dangling") == "b.yaml: no such file"
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert _problem(tmp_path / "a") == (
        "b.yaml: too many levels of symbolic links (a link that points to itself?)"
    )


def test_symlink_to_a_good_file_loads(tmp_path):
    (tmp_path / "link.yaml").symlink_to(DEFAULT)
    assert isinstance(load_path(tmp_path / "link.yaml"), Briefing)


def test_unreadable_file(tmp_path, monkeypatch):
    # chmod alone proves nothing as root (CI), which can read any file: the
    # denial is injected where the one reader opens files, on every machine.
    def deny(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(reading_module, "open_file", deny)
    path = tmp_path / "b.yaml"
    path.write_text(M)
    path.chmod(0)
    assert _problem(path) == "b.yaml: permission denied"


def test_nul_and_overlong_file_names(tmp_path):
    assert _problem(str(tmp_path) + "/a\0b.yaml") == "b.yaml: the file name contains a NUL character"
    assert _problem(tmp_path / ("x" * 300)) == "b.yaml: the file name is too long"


def test_file_over_the_real_limit_is_refused_without_reading(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:  # sparse: takes no disk space
        handle.truncate(MAX_BYTES + 1)
    start = time.perf_counter()
    assert (
        _problem(path)
        == f"b.yaml: file is {MAX_BYTES + 1:,} bytes; briefings are limited to {MAX_BYTES:,} bytes"
    )
    assert time.perf_counter() - start < 0.5


def test_file_over_a_smaller_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(loader_module, "MAX_BYTES", 100)
    path = tmp_path / "b.yaml"
    path.write_text(M + "  summary: " + "x" * 100 + "\n")
    assert (
        _problem(path) == f"b.yaml: file is {path.stat().st_size} bytes; briefings are limited to 100 bytes"
    )
    path.write_text(M)
    assert load_path(path).meta.title == "Minimal"


def test_file_larger_than_stat_says(monkeypatch):
    # /proc files report size 0 and then have content: the read is bounded too.
    if not os.path.exists("/proc/self/status"):
        pytest.skip("no /proc")
    monkeypatch.setattr(loader_module, "MAX_BYTES", 100)
    assert (
        _problem("/proc/self/status")
        == "b.yaml: file is larger than the limit; briefings are limited to 100 bytes"
    )


# --- briefing check with many arguments ------------------------------------------------


def test_check_many_files_mixed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("good.yaml").write_text(M)
    Path("bad.yaml").write_text(M + "  titel: x\n")
    Path("folder").mkdir()
    os.mkfifo("pipe")
    files = ["good.yaml", "bad.yaml", "folder", "missing.yaml", "pipe", str(DEFAULT)]
    assert main(["check", *files]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "bad.yaml:4:3: meta: unknown key 'titel'; did you mean 'title'?",
        "folder: is a folder, not a briefing file",
        "missing.yaml: no such file",
        "pipe: is not a regular file (a pipe, socket or device?)",
    ]
    assert err == "4 of 6 briefings have problems\n"


def test_check_all_good(capsys):
    assert main(["check", str(DEFAULT), str(DEFAULT)]) == 0
    assert capsys.readouterr() == ("", "2 briefings OK\n")


def test_check_reports_every_problem_of_a_file(write, capsys):
    path = write(
        M + UA + "quotes:\n  - id: q\n    speaker: x\n    text: a\n  - id: q\n    speaker: ua\n    text: b\n"
    )
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:10:14: quotes[0].speaker: speaker 'x' is not a person or delegation in this "
        "briefing (known ids: ua)",
        f"{path}:12:9: quotes[1].id: id 'q' is already used by quote at quotes[0]",
    ]


def test_check_reads_stdin():
    result = run_check("-", input=M + "  titel: x\n")
    assert result.returncode == 1
    assert result.stdout == "<stdin>:4:3: meta: unknown key 'titel'; did you mean 'title'?\n"
    assert result.stderr == "1 of 1 briefing has problems\n"
    result = run_check("-", input=M)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "1 briefing OK\n")


def test_check_stdin_is_size_limited(monkeypatch, capsys):
    import io

    monkeypatch.setattr(loader_module, "MAX_BYTES", 10)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(M.encode())))
    assert main(["check", "-"]) == 1
    assert (
        capsys.readouterr().out
        == "<stdin>: file is larger than the limit; briefings are limited to 10 bytes\n"
    )


def test_check_stdin_from_a_terminal_is_a_usage_error(monkeypatch, capsys):
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(SystemExit) as info:
        main(["check", "-"])
    assert info.value.code == 2
    assert "'-' reads a briefing from standard input, which is a terminal" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["--bogus", "x.yaml"], ["-", "-"]])
def test_check_usage_errors_exit_2(argv):
    result = run_check(*argv, input="")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: briefing check")
    assert "Traceback" not in result.stderr


def test_check_help_documents_stdin_folders_and_exit_status():
    result = run_check("--help")
    assert result.returncode == 0
    for fragment in [
        "'-' to read one briefing from standard input",
        "A folder is reported as a problem",
        "Exit status: 0 every file is a valid briefing, 1 at least one problem,",
    ]:
        assert fragment in result.stdout


def test_check_subprocess_fifo_and_device_do_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_check("pipe.yaml", "/dev/zero", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "pipe.yaml: is not a regular file (a pipe, socket or device?)",
        "/dev/zero: is not a regular file (a pipe, socket or device?)",
    ]


def test_check_into_a_closed_pipe_has_no_traceback(tmp_path):
    # Enough output (20 files x 100 problems) that writes continue after the
    # reader has gone, as with `briefing check *.yaml | head -1`.
    quotes = "".join(f"  - id: q{i}\n    speaker: x{i}\n    text: hi\n" for i in range(200))
    for i in range(20):
        (tmp_path / f"f{i}.yaml").write_text(M + "quotes:\n" + quotes)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "check", *(f"f{i}.yaml" for i in range(20))],
        cwd=tmp_path,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert first.startswith(b"f0.yaml:6:14: quotes[0].speaker:")
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


def test_check_turns_an_internal_error_into_one_line(write, monkeypatch, capsys):
    def broken(path, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(briefing.sources.verify, "load_path", broken)  # what check calls
    assert main(["check", "b.yaml"]) == 1
    assert capsys.readouterr().out == (
        "b.yaml: internal error while checking this file (RuntimeError: boom); please report it\n"
    )


# --- Truncated and mutated copies of the bundled briefing ------------------------------


def _outcome(data: bytes) -> str:
    """'ok' or 'problem'; anything else (another exception) fails the test."""
    try:
        result = load_bytes(data, "b.yaml")
    except BriefingError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.mark is not None or problem.message.startswith("stopped after"), problem
            assert str(problem).startswith("b.yaml:")
        return "problem"
    assert isinstance(result, Briefing)
    return "ok"


def _multibyte_offsets(data: bytes) -> list[int]:
    """Offsets that fall inside a multi-byte UTF-8 character."""
    return [i for i, byte in enumerate(data) if 0x80 <= byte < 0xC0]


def test_truncated_bundled_briefing():
    # A half-saved file: cut inside every multi-byte character, around every
    # line end, and every 11th byte besides (every byte takes 12 s; this 2 s).
    data = DEFAULT.read_bytes()
    inside = _multibyte_offsets(data)
    assert len(inside) > 20, "the bundled briefing has non-ASCII text"
    line_ends = [i for i, byte in enumerate(data) if byte == 0x0A]
    cuts = {
        *inside,
        *line_ends,
        *(i + 1 for i in line_ends),
        *(i - 1 for i in line_ends),
        *range(0, len(data) + 1, 11),
        len(data),
    }
    outcomes = [_outcome(data[:cut]) for cut in sorted(cuts)]
    assert set(outcomes) == {"ok", "problem"}
    assert [_outcome(data[:cut]) for cut in inside] == ["problem"] * len(inside)


def test_truncated_inside_a_character_names_it():
    data = DEFAULT.read_bytes()
    cut = _multibyte_offsets(data)[0]
    with pytest.raises(BriefingError) as info:
        load_bytes(data[:cut], "b.yaml")
    before = data[:cut].decode("utf-8", errors="ignore")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    assert str(info.value.problems[0]) == (
        f"b.yaml:{line}:{column}: the file ends partway through a character; was it saved completely?"
    )


def _mutations(data: bytes, count: int, seed: int):
    rng = random.Random(seed)
    lines = data.split(b"\n")
    special = b"\t\n\r :-[]{}&*!|>'\"#%@`,?\\\x00\x1b\x7f\x85\xc2\xe2\xff"
    for _ in range(count):
        kind = rng.randrange(5)
        pos = rng.randrange(len(data))
        if kind == 0:  # replace one byte with any byte
            yield data[:pos] + bytes([rng.randrange(256)]) + data[pos + 1 :]
        elif kind == 1:  # delete a line
            i = rng.randrange(len(lines))
            yield b"\n".join(lines[:i] + lines[i + 1 :])
        elif kind == 2:  # delete a byte
            yield data[:pos] + data[pos + 1 :]
        elif kind == 3:  # insert a byte YAML cares about
            yield data[:pos] + bytes([rng.choice(special)]) + data[pos:]
        else:  # duplicate a line (duplicate keys, repeated items)
            i = rng.randrange(len(lines))
            yield b"\n".join(lines[: i + 1] + lines[i:])


def test_random_mutations_load_or_fail_cleanly():
    data = DEFAULT.read_bytes()
    seen = {"ok": 0, "problem": 0}
    slowest = 0.0
    for variant in _mutations(data, 300, seed=20240217):
        start = time.perf_counter()
        seen[_outcome(variant)] += 1
        slowest = max(slowest, time.perf_counter() - start)
    assert seen["ok"] > 0 and seen["problem"] > 0
    assert slowest < 2
