"""``briefing diff``: its arguments; :mod:`briefing.output.compare` loads, compares and reports."""

from __future__ import annotations

import argparse

EPILOG = """\
OLD NEW compares two files. REV FILE compares FILE at a git revision (HEAD,
main~3, a tag) with FILE as it is now; REV1 REV2 FILE compares two
revisions. Items are matched by id: reordering, comments and layout are no
change; an item whose id alone changed is "renamed".

Exit status, like diff: 0 no change, 1 changes, 2 a problem (a broken file,
reported as FILE:LINE:COL: message; git missing; an unknown revision)."""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing diff",
        usage="briefing diff [--format text|json] [--plain] (OLD NEW | REV FILE | REV1 REV2 FILE)",
        description="What changed between two briefings, item by item.",
        epilog=EPILOG,
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
