"""Compiling validated packs into rules.

Each pack rule becomes an ordinary ``registry.Rule`` (id ``<pack>.<id>``, with its pack,
``file:line``, examples and priority 90) that carries the metadata ``copylint rules`` and
``explain`` show. The work is done by one rule per pack (id ``<pack>``, emitting
``<pack>.*``) that runs all of that pack's selected rules in one pass over the article,
sharing one matcher with every other loaded pack: the engine then makes one call per
pack, not one per rule, so the cost per article does not grow with the number of rules.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import textwrap
from pathlib import Path
from typing import Any, Iterator

from ..model import Document, Hit, Region, Severity, article_date
from ..registry import Rule, is_selected
from ..text import INVISIBLE_CHARACTERS, INVISIBLE_RE, inside_address
from .kinds import KINDS, MINOR_WORDS, WHOLE_ARTICLE
from .loader import WORD_EXCEPTIONS, PackSpec, as_date
from .matcher import Matcher, Term, longest_first
from .patterns import (PatternGroup, capitalised_mid_sentence, compile_pattern, escape, fold_term, fold_view,
                       is_literal, starts_sentence)
from .view import SCOPES, DocView

_WORD_RE = re.compile(r"[^\W\d_]+")
PACK_PRIORITY = 90
DEFAULT_REGIONS = {
    "capitalization": ("headline",),
    "conditional": ("standfirst", "body", "caption"),
}
_ALL_REGIONS = ("headline", "standfirst", "body", "caption")
FIXING_KINDS = {"substitution", "consistency", "capitalization"}


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class PackRule:
    """One compiled pack rule: its registry metadata and what it needs to run."""

    def __init__(self, pack: PackSpec, spec, index: int, line: int) -> None:
        self.pack = pack
        self.spec = spec
        self.index = index
        self.kind = spec["kind"]
        self.id = f"{pack.name}.{spec['id']}"
        self.message = spec["message"]
        self.severity = Severity.parse(spec.get("severity", "warning"))
        self.link = spec.get("link")
        regions = tuple(spec.get("regions", DEFAULT_REGIONS.get(self.kind, _ALL_REGIONS)))
        block_names = [r for r in regions if r != "quote"] or list(_ALL_REGIONS)
        self.blocks = frozenset(k for r in block_names for k in SCOPES[r])
        self.quotes_only = regions == ("quote",)
        self.check_quotes = spec.get("quotes", "skip") == "check" or "quote" in regions
        self.names_skip = spec.get("names", "check") == "skip"
        self.ignorecase = spec.get("ignorecase", True)
        self.literal = spec.get("literal", False)
        self.safe = spec.get("safe", self.kind != "capitalization")
        # the day the style took effect: a story dated before it followed the old style
        # (Kiev in 2015, "the Ukraine" in 1987); an undated story is taken as current
        self.since = as_date(spec["since"]) if "since" in spec else None
        self.word_exceptions: set[str] = set()
        self.upper_exceptions = {w.upper() for w in spec.get("exceptions", [])} if self.kind == "conditional" else set()
        sources: list[str] = []
        if self.kind in WORD_EXCEPTIONS:
            self.word_exceptions = {w.casefold() for w in spec.get("exceptions", [])}
        else:
            for e in spec.get("exceptions", []):
                literal = is_literal(e)  # `literal` is about terms; exceptions are patterns
                sources.append(escape(fold_term(e)) if literal else fold_term(e))
        self.exceptions = PatternGroup([compile_pattern(p, self.ignorecase) for p in sources], sources,
                                       self.ignorecase)
        # words that open a sentence without naming anything: an exception written for a
        # name ("Apollo 11") does not hold for one of them where a sentence starts ("In 2 weeks")
        self.openers = frozenset(w.casefold() for w in spec.get("openers", ()))
        # patterns that, found anywhere in the article, silence the rule for it ("Texas"
        # beside "Odessa": the city of Texas keeps its name wherever the story writes it)
        unless = [escape(fold_term(u)) if is_literal(u) else fold_term(u) for u in spec.get("unless", [])]
        self.unless = PatternGroup([compile_pattern(p, self.ignorecase) for p in unless], unless, self.ignorecase)
        self.variants: list[str] = list(spec.get("variants") or [])
        self.groups: list[list[tuple[str, ...]]] = []
        if self.kind == "consistency":
            for g in spec["groups"]:
                self.groups.append([(f,) if isinstance(f, str) else tuple(f) for f in g])
            width = max(len(g) for g in self.groups)
            if not self.variants:
                self.variants = [f"variant {n + 1}" for n in range(width)]
        self.prefer_index = self.variants.index(spec["prefer"]) if spec.get("prefer") else None
        self.together = bool(spec.get("together", False))
        self.majority = int(spec.get("majority", 0))  # with together: uses the article's variety needs, and a lead
        # with together: groups a form of which matches one of these are judged on their
        # own (a form both varieties write: "jailed", Oxford's "realize")
        apart = [re.compile(p, re.I) for p in spec.get("apart", ())]
        self.apart = frozenset(g for g, group in enumerate(self.groups)
                               if any(rx.fullmatch(f) for rx in apart for forms in group for f in forms))
        self.style = spec.get("style", "sentence")
        self.minor_words = frozenset(w.casefold() for w in spec.get("minor-words", MINOR_WORDS))
        self.always_run = self.kind in WHOLE_ARTICLE or (self.kind == "occurrence" and "tokens" not in spec)
        self.active = True
        self.note = ""
        self.source = f"{pack.path}:{line}"
        self.rule = self._metadata()

    # ------------------------------------------------------------------ terms
    def terms(self) -> list[Term]:
        spec, out = self.spec, []
        lit = True if self.literal else None
        if self.kind in ("existence", "occurrence"):
            for tok in spec.get("tokens", []):
                out.append(Term(self.index, tok, self.ignorecase, lit))
        elif self.kind == "substitution":
            for key, value in spec["swap"].items():
                forms = (value,) if isinstance(value, str) else tuple(value)
                out.append(Term(self.index, str(key), self.ignorecase, lit, forms))
        elif self.kind == "consistency":
            for g, group in enumerate(self.groups):
                for v, forms in enumerate(group):
                    for f, form in enumerate(forms):
                        out.append(Term(self.index, form, self.ignorecase, lit, (g, v, f)))
        return out

    def form_is_literal(self, form: str) -> bool:
        return self.literal or is_literal(form)

    # ------------------------------------------------------------------ filtering
    def position_ok(self, view: DocView, s: int, e: int) -> bool:
        if not view.any_kind_at(s, e, self.blocks):
            return False
        if self.quotes_only:
            return view.in_quote(s, e)
        if not self.check_quotes and view.in_quote(s, e):
            return False
        return True

    def silenced_by(self, view: DocView, cache: dict) -> bool:
        """One of the rule's ``unless`` patterns occurs in the article."""
        if not self.unless:
            return False
        folded = cache.get("folded text")
        if folded is None:
            folded = cache["folded text"] = fold_view(view.text)
        return bool(self.unless.spans(folded))

    def excepted(self, view: DocView, s: int, e: int, cache: dict) -> bool:
        if not self.exceptions:
            return False
        block = view.block_at(s, e)
        bs, be = (block.start, block.end) if block else (0, len(view.text))
        key = (self.index, bs)
        found = cache.get(key)
        if found is None:
            # no word-boundary test: "the Ukraine-[A-Z]" may end inside a word
            spans = sorted((bs + ms, bs + me) for ms, me in
                           self.exceptions.spans(fold_view(view.text[bs:be])) if me > ms)
            if self.openers:
                spans = [sp for sp in spans if not self._opens_sentence(view.text, sp[0])]
            starts, reach, furthest = [], [], -1
            for ms, me in spans:  # reach[i]: the furthest end of spans 0..i
                furthest = max(furthest, me)
                starts.append(ms)
                reach.append(furthest)
            found = cache[key] = (starts, reach)
        # some exception span starting at or before s reaches e (a bisection: a block
        # of a whole story on one line holds thousands of them)
        starts, reach = found
        i = bisect.bisect_right(starts, s) - 1
        return i >= 0 and reach[i] >= e

    def _opens_sentence(self, text: str, start: int) -> bool:
        """The exception found at ``start`` begins with one of the rule's ``openers`` where
        a sentence starts: the word opens the sentence, it is no part of a name."""
        word = _WORD_RE.match(text, start)
        return word is not None and word.group().casefold() in self.openers and starts_sentence(text, start)

    def cannot_fire(self, matches) -> bool:
        """True when the raw matches already show the rule has nothing to say, so the
        (costlier) position and exception checks can be skipped: a consistency rule with
        no preferred variant sees a single variant (per group), as in most articles
        that keep to one quotation style."""
        if self.kind != "consistency" or self.prefer_index is not None:
            return False
        seen: dict[int, int] = {}
        for _s, _e, t in matches:
            group, variant, _form = t.payload
            if seen.setdefault(self.group_key(group), variant) != variant:
                return False
        return True

    def group_key(self, group: int) -> int:
        """Which count a consistency group's variants go to: the group's own, or with
        together the article's (-1), unless the group is set apart."""
        return -1 if self.together and group not in self.apart else group

    @staticmethod
    def group_key_apart(group: int) -> int:
        """Every group on its own (an article with no clear majority; see ``majority``)."""
        return group

    def usable(self, view: DocView, matches, cache: dict):
        out = []
        text = view.text
        for s, e, t in longest_first(matches):
            if not self.position_ok(view, s, e):
                continue
            if self.names_skip and _written_as_a_name(text, s, e, cache):
                continue
            if inside_address(text, s, e):
                continue
            if self.excepted(view, s, e, cache):
                continue
            out.append((s, e, t))
        return out

    # ------------------------------------------------------------------ output
    def hit(self, s: int, e: int, replacement: str | None = None, suggestions: tuple[str, ...] = (),
            replacement_text: str | None = None, safe: bool | None = None, **values: Any) -> Hit:
        values["replacement"] = replacement_text if replacement_text is not None else (replacement or "")
        # a phrase wrapped over two lines is quoted on one: a report line holds no break
        values = {k: " ".join(v.split()) if isinstance(v, str) and ("\n" in v or "\r" in v) else v
                  for k, v in values.items()}
        message = self.message.format_map(_SafeDict(values))
        return Hit(s, e, message, suggestions=suggestions, replacement=replacement,
                   safe=self.safe if safe is None else safe, rule=self.id, severity=self.severity, link=self.link)

    def _metadata(self) -> Rule:
        spec = self.spec
        summary = spec.get("summary") or _summary_from(self.message)
        doc = [spec.get("description", "").strip()]
        # a shipped pack by its place in copylint, not this machine's path: the doc goes
        # into shared reports (SARIF's rule help)
        where = f"copylint's rules/{Path(self.pack.path).name}:{self.source.rsplit(':', 1)[1]}" \
            if self.pack.shipped else self.source
        doc.append(f"Kind: {self.kind}. Defined in {where} (pack {self.pack.name}).")
        if self.kind in ("existence", "occurrence") and "tokens" in spec:
            doc.append("Looks for: " + ", ".join(repr(t) for t in spec["tokens"][:12])
                       + (f" and {len(spec['tokens']) - 12} more" if len(spec["tokens"]) > 12 else ""))
        if self.kind == "substitution":
            pairs = list(spec["swap"].items())
            doc.append("Replaces: " + ", ".join(f"{k} -> {v if isinstance(v, str) else v[0]}" for k, v in pairs[:12])
                       + (f" and {len(pairs) - 12} more" if len(pairs) > 12 else ""))
        if self.kind == "consistency":
            doc.append(f"Variants: {', '.join(self.variants)}; {len(self.groups)} group(s) such as "
                       + "; ".join(" / ".join(f[0] for f in g) for g in self.groups[:6]) + ".")
            doc.append("The variant used most in the article wins" + (" for all groups together" if self.together else "")
                       + (f" ({len(self.apart)} group(s) set apart, judged on their own)" if self.apart else "")
                       + (f", except that {self.variants[self.prefer_index]} is always preferred"
                          if self.prefer_index is not None else "") + ".")
        if spec.get("unless"):
            doc.append("Silent for an article that contains: " + ", ".join(repr(x) for x in spec["unless"][:15])
                       + (" ..." if len(spec["unless"]) > 15 else ""))
        if spec.get("exceptions"):
            doc.append("Exceptions: " + ", ".join(repr(x) for x in spec["exceptions"][:15])
                       + (" ..." if len(spec["exceptions"]) > 15 else ""))
        if not self.check_quotes:
            doc.append("Direct quotations are left alone (set `quotes: check` to look inside them).")
        if self.since:
            doc.append(f"Holds for articles dated {self.since.isoformat()} or later, and for undated ones.")
        body = "\n\n".join(textwrap.fill(p, 88) for p in doc if p)
        return Rule(
            id=self.id, summary=summary, severity=self.severity, check=None,
            reads=tuple(spec.get("regions", DEFAULT_REGIONS.get(self.kind, _ALL_REGIONS))),
            skips=() if self.check_quotes else ("quote",), fixable=self.kind in FIXING_KINDS,
            doc=body, link=self.link, pack=self.pack.name, source=self.source, priority=PACK_PRIORITY,
            examples={k: [_show_example(x) for x in spec["tests"][k]] for k in ("fail", "pass")},
        )


