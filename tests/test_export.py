"""`briefing export`: HTML, Markdown and JSON, on the bundled briefing and on hostile ones.

Browser checks (a screenshot, the page's DOM, PDF, axe-core) are in
tests/test_export_browser.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from briefing.loading import load_path
from briefing.model.text import is_safe, visible
from briefing.output.export import export_text
from briefing.output.export.html import POLICY
from briefing.output.export.json_data import build_export_schema, export_schema_text
from briefing.output.export.markdown import esc as md_esc
from briefing.output.export.palette import MIN_TEXT_CONTRAST, contrast, load_palette, theme_files

from .conftest import DEFAULT, MINIMAL, ROOT

BRIEFINGS = ROOT / "tests" / "briefings"
HOSTILE = BRIEFINGS / "hostile.yaml"
HOSTILE_EXPORT = BRIEFINGS / "hostile-export.yaml"
ALL = [DEFAULT, HOSTILE, HOSTILE_EXPORT]
IDS = ["bundled", "hostile", "hostile-export"]
COMMITTED_SCHEMA = ROOT / "schema" / "export.schema.json"


def run(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "export", *args],
        capture_output=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        check=False,
    )


@pytest.fixture(scope="module", params=ALL, ids=IDS)
def briefing(request):
    return load_path(request.param)


# --- HTML -----------------------------------------------------------------

VOID = {"meta", "br", "link", "img", "input", "hr", "wbr", "source", "col", "area", "base", "embed"}
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "footer", "section",
    "article", "h1", "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "dl", "dt", "dd", "div", "span",
    "a", "figure", "blockquote", "figcaption", "cite", "table", "caption", "thead", "tbody", "tr",
    "th", "td",
}  # fmt: skip


class Page(HTMLParser):
    """A strict reading of an exported page: tags balanced, text collected by tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.all_text: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.styles.append(data)
            return
        for tag in set(self.stack):
            self.text.setdefault(tag, []).append(data)
        self.all_text.append(data)

    def handle_comment(self, data):
        self.errors.append("a comment")

    def handle_decl(self, decl):
        if decl.lower() != "doctype html":
            self.errors.append(f"declaration {decl}")

    def handle_pi(self, data):
        self.errors.append("a processing instruction")

    def joined(self, tag: str) -> str:
        return "".join(self.text.get(tag, []))


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser


def test_html_is_well_formed_and_inert(briefing):
    page = export_text(briefing, "html")
    parsed = parse(page)
    tags = {tag for tag, _ in parsed.tags}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert [tag for tag, _ in parsed.tags].count("style") == 1
    assert "script" not in tags and "img" not in tags and "link" not in tags
    for tag, attrs in parsed.tags:
        assert set(attrs) <= {"lang", "charset", "http-equiv", "content", "name", "class", "id", "href"} | {
            "aria-labelledby", "aria-label", "aria-hidden", "scope", "rel", "style",
        }, (tag, attrs)  # fmt: skip
        assert not any(a.startswith("on") for a in attrs)
        href = attrs.get("href")
        if href is not None:
            # In-page links, and at most the source's own plain http(s) address.
            assert href.startswith("#") or (tag == "a" and re.fullmatch(r"https?://[^\s\"'<>]+", href)), href
        if "style" in attrs and tag != "meta":
            assert re.fullmatch(r"width:\d+(\.\d)?%", attrs["style"] or ""), attrs
    css = "".join(parsed.styles)
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    # Every YAML text reaches the page made safe: no control or bidi character.
    assert is_safe(page.replace("\t", ""))


def test_html_head_and_landmarks():
    b = load_path(DEFAULT)
    parsed = parse(export_text(b, "html"))
    html_attrs = dict(parsed.tags)["html"]
    assert html_attrs["lang"] == "en"
    metas = [attrs for tag, attrs in parsed.tags if tag == "meta"]
    assert {"http-equiv": "Content-Security-Policy", "content": POLICY} in metas
    assert "default-src 'none'" in POLICY
    assert parsed.joined("title") == "Ukraine–Russia talks in Geneva"
    tags = [tag for tag, _ in parsed.tags]
    for landmark in ("header", "nav", "main", "footer"):
        assert tags.count(landmark) == 1, landmark
    assert tags.count("h1") == 1
    assert "Source" in parsed.joined("dt") and "EIN Presswire" in parsed.joined("dd")
    assert "As of" in parsed.joined("dt")  # meta.updated, or "not stated"
    # Every header cell says what it heads.
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in parsed.tags if tag == "th")


