"""Regenerate docs/screenshot.svg: the app photographs itself at 120x40.

Run: python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from briefing.paths import default_briefing
from briefing.ui.app import BriefingApp

OUT = Path(__file__).with_name("screenshot.svg")


async def main() -> None:
    app = BriefingApp(default_briefing(), display_name="geneva-talks.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j", "j")
        await pilot.pause()
        OUT.write_text(app.export_screenshot(title="briefing"), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
