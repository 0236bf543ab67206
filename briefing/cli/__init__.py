"""Command line: parse arguments and hand off. Imports the UI only to run it.

Here: ``briefing [PATH]`` (the viewer, or plain text when piped) and which
module runs each subcommand. The viewer's options and --help are parsed in
``cli/options.py``, only when the command line has options. A subcommand's
arguments are parsed in its own module (``cli/check.py``, ``diff.py``, ``draft.py``,
``export.py``, ``schema.py``, ``serve.py``), imported only when it runs,
and its work is done in the layer it belongs to. Before its first
frame, ``python -m briefing FILE`` imports this module, ``briefing.paths``
and the UI, nothing more: start-up time is measured.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from briefing.model import Briefing


class ViewerArgs(NamedTuple):
    """What the viewer's command line asks for (parsed in ``cli/options.py``)."""

    paths: list[Path]
    no_watch: bool = False
    plain: bool = False
    theme: str | None = None
    since: str | None = None


def paths_problem(paths: list[Path]) -> str | None:
    """Why the viewer cannot open ``paths`` (a usage error), if it cannot."""
    from briefing.model.text import visible

    if len(paths) > 1:
        import shlex

        files = " ".join(shlex.quote(str(p)) for p in paths)
        return visible(
            f"the viewer opens one briefing at a time; to validate several, run: briefing check {files}"
        )
    return None


def _since(rev: str, path: Path) -> tuple[Briefing, str] | int:
    """The briefing at ``rev`` for ``--since``, or exit status 2 after saying why not."""
    from functools import partial

    from briefing.diff.revisions import load_at
    from briefing.output.broken_file import loaded

    old = loaded(partial(load_at, rev, path))
    return 2 if old is None else (old, rev)


def _subcommand(name: str) -> Callable[[list[str]], int] | None:
    """The ``main(argv)`` of subcommand ``name``, imported only when it runs."""
    if name == "check":
        from briefing.cli.check import main as command
    elif name == "diff":
        from briefing.cli.diff import main as command
    elif name == "schema":
        from briefing.cli.schema import main as command
    elif name == "serve":
        from briefing.cli.serve import main as command
    elif name == "draft":
        from briefing.cli.draft import main as command
    elif name == "export":
        from briefing.cli.export import main as command
    else:
        return None
    return command


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = _subcommand(argv[0]) if argv else None
    if command is not None:
        return command(argv[1:])
    if len(argv) <= 1 and not (argv and argv[0].startswith("-")):
        args = ViewerArgs([Path(word) for word in argv])  # the usual start: no parser to build
    else:
        from briefing.cli.options import parse

        args = parse(argv)
    paths = args.paths
    problem = paths_problem(paths)
    if problem:
        print(f"briefing: {problem}", file=sys.stderr)
        return 2

    from briefing.paths import default_briefing

    path: Path = paths[0] if paths else default_briefing()
    display = str(path) if paths else path.name
    since = _since(args.since, path) if args.since is not None else None
    if isinstance(since, int):
        return since
    # Piped or redirected output gets the linear text: a full-screen app
    # would only write escape codes into the file. Unless a Textual driver
    # was chosen for us: `briefing serve` (textual-serve) starts each
    # viewer's app with TEXTUAL_DRIVER set to the web driver and stdout on a pipe.
    plain = args.plain or (not sys.stdout.isatty() and not os.environ.get("TEXTUAL_DRIVER"))
    if plain and args.since is not None:
        from briefing.output.compare import run as run_diff

        return run_diff([args.since, str(path)], plain=True)
    if plain:
        if path.is_dir():
            from briefing.model.text import visible

            print(
                visible(
                    f"briefing: {path} is a folder; plain text is printed for one briefing file "
                    "(in a terminal, a folder opens a picker of its rounds)"
                ),
                file=sys.stderr,
            )
            return 2
        from briefing.output.plain import run

        return run(path, display)
    # No cyclic garbage collection until the first frame is on screen (the
    # app turns it back on then): collection passes over the objects that
    # importing Textual creates cost ~35 ms of start-up and free nothing.
    gc.disable()
    from briefing.ui.app import BriefingApp

    if path.is_dir():  # a folder of rounds: the picker first
        from briefing.ui.rounds_app import RoundsApp

        app: BriefingApp = RoundsApp(path, display_name=display, watch=not args.no_watch, theme=args.theme)
    else:
        app = BriefingApp(path, display_name=display, watch=not args.no_watch, theme=args.theme, since=since)
    result = app.run()
    return app.return_code or (result or 0)
