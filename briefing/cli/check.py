"""``briefing check FILE...``: its arguments; :mod:`briefing.output.check` does the checking."""

from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Validate briefing files. Prints FILE:LINE:COL: message per problem and exits
1 if there are any."""

EPILOG = """\
FILE may be '-' to read one briefing from standard input (reported as
<stdin>), e.g. from an editor: briefing check - < draft.yaml
A folder is reported as a problem, not searched; pass its files instead:
briefing check briefings/*.yaml

Problems go to standard output, one "FILE:LINE:COL: message" line each (at
most 100 per file); a summary goes to standard error.
Exit status: 0 every file is a valid briefing, 1 at least one problem,
2 usage error (no FILE, unknown option, '-' with a terminal as input)."""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing check",
        description=DESCRIPTION,
        epilog=EPILOG,
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
    from briefing.output.check import run

    return run(files)