# a capitalised word before another, with at most one of these between: "Center
# Parcs", "Labor Party", "Center for Strategic and International Studies"
_NAME_GOES_ON_RE = re.compile(r"[ \t\u00a0]+(?:(?:for|and|&)[ \t\u00a0]+)?[A-Z]")


def _written_as_a_name(text: str, s: int, e: int, cache: dict) -> bool:
    """A capitalised match that is part of a name (``names: skip``): inside a sentence;
    or, where a sentence or headline starts, followed by another capitalised word, or
    written the same way inside a sentence elsewhere in the story ("Labor won." beside
    "the Australian Labor Party"). Such a word neither votes nor is fixed."""
    if not text[s:s + 1].isupper():
        return False
    if capitalised_mid_sentence(text, s) or _NAME_GOES_ON_RE.match(text, e):
        return True
    known = cache.setdefault("written as names", {})
    word = text[s:e]
    found = known.get(word)
    if found is None:
        found = known[word] = _anywhere_mid_sentence(text, word)
    return found


def _anywhere_mid_sentence(text: str, word: str) -> bool:
    """``word``, as a whole word, capitalised inside a sentence somewhere in ``text``
    (str.find, not a pattern: a 20 MB file is read at memory speed for each word)."""
    n = len(word)
    i = text.find(word)
    while i != -1:
        if not (i and text[i - 1].isalnum()) and not text[i + n:i + n + 1].isalnum() and \
                capitalised_mid_sentence(text, i):
            return True
        i = text.find(word, i + 1)
    return False


