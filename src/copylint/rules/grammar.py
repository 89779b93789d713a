"""The LanguageTool rule family: grammar.<LanguageTool id>, and LanguageTool's spelling
matches as typo.spelling where the built-in speller does not let the word pass."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from ..model import HEAD_KINDS, Document, Hit, Region, Severity
from ..registry import is_selected, rule
from ..spelling.check import SpellingAnalysis, analyse
from ..spelling.speller import strip_accents, unsuggested_words
from ..text import ABBREVIATIONS, UNSEEN_RE, QuoteIndex

# Off by default, with the reason. Exact ids go to the server; globs are applied here.
NEWS_DISABLED = (
    "EN_UNPAIRED_QUOTES",  # a quote continued in the next paragraph has no closing mark
    "EN_UNPAIRED_BRACKETS",  # looks across paragraphs
    "EN_WORD_COHERENCY",  # looks across paragraphs; US/UK consistency is house style's job
    "EN_CONSISTENT_APOS",  # looks across paragraphs
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # flags quoted speech ("They're ... They're ...")
    "PARAGRAPH_REPEAT_BEGINNING_RULE",  # looks across paragraphs
    "EN_REPEATEDWORDS_*",  # style, across sentences
    "WHITESPACE_RULE",  # tables and wire layouts; spacing is not a copy-desk finding
    "CONSECUTIVE_SPACES",
    "EN_SPECIFIC_CASE",  # wants "Secretary of State" where news style lower-cases titles
    "POSSESSIVE_APOSTROPHE",  # "human services secretary": mostly false alarms on news
    "COMMA_COMPOUND_SENTENCE",  # comma before "and": style, not an error
    "COMMA_COMPOUND_SENTENCE_2",
    "ALL_OF_THE",  # "all of the" is fine in news
    "EN_DIACRITICS_REPLACE_*",  # Erdogan, Beyonce: the house decides about diacritics
    "PER_CENT",  # "per cent" or "percent" is house style (house.percent keeps one form)
    # a weekday against its date: judged against this year, not the article's; the
    # built-in facts.weekday-date judges it with the article's date (and the written year)
    "DATE_WEEKDAY",
    "EN_DATE_WEEKDAY_CURRENTYEAR",
    # news style writes the company "Exxon Mobil" (AP, Reuters), the US title "under
    # secretary" without a hyphen, and ranges with a hyphen ("5-8 hours"); the rules
    # wanting ExxonMobil, under-secretary and an en dash were false alarms on news copy
    "EN_COMPOUNDS_EXXON_MOBIL",
    "EN_COMPOUNDS_UNDER_SECRETARY",
    "HYPHEN_TO_EN",
    # "Covid-19" or "COVID-19", "omicron" or "Omicron": house style (AP lower-cases
    # omicron, the Guardian writes Covid); a house pack can enforce its form
    "COVID_19",
    "OMICRON_VARIANT",
    "TANK_YOU",  # "tanks to Ukraine" is war news, not a slip of "thanks to"
    # read off LanguageTool's matches on 2,000 dated headlines and 1,000 articles, none right:
    "OVER_COMPOUNDS",  # "sues Facebook over investment loss", "a row over waters": "over" is a preposition
    "KEY_STOKE",  # "variant stokes world fears" is no slip of "strokes"
    "IN_WEEKDAY",  # "sworn in Thursday": the "in" is the verb's; news style puts no "on" before a day (AP)
    # read off LanguageTool's matches on 3,000 articles, none right: "said its February
    # U.S. car production", "to reduce its still huge trade surplus"
    "ITS_TO_IT_S",
    # wordiness hints read off benchmarks/word_slips.py's untouched paragraphs, none a slip:
    # "a decision on whether or not to join" (the "or not" often means "regardless of"),
    # "ahead of the general public" (the usual news phrase)
    "WHETHER",
    "GENERAL_XX",
    # read off LanguageTool's matches on 678 real articles (400 US news 2016, 278 Reuters),
    # none a slip news style corrects:
    "MISSING_COMMA_AFTER_INTRODUCTORY_PHRASE",  # "In 2014 he told", "For months I": AP leaves the comma out
    "THE_SUPERLATIVE",  # "won best director", "scored highest on": award names and adverbs
    "EXTREME_ADJECTIVES",  # "really good": advice to write "excellent", not a correction
    "KIND_OF_A",  # "kind of a buzz" in quoted speech, printed as spoken
    "HELL",  # "Shell Transport dividend" is no "She'll"
    "DASH_RULE",  # an en dash for "105 - 115" in a wire table: news style has no en dash (AP)
    "EN_COMPOUNDS_HARD_LINER",  # "hard-liner" is AP's spelling
    "EN_COMPOUNDS_HARD_LINERS",
)
# LanguageTool rules that a built-in rule does more carefully: while the built-in one is
# selected, LanguageTool's match would only repeat it (or be a false alarm the built-in
# one knows to avoid: "H.K.'S" is no run-on sentence)
BUILT_IN_TWINS = {"SENTENCE_WHITESPACE": "typo.missing-space"}
# Rules about what headline style leaves out on purpose (articles, "the" before a place or
# a superlative, the comma after an opening adverb): not reported in headlines and headings.
HEADLINE_STYLE = frozenset((
    "MISSING_ARTICLE", "ARTICLE_MISSING", "BUNCH_OF", "THE_SUPERLATIVE", "DETERMINER_GEOGRAPHICAL_WORD",
    "SENT_START_CONJUNCTIVE_LINKING_ADVERB_COMMA",
    # a headline drops "is" and "was" and stacks nouns: "UK urged to suspend visas" is no
    # "urge to", "Florida bill to shield people" has no verb "bill" (all false on 10,037
    # dated headlines)
    "ALLOW_TO", "HE_VERB_AGR",
    # "Putin ally warns" is no "allay", "stocks see worst drop" wants no "the worse" (both
    # false on 1,500 dated headlines)
    "ALLY_ALLAY", "GETS_WORST",
))
# Region kinds sent to LanguageTool; bylines are names, tables are not sentences.
CHECKED_KINDS = ("headline", "standfirst", "heading", "paragraph", "list", "blockquote", "caption")
STYLE_TYPES = {"style", "locale-violation", "register"}
LINK = "https://community.languagetool.org/rule/show/{id}?lang=en"


@dataclass
class GrammarOptions:
    disabled_rules: list[str] = field(default_factory=lambda: list(NEWS_DISABLED))
    enabled_rules: list[str] = field(default_factory=list)
    picky: bool = False
    spelling: bool = True
    locale: bool = False
    max_suggestions: int = 5


@rule("grammar", "Grammar and style from LanguageTool; its spelling matches as typo.spelling",
      severity="warning", needs=("languagetool",), emits_prefix=True, also_emits=("typo.spelling",), skips=("note",), options=GrammarOptions, fixable=True)
def check(doc: Document, ctx) -> Iterator[Hit]:
    """Grammar, style and a second opinion on spelling, from LanguageTool.
    
    Every LanguageTool match becomes a finding named ``grammar.<LanguageTool rule id>``
    (for example ``grammar.HE_VERB_AGR``), so single LanguageTool rules can be switched off
    with ``ignore: [grammar.EN_COMPOUNDS]``-style selection or the rule's
    ``disabled-rules`` option. LanguageTool's spelling matches are reported as
    ``typo.spelling``, but only where the built-in speller would not let the word pass:
    a word it knows or judged fine (a dictionary word LanguageTool lacks, a wire
    abbreviation in use, a word in a URL or marked [sic]) is not reported, and its name
    logic applies (a word capitalised mid-sentence, repeated in the story, or in the
    accept list is a name, not a typo; a near miss of a known word or name still is one).
    
    Where LanguageTool and a built-in or house rule flag the same words, only one finding
    is kept (house rule, then built-in speller, then LanguageTool); LanguageTool's run-on
    sentence match (SENTENCE_WHITESPACE) stands next to the stop typo.missing-space flags,
    so it is not reported while that rule runs. Grammar matches inside
    direct quotations are dropped: quotes are the speaker's words. Spelling inside quotes is
    still checked. In headlines and headings, rules about words headline style leaves out
    on purpose (an article, "the" before "Middle East") are not reported. Nor is what
    news copy writes that way on purpose: a suggestion that only adds accents (Erdogan),
    a "missing space" in a ticker or dotted initials (<TXN.N>, N.A.), a name taken for a
    compound or a repeated word (Pre-Paid, Boutros Boutros Ghali), a lower-case word
    after an abbreviation ("Ont. man"), a title's exclamation mark (E! News) or an
    ellipsis, and a famous name offered
    for another real one (Alan Garten is not Alan Garber; Robert Pattison is a slip).
    A match over an invisible or control character is dropped too: LanguageTool reads a
    Windows apostrophe decoded as U+0092 ("it" U+0092 "s") as "its", and
    typo.invisible-character reports the character itself.
    
    LanguageTool runs as one server per run, started by copylint when this rule is selected
    and LanguageTool is installed (``copylint languagetool install``), or reached at
    ``--languagetool-url``; without it this rule reports nothing and copylint says so once.
    Paragraphs are checked independently and cached, so rules that look across paragraphs
    (unpaired quotes — a news quote often runs over several paragraphs — word coherency,
    repeated sentence openings) are off by default, together with rules that contradict
    common news style (lower-case titles such as "secretary of state", names written without
    diacritics). Style matches are reported as info.
    
    US against British spelling is left to the house packs (``house.spelling`` keeps a story
    consistent; ``packs: [us]`` or ``[uk]`` fixes the locale): LanguageTool's spelling
    matches on a word that is the other variety's spelling (harbour, defence, in en-US) and
    its locale-violation matches are dropped unless the ``locale`` option is true.

    Options: ``disabled-rules`` (LanguageTool rule ids; ``*`` globs allowed),
    ``enabled-rules``, ``picky`` (LanguageTool's stricter level), ``spelling`` (report
    LanguageTool's spelling matches), ``locale`` (report US/UK matches), ``max-suggestions``.
    """
    from ..languagetool.client import CheckSettings, LanguageToolFailed, checker_for

    opts: GrammarOptions = ctx.options
    exact = tuple(sorted(r for r in opts.disabled_rules if "*" not in r))
    globs = tuple(r for r in opts.disabled_rules if "*" in r)
    settings = CheckSettings(language=ctx.settings.language, disabled_rules=exact,
                             enabled_rules=tuple(sorted(opts.enabled_rules)), picky=bool(opts.picky),
                             max_replacements=max(1, int(opts.max_suggestions)))
    checker = checker_for(ctx.resources, settings, use_cache=ctx.settings.cache)
    if checker is None:
        return
    units = paragraph_spans(doc)
    if not units:
        return
    try:
        results = checker.check([doc.text[s:e] for s, e in units])
    except LanguageToolFailed:
        return  # said once by the checker; the other rules carry on
    builtin: SpellingAnalysis | None = None
    quotes: QuoteIndex | None = None
    heads = [(r.start, r.end) for r in doc.regions if r.kind in HEAD_KINDS]
    for (base, _end), matches in zip(units, results):
        for m in matches:
            start, end = base + m.start, base + m.end
            if UNSEEN_RE.search(doc.text, max(0, start - 1), end + 1):
                # LanguageTool reads "it" U+0092 "s" as "its", and "m" U+200E "an" as the
                # article "an" (a word split by the mark ends or starts at it);
                # typo.invisible-character reports the mark
                continue
            if globs and any(fnmatch.fnmatchcase(m.rule_id, g) for g in globs):
                continue
            twin = BUILT_IN_TWINS.get(m.rule_id)
            if twin and is_selected(twin, ctx.settings.select, ctx.settings.ignore):
                continue
            if m.is_spelling:
                if not opts.spelling:
                    continue
                # the built-in speller's rule: a vulgar word or slur is never offered
                suggestions = tuple(s for s in m.replacements if s.lower() not in unsuggested_words()
                                    )[: opts.max_suggestions]
                word = doc.text[start:end]
                variant = word.casefold() in _locale_variants()
                if variant and not opts.locale:
                    continue
                if builtin is None:
                    builtin = analyse(doc, ctx.settings)
                if (not variant and builtin.passes(start, end, variants_pass=not opts.locale)) \
                        or _a_name(builtin, word, start):
                    continue
                yield Hit(start, end, f"'{word}' may be misspelt (LanguageTool)", suggestions=suggestions,
                          rule="typo.spelling")
                continue
            if not opts.locale and m.issue_type == "locale-violation":
                continue
            if m.rule_id in HEADLINE_STYLE and any(hs <= start < he for hs, he in heads):
                continue  # "Survey suggests majority of Americans...": headline style
            suggestions = tuple(m.replacements[: opts.max_suggestions])
            if _news_style(m.rule_id, doc.text, start, end, suggestions):
                continue
            if m.rule_id.startswith("EN_MULTITOKEN_SPELLING") and suggestions \
                    and not _slip_of_a_name(doc.text[start:end], suggestions[0]):
                # LanguageTool's list of famous names offers another person for a real
                # one ("Alan Garten" -> Alan Garber); the built-in speller judges the words
                if builtin is None:
                    builtin = analyse(doc, ctx.settings)
                if builtin.passes(start, end):
                    continue
            if quotes is None:
                quotes = QuoteIndex(doc.text, doc.headline_spans())
            if quotes.inside(start, end):
                continue
            severity = Severity.INFO if m.issue_type in STYLE_TYPES else None
            replacement = suggestions[0] if len(suggestions) == 1 else None
            yield Hit(start, end, m.message, suggestions=suggestions, replacement=replacement, safe=False,
                      rule=f"grammar.{m.rule_id}", severity=severity, link=LINK.format(id=m.rule_id))


def paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    """The text spans sent to LanguageTool: the outermost checked regions, cut at blank
    lines (a paragraph is LanguageTool's unit and the cache's), without edge whitespace."""
    chosen: list[Region] = sorted((r for r in doc.regions if r.kind in CHECKED_KINDS),
                                  key=lambda r: (r.start, -r.end))
    spans: list[tuple[int, int]] = []
    covered_to = -1
    text = doc.text
    for r in chosen:
        if r.end <= covered_to:
            continue  # nested in a region already taken (a paragraph inside a blockquote)
        start = max(r.start, covered_to)
        covered_to = r.end
        pos = start
        while pos < r.end:
            cut = text.find("\n\n", pos, r.end)
            stop = r.end if cut == -1 else cut
            s, e = pos, stop
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
            pos = stop + 2 if cut != -1 else r.end
    return spans


# --------------------------------------------------------------------------- locale


@lru_cache(maxsize=1)
def _locale_variants() -> frozenset[str]:
    """Both spellings of every US/UK pair in the shipped us and uk packs' spelling swaps
    (lower case). Empty when the packs are missing or laid out differently."""
    import yaml

    from ..data import rules_path

    words: set[str] = set()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for name in ("us.yaml", "uk.yaml"):
        try:
            with open(rules_path(name), encoding="utf-8") as fh:
                pack = yaml.load(fh, Loader=loader)
            for entry in pack.get("rules", []):
                if entry.get("id") == "spelling" and isinstance(entry.get("swap"), dict):
                    for a, b in entry["swap"].items():
                        words.update((str(a).casefold(), str(b).casefold()))
        except (OSError, yaml.YAMLError, AttributeError, TypeError):
            continue
    return frozenset(words)


def _news_style(rule_id: str, text: str, start: int, end: int, suggestions: tuple[str, ...]) -> bool:
    """A LanguageTool match that news copy writes that way on purpose (each read off its
    matches on 3,000 real articles and 10,037 dated headlines):

    - a suggestion that only adds accents ("Erdogan" -> Erdoğan, "Societe Generale"):
      whether to print diacritics is the house's choice, as EN_DIACRITICS_REPLACE_* is;
    - a "missing space" after a full stop before a ticker's exchange letter or dotted
      initials ("<TXN.N>", "(BNK.N:", "N.A.", "W.Va."), after a headline's initial
      ("N.Korea", "S.Africa", "R.Kelly"), or in a domain ("RentAHitman.Com");
    - a "closed compound" or a "repeated word" all in capitals: a name ("Pre-Paid Legal
      Services", "the Late Late Show", "Boutros Boutros-Ghali");
    - a lower-case word "starting a sentence" after an abbreviation ("Puslinch, Ont.
      man", "Texas asst. coach"), a title's exclamation mark ("told E! show hosts", "in
      Hairspray Live! on Wednesday"), an ellipsis marking words left out, or a question
      mark with a space on both sides (an em dash turned into "?" on the way from
      another system);
    - a "space before punctuation" between quote marks nested at a quote's end ("sexy
      AF,’ ” she tells me"), which typesetters space on purpose, or before a spaced
      ellipsis ("is . . . merely", as Chicago sets it; typo.space-before-punctuation
      leaves it alone too);
    - a suggestion that only changes the case of words in capitals ("PAPUA NEW GUINEA"
      -> Papua New Guinea, "ROYAL BANK/CANADA" -> Royal BANK): a wire headline's capitals;
    - "doubled punctuation" with no space after it: a wire table's dot leaders
      ("Demand Deposits..300.3 vs......298.0") or a slug's separator ("MLN..INSTEAD OF");
    - a ticker taken for a word ("Southwest Airlines (LUV.N)" is no "love");
    - a region written in lower case ("western Germany", "eastern Germany": news style
      capitalises only the old states, West and East Germany);
    - a name's number taken for a decade ("Channel 10's new show" is no "10s");
    - a share class taken for a second article ("The A shares");
    - a month's comma before a figure that is no year ("785 dlrs for May, 753 dlrs for June");
    - a noun after digits taken for a count that wants a plural: a currency that has none
      ("19 ringgit a kilo"), a model or a layer ("30386 microprocessor", "layer 2 switch");
      a count in words is still checked ("five producer");
    - a modal in a company's name taken for a verb ("Continental Can said", "American Can
      Packaging Inc").
    """
    matched = text[start:end]
    if suggestions and suggestions[0] != matched and strip_accents(suggestions[0]) == matched:
        return True
    if suggestions and matched.isupper() and suggestions[0] != matched and suggestions[0].lower() == matched.lower():
        return True
    if _TICKER_AROUND.match(text, end) and text[start - 1:start] in ("(", "<"):
        return True
    if rule_id == "CAPITALIZATION" and suggestions and suggestions[0].lower() == matched.lower() and \
            matched.split()[0].lower() in _COMPASS:
        return True
    if rule_id == "APOSTROPHE_IN_DATES" and _NAME_BEFORE_NUMBER.search(text, max(0, start - 30), start):
        return True
    if rule_id == "DOUBLE_PUNCTUATION":
        return matched == ".." and text[end:end + 1] not in ("", " ", "\n", "\t")
    if rule_id == "SENTENCE_WHITESPACE":
        return text[start - 1:start] == "." and (
            _ABBREVIATION_AFTER_STOP.match(text, start) is not None
            or _INITIAL_BEFORE_STOP.search(text, max(0, start - 3), start) is not None
            or _DOMAIN_AFTER_STOP.match(text, start) is not None)
    if rule_id.startswith("EN_COMPOUNDS") or rule_id.endswith("_COMPOUNDS") or rule_id == "ENGLISH_WORD_REPEAT_RULE":
        parts = _PARTS.split(matched.strip())
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            return True  # a name: Pre-Paid Legal Services, the Late Late Show, Boutros Boutros-Ghali
    if rule_id == "UPPERCASE_SENTENCE_START":
        if _SENTENCE_GOES_ON.search(text, max(0, start - 12), start) is not None:
            return True
        before = _WORD_AND_STOP_BEFORE.search(text, max(0, start - 12), start)
        return before is not None and (before.group(1)[0].isupper() or before.group(1).lower() in _ABBREVIATIONS)
    if rule_id == "DT_DT":
        return _SHARE_CLASS.search(matched) is not None
    if rule_id == "COMMA_AFTER_A_MONTH":
        return _YEAR_AFTER_COMMA.search(matched) is None
    if rule_id == "CD_NN":
        return _DIGITS_BEFORE.search(text, max(0, start - 30), start) is not None
    if rule_id.startswith("MD_"):
        return _NAMED_MODAL_BEFORE.search(text, max(0, start - 40), start) is not None
    if rule_id == "COMMA_PARENTHESIS_WHITESPACE":
        if matched.strip() == "." and _SPACED_ELLIPSIS.match(text, start + matched.index(".")):
            return True
        return matched.strip() in _QUOTE_MARKS and text[start - 1:start] in _QUOTE_MARKS and matched[:1].isspace()
    return False


# one or two letters then a stop or a bracket: "N>" of <TXN.N>, "A." of N.A., "Va." of W.Va.
_ABBREVIATION_AFTER_STOP = re.compile(r"[A-Z][a-z]?[.>)<\]:]")
# one capital letter and its full stop after a space, a quote or a bracket: "N." of
# "N.Korea" in a headline (but "U.S.The" is a missing space: a stop comes before the S)
_INITIAL_BEFORE_STOP = re.compile(r"(?:^|(?<=[\s\"'“‘(]))[A-Z]\.$")
_DOMAIN_AFTER_STOP = re.compile(r"(?:com|net|org)\b", re.IGNORECASE)
# a short word and its full stop: "Ont. man", "asst. coach" (a capitalised one is a
# place or title abbreviation; a lower-case one only if listed, since "split. then" is a slip)
_WORD_AND_STOP_BEFORE = re.compile(r"(?<![\w.])([A-Za-z]{1,5})\.\s+$")
_ABBREVIATIONS = ABBREVIATIONS | {"admin", "asst", "est", "intl"}
_PARTS = re.compile(r"[\s-]+")
_SHARE_CLASS = re.compile(r"\s[A-Z]$")  # "The A" of "The A shares"
_YEAR_AFTER_COMMA = re.compile(r",\s*(?:1[0-9]|20|21)\d\d$")
_DIGITS_BEFORE = re.compile(r"\d[\d,.]*\s+$")
# a capitalised modal after a capitalised word, in a name: "Continental Can", "American Can"
_NAMED_MODAL_BEFORE = re.compile(r"[A-Z][\w&.'’-]*\s+(?:Can|Will|May|Must|Shall)\s+$")
# what ends the text before a lower-case word that goes on with the same sentence
_SENTENCE_GOES_ON = re.compile(r"(?:!|\.\.\.|\. \. \.|…| \?)[\s\"'”’]*$")
_QUOTE_MARKS = frozenset("\"'“”‘’")
_SPACED_ELLIPSIS = re.compile(r"\.(?: \.){2}")
_COMPASS = frozenset(("northern", "southern", "eastern", "western", "north", "south", "east", "west",
                      "northeastern", "northwestern", "southeastern", "southwestern", "central"))
# a capitalised word right before a number: "Channel" of "Channel 10's"
_NAME_BEFORE_NUMBER = re.compile(r"[A-Z][\w.-]*[ \t]$")
# the exchange letters after a ticker: "LUV" of "(LUV.N)", "TXN" of "<TXN.N>"
_TICKER_AROUND = re.compile(r"\.[A-Z]{1,2}[)>:]")


def _slip_of_a_name(written: str, suggested: str) -> bool:
    """Whether LanguageTool's famous name differs from the written one only as a slip of
    the fingers does: the case ("robert redford"), or in one word two letters swapped or
    a letter dropped or added inside it ("Robert Pattison" for Pattinson). Two real
    names more often differ by a letter replaced (Garten, Garber) or at the end
    (Ossetian, Ossetia), and those are left to the built-in speller."""
    a, b = written.casefold().split(), suggested.casefold().split()
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    if not differ:
        return True
    if len(differ) > 1:
        return False
    x, y = differ[0]
    if len(x) == len(y):
        i = next(k for k in range(len(x)) if x[k] != y[k])
        return i + 1 < len(x) and x[i] == y[i + 1] and x[i + 1] == y[i] and x[i + 2:] == y[i + 2:]
    short, long_ = sorted((x, y), key=len)
    if len(long_) - len(short) != 1:
        return False
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return 0 < i < len(short) and short[i:] == long_[i + 1:]


# --------------------------------------------------------------------------- spelling


def _a_name(builtin: SpellingAnalysis, word: str, start: int) -> bool:
    """The built-in speller's name logic on a LanguageTool spelling match: an accepted
    word, or a name by its evidence; a near miss of a known word or name ("Isreal") is not."""
    evidence = builtin.evidence
    return evidence.vocabulary_accepts(word) or evidence.is_probably_name(word, start)
