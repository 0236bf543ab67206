"""The app in a browser: ``briefing serve`` through textual-serve.

Each browser tab runs its own copy of the viewer as a process with Textual's
web driver (``server.py``); the page it loads is ours (``templates/``), with
local fonts only and the terminal's screen-reader mode on.
"""