def test_html_quotes_people_and_tally():
    b = load_path(DEFAULT)
    page = export_text(b, "html")
    parsed = parse(page)
    tags = [tag for tag, _ in parsed.tags]
    assert tags.count("blockquote") == len(b.quotes) == tags.count("cite")
    assert "We are focused on substantive work." in parsed.joined("blockquote")
    assert "Russian media, citing sources embedded within the Russian delegation" in parsed.joined("cite")
    assert "Rustem Umerov" in parsed.joined("dt")  # people are a definition list
    assert tags.count("table") == 1
    # Honest figures: approximate stays approximate, missing is not 0, and no
    # rate from "nearly 400".
    row = re.search(r'<tr id="item-drones">(.*?)</tr>', page).group(1)
    assert "nearly 400 (approximate)" in row and "not reported" in row
    assert ">0<" not in row and "not computed" in row
    assert row.count('class="bar') == 1  # no bar for a figure not reported
    assert 'class="bar launched approx"' in row  # dashed: approximate
    missiles = re.search(r'<tr id="item-missiles">(.*?)</tr>', page).group(1)
    assert "86% (25 of 29)" in missiles and "width:100.0%" not in missiles  # 400 is the scale


def test_html_hostile_text_reads_as_text():
    b = load_path(HOSTILE_EXPORT)
    parsed = parse(export_text(b, "html"))
    assert parsed.joined("h1").startswith(
        "<script>alert('title')</script> [@click=app.quit]Title[/] ␛]0;pwned␇"
    )
    assert parsed.joined("title") == visible(b.meta.title)
    quote = parsed.joined("blockquote")
    assert "</p></blockquote><script>alert('quote')</script><blockquote>" in quote
    assert "**not bold**" in quote
    assert "</cite> — [@click=app.quit]quit[/]" in quote
    text = "".join(parsed.all_text)
    assert "<U+202E>Tuesday<U+202C>" in text and "\u202e" not in text
    assert "javascript:alert(1)" in text  # a source url that is no plain link stays text
    assert not [attrs for tag, attrs in parsed.tags if tag == "a" and not attrs["href"].startswith("#")]


def test_html_links_a_plain_source_url(write):
    path = write(MINIMAL + "  source:\n    outlet: Wire\n    url: https://example.org/report?id=1&x=2\n")
    parsed = parse(export_text(load_path(path), "html"))
    links = [attrs for tag, attrs in parsed.tags if tag == "a" and not attrs["href"].startswith("#")]
    assert links == [{"href": "https://example.org/report?id=1&x=2", "rel": "noreferrer noopener"}]


def test_html_only_one_section():
    parsed = parse(export_text(load_path(DEFAULT), "html", only="quotes"))
    sections = [attrs["id"] for tag, attrs in parsed.tags if tag == "section"]
    assert sections == ["quotes"]
    assert "EIN Presswire" in parsed.joined("header")  # the header stays


def test_html_light_dark_and_print_colours():
    page = export_text(load_path(DEFAULT), "html")
    dark, light = load_palette("briefing-dark"), load_palette("briefing-projector")
    assert f"--bg:{light.background}" in page and f"--bg:{dark.background}" in page
    assert "@media (prefers-color-scheme:dark)" in page and "@media print" in page
    assert "@page{margin:" in page  # the printer's paper: A4 or Letter
    themed = export_text(load_path(DEFAULT), "html", theme="briefing-okabe-ito")
    okabe = load_palette("briefing-okabe-ito")
    assert f"--side-party-1:{okabe.sides['party-1']}" in themed
    assert "prefers-color-scheme" not in themed
    # Printing a dark theme uses a light palette.
    assert f"@media print{{:root{{--fg:{light.foreground}" in themed


@pytest.mark.parametrize("name", sorted(theme_files()))
def test_every_shipped_theme_gives_readable_text(name):
    p = load_palette(name)
    for colour in (p.foreground, p.muted, p.link):
        assert contrast(colour, p.background) >= MIN_TEXT_CONTRAST, (name, colour)
        assert contrast(colour, p.surface) >= MIN_TEXT_CONTRAST, (name, colour)


def test_a_user_theme_with_colours_the_export_cannot_read_falls_back(tmp_path, monkeypatch):
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.yaml").write_text(
        "name: mine\ndark: false\nprimary: '#ffff00'\nforeground: black\nbackground: rgb(250, 250, 250)\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path / "config"))
    p = load_palette("mine")
    assert p.background == "#fafafa"
    assert p.foreground == load_palette("briefing-projector").foreground  # "black" is not read
    assert p.link == p.foreground  # yellow on white is unreadable


# --- Markdown -------------------------------------------------------------


