"""``briefing export``'s work: load the briefing, render it, write it. No UI imports.

Its arguments are read in :mod:`briefing.cli.export`. Exit status: 0
written, 1 the briefing has problems (``FILE:LINE:COL: message`` lines on
stderr, as ``check``), 2 an unknown theme, no browser for ``--to pdf``, an
output that cannot be written, or a ``--since`` revision that cannot be
read (the messages of ``briefing diff``).
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from briefing.model.text import visible


def export(
    path: Path,
    display: str,
    to: str,
    *,
    output: Path | None,
    only: str | None = None,
    theme: str | None = None,
    since: str | None = None,
    paper: str = "a4",
) -> int:
    """Write the briefing at ``path`` as ``to`` (html, md, json, pdf) to ``output`` or stdout."""
    from briefing.loading import load_path
    from briefing.output.broken_file import loaded
    from briefing.output.export import PAPER, export_text, page
    from briefing.output.export.palette import PaletteError
    from briefing.output.export.pdf import PdfError, html_to_pdf

    briefing = loaded(partial(load_path, path, display=display))
    if briefing is None:
        return 1
    marks = None
    if since is not None:
        from briefing.diff.revisions import load_at
        from briefing.output.export.since import since as since_of

        # The same messages as ``briefing diff REV FILE`` (both read through load_at).
        old = loaded(partial(load_at, since, path))
        if old is None:
            return 2
        marks = since_of(old, briefing, since, only)
    try:
        if to == "pdf":
            data = html_to_pdf(page(briefing, only=only, theme=theme, page_size=PAPER[paper], since=marks))
        else:
            data = export_text(briefing, to, only=only, theme=theme, since=marks).encode("utf-8")
    except PaletteError as exc:
        for problem in exc.problems:
            print(f"briefing export: {visible(problem.message)}", file=sys.stderr)
        return 2
    except PdfError as exc:
        print(f"briefing export: {visible(str(exc))}", file=sys.stderr)
        return 2
    return _write(data, output)


def _write(data: bytes, output: Path | None) -> int:
    if output is None:
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            from briefing.output.broken_pipe import stdout_reader_left

            stdout_reader_left()
        return 0
    try:
        output.write_bytes(data)
    except OSError as exc:
        print(visible(f"briefing export: cannot write {output}: {exc.strerror or exc}"), file=sys.stderr)
        return 2
    return 0


__all__ = ["export"]
