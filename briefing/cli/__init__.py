"""Command line: parse arguments and hand off. Imports the UI only to run it.

Here: ``briefing [PATH]`` (the viewer, or plain text when piped), its help,
and which module runs each subcommand. A subcommand's arguments are parsed
in its own module (``cli/check.py``, ``diff.py``, ``draft.py``,
``export.py``, ``schema.py``, ``serve.py``), imported only when it runs,
and its work is done in the layer it belongs to. Before its first
frame, ``python -m briefing FILE`` imports this module, ``briefing.paths``
and the UI, nothing more: start-up time is measured.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    from briefing.model import Briefing

USAGE = """\
briefing [--theme NAME] [--no-watch] [--since REV] [PATH]
       briefing --plain [PATH]
       briefing check FILE...
       briefing diff [--format text|json] OLD NEW | REV FILE | REV1 REV2 FILE
       briefing draft ARTICLE [-o FILE]
       briefing export [FILE] --to html|md|json|pdf [-o OUT]
       briefing serve [PATH] [--host HOST] [--port PORT]
       briefing schema"""
# "usage: " comes first, so each form's "briefing" starts under the first's.

COMMANDS = (
    ("briefing [PATH]", "open a briefing (default: the bundled Geneva talks)"),
    ("briefing DIR", "pick one of a folder of briefings (rounds)"),
    ("briefing --since REV FILE", "mark what changed since a git revision"),
    ("briefing --plain [PATH]", "print it as plain text (automatic when piped)"),
    ("briefing check FILE...", "validate briefings, one or more at a time"),
    ("briefing diff OLD NEW", "what changed, item by item (also REV FILE, REV1 REV2 FILE)"),
    ("briefing draft ARTICLE", "start a briefing from a news report's text (draft --help)"),
    ("briefing export [FILE] --to FORMAT", "write it as HTML, Markdown, JSON or PDF (export --help)"),
    ("briefing serve [PATH]", "show it in a web browser, read-only (briefing serve --help)"),
    ("briefing schema", "print the JSON Schema of the format, for editors"),
)
HELP_COLUMN = 2 + max(len(form) for form, _ in COMMANDS) + 2
"""Where every description in --help starts: the commands' and the options'."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Options' help starts at ``HELP_COLUMN``, under the commands' (the description is ours)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=HELP_COLUMN)
        # argparse starts help two columns after its longest option, at most
        # at max_help_position; starting from this length puts it there.
        self._action_max_length = HELP_COLUMN - 2


def _columns(rows: Iterable[tuple[str, str]], width: int) -> str:
    """``rows`` as argparse lays out options: name, then help wrapped at ``HELP_COLUMN``."""
    import textwrap

    lines = []
    for name, text in rows:
        head = f"  {name}".ljust(HELP_COLUMN)
        lines += textwrap.wrap(
            text,
            max(width, HELP_COLUMN + 20),
            initial_indent=head,
            subsequent_indent=" " * HELP_COLUMN,
            break_on_hyphens=False,
        )
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    def format_help(self) -> str:
        import shutil
        import textwrap

        # Paths come from briefing.paths, imported only when help is shown
        # so --version stays instant.
        from briefing.paths import config_path, themes_dir

        width = shutil.get_terminal_size().columns - 2  # as argparse wraps
        self.description = (
            "A terminal dashboard for meeting briefings written in YAML.\n\n"
            f"commands:\n{_columns(COMMANDS, width)}"
        )
        self.epilog = "\n".join(
            textwrap.wrap(
                "Inside the app, press ? for every key and t to change theme. "
                f"Settings: {config_path()}; your own themes: {themes_dir()}{os.sep}*.yaml",
                width,
                break_on_hyphens=False,
            )
        )
        return super().format_help()


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing", usage=USAGE, formatter_class=_Formatter)
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="one briefing YAML file to open",
    )
    parser.add_argument(
        "--no-watch",
        action="store_true",
        help="don't reload when the file changes (press r to reload by hand)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="print the whole briefing as plain text instead of opening the app "
        "(for screen readers, pipes and email); the default when standard output "
        "is not a terminal",
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="colour theme, e.g. briefing-projector (default: the last one chosen with t)",
    )
    parser.add_argument(
        "--since",
        metavar="REV",
        help="mark everything that changed since git revision REV (HEAD, main~3, a tag); "
        "the marks stay until visited, d lists them",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def check_theme(parser: argparse.ArgumentParser, name: str) -> None:
    """Exit 2 with the list of names if there is no theme ``name`` (before the UI starts)."""
    from briefing.model.text import visible
    from briefing.ui.themes import discover_themes, theme_names

    catalog = discover_themes()
    names = theme_names(catalog)
    if name not in names:
        for problem in catalog.problems:  # a broken file may be the one meant
            print(problem, file=sys.stderr)
        parser.error(visible(f"unknown theme {name!r}; available: {', '.join(names)}"))


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
    parser = _parser()
    # Intermixed: `briefing a.yaml --plain b.yaml` gives both files, so the
    # message below can name them.
    args = parser.parse_intermixed_args(argv)
    paths: list[Path] = args.paths
    problem = paths_problem(paths)
    if problem:
        print(f"briefing: {problem}", file=sys.stderr)
        return 2
    if args.theme is not None:
        check_theme(parser, args.theme)

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