def as_seen(doc: Document) -> tuple[Document, list[int]] | None:
    """The article without the characters that take no room on the page (zero-width
    spaces, soft hyphens, direction marks: typo.invisible-character reports them), and
    the offset in ``doc.text`` of each character kept; None when there are none, as in
    nearly every article."""
    text = doc.text
    if INVISIBLE_RE.search(text) is None:
        return None
    kept = [i for i, ch in enumerate(text) if ch not in INVISIBLE_CHARACTERS]
    regions = [Region(r.kind, bisect.bisect_left(kept, r.start), bisect.bisect_left(kept, r.end)) for r in doc.regions]
    copy = dataclasses.replace(doc, text="".join(text[i] for i in kept), regions=regions)
    return copy, kept


def fingerprint_files(paths) -> str:
    """A hash of pack files' contents, for anything that caches findings."""
    import hashlib

    h = hashlib.sha256()
    for p in sorted(str(x) for x in paths):
        h.update(p.encode())
        try:
            with open(p, "rb") as fh:
                h.update(fh.read())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


def _summary_from(message: str) -> str:
    s = message.replace("{match}", "…").replace("{replacement}", "…")
    for name in ("first", "variant", "count", "words", "rate", "max", "unit", "style"):
        s = s.replace("{" + name + "}", "…")
    return s.strip()