def render_md(text: str) -> str:
    try:
        md = MarkdownIt("gfm-like")  # with linkify, where linkify-it-py is installed
        return md.render(text)
    except ModuleNotFoundError:
        return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


MD_TAGS = {"h1", "h2", "h3", "p", "br", "strong", "em", "ul", "li", "blockquote", "table", "thead", "tbody", "tr", "th", "td"}  # fmt: skip


def test_markdown_renders_to_the_same_sections(briefing):
    text = export_text(briefing, "md")
    assert is_safe(text)
    rendered = render_md(text)
    tags = set(re.findall(r"<([a-z0-9]+)", rendered))
    assert tags <= MD_TAGS, tags - MD_TAGS
    assert re.findall(r"<h2>(.*?)</h2>", rendered) == [
        "Overview",
        "Delegations",
        "Agenda",
        "Quotes",
        "Strike tally",
        "Timeline",
    ]
    assert rendered.count("<blockquote>") == len(briefing.quotes)
    assert rendered.count("<table>") == 1


def test_markdown_bundled_content():
    rendered = render_md(export_text(load_path(DEFAULT), "md"))
    assert "<td>nearly 400 (approximate)</td>" in rendered
    assert "<td>not reported</td>" in rendered
    assert "<td>86% (25 of 29)</td>" in rendered
    assert "— <em>Russian media, citing sources embedded within the Russian delegation</em>" in rendered


def test_markdown_hostile_text_reads_as_text():
    rendered = render_md(export_text(load_path(HOSTILE_EXPORT), "md"))
    # What each text should read as once rendered (HTML-escaped by the renderer).
    assert "&lt;script&gt;alert('title')&lt;/script&gt; [@click=app.quit]Title[/] ␛]0;pwned␇" in rendered
    assert "**bold** [link](https://evil.example) ![img](https://evil.example/i.png) `code` :smile: $x^2$ www.evil.example" in rendered  # fmt: skip
    assert "# Heading?<br />\n&gt; quote?<br />\n1. list?<br />\n---" in rendered
    assert "<td>&lt;td&gt;Missiles&lt;/td&gt; | **x**</td>" in rendered  # the pipe stays in its cell
    assert "<a " not in rendered and "<img" not in rendered and "<code>" not in rendered


@pytest.mark.parametrize(
    "text",
    [
        "# x",
        "1. x",
        "2) x",
        "- x",
        "+ x",
        "> x",
        "=== x",
        "***",
        "a | b",
        "<b>",
        "&amp;",
        "[a](b)",
        "`c`",
        "~~s~~",
        "\\*",
    ],
)
def test_markdown_escape_reads_as_itself(text):
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md_esc(text))
    assert rendered == f"<p>{text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>\n"


# --- JSON -----------------------------------------------------------------


def test_json_is_valid_against_its_schema(briefing):
    schema = json.loads(COMMITTED_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for only in (None, "quotes", "strikes"):
        text = export_text(briefing, "json", only=only)
        assert is_safe(text)
        validator.validate(json.loads(text))


def test_json_keeps_the_text_exactly():
    b = load_path(HOSTILE)
    data = json.loads(export_text(b, "json"))
    assert data["briefing"]["meta"]["title"] == b.meta.title  # ESC and all, as data
    assert data["briefing"]["quotes"][1]["text"] == b.quotes[1].text


def test_json_figures_and_rates():
    data = json.loads(export_text(load_path(DEFAULT), "json"))
    drones = data["briefing"]["strikes"]["counts"][1]
    assert drones["launched"] == {"kind": "approximate", "value": 400, "text": "nearly 400", "bound": "below"}
    assert drones["intercepted"] == {"kind": "not reported", "value": None, "text": "not reported", "bound": "exact"}  # fmt: skip
    assert data["briefing"]["strikes"]["counts"][0]["launched"]["kind"] == "exact"
    assert data["interception_rates"] == {"missiles": pytest.approx(25 / 29), "drones": None}


def test_json_only_one_section():
    data = json.loads(export_text(load_path(DEFAULT), "json", only="quotes"))
    # The header stays, and the reports the quotes name.
    assert set(data["briefing"]) == {"schema", "meta", "sources", "quotes"}
    assert data["only"] == "quotes" and data["interception_rates"] == {}


def test_json_schema_rejects_a_zero_for_not_reported():
    schema = build_export_schema()
    data = json.loads(export_text(load_path(DEFAULT), "json"))
    data["briefing"]["strikes"]["counts"][1]["intercepted"]["value"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_committed_export_schema_is_current():
    """Regenerate with: briefing export --schema > schema/export.schema.json"""
    result = run("--schema")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == COMMITTED_SCHEMA.read_text(encoding="utf-8") == export_schema_text()


# --- the command ----------------------------------------------------------


def test_export_to_stdout_and_by_extension(tmp_path):
    result = run("--to", "md")
    assert result.returncode == 0 and result.stdout.startswith("# Ukraine–Russia talks in Geneva\n".encode())
    for suffix, start in ((".html", b"<!DOCTYPE html>"), (".json", b"{"), (".md", b"# ")):
        out = tmp_path / f"b{suffix}"
        result = run(str(DEFAULT), "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(start) and result.stdout == b""


def test_export_command_does_not_import_textual():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", "export", "--to", "html"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines()]
    assert "briefing.output.export.html" in imported
    assert not [m for m in imported if m.split(".")[0] in ("textual", "rich")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "out.txt"], b"cannot tell the format"),
        ([], b"give --to"),
        (["--to", "doc"], b"invalid choice"),
        (["--to", "md", "--only", "nothing"], b"invalid choice"),
        (["--to", "html", "--theme", "no-such-theme"], b"unknown theme 'no-such-theme'"),
        (["--to", "json", "--theme", "briefing-dark"], b"json has no colours"),
    ],
)
def test_usage_errors_exit_2(args, message, tmp_path):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "out.txt").exists()


