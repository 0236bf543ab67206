"""The viewer's command line (``briefing [options] [PATH]``): usage, --help's
layout and the options. Imported only when the command line has options or
more than one word: a plain ``briefing`` or ``briefing FILE`` starts
without building a parser (argparse costs ~9 M instructions to import).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from briefing import __version__
from briefing.cli import ViewerArgs, paths_problem

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


def parse(argv: list[str]) -> ViewerArgs:
    """The viewer's arguments; exits 2 with a message for a wrong option or theme."""
    parser = _parser()
    # Intermixed: `briefing a.yaml --plain b.yaml` gives both files, so the
    # caller's message can name them (it is said before any theme problem).
    args = parser.parse_intermixed_args(argv)
    if args.theme is not None and paths_problem(args.paths) is None:
        check_theme(parser, args.theme)
    return ViewerArgs(args.paths, args.no_watch, args.plain, args.theme, args.since)