def _show_example(example: Any) -> str:
    """An example as explain shows it: its text, or its parts, and what the fix makes of it."""
    if isinstance(example, str):
        return example
    parts = {k: v for k, v in example.items() if k != "fixed"}
    shown = parts["body"] if list(parts) == ["body"] else " | ".join(f"{k}: {v}" for k, v in parts.items())
    return shown + (f" -> {example['fixed']}" if "fixed" in example else "")


class PackEngine:
    """All loaded packs compiled together: one matcher for every rule's terms."""

    def __init__(self, packs: list[PackSpec]) -> None:
        self.packs = packs
        self.rules: list[PackRule] = []
        for pack in packs:
            for i, spec in enumerate(pack.rules):
                self.rules.append(PackRule(pack, spec, len(self.rules), pack.rules.item_lines[i]))
        locales = {p.locale: p for p in packs if p.locale}
        if len(locales) > 1:
            from .loader import PackError

            a, b = sorted(locales.values(), key=lambda p: p.name)[:2]
            raise PackError(f"{b.path}:{b.data.line_of('locale')}: pack {b.name!r} fixes the locale {b.locale} "
                            f"but pack {a.name!r} fixes {a.locale}: load only one of them")
        self.locale = next(iter(locales), None)
        for r in self.rules:
            # a consistency rule between locales stands down when a pack fixes the locale:
            # that pack's own rules then flag the other forms
            if (self.locale and r.kind == "consistency" and r.prefer_index is None
                    and self.locale in r.variants and not r.pack.locale):
                r.active = False
                r.note = f"stands down: pack {locales[self.locale].name!r} fixes the locale to {self.locale}"
                r.rule.doc += f"\n\nThis run: {r.note}."
        terms = [t for r in self.rules if r.active for t in r.terms()]
        self.matcher = Matcher(terms)
        self._last: tuple[Document | None, Any] = (None, None)
        self._seen: tuple[Document | None, Any] = (None, None)
        self._active: dict[tuple, dict[str, list[PackRule]]] = {}

    def _scan(self, doc: Document):
        last_doc, result = self._last
        if last_doc is not doc:
            result = (self.matcher.scan(doc.text), DocView(doc))
            self._last = (doc, result)
        return result

    def active_rules(self, pack: str, settings) -> tuple[dict[int, PackRule], list[PackRule]]:
        """The pack's selected rules: (by index, those that run without term matches)."""
        key = (tuple(settings.select), tuple(settings.ignore))
        table = self._active.get(key)
        if table is None:
            table = {}
            for r in self.rules:
                if r.active and is_selected(r.id, settings.select, settings.ignore):
                    by_index, always = table.setdefault(r.pack.name, ({}, []))
                    by_index[r.index] = r
                    if r.always_run:
                        always.append(r)
            self._active[key] = table
        return table.get(pack, ({}, []))

    def run(self, pack: str, doc: Document, settings) -> Iterator[Hit]:
        """The pack's findings on the article as a reader sees it: a word that invisible
        characters split ("Ki\u200bev") is judged whole, and a fix replaces all of it."""
        last_doc, seen = self._seen
        if last_doc is not doc:
            seen = as_seen(doc)
            self._seen = (doc, seen)
        if seen is None:
            yield from self._run(pack, doc, settings)
            return
        copy, kept = seen
        for hit in self._run(pack, copy, settings):
            start = kept[hit.start] if hit.start < len(kept) else len(doc.text)
            end = kept[hit.end - 1] + 1 if hit.end > hit.start else start
            yield dataclasses.replace(hit, start=start, end=end)

    def _run(self, pack: str, doc: Document, settings) -> Iterator[Hit]:
        by_index, always = self.active_rules(pack, settings)
        if not by_index:
            return
        found, view = self._scan(doc)
        # only rules with matches, and the few that read the whole article: the cost per
        # article follows the matches, not the number of rules
        todo = {i: by_index[i] for i in found if i in by_index}
        todo.update((r.index, r) for r in always)
        if any(r.since for r in todo.values()):
            day = article_date(doc, settings)
            if day is not None:
                todo = {i: r for i, r in todo.items() if r.since is None or r.since <= day}
        cache: dict = {}
        for i in sorted(todo):
            r = todo[i]
            matches = found.get(i, [])
            if r.cannot_fire(matches) or r.silenced_by(view, cache):
                continue
            usable = r.usable(view, matches, cache)
            if not usable and not r.always_run:
                continue
            yield from KINDS[r.kind](r, view, usable)

    def pack_rule(self, pack: PackSpec) -> Rule:
        """The rule that runs a whole pack (id = the pack's name)."""
        engine = self
        name = pack.name

        def check(doc: Document, ctx) -> Iterator[Hit]:
            return engine.run(name, doc, ctx.settings)

        members = [r for r in self.rules if r.pack is pack]
        lines = [f"Pack {name}: {pack.description.strip()}".rstrip(": "),
                 f"Defined in copylint's rules/{Path(pack.path).name}." if pack.shipped else f"Defined in {pack.path}."]
        if pack.locale:
            lines.append(f"Fixes the spelling locale to {pack.locale}.")
        if pack.sources:
            lines.append("Sources: " + "; ".join(pack.sources))
        lines.append(f"{len(members)} rule(s): " + ", ".join(r.id for r in members[:40])
                     + (" ..." if len(members) > 40 else ""))
        return Rule(id=name, summary=(pack.description.strip().splitlines() or [f"rule pack {name}"])[0]
                    + f" ({len(members)} rules, run in one pass)",
                    severity=Severity.WARNING, check=check, doc="\n\n".join(lines), pack=name,
                    source=f"{pack.path}:1", emits_prefix=True, priority=PACK_PRIORITY, skips=("note",),
                    fixable=any(r.rule.fixable for r in members))

    def all_rules(self) -> list[Rule]:
        out: list[Rule] = []
        for pack in self.packs:
            out.append(self.pack_rule(pack))
            out.extend(r.rule for r in self.rules if r.pack is pack)
        return out
