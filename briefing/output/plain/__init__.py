"""The whole briefing as linear plain text, for screen readers, pipes and email.

``briefing --plain`` (and ``briefing`` whenever standard output is not a
terminal) prints this instead of starting the app. It imports nothing from
the UI: no Textual, no Rich, so it starts fast and works anywhere.

The structure is plain ASCII (headings underlined with ``=`` / ``-``, items
as ``- `` lines, ``Label: value`` fields) so it reads well aloud and pastes
cleanly. Every string from the YAML passes through
:func:`briefing.model.text.visible` first: control characters, ESC and bidi
overrides are shown, never sent. Figures keep the words they were reported
in, and a figure the source does not give reads "not reported", never 0.

Here: the whole text and the command. The lines are built by
:mod:`.writer`, items by :mod:`.items`, sections by :mod:`.sections`;
measuring and wrapping in terminal cells is :mod:`briefing.output.wrapping`.
"""

from __future__ import annotations

import os
import sys
from functools import partial

from briefing.loading import load_path
from briefing.model import Briefing, Roster
from briefing.model.items import by_section, present
from briefing.output.broken_file import loaded
from briefing.output.broken_pipe import stdout_reader_left
from briefing.output.glyphs import for_encoding
from briefing.output.plain.sections import SECTION_WRITERS, write_meta
from briefing.output.plain.writer import Writer
from briefing.output.wrapping import DEFAULT_WIDTH, cell_width, output_width, wrap


def render_plain(briefing: Briefing, width: int = DEFAULT_WIDTH) -> str:
    """The whole briefing as plain text wrapped to ``width`` columns.

    Sections the briefing does not have are left out, not announced as empty.
    """
    roster = Roster(briefing)
    out = Writer(width)
    write_meta(out, briefing)
    shown = present(briefing)
    for section, walked in by_section(briefing):
        if section in shown:
            SECTION_WRITERS[section](out, briefing, roster, walked)
    return out.render()


def run(path: str | os.PathLike[str], display: str) -> int:
    """Load ``path`` and print it as plain text; the exit code for the CLI.

    A broken file prints one ``FILE:LINE:COL: message`` line per problem to
    stderr and returns 1.
    """
    briefing = loaded(partial(load_path, path, display=display))
    if briefing is None:
        return 1
    # With a non-UTF-8 locale, what the encoding lacks gets a stand-in of the
    # same width (an en dash a hyphen, é an e, Cyrillic ?), so headings stay
    # underlined to their length; nothing can then turn into a traceback.
    text = for_encoding(render_plain(briefing, output_width(sys.stdout)), sys.stdout.encoding)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    try:
        # Line by line (buffered): a long briefing reaches `less` in pieces, and
        # a reader that quits early is noticed here (one huge write can lose
        # the broken pipe).
        sys.stdout.writelines(text.splitlines(keepends=True))
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_reader_left()
    return 0


# cell_width and wrap were first written for this module; callers may still
# import them from here.
__all__ = ["cell_width", "output_width", "render_plain", "run", "wrap"]
