"""``briefing schema``: print the JSON Schema of the format (:mod:`briefing.output.schema`)."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(
        prog="briefing schema",
        description="Print the JSON Schema of the briefing format, for editors "
        "(YAML language server) and validators.",
    ).parse_args(argv)
    from briefing.output.schema import schema_text

    sys.stdout.write(schema_text())
    return 0
