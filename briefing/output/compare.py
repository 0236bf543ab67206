"""The ``briefing diff`` command: which two briefings, then the report.

``OLD NEW`` are two files; ``REV FILE`` is FILE at a git revision against
the file as it is now; ``REV1 REV2 FILE`` is FILE at two revisions. The
exit status is ``diff``'s: 0 no change, 1 changes, 2 a problem (a broken
file as ``FILE:LINE:COL: message`` lines, git missing, a revision unknown).
No UI imports.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from briefing.diff.changes import diff
from briefing.loading import BriefingError, load_path
from briefing.model.structs import Briefing
from briefing.output.broken_pipe import stdout_reader_left
from briefing.output.diff_report import render_json, render_text
from briefing.output.glyphs import can_encode, for_encoding
from briefing.output.wrapping import output_width

NO_CHANGES, CHANGES, TROUBLE = 0, 1, 2


@dataclass(frozen=True)
class Side:
    """One of the two briefings: how to load it and what to call it."""

    name: str
    load: Callable[[], Briefing]


def sides(args: list[str]) -> tuple[Side, Side]:
    """The two briefings that ``briefing diff ARGS`` compares.

    Two arguments are two files, unless the first is not a file: then it is
    a revision of the second (write ``./HEAD`` for a file named like one).
    """
    from briefing.diff.revisions import display_name, load_at

    def at(rev: str, file: str) -> Side:
        return Side(display_name(file, rev), partial(load_at, rev, file))

    def now(file: str) -> Side:
        return Side(file, partial(load_path, file))

    if len(args) == 3:
        rev1, rev2, file = args
        return at(rev1, file), at(rev2, file)
    if len(args) != 2:
        raise ValueError("give OLD NEW, REV FILE or REV1 REV2 FILE")
    first, second = args
    if os.path.exists(first) or not os.path.isfile(second):
        return now(first), now(second)
    return at(first, second), now(second)


def run(args: list[str], *, fmt: str = "text", plain: bool = False) -> int:
    """Compare, print the report; the exit status (0, 1 or 2)."""
    old_side, new_side = sides(args)
    # A command that ends in a moment: collecting cycles only walks the first
    # briefing again and again while the second is built (~20% of the run
    # with 10,000 items); the process frees everything when it exits.
    gc.disable()
    loaded: list[Briefing] = []
    problems = []
    for side in (old_side, new_side):
        try:
            loaded.append(side.load())
        except BriefingError as exc:
            problems += exc.problems
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return TROUBLE
    changes = diff(*loaded)
    if fmt == "json":
        text = render_json(changes, old_side.name, new_side.name)
        if not can_encode(text, sys.stdout.encoding):
            text = _ascii_json(text)
    else:
        colour = not plain and _colour_wanted()
        text = render_text(
            changes, old_side.name, new_side.name, width=output_width(sys.stdout), colour=colour
        )
        text = for_encoding(text, sys.stdout.encoding)
    try:
        sys.stdout.writelines(text.splitlines(keepends=True))
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_reader_left()
    return CHANGES if changes else NO_CHANGES


def _ascii_json(text: str) -> str:
    """JSON with every non-ASCII character as a \\u escape (the same data)."""
    out = []
    for char in text:
        code = ord(char)
        if code < 0x80:
            out.append(char)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:  # a surrogate pair, as JSON writes characters beyond the BMP
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out)


def _colour_wanted() -> bool:
    """Colour on a terminal, unless NO_COLOR is set or TERM is dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


__all__ = ["Side", "run", "sides"]
