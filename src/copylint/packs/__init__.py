"""House-style rule packs (YAML). The pack loader and compiler land with the packs issue;
until then no pack rules are loaded."""

from __future__ import annotations


def load_pack_rules(settings) -> list:
    return []
