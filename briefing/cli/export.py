"""``briefing export``: its arguments and usage errors; :mod:`briefing.output.export.command`
loads the briefing and writes the export.

Exit status: 0 written, 1 the briefing has problems (``FILE:LINE:COL:
message`` lines on stderr, as ``check``), 2 a usage error, an unknown theme,
no browser for ``--to pdf``, an output that cannot be written, or a
``--since`` revision that cannot be read (the messages of ``briefing diff``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.model.text import visible

DESCRIPTION = """\
Write a briefing for people without a terminal: one self-contained HTML page
(inline styles, no scripts, nothing fetched; prints on A4 and Letter),
GitHub-flavoured Markdown, JSON data (figures as {kind, value, text, bound};
its JSON Schema with --schema), or PDF through headless Chromium."""

EPILOG = """\
With --since REV (a git commit, branch, tag, HEAD~2), items added or
changed since that revision are marked in words ("new since REV",
"changed since REV"), items removed are listed at the end, and the JSON
gets a "changes" object; the briefing must be kept in git.
The format comes from --to, else from OUT's extension (.html, .md, .json,
.pdf). Without -o the export goes to standard output.
Quotes stay verbatim and figures as reported ("nearly 400" stays
approximate, a figure not given reads "not reported", never 0); text from
the YAML is escaped, so markup, escape sequences and bidi overrides show as
text.
Exit status: 0 written, 1 the briefing has problems, 2 usage error (also:
unknown theme, no browser for PDF, output not writable, a revision that
cannot be read)."""


def _parser() -> argparse.ArgumentParser:
    from briefing.output.export import FORMATS, PAPER, SECTION_KEYS

    parser = argparse.ArgumentParser(
        prog="briefing export",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="briefing YAML file (default: the bundled one)"
    )
    parser.add_argument("--to", choices=FORMATS, help="output format (default: from OUT's extension)")
    parser.add_argument(
        "-o", "--output", metavar="OUT", type=Path, help="write here instead of standard output"
    )
    parser.add_argument(
        "--only", choices=SECTION_KEYS, metavar="SECTION", help=f"one section only: {', '.join(SECTION_KEYS)}"
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="colours of the HTML/PDF page, e.g. briefing-projector "
        "(default: the reader's light or dark setting picks briefing-projector or briefing-dark)",
    )
    parser.add_argument(
        "--since",
        metavar="REV",
        help="mark what changed since git revision REV (HEAD, main~3, a tag) and list what was removed",
    )
    parser.add_argument("--paper", choices=tuple(PAPER), default="a4", help="PDF paper size (default: a4)")
    parser.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of the JSON export and exit"
    )
    return parser


def _format(parser: argparse.ArgumentParser, to: str | None, output: Path | None) -> str:
    from briefing.output.export import EXTENSIONS

    if to:
        return to
    if output is not None and output.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[output.suffix.lower()]
    if output is not None:
        parser.error(visible(f"cannot tell the format from {str(output)!r}; give --to html, md, json or pdf"))
    parser.error("give --to html, md, json or pdf (or -o OUT with one of those extensions)")


def main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    if args.schema:
        from briefing.output.export.json_data import export_schema_text

        sys.stdout.write(export_schema_text())
        return 0
    to = _format(parser, args.to, args.output)
    if to == "pdf" and args.output is None and sys.stdout.isatty():
        parser.error("a PDF is binary: give -o OUT.pdf, or redirect standard output to a file")
    if args.theme is not None and to in ("md", "json"):
        parser.error(f"--theme colours HTML and PDF; {to} has no colours")
    from briefing.paths import default_briefing

    path = Path(args.file) if args.file else default_briefing()
    display = args.file or path.name
    if path.is_dir():
        parser.error(visible(f"{display} is a folder; give a briefing file"))
    if args.output is not None and _same_file(args.output, path):
        parser.error(visible(f"{args.output} is the briefing itself; export never writes to it"))
    from briefing.output.export.command import export

    return export(
        path,
        display,
        to,
        output=args.output,
        only=args.only,
        theme=args.theme,
        since=args.since,
        paper=args.paper,
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and a.samefile(b)
    except OSError:
        return False
