"""Command line: parse arguments and hand off. Imports the UI only to run it."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    from briefing.loading import Problem
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


CHECK_DESCRIPTION = """\
Validate briefing files. Prints FILE:LINE:COL: message per problem and exits
1 if there are any."""

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
        description=CHECK_DESCRIPTION,
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


SERVE_DESCRIPTION = """\
Show the briefing in a web browser: the same app, one process per browser
tab, read-only (no editor, nothing written on this machine); saves to the
file show up in every tab. Add ?fontsize=24 to the address for a projector."""


def _serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing serve",
        description=SERVE_DESCRIPTION,
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
    args = parser.parse_args(argv)
    paths: list[Path] = args.paths
    problem = _paths_problem(paths)
    if problem:
        parser.error(problem)
    if paths and paths[0].is_dir():
        from briefing.model.text import visible

        parser.error(visible(f"{paths[0]} is a folder; serve shows one briefing file"))
    if not 0 < args.port < 65536:
        parser.error(f"--port must be between 1 and 65535, not {args.port}")
    if args.theme is not None:
        _check_theme(parser, args.theme)
    from briefing.paths import default_briefing

    path = paths[0] if paths else None
    display = str(path) if path is not None else default_briefing().name
    if path is not None and not path.exists():
        from briefing.model.text import visible

        parser.error(visible(f"{path}: no such file"))
    from briefing.ui.web.server import BriefingServer, banner, viewer_command

    server = BriefingServer(
        viewer_command(path, args.theme),
        host=args.host,
        port=args.port,
        title=f"briefing: {(path or default_briefing()).name}",  # the tab's name: no server folders
        public_url=args.public_url,
    )
    server.banner = banner(
        display=display,
        host=args.host,
        port=args.port,
        url=server.public_url,
        screen_reader=server.screen_reader,
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        from briefing.model.text import visible

        print(visible(f"briefing serve: cannot listen on {args.host}:{args.port}: {error}"), file=sys.stderr)
        return 1
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


def _paths_problem(paths: list[Path]) -> str | None:
    """Why the viewer cannot open ``paths`` (a usage error), if it cannot."""
    from briefing.model.text import visible

    if len(paths) > 1:
        import shlex

        files = " ".join(shlex.quote(str(p)) for p in paths)
        return visible(
            f"the viewer opens one briefing at a time; to validate several, run: briefing check {files}"
        )
    return None


DIFF_EPILOG = """\
OLD NEW compares two files. REV FILE compares FILE at a git revision (HEAD,
main~3, a tag) with FILE as it is now; REV1 REV2 FILE compares two
revisions. Items are matched by id: reordering, comments and layout are no
change; an item whose id alone changed is "renamed".

Exit status, like diff: 0 no change, 1 changes, 2 a problem (a broken file,
reported as FILE:LINE:COL: message; git missing; an unknown revision)."""


def _diff(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing diff",
        usage="briefing diff [--format text|json] [--plain] (OLD NEW | REV FILE | REV1 REV2 FILE)",
        description="What changed between two briefings, item by item.",
        epilog=DIFF_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("args", nargs="+", metavar="OLD NEW | REV FILE | REV1 REV2 FILE")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or JSON for tools",
    )
    parser.add_argument("--plain", action="store_true", help="no colour, even on a terminal")
    args = parser.parse_args(argv)  # exits 2 on a usage error
    if len(args.args) not in (2, 3):
        parser.error("give two files (OLD NEW), a revision and a file, or two revisions and a file")
    from briefing.output.compare import run

    return run(args.args, fmt=args.format, plain=args.plain)


def _since(rev: str, path: Path) -> tuple[Briefing, str] | int:
    """The briefing at ``rev`` for ``--since``, or exit status 2 after saying why not."""
    from briefing.diff.revisions import load_at
    from briefing.loading import BriefingError

    try:
        return load_at(rev, path), rev
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        return _check(argv[1:])
    if argv[:1] == ["diff"]:
        return _diff(argv[1:])
    if argv[:1] == ["schema"]:
        return _schema(argv[1:])
    if argv[:1] == ["draft"]:
        from briefing.sources.draft_yaml import main as draft

        return draft(argv[1:])
    if argv[:1] == ["export"]:
        from briefing.output.export.command import main as export

        return export(argv[1:])
    if argv[:1] == ["serve"]:
        return _serve(argv[1:])
    parser = _parser()
    # Intermixed: `briefing a.yaml --plain b.yaml` gives both files, so the
    # message below can name them.
    args = parser.parse_intermixed_args(argv)
    paths: list[Path] = args.paths
    problem = _paths_problem(paths)
    if problem:
        print(f"briefing: {problem}", file=sys.stderr)
        return 2
    if args.theme is not None:
        _check_theme(parser, args.theme)

    from briefing.paths import default_briefing

    path: Path = paths[0] if paths else default_briefing()
    display = str(path) if paths else path.name
    since = _since(args.since, path) if args.since is not None else None
    if isinstance(since, int):
        return since
    # Piped or redirected output gets the linear text: a full-screen app
    # would only write escape codes into the file.
    if args.since is not None and (
        args.plain or (not sys.stdout.isatty() and not os.environ.get("TEXTUAL_DRIVER"))
    ):
        from briefing.output.compare import run as run_diff

        return run_diff([args.since, str(path)], plain=True)
    # Unless a Textual driver was chosen for us: `briefing serve` (textual-serve)
    # starts each viewer's app with TEXTUAL_DRIVER set to the web driver and
    # stdout on a pipe.
    if args.plain or (not sys.stdout.isatty() and not os.environ.get("TEXTUAL_DRIVER")):
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
