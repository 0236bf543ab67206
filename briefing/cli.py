"""Command line: parse arguments and hand off. Imports the UI only to run it."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    from briefing.loading import Problem

USAGE = """\
briefing [--theme NAME] [PATH]  open a briefing (default: the bundled Geneva talks)
  briefing --plain [PATH]        print it as plain text (automatic when output is not a terminal)
  briefing check FILE...         validate briefings; one FILE:LINE:COL line per problem
  briefing schema                print the JSON Schema of the briefing format"""


class _Parser(argparse.ArgumentParser):
    def format_help(self) -> str:
        # Paths come from briefing.paths, imported only when help is shown
        # so --version stays instant.
        from briefing.paths import config_path, themes_dir

        self.epilog = (
            "Inside the app, press ? for every key and t to change theme. "
            f"Settings: {config_path()}; your own themes: {themes_dir()}{os.sep}*.yaml"
        )
        return super().format_help()


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing",
        usage=USAGE,
        description="A terminal dashboard for meeting briefings written in YAML.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="briefing YAML file to open")
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
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


CHECK_EPILOG = """\
FILE may be '-' to read one briefing from standard input (reported as
<stdin>), e.g. from an editor: briefing check - < draft.yaml
A folder is reported as a problem, not searched; pass its files instead:
briefing check briefings/*.yaml

Problems go to standard output, one "FILE:LINE:COL: message" line each (at
most 100 per file); a summary goes to standard error.
Exit status: 0 every file is a valid briefing, 1 at least one problem,
2 usage error (no FILE, unknown option, '-' with a terminal as input)."""


def _check(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing check",
        description="Validate briefing files. Prints FILE:LINE:COL: message per "
        "problem and exits 1 if there are any.",
        epilog=CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="briefing YAML file, or - for standard input"
    )
    args = parser.parse_args(argv)  # exits 2 on a usage error
    files: list[str] = args.files
    if files.count("-") > 1:
        parser.error("'-' (standard input) can be given only once")
    if "-" in files and sys.stdin.isatty():
        parser.error(
            "'-' reads a briefing from standard input, which is a terminal; "
            "pipe a file in: briefing check - < FILE"
        )
    from briefing.loading import read_stream
    from briefing.sources.verify import check_bytes, check_path

    failed = 0
    try:
        for file in files:
            if file == "-":
                problems = _check_one(
                    lambda: check_bytes(read_stream(sys.stdin.buffer, "<stdin>"), "<stdin>"),
                    "<stdin>",
                )
            else:
                problems = _check_one(partial(check_path, file), file)
            failed += bool(problems)
            for problem in problems:
                print(problem)
        sys.stdout.flush()
    except BrokenPipeError:  # `briefing check ... | head`
        from briefing.output.broken_pipe import stdout_reader_left

        stdout_reader_left()
        return 1
    count = len(files)
    noun = "briefing" if count == 1 else "briefings"
    if failed:
        verb = "has" if failed == 1 else "have"
        print(f"{failed} of {count} {noun} {verb} problems", file=sys.stderr)
    else:
        print(f"{count} {noun} OK", file=sys.stderr)
    return 1 if failed else 0


def _check_one(load: Callable[[], object], name: str) -> list[Problem]:
    """The problems ``load()`` reports, for ``check``.

    A failure that is not a BriefingError is a bug in briefing, not in the
    file; ``check`` still owes its caller one line per file, not a traceback.
    """
    from briefing.loading import BriefingError, Problem

    try:
        load()
    except BriefingError as exc:
        return list(exc.problems)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        return [
            Problem(
                name,
                None,
                f"internal error while checking this file ({type(exc).__name__}: {exc}); please report it",
            )
        ]
    return []


def _schema(argv: list[str]) -> int:
    argparse.ArgumentParser(
        prog="briefing schema",
        description="Print the JSON Schema of the briefing format, for editors "
        "(YAML language server) and validators.",
    ).parse_args(argv)
    from briefing.output.schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def _check_theme(parser: argparse.ArgumentParser, name: str) -> None:
    """Exit 2 with the list of names if there is no theme ``name`` (before the UI starts)."""
    from briefing.model.text import visible
    from briefing.ui.themes import discover_themes, theme_names

    catalog = discover_themes()
    names = theme_names(catalog)
    if name not in names:
        for problem in catalog.problems:  # a broken file may be the one meant
            print(problem, file=sys.stderr)
        parser.error(visible(f"unknown theme {name!r}; available: {', '.join(names)}"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        return _check(argv[1:])
    if argv[:1] == ["schema"]:
        return _schema(argv[1:])
    parser = _parser()
    args = parser.parse_args(argv)
    if args.theme is not None:
        _check_theme(parser, args.theme)

    from briefing.paths import default_briefing

    path: Path = args.path or default_briefing()
    display = str(args.path) if args.path else path.name
    # Piped or redirected output gets the linear text: a full-screen app
    # would only write escape codes into the file.
    if args.plain or not sys.stdout.isatty():
        from briefing.output.plain import run

        return run(path, display)
    # No cyclic garbage collection until the first frame is on screen (the
    # app turns it back on then): collection passes over the objects that
    # importing Textual creates cost ~35 ms of start-up and free nothing.
    gc.disable()
    from briefing.ui.app import BriefingApp

    app = BriefingApp(path, display_name=display, watch=not args.no_watch, theme=args.theme)
    result = app.run()
    return app.return_code or (result or 0)
