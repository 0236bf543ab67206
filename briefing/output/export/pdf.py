"""PDF through a headless Chromium, when one is installed.

The page from :mod:`.html` is printed by the browser itself, so the PDF is
what the reader of the HTML file would print: no second layout to keep in
step. Chromium runs without a shell, with a throw-away profile and a time
limit; a missing browser is a clear message, not a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSER_ENV = "BRIEFING_CHROMIUM"
"""A browser to use instead of looking for one on PATH."""
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 90.0
QUIET = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pings",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
"""Headless, and nothing leaves the machine: the page fetches nothing (its
policy forbids it) and the browser's own update and account checks cannot
resolve a host."""


class PdfError(Exception):
    """No browser, or the browser did not write a PDF; the message says which."""


def find_browser() -> str | None:
    given = os.environ.get(BROWSER_ENV, "").strip()
    if given:
        return shutil.which(given)
    for name in BROWSERS:
        if found := shutil.which(name):
            return found
    return None


def html_to_pdf(page: str, *, timeout: float = TIMEOUT) -> bytes:
    """Print the HTML ``page`` to PDF bytes with headless Chromium."""
    browser = find_browser()
    if browser is None:
        raise PdfError(
            "--to pdf needs Chromium or Chrome, and none was found "
            f"(looked for {', '.join(BROWSERS)}; set {BROWSER_ENV} to its path). "
            "On Debian or Ubuntu: apt-get install chromium. "
            "Or export HTML and print it from any browser."
        )
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as folder:
        html_path = Path(folder) / "briefing.html"
        pdf_path = Path(folder) / "briefing.pdf"
        html_path.write_text(page, encoding="utf-8")
        command = [
            browser,
            *QUIET,
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_path}",
            html_path.as_uri(),
        ]
        try:
            result = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"{browser} did not finish printing within {timeout:.0f} s") from None
        except OSError as exc:
            raise PdfError(f"could not run {browser}: {exc.strerror or exc}") from None
        try:
            data = pdf_path.read_bytes()
        except OSError:
            data = b""
        if not data.startswith(b"%PDF"):
            detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise PdfError(f"{browser} wrote no PDF (exit {result.returncode}) {detail[0]}".strip())
        return data


__all__ = ["BROWSER_ENV", "QUIET", "PdfError", "find_browser", "html_to_pdf"]
