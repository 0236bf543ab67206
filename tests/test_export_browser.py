"""The exported page in a real browser: headless Chromium (Debian's ``chromium``).

It renders (a screenshot, the page's DOM), hostile text runs nothing, the
page fetches nothing, it prints to PDF on A4 and Letter, and axe-core finds
no accessibility violation (WCAG 2.1 A/AA and best practices) in light and
dark. Skipped without Chromium, or without npm for axe-core, except in CI
(``CI`` set), where .ci/run installs Chromium and a skip would hide a gap.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.loading import load_path
from briefing.output.export import export_text
from briefing.output.export.pdf import QUIET, find_browser

from .conftest import DEFAULT, ROOT

HOSTILE_EXPORT = ROOT / "tests" / "briefings" / "hostile-export.yaml"
AXE_VERSION = "4"


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is needed in CI (.ci/run installs it)")
    pytest.skip(f"{what} not found")


@pytest.fixture(scope="module")
def browser() -> str:
    found = find_browser()
    if found is None:
        _missing("Chromium")
    return found  # type: ignore[return-value]


def chromium(browser: str, tmp: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, *QUIET, f"--user-data-dir={tmp / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def page_file(tmp_path: Path, path: Path = DEFAULT, **options: str) -> Path:
    out = tmp_path / "page.html"
    out.write_text(export_text(load_path(path), "html", **options), encoding="utf-8")
    return out


def test_the_page_renders(browser, tmp_path):
    page = page_file(tmp_path)
    shot = tmp_path / "shot.png"
    chromium(
        browser,
        tmp_path,
        "--hide-scrollbars",
        "--window-size=1000,1400",
        f"--screenshot={shot}",
        page.as_uri(),
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 30_000  # a blank page is ~5 KB
    dom = chromium(browser, tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "<title>Ukraine–Russia talks in Geneva</title>" in dom
    assert "We are focused on substantive work." in dom
    assert "nearly 400 (approximate)" in dom


def test_hostile_text_runs_nothing(browser, tmp_path):
    page = page_file(tmp_path, HOSTILE_EXPORT)
    dom = chromium(browser, tmp_path, "--dump-dom", "--virtual-time-budget=2000", page.as_uri()).stdout
    assert "<script" not in dom and "<img" not in dom and "<iframe" not in dom
    assert "&lt;script&gt;alert('title')&lt;/script&gt; [@click=app.quit]Title[/]" in dom
    assert "&lt;/p&gt;&lt;/blockquote&gt;&lt;script&gt;alert('quote')&lt;/script&gt;" in dom


def _hosts(browser: str, tmp: Path, url: str) -> set[str]:
    """Hosts the browser asked for while showing ``url`` (from its network log)."""
    log = tmp / "net.json"
    log.unlink(missing_ok=True)
    chromium(browser, tmp, f"--log-net-log={log}", "--dump-dom", "--virtual-time-budget=2000", url)
    urls = re.findall(r'"url":"([a-z]+://[^/"]+)', log.read_text(encoding="utf-8", errors="replace"))
    return {u for u in urls if not u.startswith(("file://", "data:", "chrome"))}


def test_the_page_fetches_nothing(browser, tmp_path):
    # The browser's own background checks (updates, accounts) show up for a
    # blank page too; whatever the page adds to them, it fetched.
    background = _hosts(browser, tmp_path, "about:blank")
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/x.png" alt="x">', encoding="utf-8")
    assert "http://127.0.0.1:9" in _hosts(browser, tmp_path, control.as_uri()) - background
    for path in (DEFAULT, HOSTILE_EXPORT):
        page = page_file(tmp_path, path)
        assert _hosts(browser, tmp_path, page.as_uri()) - background == set(), path


@pytest.mark.parametrize(("paper", "width"), [("a4", 595), ("letter", 612)])
def test_pdf_export(browser, tmp_path, paper, width):
    out = tmp_path / "b.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", "--paper", paper, "-o", str(out)],
        capture_output=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "BRIEFING_CHROMIUM": browser},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes and all(round(float(w)) == width for w, _ in boxes), boxes[:3]


# --- accessibility --------------------------------------------------------


@pytest.fixture(scope="session")
def axe_script(request) -> str:
    """axe-core from the npm registry, installed once into pytest's cache folder."""
    folder = Path(request.config.cache.mkdir("axe-core"))
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            _missing("npm (for axe-core)")
        result = subprocess.run(
            [
                npm,
                "install",
                "--no-audit",
                "--no-fund",
                "--silent",
                "--prefix",
                str(folder),
                f"axe-core@{AXE_VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode != 0 or not script.exists():
            _missing(f"axe-core (npm install failed: {result.stderr.strip()[-300:]})")
    return script.read_text(encoding="utf-8")


RUN_AXE = """
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
  .then(r => { const out = document.createElement("pre"); out.id = "axe-result";
    out.textContent = JSON.stringify(r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target)})));
    document.body.appendChild(out); });
"""


def axe_violations(browser: str, axe_script: str, tmp: Path, html: str, scheme: str = "light") -> list[dict]:
    # The page's policy forbids every script; only this test copy drops it to run axe.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", html)
    html = html.replace("</body>", f"<script>{axe_script}</script><script>{RUN_AXE}</script></body>")
    page = tmp / "axe.html"
    page.write_text(html, encoding="utf-8")
    dark = "0" if scheme == "dark" else "1"
    dom = chromium(
        browser,
        tmp,
        f"--blink-settings=preferredColorScheme={dark}",
        "--virtual-time-budget=30000",
        "--dump-dom",
        page.as_uri(),
        timeout=120,
    ).stdout
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
    assert found, "axe did not report"
    return json.loads(
        found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )


@pytest.mark.parametrize(
    ("path", "scheme", "theme"),
    [
        (DEFAULT, "light", None),
        (DEFAULT, "dark", None),
        (DEFAULT, "dark", "briefing-okabe-ito"),
        (HOSTILE_EXPORT, "light", None),
    ],
    ids=["bundled-light", "bundled-dark", "bundled-okabe-ito", "hostile"],
)
def test_axe_finds_no_violation(browser, axe_script, tmp_path, path, scheme, theme):
    html = export_text(load_path(path), "html", theme=theme)
    assert axe_violations(browser, axe_script, tmp_path, html, scheme) == []


def test_axe_sees_what_it_should(browser, axe_script, tmp_path):
    """The check above can fail: a page without lang and with faint text does."""
    html = export_text(load_path(DEFAULT), "html").replace('<html lang="en">', "<html>")
    html = html.replace("--muted:#", "--muted:#dddddd;--x:#", 1)  # faint on white
    found = {v["id"] for v in axe_violations(browser, axe_script, tmp_path, html)}
    assert {"html-has-lang", "color-contrast"} <= found
