"""House-style rule packs: YAML data that compiles into ordinary rules.

Shipped packs live in the ``rules/`` folder (``copylint.data.rules_dir()``); those that
say ``default: true`` (``house``) load on every run. Others load when named under
``packs:`` in the config or with ``--pack``: a path to a YAML file, or the bare name of a
shipped pack (``packs: [us]``). A named pack with the name of a default pack replaces it.
See docs/packs.md for the format.
"""

from __future__ import annotations

from pathlib import Path

from .loader import PackError, PackSpec, read_pack, resolve_entries, shipped_pack_files

__all__ = ["PackError", "load_pack_rules", "load_engine", "pack_specs", "fingerprint"]

_CACHE: dict[tuple, object] = {}


def pack_specs(entries: list[str], defaults: bool = True) -> list[PackSpec]:
    """The packs a run loads: the default shipped packs, then the named ones."""
    named = [read_pack(p, shipped=_is_shipped(p)) for p in resolve_entries(list(entries))]
    by_name: dict[str, PackSpec] = {}
    for spec in named:
        if spec.name in by_name and Path(by_name[spec.name].path).resolve() != Path(spec.path).resolve():
            raise PackError(f"{spec.path}:{spec.data.line_of('pack')}: pack {spec.name!r} is also defined in "
                            f"{by_name[spec.name].path}")
        by_name[spec.name] = spec
    out: list[PackSpec] = []
    if defaults:
        for name, path in shipped_pack_files().items():
            if name in by_name:
                continue  # named explicitly (or replaced by a user's pack of the same name)
            spec = read_pack(path, shipped=True)
            if spec.default:
                out.append(spec)
    out.extend(by_name.values())
    return out


def _is_shipped(path: Path) -> bool:
    from ..data import rules_dir

    try:
        return Path(path).resolve().parent == rules_dir().resolve()
    except OSError:
        return False


def _key(entries: list[str], defaults: bool) -> tuple:
    files = list(shipped_pack_files().values()) if defaults else []
    files += resolve_entries(list(entries))
    stamp = []
    for f in files:
        try:
            st = Path(f).stat()
            stamp.append((str(Path(f).resolve()), st.st_mtime_ns, st.st_size))
        except OSError:
            stamp.append((str(f), 0, 0))
    return (tuple(entries), defaults, tuple(stamp))


def load_engine(entries: list[str] | tuple[str, ...] = (), defaults: bool = True):
    """Compile the packs of a run (cached per process while the files are unchanged)."""
    from .compiler import PackEngine

    key = _key(list(entries), defaults)
    engine = _CACHE.get(key)
    if engine is None:
        engine = PackEngine(pack_specs(list(entries), defaults))
        if len(_CACHE) >= 8:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = engine
    return engine


def load_pack_rules(settings) -> list:
    """Rules of every pack a run loads (called by ``engine.load_ruleset``)."""
    return load_engine(list(getattr(settings, "packs", []) or [])).all_rules()


def fingerprint(settings) -> str:
    """A hash of the pack files a run loads (for a findings cache: an edited pack must
    invalidate it)."""
    from .compiler import fingerprint_files

    return fingerprint_files(p.path for p in load_engine(list(getattr(settings, "packs", []) or [])).packs)
