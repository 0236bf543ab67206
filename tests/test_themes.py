"""Themes as files, the user's config file, and choosing/remembering a theme.

Every test points BRIEFING_CONFIG_DIR at its own temp folder, so nothing here
reads or writes the real config folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from briefing import paths
from briefing.model import Delegation
from briefing.paths import data_dir
from briefing.settings import config
from briefing.settings.config import ConfigError, parse_config, read_config
from briefing.settings.config_edit import save_theme
from briefing.ui import themes
from briefing.ui.app import BriefingApp
from briefing.ui.panes.tally import TallyPane
from briefing.ui.text_content import side_style
from briefing.ui.themes import (
    BRIEFING_VARIABLES,
    ThemeError,
    briefing_variable_defaults,
    discover_themes,
    parse_theme,
)

from .conftest import DEFAULT

SHIPPED = data_dir("themes")
SHIPPED_NAMES = ["briefing-dark", "briefing-mono", "briefing-okabe-ito", "briefing-projector"]


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


def user_theme(config_dir: Path, text: str, name: str = "mine.yaml") -> Path:
    folder = config_dir / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- WCAG 2 contrast, written out here so the test does not trust the module --


def luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        s = value / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def ratio(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    black, white = Color.parse("#000000"), Color.parse("#ffffff")
    assert ratio(black, white) == pytest.approx(21.0)
    assert ratio(white, white) == pytest.approx(1.0)
    assert ratio(Color.parse("#767676"), white) == pytest.approx(4.54, abs=0.01)  # WCAG's AA grey


def effective(value: str, over: Color) -> Color:
    """What a Textual colour value looks like drawn on ``over``."""
    if value.startswith("auto"):
        percent = value.split()[1] if " " in value else "100%"
        return over + over.get_contrast_text(int(percent.rstrip("%")) / 100)
    return over + Color.parse(value)


def variables(name: str) -> dict[str, str]:
    theme = discover_themes(SHIPPED, Path("/nonexistent")).themes[name]
    return {
        **briefing_variable_defaults(theme),
        **theme.to_color_system().generate(),
        **theme.variables,
    }


# -- shipped themes --------------------------------------------------------


def test_every_shipped_theme_loads_and_maps():
    catalog = discover_themes(SHIPPED, Path("/nonexistent"))
    assert catalog.problems == []
    assert list(catalog.themes) == SHIPPED_NAMES  # the default first, then by name
    for name, theme in catalog.themes.items():
        raw = parse_theme(catalog.sources[name].read_bytes(), name)
        assert theme.name == name
        assert theme.dark is raw.dark
        for field in themes.BASE_COLOURS:
            if getattr(raw, field) is not None:
                assert getattr(theme, field) == Color.parse(getattr(raw, field)).hex
        # The sides and tally colours every theme file must spell out.
        for variable in (
            "side-mediator",
            "side-party-1",
            "side-party-2",
            "side-ally",
            "side-observer",
            "tally-launched",
            "tally-intercepted",
        ):
            assert variable in theme.variables, (name, variable)
        assert theme.variables["side-party-1"] != theme.variables["side-party-2"]
        # Textual accepts the theme (its colour maths rounds by a unit or so).
        generated = theme.to_color_system().generate()
        assert ratio(Color.parse(generated["primary"]), Color.parse(theme.primary)) < 1.05


def test_briefing_dark_keeps_textuals_default_look():
    """The approved screenshots were taken with textual-dark; briefing-dark matches it."""
    ours = variables("briefing-dark")
    textual = BUILTIN_THEMES["textual-dark"].to_color_system().generate()
    differ = {k for k in textual if textual[k] != ours[k] and not k.startswith("boost-")}
    assert differ == set()


@pytest.mark.parametrize("name", SHIPPED_NAMES)
def test_shipped_themes_are_readable(name):
    v = variables(name)
    background = Color.parse(v["background"])
    assert ratio(Color.parse(v["foreground"]), background) >= 7
    assert ratio(Color.parse(v["foreground"]), Color.parse(v["surface"])) >= 7
    assert ratio(effective(v["text-muted"], background), background) >= 4.5
    for variable in BRIEFING_VARIABLES:  # marks and bars: WCAG's 3:1 for graphics
        assert ratio(Color.parse(v[variable]), background) >= 3, variable


def test_projector_theme_contrast():
    v = variables("briefing-projector")
    background, surface, panel = (Color.parse(v[k]) for k in ("background", "surface", "panel"))
    foreground = Color.parse(v["foreground"])
    assert ratio(foreground, background) >= 7
    assert ratio(foreground, surface) >= 7
    assert ratio(foreground, panel) >= 7  # header and footer
    assert ratio(effective(v["text-muted"], background), background) >= 7
    for variable in BRIEFING_VARIABLES:
        assert ratio(Color.parse(v[variable]), background) >= 4.5, variable
        assert ratio(Color.parse(v[variable]), surface) >= 4.5, variable
    for status in ("text-primary", "text-secondary", "text-warning", "text-error", "text-success"):
        assert ratio(Color.parse(v[status]), background) >= 4.5, status
    assert ratio(Color.parse(v["footer-key-foreground"]), panel) >= 4.5
    assert ratio(Color.parse(v["panel-lighten-2"]), background) >= 3  # pane frames
    cursor = Color.parse(v["block-cursor-background"])
    assert ratio(effective(v["block-cursor-foreground"], cursor), cursor) >= 7


def test_mono_theme_has_no_hue():
    theme = discover_themes(SHIPPED, Path("/nonexistent")).themes["briefing-mono"]
    values = [getattr(theme, f) for f in themes.BASE_COLOURS if getattr(theme, f)]
    values += [v for k, v in theme.variables.items() if not k.endswith("style")]
    assert len(values) > 20
    for value in values:
        colour = Color.parse(value)
        assert colour.r == colour.g == colour.b, value


@pytest.mark.parametrize("name", list(BUILTIN_THEMES))
def test_builtin_themes_get_every_briefing_variable(name):
    theme = BUILTIN_THEMES[name]
    values = briefing_variable_defaults(theme)
    assert set(values) == set(BRIEFING_VARIABLES)
    assert values["side-party-1"] != values["side-party-2"]
    if theme.ansi:
        return  # the terminal picks ANSI colours
    background = Color.parse(theme.to_color_system().generate()["background"])
    for variable, value in values.items():
        assert ratio(Color.parse(value), background) >= 3, (variable, value)


def test_parties_take_turns_with_the_party_colours():
    from briefing.model import Briefing, Meta, Roster

    parties = [Delegation(id=f"p{n}", side=f"P{n}", role="party") for n in range(6)]
    ally = Delegation(id="b", side="B", role="ally")
    roster = Roster(Briefing(schema=1, meta=Meta(title="T"), delegations=[parties[0], ally, *parties[1:]]))
    assert [side_style(parties[n], roster) for n in (0, 1, 4, 5)] == [
        "bold $side-party-1",
        "bold $side-party-2",
        "bold $side-party-1",
        "bold $side-party-2",
    ]
    assert side_style(parties[1]) == "bold $side-party-1"  # no roster: first colour
    assert side_style(ally, roster) == "bold $side-ally"
    assert side_style(None) == "bold"


# -- broken theme files ----------------------------------------------------

BASE = 'name: mine\ndark: true\nprimary: "#112233"\nforeground: "#eeeeee"\nbackground: "#000000"\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            BASE + 'text: "#ffffff"\n',
            "mine.yaml:6:1: top level: unknown key 'text'; did you mean 'foreground'?",
            id="unknown-key",
        ),
        pytest.param(
            BASE + 'sides:\n  partie-1: "#ff0000"\n',
            "mine.yaml:7:3: sides: unknown key 'partie-1'; did you mean 'party-1'?",
            id="unknown-side",
        ),
        pytest.param(
            BASE.replace('"#112233"', '"#12345"'),
            "mine.yaml:3:10: primary: '#12345' is not a colour; use #rrggbb, rgb(r, g, b), hsl(h, s%, l%) or a colour name",
            id="bad-colour",
        ),
        pytest.param(
            BASE + "accent: gren\n",
            "mine.yaml:6:9: accent: 'gren' is not a colour; did you mean 'green'?",
            id="colour-typo",
        ),
        pytest.param(
            BASE + 'tally:\n  launched: "#00000080"\n',
            "mine.yaml:7:13: tally.launched: '#00000080' is see-through; this colour must be opaque",
            id="see-through",
        ),
        pytest.param(
            BASE + "accent: ansi_red\n",
            "mine.yaml:6:9: accent: 'ansi_red' is a terminal (ANSI) colour, which each terminal shows differently; use a fixed colour such as #rrggbb",
            id="ansi",
        ),
        pytest.param(
            BASE + "sides: [\n",
            "mine.yaml:6:9: did not find expected node content (while parsing a flow node on line 6)",
            id="yaml-syntax",
        ),
        pytest.param(
            BASE + "dark: false\n",
            "mine.yaml:6:1: duplicate key 'dark' (first defined on line 2)",
            id="duplicate-key",
        ),
        pytest.param(
            BASE.replace("dark: true", 'dark: "yes"'),
            "mine.yaml:2:7: dark: expected true or false, got text ('yes'); write true or false",
            id="wrong-type-bool",
        ),
        pytest.param(
            BASE + 'sides: "#ff0000"\n',
            "mine.yaml:6:8: sides: expected a mapping (key: value lines), got text",
            id="wrong-type-map",
        ),
        pytest.param(
            BASE + "accent: 12\n",
            "mine.yaml:6:9: accent: expected text, got a whole number",
            id="wrong-type-number",
        ),
        pytest.param(
            BASE.replace('background: "#000000"\n', ""),
            "mine.yaml:1:1: top level: missing required key 'background'",
            id="missing",
        ),
        pytest.param(
            BASE + 'sides:\n  party-1: "#ff0000"\n  party-2: red\n',
            "mine.yaml:8:12: sides.party-2: same colour as party-1; parties need colours that tell them apart",
            id="same-parties",
        ),
        pytest.param(
            BASE.replace("name: mine", "name: nord"),
            "mine.yaml:1:7: name: 'nord' is a Textual built-in theme; choose another name",
            id="builtin-name",
        ),
        pytest.param(
            BASE.replace("name: mine", "name: My Theme"),
            "mine.yaml:1:7: name: 'My Theme' is not a theme name; use lowercase letters, digits and '-', e.g. my-theme",
            id="bad-name",
        ),
        pytest.param(
            BASE + 'variables:\n  block-curser-background: "#ffffff"\n',
            "mine.yaml:7:3: variables.block-curser-background: unknown Textual variable 'block-curser-background'; did you mean 'block-cursor-background'?",
            id="variable-typo",
        ),
        pytest.param(
            BASE + 'variables:\n  block-cursor-text-style: "bold blinking"\n',
            "mine.yaml:7:28: variables.block-cursor-text-style: 'bold blinking' is not a text style; use words from: b, blink, bold, dim, i, italic, none, not, o, overline, reverse, strike, u, underline, uu",
            id="variable-style",
        ),
        pytest.param(
            BASE + 'variables:\n  side-ally: "#ffffff"\n',
            "mine.yaml:7:3: variables.side-ally: set 'side-ally' under 'sides:' instead",
            id="variable-ours",
        ),
        pytest.param(
            BASE + "variables:\n  footer-key-foreground: 3\n",
            "mine.yaml:7:26: variables.footer-key-foreground: expected text, got a whole number",
            id="variable-type",
        ),
        pytest.param(
            "",
            "mine.yaml:1:1: the file is empty; a theme needs at least name, dark, primary, foreground and background",
            id="empty",
        ),
        pytest.param(
            BASE + "accent: !!python/object:os.system x\n",
            "mine.yaml:6:9: tag !!python/object:os.system is not allowed; briefings use plain YAML values only",
            id="unsafe-tag",
        ),
    ],
)
def test_broken_theme_file_messages(text, expected):
    with pytest.raises(ThemeError) as caught:
        parse_theme(text.encode(), "mine.yaml")
    assert [str(p) for p in caught.value.problems] == [expected]


def test_theme_variables_accept_textual_values():
    spec = parse_theme(
        BASE + 'variables:\n  input-selection-background: "#81a1c1 35%"\n  text-muted: auto 70%\n'
        "  block-cursor-text-style: b reverse\n",
        "mine.yaml",
    )
    theme = themes.to_theme(spec)
    assert theme.variables["text-muted"] == "auto 70%"
    assert theme.to_color_system().generate()["text-muted"] == "auto 70%"


def test_binary_theme_file(config_dir):
    user_theme(config_dir, "")
    (config_dir / "themes" / "mine.yaml").write_bytes(b"name: \xff\n")
    catalog = discover_themes(SHIPPED)
    assert [str(p) for p in catalog.problems] == [
        f"{config_dir / 'themes' / 'mine.yaml'}:1:7: byte 0xff is not valid UTF-8; save the file as UTF-8"
    ]


# -- user themes -------------------------------------------------------------


def test_user_theme_overrides_shipped_one(config_dir):
    path = user_theme(config_dir, BASE.replace("name: mine", "name: briefing-dark"), "dark.yaml")
    user_theme(config_dir, BASE, "mine.yml")
    catalog = discover_themes(SHIPPED)
    assert catalog.problems == []
    assert catalog.themes["briefing-dark"].primary == "#112233"
    assert catalog.sources["briefing-dark"] == path
    assert list(catalog.themes) == [*SHIPPED_NAMES, "mine"]


def test_broken_user_theme_keeps_the_shipped_one(config_dir):
    path = user_theme(config_dir, BASE.replace("name: mine", "name: briefing-dark") + "text: x\n")
    catalog = discover_themes(SHIPPED)
    assert catalog.themes["briefing-dark"].primary == "#0178D4"
    assert [str(p) for p in catalog.problems] == [
        f"{path}:6:1: top level: unknown key 'text'; did you mean 'foreground'?"
    ]


def test_two_user_files_with_one_name(config_dir):
    user_theme(config_dir, BASE, "a.yaml")
    second = user_theme(config_dir, BASE, "b.yaml")
    catalog = discover_themes(SHIPPED)
    assert catalog.sources["mine"].name == "a.yaml"
    assert [str(p) for p in catalog.problems] == [
        f"{second}:1:7: name: theme 'mine' is already defined in a.yaml; this file is ignored"
    ]


def test_hidden_and_other_files_are_ignored(config_dir):
    user_theme(config_dir, "not: [a theme", ".#mine.yaml")
    user_theme(config_dir, "notes", "README.txt")
    assert discover_themes(SHIPPED).problems == []


# -- the parsed-theme cache ----------------------------------------------------


def _catalog_facts(catalog):
    return (
        {name: (t.primary, t.dark, t.variables) for name, t in catalog.themes.items()},
        dict(catalog.sources),
        [str(p) for p in catalog.problems],
    )


def test_unchanged_theme_files_are_not_parsed_again(config_dir, monkeypatch):
    user_theme(config_dir, BASE, "mine.yaml")
    user_theme(config_dir, BASE.replace("name: mine", "name: other") + "text: x\n", "broken.yaml")
    first = discover_themes(SHIPPED)
    assert len(first.problems) == 1

    def no_parsing(data, name):
        raise AssertionError(f"{name} was parsed again")

    monkeypatch.setattr(themes.catalog, "parse_theme", no_parsing)
    again = discover_themes(SHIPPED)
    assert _catalog_facts(again) == _catalog_facts(first)  # problems and positions included


def test_a_changed_theme_file_is_parsed_again(config_dir):
    path = user_theme(config_dir, BASE, "mine.yaml")
    assert discover_themes(SHIPPED).themes["mine"].primary == "#112233"
    path.write_text(BASE.replace("#112233", "#445566"), encoding="utf-8")
    assert discover_themes(SHIPPED).themes["mine"].primary == "#445566"


@pytest.mark.parametrize("damage", [b"", b"BRFCACHE", b"x" * 100])
def test_a_damaged_theme_cache_is_ignored_and_rewritten(config_dir, tmp_path, monkeypatch, damage):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    first = discover_themes(SHIPPED)
    entry = tmp_path / "cache" / "themes.cache"
    assert entry.exists()
    entry.write_bytes(damage)
    assert _catalog_facts(discover_themes(SHIPPED)) == _catalog_facts(first)
    assert entry.read_bytes() != damage


def test_theme_cache_off_with_the_briefing_cache(config_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    assert discover_themes(SHIPPED).themes
    assert not (tmp_path / "cache").exists()


# -- config.toml ---------------------------------------------------------------


def test_paths_follow_the_override(config_dir, monkeypatch, tmp_path):
    assert paths.config_dir() == config_dir
    assert paths.config_path() == config_dir / "config.toml"
    assert paths.themes_dir() == config_dir / "themes"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    assert paths.cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("BRIEFING_CONFIG_DIR")
    assert paths.config_dir().name == "briefing"


def test_config_is_parsed():
    parsed = parse_config('theme = "nord"\n[keymap]\nquit = "ctrl+q"\nhelp = "f1,question_mark"\n', "c.toml")
    assert parsed.theme == "nord"
    assert parsed.keymap == {"quit": "ctrl+q", "help": "f1,question_mark"}


def test_missing_config_is_the_default(config_dir):
    assert read_config() == (config.Config(), [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'themee = "x"\n',
            "c.toml:1:1: top level: unknown key 'themee'; did you mean 'theme'?",
            id="unknown-key",
        ),
        pytest.param(
            '# mine\n[keymapp]\nquit = "q"\n',
            "c.toml:2:1: top level: unknown key 'keymapp'; did you mean 'keymap'?",
            id="unknown-table",
        ),
        pytest.param("theme = 3\n", "c.toml:1:1: theme: expected text, got a whole number", id="wrong-type"),
        pytest.param(
            '[keymap]\nquit = "q"\n  help = 3\n',
            "c.toml:3:3: keymap.help: expected text, got a whole number",
            id="keymap-type",
        ),
        pytest.param(
            "keymap = 3\n",
            "c.toml:1:1: keymap: expected a table of key = value pairs, got a whole number",
            id="keymap-not-table",
        ),
        pytest.param(
            '[keymap]\nquit = "ctrl q"\n',
            'c.toml:2:1: keymap.quit: \'ctrl q\' is not a key list; write keys such as "ctrl+q" or "f1,question_mark" (commas, no spaces)',
            id="bad-keys",
        ),
        pytest.param(
            '[keymap]\n"no such id!" = "q"\n',
            "c.toml:2:1: keymap: 'no such id!' is not a binding id (see the help screen, ?)",
            id="bad-id",
        ),
        pytest.param('theme = ""\n', "c.toml:1:1: theme: must not be empty", id="empty-theme"),
        pytest.param("theme = \n", "c.toml:1:9: not valid TOML: invalid value", id="toml-syntax"),
        pytest.param(
            '[keymap]\nquit = "q"\nquit = "x"\n',
            "c.toml:3:11: not valid TOML: cannot overwrite a value",
            id="toml-duplicate",
        ),
    ],
)
def test_config_problems(text, expected):
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "c.toml")
    assert [str(p) for p in caught.value.problems] == [expected]


def test_unreadable_config_is_reported_not_raised(config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_bytes(b'theme = "\xff"\n')
    settings, problems = read_config()
    assert settings == config.Config()
    assert [str(p) for p in problems] == [
        f"{config_dir / 'config.toml'}:1:10: not valid UTF-8; save the file as UTF-8"
    ]


def test_config_and_theme_files_share_the_reader(config_dir, monkeypatch):
    # The same safe reader as briefings: one place to deny, each file's error.
    from briefing.loading import reading

    def deny(path):
        raise PermissionError(13, "Permission denied", str(path))

    mine = user_theme(config_dir, BASE)
    (config_dir / "config.toml").write_text('theme = "nord"\n', encoding="utf-8")
    monkeypatch.setattr(reading, "open_file", deny)
    assert [str(p) for p in read_config()[1]] == [f"{config_dir / 'config.toml'}: permission denied"]
    assert f"{mine}: permission denied" in [str(p) for p in discover_themes(SHIPPED).problems]


def test_saving_the_theme_keeps_everything_else(config_dir):
    config_dir.mkdir(parents=True)
    path = config_dir / "config.toml"
    path.write_text(
        '# my settings\ntheme = "nord"  # for the big room\n\n[keymap]\nquit = "ctrl+q"\n',
        encoding="utf-8",
    )
    os.chmod(path, 0o600)
    save_theme("briefing-projector")
    assert path.read_text(encoding="utf-8") == (
        '# my settings\ntheme = "briefing-projector"  # for the big room\n\n[keymap]\nquit = "ctrl+q"\n'
    )
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in config_dir.iterdir()) == ["config.toml"]  # no temp files left


def test_saving_adds_the_theme_above_the_first_table(config_dir):
    config_dir.mkdir(parents=True)
    path = config_dir / "config.toml"
    path.write_text('[keymap]\nquit = "ctrl+q"\n', encoding="utf-8")
    save_theme("nord")
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n\n[keymap]\nquit = "ctrl+q"\n'
    assert parse_config(path.read_text(encoding="utf-8"), "c").keymap == {"quit": "ctrl+q"}


def test_saving_creates_the_config(config_dir):
    save_theme('odd "name"')
    assert (config_dir / "config.toml").read_text(encoding="utf-8") == 'theme = "odd \\"name\\""\n'
    assert read_config()[0].theme == 'odd "name"'


def test_saving_refuses_a_broken_config(config_dir):
    config_dir.mkdir(parents=True)
    path = config_dir / "config.toml"
    path.write_text('theme = "nord"\ncolour = "blue"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        save_theme("briefing-mono")
    assert str(caught.value) == f"{path}:2:1: top level: unknown key 'colour'; expected one of: theme, keymap"
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\ncolour = "blue"\n'


def test_saving_will_not_guess_at_multiline_strings(config_dir):
    config_dir.mkdir(parents=True)
    path = config_dir / "config.toml"
    text = 'theme = """\nnord"""\n[keymap]\nquit = "q"\n'
    path.write_text(text, encoding="utf-8")
    assert read_config()[0].theme == "nord"
    with pytest.raises(ConfigError) as caught:
        save_theme("gruvbox")
    assert str(caught.value) == (
        f"{path}:1:1: could not set 'theme' without changing other settings; edit it by hand"
    )
    assert path.read_text(encoding="utf-8") == text


def test_saving_writes_through_a_symlink(config_dir, tmp_path):
    real = tmp_path / "dotfiles" / "briefing.toml"
    real.parent.mkdir()
    real.write_text('theme = "nord"\n', encoding="utf-8")
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").symlink_to(real)
    save_theme("gruvbox")
    assert (config_dir / "config.toml").is_symlink()
    assert real.read_text(encoding="utf-8") == 'theme = "gruvbox"\n'


def test_config_module_does_not_import_the_ui():
    code = (
        "import sys, briefing.settings.config\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') "
        "or m.startswith('briefing.ui')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# -- choosing a theme ------------------------------------------------------------


def test_choice_order():
    available = {"briefing-dark", "briefing-mono", "nord"}
    assert themes.choose_theme(available) == ("briefing-dark", None)
    assert themes.choose_theme(available, no_color=True) == ("briefing-mono", None)
    assert themes.choose_theme(available, remembered="nord") == ("nord", None)
    assert themes.choose_theme(available, requested="briefing-mono", remembered="nord") == (
        "briefing-mono",
        None,
    )
    name, note = themes.choose_theme(available, requested="nope")
    assert (name, note) == ("briefing-dark", "--theme: there is no theme 'nope'; using briefing-dark")
    assert themes.choose_theme({"nord"}) == ("textual-dark", None)


def notes(app: BriefingApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_t_cycles_and_the_choice_is_saved(config_dir):
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-dark"
        names = app.theme_switcher.names
        assert names[:4] == SHIPPED_NAMES
        assert names[4:] == [n for n in BUILTIN_THEMES]  # Textual's themes stay selectable
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "briefing-mono"
        assert (config_dir / "config.toml").read_text(encoding="utf-8") == 'theme = "briefing-mono"\n'
        await pilot.press("t", "t", "t")
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert read_config()[0].theme == "textual-dark"
    again = BriefingApp(DEFAULT)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-dark"


async def test_cycling_wraps_around(config_dir):
    app = BriefingApp(DEFAULT, theme=list(BUILTIN_THEMES)[-1])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "briefing-dark"


async def test_start_up_theme_is_not_saved(config_dir):
    app = BriefingApp(DEFAULT, theme="briefing-projector")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-projector"
    assert not (config_dir / "config.toml").exists()


async def test_theme_picker_in_the_command_palette_lists_and_saves_ours(config_dir):
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_change_theme()
        await pilot.pause()
        await pilot.press(*"projector")
        await pilot.pause(0.3)
        from textual.command import CommandList

        listed = app.screen.query_one(CommandList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert "briefing-projector" in prompts
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "briefing-projector"
        assert read_config()[0].theme == "briefing-projector"


async def test_custom_variables_colour_the_panes(config_dir):
    """Content styles such as "$tally-launched" follow the theme, built-ins included."""

    def bar_colours(app: BriefingApp) -> set[str]:
        rows = app.screen.query_one(TallyPane).list
        found = set()
        for y in range(rows.size.height):
            for segment in rows.render_line(y):
                if "█" in segment.text and segment.style and segment.style.color:
                    found.add(segment.style.color.triplet.hex.upper())
        return found

    app = BriefingApp(DEFAULT, theme="briefing-projector")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert bar_colours(app) == {"#A83200", "#00509E"}
        app.theme = "nord"
        await pilot.pause()
        nord = briefing_variable_defaults(BUILTIN_THEMES["nord"])
        assert bar_colours(app) == {nord["tally-launched"], nord["tally-intercepted"]}
        assert nord["tally-launched"] != "#A83200"


async def test_unknown_theme_argument_falls_back_with_a_notice(config_dir):
    app = BriefingApp(DEFAULT, theme="nope")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-dark"
        assert notes(app) == ["--theme: there is no theme 'nope'; using briefing-dark"]


async def test_remembered_theme_that_is_gone(config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text('theme = "deleted-theme"\n', encoding="utf-8")
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-dark"
        assert notes(app) == [
            f"{config_dir / 'config.toml'}: there is no theme 'deleted-theme'; using briefing-dark"
        ]


async def test_broken_theme_and_config_are_notices_not_crashes(config_dir):
    bad = user_theme(config_dir, BASE + "accent: gren\n")
    (config_dir / "config.toml").write_text("theme = [\n", encoding="utf-8")
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-dark"
        assert notes(app) == [
            f"{bad}:6:9: accent: 'gren' is not a colour; did you mean 'green'?",
            f"{config_dir / 'config.toml'}:2:1: not valid TOML: invalid value",
        ]


async def test_no_color_starts_in_mono(config_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-mono"


async def test_unsaveable_config_is_a_notice(config_dir):
    config_dir.mkdir(parents=True)
    path = config_dir / "config.toml"
    path.write_text('theme = "nord"\ncolour = 1\n', encoding="utf-8")
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "briefing-mono"
        assert notes(app)[-1] == (
            f"{path}:2:1: top level: unknown key 'colour'; expected one of: theme, keymap\n"
            "Theme briefing-mono is in use but not saved."
        )
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\ncolour = 1\n'


# -- command line ---------------------------------------------------------------


def test_unknown_theme_on_the_command_line_exits_2_with_the_list(config_dir):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--theme", "nope"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BRIEFING_CONFIG_DIR": str(config_dir)},
    )
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    names = ", ".join([*SHIPPED_NAMES, *BUILTIN_THEMES])
    assert last == f"briefing: error: unknown theme 'nope'; available: {names}"
    assert "Traceback" not in result.stderr


def test_command_line_theme_reaches_the_app(monkeypatch):
    seen = {}

    class FakeApp:
        return_code = 0

        def __init__(self, path, *, display_name=None, theme=None, **options):
            seen.update(path=path, theme=theme)

        def run(self):
            return 0

    import briefing.ui.app

    monkeypatch.setattr(briefing.ui.app, "BriefingApp", FakeApp)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)  # else plain mode
    from briefing.cli import main

    assert main(["--theme", "briefing-projector", str(DEFAULT)]) == 0
    assert seen == {"path": DEFAULT, "theme": "briefing-projector"}
