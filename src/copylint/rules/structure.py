"""Duplicated headlines and paragraphs: paste and scraping accidents a desk must catch
before a story goes out, and two stories published under one headline."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterator

from ..model import Document, Finding, Hit, Location, Region, line_excerpt
from ..registry import corpus_rule, rule
from ..text import TOKEN_RE, doubled_run, headline_proper_span, normalize_headline, row_like, sentences


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group().casefold().replace("’", "'"), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]


def _find_sequence(haystack: list[tuple[str, int, int]], needle: list[str], start: int = 0) -> int:
    n = len(needle)
    first = needle[0]
    for i in range(start, len(haystack) - n + 1):
        if haystack[i][0] == first and all(haystack[i + k][0] == needle[k] for k in range(1, n)):
            return i
    return -1


def _all_sequences(haystack, needle):
    i = _find_sequence(haystack, needle)
    while i != -1:
        yield i
        i = _find_sequence(haystack, needle, i + len(needle))


@dataclass
class HeadlineOptions:
    min_words: int = 3  # shorter headlines ("Obituaries") are not checked for repeats
    top_blocks: int = 3  # how many blocks at the top count as "the top of the story"


def _repeated_headline(doc: Document, ctx) -> Iterator[Hit]:
    """The headline pasted again: doubled inside the headline itself, repeated at the top
    of the story (often behind site navigation such as "Home › News"), or repeated as a
    paragraph of the body."""
    head = doc.headline
    if head is None:
        return
    opts: HeadlineOptions = ctx.options
    head_tokens = _tokens(doc.text, head.start, head.end)
    words = [t[0] for t in head_tokens]

    # 1. doubled inside the headline region: "Home News X X" or "X X"
    doubled = doubled_run(words, opts.min_words)
    if doubled is not None:
        i, size = doubled
        s, e = head_tokens[i + size][1], head_tokens[i + 2 * size - 1][2]
        yield Hit(s, e, "headline text is doubled: the same words appear twice in the headline")
        words = words[i:i + size]  # the headline proper is the doubled unit
    if len(words) < opts.min_words:
        return
    # scraped headlines carry site navigation in front ("Home News X"): a body block that
    # is exactly X, without the first few words, is the headline repeated too
    candidates = [words] + [words[k:] for k in range(1, 5) if len(words) - k >= max(4, opts.min_words)]
    # cheap tests first: the shortest candidate must occur in the text beyond the headline
    shortest = " " + normalize_headline(" ".join(candidates[-1])) + " "
    words_in = shortest.split()
    # each of its words must appear twice at least in the folded text (two copies of the
    # candidate hold two copies of every word), longest words first
    folded = doc.text.casefold()
    if any(folded.count(w) < 2 for w in sorted(set(words_in), key=len, reverse=True)):
        return
    if (" " + normalize_headline(doc.text) + " ").count(shortest) < 2:
        return
    cand_norms = [" " + normalize_headline(" ".join(c)) + " " for c in candidates]

    # the headline proper: for "Home News X", the body repeating "X" is what we look for
    # (a photo's caption or alt text that repeats the headline describes the picture: no paste)
    body_blocks = [r for r in doc.regions if r.kind not in ("headline", "standfirst", "byline", "title", "caption")
                   and r.start >= 0]
    for index, block in enumerate(body_blocks):
        if block.start < head.end and block.end > head.start:
            continue
        block_norm = " " + normalize_headline(doc.text[block.start:block.end]) + " "
        if not any(c in block_norm for c in cand_norms):
            continue
        toks = _tokens(doc.text, block.start, block.end)
        for k, cand in enumerate(candidates):
            hits = list(_all_sequences(toks, cand))
            whole_only = k > 0
            for i in hits:
                s, e = toks[i][1], toks[i + len(cand) - 1][2]
                whole = len(toks) <= len(cand) + 3
                if whole and block.kind == "heading" and index < opts.top_blocks:
                    msg = "the headline is repeated as the first heading"
                elif whole and index < opts.top_blocks:
                    msg = "the headline is repeated at the top of the story"
                elif whole:
                    msg = "the headline is repeated as a paragraph of the body"
                elif index < opts.top_blocks and i <= 4 and not whole_only and not _continues(doc.text, e, block.end):
                    msg = "the headline is repeated at the start of the story"
                else:
                    continue  # the headline's words inside a longer sentence are fine
                yield Hit(s, e, msg)
            if hits:
                break


def _continues(text: str, pos: int, end: int) -> bool:
    """True when the words after ``pos`` carry on the same sentence ("Roy dies after a
    heart attack"): a wire lede often opens with the headline's words, and that is fine.
    A new sentence, a capital after a gap, or a dash means the headline was glued on."""
    rest = text[pos:min(end, pos + 40)]
    stripped = rest.lstrip(" \t")
    if not stripped:
        return False
    gap = len(rest) - len(stripped)
    first = stripped[0]
    if first in "—–-:|" or gap >= 2:
        return False
    return first.islower() or first.isdigit() or first in ",;(\"'“$"


@rule("structure.headline-navigation", "Site navigation glued to the front of the headline, or the "
      "site's name to its end", fixable=True)
def headline_navigation(doc: Document, ctx) -> Iterator[Hit]:
    """A breadcrumb ("Home › News ›", "Home News") that came in with a headline scraped
    from a web page or pasted from a CMS, or the site's name after it ("... | CBC News",
    "... - The Moscow Times", "... : NPR", "... | Opinion | The Guardian"): readers would
    see it as part of the headline, and the headline rules would judge its capitals and
    its length, and two sites' copies of one story would look like two headlines. Only
    "Home" followed by a separator or a section name counts at the front ("Home Office
    says" is a headline); at the end, a news outlet's or a video platform's name, a
    domain, or a section after a pipe. The headline rules judge the headline without
    them. The fix deletes them; it is unsafe, since a section name could be the
    headline's own first word, and a site's name its last."""
    head = doc.headline
    if head is None:
        return
    text = doc.text
    end, cut = headline_proper_span(text, head.start, head.end)
    if end > head.start:
        crumb = " ".join(text[head.start:end].split()).rstrip(" ›>»|/·•")
        yield Hit(head.start, end, f"site navigation ('{crumb}') is glued to the front of the headline",
                  replacement="", safe=False)
    if cut < head.end:
        site = " ".join(text[cut:head.end].split()).lstrip("|:-–— ").strip("[]")
        yield Hit(cut, head.end, f"the site's name ('{site}') is glued to the end of the headline",
                  replacement="", safe=False)


def _collect_headline(doc: Document, ctx):
    head = doc.headline
    if head is None:
        return None
    text = doc.region_text(head)
    # compared without navigation: two sites' copies of one story differ only in the site's name
    norm = normalize_headline(doc.text[slice(*headline_proper_span(doc.text, head.start, head.end))])
    words = norm.split()
    doubled = doubled_run(words, ctx.options.min_words)
    if doubled is not None:  # compare the headline proper, not its scraped doubling
        norm = " ".join(words[doubled[0]:doubled[0] + doubled[1]])
    if len(norm.split()) < ctx.options.min_words:
        return None
    s, e = doc.map.span(head.start, head.end)
    line, col = doc.lines.position(s)
    end_line, end_col = doc.lines.position(e)
    line_text, line_offset = line_excerpt(doc.source, *doc.lines.line_span(line), s, e)
    date = doc.date.isoformat()[:10] if doc.date is not None else None  # the day, not the hour
    return {"norm": norm, "text": text, "loc": (line, col, end_line, end_col), "date": date,
            "suppressed": ctx.suppressed(ctx.rule.id, head.start, head.end),
            "line_text": line_text, "line_offset": line_offset, "offsets": (s, e)}


@corpus_rule("structure.duplicate-headline",
             "A headline doubled, repeated at the top or in the body, or shared by two articles",
             collect=_collect_headline, check=_repeated_headline, options=HeadlineOptions)
def duplicate_headline(items, ctx) -> Iterator[Finding]:
    """Two articles in one run whose headlines match once case, punctuation, quotes and
    whitespace are folded: readers and search engines cannot tell them apart. Each
    article's finding points at the others. Articles whose dates (front matter, HTML
    meta, a dateline with its year) are known and differ are not compared: a wire's daily slug ("HOG AND CATTLE
    SLAUGHTER GUESSTIMATES") recurs by design; an undated article is compared with all.
    Within one article, the same rule catches a headline doubled, repeated at the top of
    the story or as a body paragraph."""
    groups: dict[str, list] = defaultdict(list)
    for path, facts in items:
        if facts:
            groups[facts["norm"]].append((path, facts))
    for norm, members in groups.items():
        if len(members) < 2:
            continue
        for path, facts in members:
            others = [(p, f) for p, f in members if p != path and _same_day_or_undated(facts, f)]
            if not others or facts["suppressed"]:
                continue
            line, col, end_line, end_col = facts["loc"]
            related = tuple(Location(p, *f["loc"], message="same headline") for p, f in others)
            names = ", ".join(p for p, _ in others[:3]) + (" …" if len(others) > 3 else "")
            yield Finding(path=path, rule="structure.duplicate-headline", severity=ctx.rule.severity,
                          message=f"another article in this run has the same headline: {names}",
                          line=line, column=col, end_line=end_line, end_column=end_col,
                          related=related, matched=facts["text"], line_text=facts["line_text"],
                          line_offset=facts.get("line_offset", 0),
                          start_offset=facts["offsets"][0], end_offset=facts["offsets"][1])


def _same_day_or_undated(a: dict, b: dict) -> bool:
    """Two articles may be one story twice unless both carry dates and they differ."""
    return a.get("date") is None or b.get("date") is None or a["date"] == b["date"]


@dataclass
class ParagraphOptions:
    min_words: int = 6  # shorter repeats ("Read more.") are not reported
    near_min_words: int = 10  # a paragraph this long is compared for near repeats too
    near_max_words: int = 2  # ...which differ from an earlier one by at most this many words


_SKIP_KINDS = ("headline", "standfirst", "byline", "title", "blockquote", "caption")


@rule("structure.duplicate-paragraph", "A paragraph or sentence repeated in one article",
      options=ParagraphOptions)
def duplicate_paragraph(doc: Document, ctx) -> Iterator[Hit]:
    """A paragraph, or a sentence of six words or more, that appears twice in the body
    of one article: usually a paste accident. Pull quotes and captions that repeat body
    text on purpose are not compared, and neither are the rows of a list or table laid
    out as paragraphs (a wire earnings table's "Avg shrs 13.9 mln vs 13.8 mln" for the
    quarter and the year, a letter's signatories each with their title): a short line
    with no closing stop, in an article whose paragraphs are mostly such lines.
    A paragraph of ten words or more that nearly repeats an earlier one is reported
    too: the same words but for case, punctuation and at most two words ("...on
    Tuesday." and "...on Tuesday morning."), an edited copy left behind. Words with
    figures in them are never the difference: "rose 5 pct" and "rose 6 pct" are two
    facts. Paragraphs are compared only with those that open or close with the same
    four words, so a long file is not compared pair by pair."""
    opts: ParagraphOptions = ctx.options
    blocks = sorted((r for r in doc.regions if r.kind not in _SKIP_KINDS), key=lambda r: r.start)
    seen_paragraphs: dict[str, Region] = {}
    seen_sentences: dict[str, tuple[int, int]] = {}
    text = doc.text
    list_like: bool | None = None  # see _mostly_rows, worked out when a row-like line repeats
    # cheap pass first: most articles repeat no sentence, and then the exact (slower)
    # sentence splitting is not needed at all
    # (case folded once for the whole text: folding is per character, the pieces agree)
    # (a space appended: the story's last full stop ends a sentence too, and doc.text has
    # no trailing newline)
    split = [p.split() for p in _ROUGH_SENTENCE_RE.split(text.casefold() + " ")]
    pieces = [" ".join(words) for words in split if len(words) >= opts.min_words]
    repeats = len(set(pieces)) != len(pieces)
    near: dict[tuple, list[tuple[Region, list[str]]]] = defaultdict(list)  # first or last words -> paragraphs
    for block in blocks:
        if _EMBED_CREDIT_RE.match(text, block.start, block.end):
            continue  # an embedded post's credit line: one per post, alike by design
        key = _key(text[block.start:block.end])
        if key.count(" ") + 1 >= opts.min_words:
            first = seen_paragraphs.get(key)
            if first is not None:
                if row_like(key):
                    if list_like is None:
                        list_like = _mostly_rows(text, blocks)
                    if list_like:
                        continue  # a row of a list or table: the same row for another entry
                yield Hit(block.start, block.end, "this paragraph repeats an earlier one",
                          related=(doc.location(first.start, first.end, "first copy"),))
                continue
            seen_paragraphs[key] = block
            words = TOKEN_RE.findall(key)
            if len(words) >= opts.near_min_words and not row_like(key):
                found = _near_copy(words, near, opts.near_max_words)
                if found is not None:
                    earlier, differ = found
                    yield Hit(block.start, block.end, "this paragraph nearly repeats an earlier one" +
                              (f" ({differ})" if differ else " (case and punctuation aside)"),
                              related=(doc.location(earlier.start, earlier.end, "first copy"),))
                    continue
                near[("open", *words[:4])].append((block, words))
                near[("close", *words[-4:])].append((block, words))
        if not repeats:
            continue
        for s, e in sentences(text, block.start, block.end):
            skey = _key(text[s:e])
            if skey.count(" ") + 1 < opts.min_words:
                continue
            first_s = seen_sentences.get(skey)
            if first_s is not None:
                yield Hit(s, e, "this sentence repeats an earlier one",
                          related=(doc.location(first_s[0], first_s[1], "first copy"),))
            else:
                seen_sentences[skey] = (s, e)


def _near_copy(words: list[str], near: dict, most: int) -> tuple[Region, str] | None:
    """An earlier paragraph opening or closing with the same four words whose words
    differ from ``words`` by at most ``most``, none holding a figure: (that paragraph,
    what differs, as a phrase for the message)."""
    mine = Counter(words)
    for bucket in (near.get(("open", *words[:4]), ()), near.get(("close", *words[-4:]), ())):
        for region, other in bucket:
            if abs(len(other) - len(words)) > most:
                continue
            theirs = Counter(other)
            added, dropped = mine - theirs, theirs - mine
            if sum(added.values()) + sum(dropped.values()) > most:
                continue
            if any(any(c.isdigit() for c in w) for w in (*added, *dropped)):
                continue  # "5 pct" and "6 pct": two facts
            parts = [f"'{w}' added" for w in added] + [f"'{w}' dropped" for w in dropped]
            return region, ", ".join(parts)
    return None


# "— Donald J. Trump (@realDonaldTrump) December 27, 2016" under each embedded post
_EMBED_CREDIT_RE = re.compile(r"[ \t]*[—–-]{1,2}[ \t]*[^\n(]{1,80}\(@\w{1,30}\)")
# a run of . ! ? (then a closing mark and white space), or a blank line; each branch opens
# with its own character so that the engine skips ahead to those characters. A run is
# tried from its first mark only (the look-behind): a try from a later mark reads to the
# same end and fails as the first did, and a long run of dots made it quadratic
_ROUGH_SENTENCE_RE = re.compile(r"\.(?<![.!?].)[.!?]*[\"'”’)\]]?\s+|!(?<![.!?].)[.!?]*[\"'”’)\]]?\s+|"
                                r"\?(?<![.!?].)[.!?]*[\"'”’)\]]?\s+|\n\s*\n")




def _mostly_rows(text: str, blocks: list[Region]) -> bool:
    """Whether most of the article's paragraphs are row-like lines: a list or a table."""
    keys = [_key(text[b.start:b.end]) for b in blocks]
    keys = [k for k in keys if k]
    return bool(keys) and 2 * sum(1 for k in keys if row_like(k)) > len(keys)


def _key(text: str) -> str:
    """Case and spacing folded: a pasted copy matches even if re-wrapped."""
    return " ".join(text.casefold().split())


