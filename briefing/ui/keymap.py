"""Key remapping from the user's config: ``[keymap]`` binding-id = "keys".

Checked before it is applied: an id that no binding has, or a key that
would then do two things on the same screen, is reported and that entry is
skipped; the rest apply. Help and the command palette show the keys in
effect, so they never disagree with what a key does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType

# Bindings that are live at the same time, so must not share a key.
Scope = tuple[str, list[BindingType]]


def _bindings(bindings: Iterable[BindingType]) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding)]


def keys_of(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys that trigger ``binding`` once ``keymap`` is applied."""
    keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return [k.strip() for k in keys.split(",") if k.strip()]


def check_keymap(keymap: Mapping[str, str], scopes: list[Scope]) -> tuple[dict[str, str], list[str]]:
    """The entries of ``keymap`` that can be applied, and what is wrong with the rest."""
    known = {b.id for _, bindings in scopes for b in _bindings(bindings) if b.id}
    problems: list[str] = []
    usable: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(f"keymap: no binding has the id {binding_id!r}; ids are listed in the README")
        else:
            usable[binding_id] = keys
    for scope, bindings in scopes:
        owner: dict[str, str] = {}
        for binding in _bindings(bindings):
            for key in keys_of(binding, usable):
                other = owner.setdefault(key, binding.id or binding.action)
                if other != (binding.id or binding.action):
                    remapped = [i for i in (binding.id, other) if i in usable]
                    problems.append(
                        f"keymap: {key!r} would both {_name(other, bindings)} and "
                        f"{_name(binding.id or binding.action, bindings)} ({scope}); "
                        f"ignoring the mapping of {', '.join(repr(i) for i in remapped)}"
                    )
                    for i in remapped:
                        usable.pop(i, None)
    return usable, problems


def _name(ident: str, bindings: Iterable[BindingType]) -> str:
    for b in _bindings(bindings):
        if (b.id or b.action) == ident:
            return (b.tooltip or b.description or ident).rstrip(".").lower()
    return ident
