"""``briefing draft ARTICLE``: its arguments and usage errors;
:func:`briefing.sources.draft_yaml.write_draft` drafts and checks the briefing."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.model.text import visible


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing draft",
        description="Start a briefing from a news report (plain text or Markdown, headline on "
        "the first line): one verbatim quote per quoted passage, the people it names, its "
        "figures. Guesses are marked with comments for review.",
    )
    parser.add_argument("article", metavar="ARTICLE", help="the report's text file")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return parser


def main(argv: list[str]) -> int:
    """0 when the draft was written and verifies against the article."""
    parser = _parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    article = Path(args.article)
    output = Path(args.output) if args.output else None
    if output is not None and output.exists():
        if _same_file(output, article):
            parser.error(visible(f"{args.output} is the article itself; give another FILE"))
        if not args.force:
            parser.error(visible(f"{args.output} exists; give --force to overwrite it"))
    from briefing.sources.draft_yaml import write_draft

    return write_draft(args.article, args.output)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
