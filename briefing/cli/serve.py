"""``briefing serve``: its arguments, checked before anything listens; then the web server.

The server itself (one viewer process per browser tab, read-only) is
:mod:`briefing.ui.web.server`; this module only decides what it serves.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli import paths_problem
from briefing.cli.options import check_theme

DESCRIPTION = """\
Show the briefing in a web browser: the same app, one process per browser
tab, read-only (no editor, nothing written on this machine); saves to the
file show up in every tab. Add ?fontsize=24 to the address for a projector."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing serve",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="the briefing YAML file to show")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; "
        "share it through an ssh tunnel or a reverse proxy)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it is not http://HOST:PORT (behind a reverse proxy)",
    )
    parser.add_argument("--theme", metavar="NAME", help="colour theme of every tab")
    return parser


def main(argv: list[str]) -> int:
    from briefing.model.text import visible

    parser = _parser()
    args = parser.parse_args(argv)
    paths: list[Path] = args.paths
    problem = paths_problem(paths)
    if problem:
        parser.error(problem)
    if paths and paths[0].is_dir():
        parser.error(visible(f"{paths[0]} is a folder; serve shows one briefing file"))
    if not 0 < args.port < 65536:
        parser.error(f"--port must be between 1 and 65535, not {args.port}")
    if args.theme is not None:
        check_theme(parser, args.theme)
    path = paths[0] if paths else None
    if path is not None and not path.exists():
        parser.error(visible(f"{path}: no such file"))
    return _serve(path, args)


def _serve(path: Path | None, args: argparse.Namespace) -> int:
    """Run the server until it is stopped; 1 if it cannot listen."""
    from briefing.model.text import visible
    from briefing.paths import default_briefing
    from briefing.ui.web.server import BriefingServer, banner, viewer_command

    server = BriefingServer(
        viewer_command(path, args.theme),
        host=args.host,
        port=args.port,
        title=f"briefing: {(path or default_briefing()).name}",  # the tab's name: no server folders
        public_url=args.public_url,
    )
    server.banner = banner(
        display=str(path) if path is not None else default_briefing().name,
        host=args.host,
        port=args.port,
        url=server.public_url,
        screen_reader=server.screen_reader,
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        print(visible(f"briefing serve: cannot listen on {args.host}:{args.port}: {error}"), file=sys.stderr)
        return 1
    return 0