def test_never_writes_over_the_briefing(write):
    path = write(MINIMAL, "b.md")
    result = run(str(path), "-o", str(path))
    assert result.returncode == 2 and b"is the briefing itself" in result.stderr
    assert path.read_text(encoding="utf-8") == MINIMAL


def test_a_broken_briefing_exits_1(write, tmp_path):
    path = write("schema: 1\nmeta: {}\n")
    result = run(str(path), "-o", str(tmp_path / "x.html"))
    assert result.returncode == 1 and b"b.yaml:" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_pdf_without_a_browser_says_so(tmp_path):
    result = run("--to", "pdf", "-o", str(tmp_path / "x.pdf"), env={"BRIEFING_CHROMIUM": "no-such-browser"})
    assert result.returncode == 2
    assert b"needs Chromium" in result.stderr and b"apt-get install chromium" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_title_says_what_is_missing_in_html():
    """The HTML shows a person's title without a label, so a missing one
    must not read as the bare "not reported" under their name."""
    briefing = load_path(Path(__file__).parent / "briefings" / "summit-untitled.yaml")
    html = export_text(briefing, "html")
    assert '<span class="nr">title not reported</span>' in html
    assert '<dt>Jonas Keller</dt><dd><span class="nr">title not reported</span></dd>' in html


TWO_SOURCES = (
    MINIMAL
    + """\
sources:
  - {id: tw, outlet: Trade Wire, headline: Talks stall, published: Friday}
  - {id: gn, outlet: Geneva Notes, url: "https://notes.example/chair"}
delegations: [{id: a, side: A, role: party, members: [{id: p, name: Pat}]}]
quotes:
  - {id: q1, speaker: p, text: Closer than it looks., source: tw}
  - {id: q2, speaker: p, text: Not tonight., source: [tw, gn]}
agenda:
  - {id: g, title: Quotas, source: gn}
figures:
  - {id: f, label: Boats, value: about 40, source: gn}
"""
)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_briefing_with_several_sources_names_them_all_and_each_items_own(write, fmt):
    """Shared with people who never open a terminal, an export must say which
    report each item comes from when there is more than one (as --plain does)."""
    text = export_text(load_path(write(TWO_SOURCES)), fmt)
    assert "Trade Wire, “Talks stall”, Friday; Geneva Notes" in text  # the header
    assert "not named in the briefing" not in text
    assert "notes.example" in text  # several sources: each address shown as text
    words = re.sub(r"<[^>]+>|\*", "", text.replace("</dt>", ": "))
    for item, source in [
        ("Closer than it looks.", "Source: Trade Wire, “Talks stall”, Friday"),
        ("Not tonight.", "Source: Trade Wire, “Talks stall”, Friday; Geneva Notes"),
        ("Quotas", "Source: Geneva Notes"),
        ("Boats", "Source: Geneva Notes"),
    ]:
        after = words[words.index(item) :]
        assert source in after[:400], item
    assert "Source: gn" not in words and "Source gn" not in words  # never a bare id


def test_a_briefing_with_one_source_list_names_it_in_the_header(write):
    one = MINIMAL + "sources:\n  - {id: tw, outlet: Trade Wire}\n"
    text = export_text(load_path(write(one)), "md")
    assert "**Source:** Trade Wire" in text and "not named in the briefing" not in text
