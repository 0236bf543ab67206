"""Command line: parse arguments and hand off. Imports the UI only to run it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing import __version__

USAGE = """\
briefing [PATH]           open a briefing (default: the bundled Geneva talks)
  briefing check FILE...  validate briefings; one FILE:LINE:COL line per problem"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        usage=USAGE,
        description="A terminal dashboard for meeting briefings written in YAML.",
        epilog="Inside the app, press ? for every key.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="briefing YAML file to open")
    parser.add_argument(
        "--no-watch",
        action="store_true",
        help="don't reload when the file changes (press r to reload by hand)",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def _check(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing check",
        description="Validate briefing files. Prints FILE:LINE:COL: message per "
        "problem and exits 1 if there are any.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args(argv)
    from briefing.loading import check_paths

    problems = check_paths(args.files)
    for problem in problems:
        print(problem)
    if not problems:
        count = len(args.files)
        print(f"{count} briefing{'s' if count != 1 else ''} OK", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        return _check(argv[1:])
    args = _parser().parse_args(argv)

    from briefing.resources import default_briefing

    path: Path = args.path or default_briefing()
    from briefing.ui.app import BriefingApp

    app = BriefingApp(
        path,
        display_name=str(args.path) if args.path else path.name,
        watch=not args.no_watch,
    )
    result = app.run()
    return app.return_code or (result or 0)
