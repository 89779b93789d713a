"""One pass of the speller over a document: find the words the dictionary lacks (a set
difference over distinct words, so known words cost one lookup per distinct word), then
judge each occurrence with the name logic. Results are kept for the document so that
``typo.spelling`` and ``typo.name-variant`` share one analysis."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from html.entities import name2codepoint

from ..text import INVISIBLE_CHARACTERS, INVISIBLE_RE, URLISH, WORD_RE, chunk_around, sentences, word_counts
from .occurrences import candidate_starts
from . import names as names_module, speller as speller_module, variants
from .lexicon import name_lexicon
from .names import NEXT_NAME_RE, NameEvidence, Verdict, judge_word, word_shape
from .speller import ONE_EDIT_MIN, get_speller, news_articles, normalise, running_text_zipf, strip_accents
from .usage import defined_abbreviations, held_interjection, in_loan_phrase, loan_phrases, run_together_phrases



PREFIXES = frozenset(("non", "un", "re", "de", "pre", "post", "anti", "over", "under", "multi",
                      "cyber", "counter", "inter", "mis", "sub", "super", "co", "semi", "mid"))
# words that glue to others only by a missing space ("thathe", "accordingto", "assetsof")
# ("after", "over", "out", "down", "off" make compounds: afterparty, outrun, downtime)
FUNCTION_WORDS = frozenset("""a an the and or but nor so yet for of to in on at by as from with into onto upon
about above again against all also am any are aren't be been before being below between both
can could did do does doing during each few had has have having he her here hers him his how i if
is it its itself just me more most my no not now once only other our own same she should
some such than that their them then there these they this those through too until very was we
were what when where which while who whom why will would you your per via amid""".split())
_PLAUSIBLE: dict[tuple[str, str], bool] = {}


def clear_word_caches() -> None:
    """Forget every per-word result the speller and the name logic keep, in every loaded
    speller and in the shipped name lexicon (for measuring a cold pass in a warm process)."""
    for sp in list(speller_module._SPELLERS.values()):
        sp.clear_caches()
    _PLAUSIBLE.clear()
    lexicon = name_lexicon()
    for cache in (lexicon.near_cache, lexicon.token_facts, lexicon.slip_cache):
        cache.clear()
    for cached in (speller_module.edit_cost, speller_module._indel_costs, speller_module.sound_key,
                   speller_module.edits1, speller_module.edit_strings, word_shape,
                   names_module._one_edit_from_institution, variants.translit_key, variants._folded):
        cached.cache_clear()


# a verb and its particle written as one noun ("signup", "writeoffs", as "layoff" is)
PARTICLES = ("up", "off", "out", "down", "over", "back", "away")
# the plural of a noun this rare, itself this frequent in running text, is a plural
RARE_NOUN_ZIPF, PLURAL_IN_USE_ZIPF = 3.5, 1.5
DOUBLED_SLIP_ZIPF = 3.0  # a built word a doubled letter from a word this common is a slip of it
IN_USE_NEWS_ARTICLES = 10  # a lower-case word this many news articles use is a word
IN_USE_ZIPF = 3.5  # ...and so is one this frequent in running text (wordfreq)
IN_USE_MARGIN = 2.0  # unless a word this much more frequent is one slip away
RARE_IN_USE_ZIPF, RARE_IN_USE_MARGIN = 2.0, 1.0  # a rarer word in use, with a narrower margin
# a sentence whose lower-case words are this many, and this share, unknown to the
# dictionary is in another language
FOREIGN_MIN_UNKNOWN, FOREIGN_SHARE = 3, 0.4


def _content_word(sp, part: str) -> bool:
    """A common lower-case word that may stand in a closed compound: four letters or more
    in use (zipf 3), or three in common use (zipf 4: "car", "tax"); no function word, no name."""
    return len(part) >= 3 and part not in FUNCTION_WORDS and sp.is_common(part) and \
        sp.zipf(part) >= (3.0 if len(part) >= 4 else 4.0)
# Reuters tags company names: "<Tennex Industries Inc>"; an HTML tag has an attribute or
# is one short lower-case word
_COMPANY_TAG = re.compile(r"[A-Z][\w.&'’-]*(?:[ ]+[\w.&'’-]+)*>")
# two or three words joined by slashes ("October/September"), no path or URL
_WORDS_AND_SLASHES = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*(?:/[^\W\d_]+(?:['’-][^\W\d_]+)*){1,2}")
# what a user name in social media copy does: "katytaylor added", "joestar writes"
_POSTED = re.compile(r"[ \t]+(?:wrote|writes|posted|posts|tweeted|tweets|commented|comments|replied|"
                     r"replies|added|adds|blasted|blasting|shared|captioned|quipped|responded|joked)\b")
_PAREN_SIC = re.compile(r"['’]?\s*\(sic\)", re.I)
_HELD_LETTER = re.compile(r"([a-z])\1\1")
_CONSONANT_RUN = re.compile(r"[b-df-hj-np-tv-xz]{4}")  # "pdvsa": letters of a name, no word
# a noun ending so makes its plural with -es or -ies: "presss" and "citys" are no plurals
_TAKES_ES = re.compile(r"(?:s|sh|ch|x|z|[^aeiou]y)$")


_INVISIBLE = f"[{INVISIBLE_CHARACTERS}]"
_INVISIBLE_RUN_RE = re.compile(_INVISIBLE + "+")
# a word (WORD_RE's) that invisible characters split into pieces
_WORD_PART = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
_SPLIT_WORD_RE = re.compile(f"{_WORD_PART}(?:{_INVISIBLE}+{_WORD_PART})+")


def _joins_other_script(word: str) -> bool:
    """A word with a letter of a script other than Latin: its joiners may be needed."""
    return any(c.isalpha() and not c.isascii() and not unicodedata.name(c, "").startswith("LATIN") for c in word)


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    word: str
    verdict: Verdict


def skipped_context(text: str, start: int, end: int) -> bool:
    """Words glued to digits, handles and hashtags, parts of URLs, emails, file names
    and domain names, pieces of a word split by a soft hyphen or another invisible
    character (the whole word is judged apart, see _split_word_slips) and the names of
    HTML entities ("hellip;") are not prose."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isdigit() or after.isdigit() or before in "@#_\\=" or after in "_\\=@>":
        return True
    if (before in INVISIBLE_CHARACTERS and start >= 2 and text[start - 2].isalpha()) or \
            (after in INVISIBLE_CHARACTERS and end + 1 < len(text) and text[end + 1].isalpha()):
        return True  # a piece of a word an invisible character splits ("gov\u200bernment"): judged whole
    if (before == "*" and start >= 2 and text[start - 2].isalpha()) or \
            (after == "*" and end + 1 < len(text) and text[end + 1].isalpha()):
        return True  # half of a word censored with an asterisk ("b*llshit")
    if after == ";" and text[start:end] in name2codepoint:
        return True  # an HTML entity whose & was lost on the way ("a better iPod hellip;")
    if before == "<" and not _COMPANY_TAG.match(text, start):
        return True  # an HTML tag (<b>, <FONT face=...>), not a Reuters <Company Name>
    if _in_tag_attributes(text, start, end):
        return True  # <FONT face="verdana,arial"> left in a feed's text
    if (before == "/" or after == "/") and not _WORDS_AND_SLASHES.fullmatch(chunk_around(text, start, end).rstrip(".")):
        return True  # a path or URL part, not "October/September" or "JAKARTA/BANGKOK"
    if before == "." and start >= 2 and text[start - 2].isalnum():
        return True  # bbc.co.uk, file.txt
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return True
    return bool(URLISH.search(chunk_around(text, start, end)))


_TAG_HEAD = re.compile(r"<[A-Za-z][A-Za-z0-9]*[ \t]+[A-Za-z-]+=")


def _in_tag_attributes(text: str, start: int, end: int) -> bool:
    """Inside the attributes of an HTML tag written out in plain text (AG News keeps
    "<FONT face=...>"): after "<name attr=" with no ">" between, and closed on the line."""
    opened = text.rfind("<", max(0, start - 200), start)
    if opened == -1 or ">" in text[opened:start] or "\n" in text[opened:start] or not _TAG_HEAD.match(text, opened):
        return False
    closed = text.find(">", end, end + 200)
    return closed != -1 and "<" not in text[end:closed] and "\n" not in text[end:closed]


COINED_STEM_ZIPF = 3.5  # five 5.4, desk 4.4; not het (3.1), which made "over-heted" a verb


def _coined_compound_verb(sp, text: str, start: int, word: str) -> bool:
    """The -ing or -ed end of a hyphenated compound made into a verb ("high-fiving",
    "hot-desking", "red-carpeted"): the part alone is no word, but its stem is."""
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalpha():
        return False
    key = normalise(word)
    for suffix in ("ing", "ed"):
        stem = key[: -len(suffix)]
        if not key.endswith(suffix) or len(stem) < 3 or (stem[-1] == "e" and stem[-2] not in "eoy"):
            continue  # the e of "five" goes before -ing: "high-fiveing" is a slip
        bases = (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else stem)
        if any(sp.known(b) and sp.zipf(b) >= COINED_STEM_ZIPF for b in bases):
            return True
    return False


# endings English adds by rule to a word the dictionary has, which the dictionary does not
# always list: a plural in -ies, a noun in -ability from -able
_DERIVATIONS = (("ies", "y"), ("ied", "y"), ("iest", "y"), ("ier", "y"), ("iness", "y"),
                ("ability", "able"), ("ibility", "ible"), ("ality", "al"))
_FROM_Y = frozenset(("ies", "ied", "iest", "ier", "iness"))
# adjectives whose adverb is the adjective and -ly (thunderingly, baselessly); not -ic,
# whose adverb is -ically ("basicly" is a slip)
_LY_AFTER = ("ing", "less", "ful", "ous", "ive", "al", "ant", "ent")


def _derived_from(sp, key: str) -> str | None:
    """The dictionary word ``key`` is built from by a regular ending ("insensitivities",
    "buzziest", "primaried", "recognizability", "matrilocality", "baselessly"), or None.
    A y turns to i only after a consonant ("annoied" is a slip of annoyed)."""
    for end, base_end in _DERIVATIONS:
        stem = key[: -len(end)]
        if key.endswith(end) and len(stem) >= 3 and (end not in _FROM_Y or stem[-1] not in "aeiou"):
            base = stem + base_end
            if sp.known(base) and not sp.is_proper(base):
                return base
    stem = key[:-2]
    if key.endswith("ly") and len(stem) >= 6 and stem.endswith(_LY_AFTER) and sp.known(stem) and \
            not sp.is_proper(stem):
        return stem
    return None


_CONTRACTION = re.compile(r"(.+)['’](?:ve|ll|d|re)", re.I)


def _contracted(sp, word: str) -> bool:
    """A known word with have, will, would or are contracted onto it ("lies that've made
    them", "who'll"); the dictionary lists only the common ones."""
    m = _CONTRACTION.fullmatch(word)
    return m is not None and sp.known(m.group(1))


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, not overlapping)."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _occurrences(text: str, word: str):
    n = len(word)
    for i in candidate_starts(text, word):
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalpha() or before in "'’" or after.isalpha()
                or (after in "'’" and text[i + n + 1: i + n + 2].isalpha())):
            yield i


class SpellingAnalysis:
    """Misspellings of one document."""

    def __init__(self, doc, settings) -> None:
        self.doc = doc
        self.speller = get_speller(settings.language)
        text = doc.text
        self.counts = word_counts(text)
        self.evidence = NameEvidence(doc, settings, self.speller, self.counts)
        self._verdicts: dict[str, Verdict] = {}
        self._after_at_signs: set[str] | None = None  # see _after_at
        self._abbreviations: frozenset[str] | None = None
        self._lower_names: bool | None = None  # see _lower_case_text
        self._title_forms: dict[str, str] | None = None  # see _title_case_form_passes
        self.misspellings = self._find()
        self.flagged_words = {m.word for m in self.misspellings}
        self._flagged_starts = {m.start: m.verdict.kind == "variant-spelling" for m in self.misspellings}

    def passes(self, start: int, end: int, variants_pass: bool = True) -> bool:
        """Whether this speller read the words text[start:end] touches and flagged none of
        them (the other variety's spelling counts as passing unless ``variants_pass`` is
        false): the test a second speller's match must fail to be reported, so that
        LanguageTool does not undo what this one knows (a dictionary word, a wire
        abbreviation in use, a coined compound, a word in a skipped context)."""
        text = self.doc.text
        seen = False
        # the words the span touches, whole: "brazil" of "brazil's", "aretz" of "Ha'aretz"
        for m in WORD_RE.finditer(text, max(0, start - 40), min(len(text), end + 40)):
            if m.end() <= start or m.start() >= end:
                continue
            seen = True
            variant = self._flagged_starts.get(m.start())
            if m.group() not in self.counts or (variant is not None and not (variant and variants_pass)):
                return False
        return seen

    def _find(self) -> list[Misspelling]:
        sp, text = self.speller, self.doc.text
        known = sp.known
        vocab = self.evidence.vocabulary
        suspects = sorted(sp.unknown_among(self.counts.keys()))
        if vocab.reject_any or vocab.reject_exact:
            suspects += [w for w in self.counts if known(w) and vocab.rejects(w)]
        out: list[Misspelling] = []
        foreign = self._foreign_sentences(suspects)
        for token in suspects:
            facts = self._suspect(token)
            if facts is None:
                continue
            for start in _occurrences(text, token):
                found = self._judge(facts, start, start + len(token), start + len(facts[0]), foreign)
                if found is not None:
                    out.append(found)
        out.extend(self._split_word_slips(foreign))
        # a known first name one slip from a lexicon full name ("Kier Starmer")
        out.extend(self._full_name_slips({m.start for m in out}))
        out.extend(self._rare_name_slips())
        out.sort(key=lambda m: m.start)
        return out

    def _suspect(self, token: str) -> tuple[str, str, bool, str, bool] | None:
        """(base, key, rejected, shape, in a loan phrase) of a word the dictionary lacks,
        or None when no use of it can be a misspelling (the house accepts it, a known
        contraction, a lone letter, an interjection, a handle, an abbreviation defined here)."""
        sp, vocab = self.speller, self.evidence.vocabulary
        if vocab.accepts(token):
            return None
        base = token
        key = normalise(token)
        if key != token.lower() and len(key) < len(token):
            base = token[: len(key)]  # drop the possessive ending from the span
        rejected = vocab.rejects(token)
        if ("'" in base or "’" in base) and not rejected:
            if sp.known(base) or _contracted(sp, base):
                return None  # a contraction the dictionary has, unless the house rejects it ("ain't")
        if len(base) == 1 and not rejected:
            return None  # a lone letter names a letter ("the letter ß", "ω"): no word to misspell
        shape = word_shape(base)
        if not rejected and (self._informal_or_handle(base, shape, self.doc.text) or self._defined_here(key)):
            return None
        return base, key, rejected, shape, not rejected and key in loan_phrases()[0]

    def _judge(self, facts: tuple[str, str, bool, str, bool], start: int, stop: int, end: int,
               foreign: list[tuple[int, int]]) -> Misspelling | None:
        """The verdict on one use of a suspect word, text[start:stop] (the span reported
        is text[start:end], without a possessive ending)."""
        sp, text = self.speller, self.doc.text
        base, key, rejected, shape, in_phrase = facts
        if skipped_context(text, start, stop) or _PAREN_SIC.match(text, stop):
            return None  # "(sic)" marks the original's spelling like "[sic]"
        if in_phrase and in_loan_phrase(text, start):  # "pari passu", "tel quel"
            return None
        if foreign and not rejected and _inside(foreign, start):
            return None
        vocab = self.evidence.vocabulary
        if rejected:
            verdict = Verdict(tuple(s for s in sp.suggest(base) if not vocab.rejects(s)),
                              f"'{base}' is on the house reject list", False, "reject")
        elif shape == "lower":
            verdict = None if self._plausible_word(base) or self._poster(base, end) or \
                self._name_in_lower_case(base) or self._given_name_syllable(start, end) \
                or _coined_compound_verb(sp, text, start, base) else self._lower(base)
        elif shape == "upper" and self._title_case_form_passes(key):
            verdict = None
        else:
            verdict = self.evidence.judge_capitalised(base, start)
        return None if verdict is None else Misspelling(start, end, base, verdict)

    def _split_word_slips(self, foreign: list[tuple[int, int]]) -> list[Misspelling]:
        """Misspelt words an invisible character splits ("gover" SOFT HYPHEN "ment"): the
        word is judged without it, and the span reported runs from its first letter to its
        last, so a fix replaces the whole of it. (Its pieces alone are passed over: see
        skipped_context; typo.invisible-character reports the character itself.)"""
        text = self.doc.text
        if not INVISIBLE_RE.search(text):
            return []
        sp, out = self.speller, []
        for m in _SPLIT_WORD_RE.finditer(text):
            if _joins_other_script(m.group()):
                continue  # a joiner a Persian or Hindi word needs, not a slip in English copy
            token = _INVISIBLE_RUN_RE.sub("", m.group())
            if sp.known(token) and not self.evidence.vocabulary.rejects(token):
                continue
            facts = self._suspect(token)
            if facts is None:
                continue
            letters = [i for i in range(m.start(), m.end()) if text[i] not in INVISIBLE_CHARACTERS]
            found = self._judge(facts, m.start(), m.end(), letters[len(facts[0]) - 1] + 1, foreign)
            if found is not None:
                out.append(found)
        return out

    def _foreign_sentences(self, suspects: list[str]) -> list[tuple[int, int]]:
        """Sentences in another language: a headline in Spanish or German ("... están a
        la vuelta de la esquina"), a quoted line of French. Its words are not English
        misspellings, and one finding per word would bury the story's real slips. A
        sentence counts when at least three of its lower-case words, and two in five,
        are unknown to the dictionary; a few foreign words in an English sentence do
        not make it foreign."""
        known, accepts = self.speller.known, self.evidence.vocabulary.accepts
        lower = [t for t in suspects if t.islower() and not accepts(t)]
        if sum(self.counts[t] for t in lower) < FOREIGN_MIN_UNKNOWN:
            return []
        text, out = self.doc.text, []
        # (a quick look first: three of them within a sentence's length of each other)
        at = sorted(i for t in lower for i in _occurrences(text, t))
        if not any(at[k + FOREIGN_MIN_UNKNOWN - 1] - at[k] <= 300 for k in range(len(at) - FOREIGN_MIN_UNKNOWN + 1)):
            return []
        for start, end in sentences(text):
            if bisect.bisect_left(at, end) - bisect.bisect_left(at, start) < FOREIGN_MIN_UNKNOWN:
                continue  # (counted by position: a test per word and sentence was quadratic in a long file)
            words = [w for w in WORD_RE.findall(text, start, end) if w.islower()]
            unknown = sum(1 for w in words if not known(w))
            if unknown >= FOREIGN_MIN_UNKNOWN and unknown >= FOREIGN_SHARE * len(words):
                out.append((start, end))
        return out

    def _title_case_form_passes(self, key: str) -> bool:
        """Whether the article also writes this ALL-CAPS word with a capital and lower
        case letters ("TYLAN CORP <TYLN>" over "Tylan Corp said"), and that form passes:
        a wire headline shouts the names its story writes in Title Case, where their
        case and repetition tell more. A form the speller flags ("Muncipal") leaves the
        capitals to be judged on their own."""
        if self._title_forms is None:
            self._title_forms = {}
            for token in self.evidence.caps_tokens:
                self._title_forms.setdefault(normalise(token), token)
        form = self._title_forms.get(key)
        if form is None:
            return False
        base = form[: len(key)] if len(key) < len(form) else form  # without a possessive
        if self.speller.known(base) or self.evidence.vocabulary.accepts(form):
            return True
        start = next(_occurrences(self.doc.text, form), None)
        return start is not None and self.evidence.judge_capitalised(base, start) is None

    def _defined_here(self, key: str) -> bool:
        """An abbreviation the article spells out ("video tape recorders (vtrs)")."""
        if self._abbreviations is None:
            self._abbreviations = defined_abbreviations(self.doc.text)
        return key in self._abbreviations

    def _informal_or_handle(self, word: str, shape: str, text: str) -> bool:
        """Not a misspelling: an interjection drawn out ("soooo", "goshh", "hahahah"), a dropped g
        written with its apostrophe ("nothin'"), a name's plural ("the Obamas") or
        singular ("a Beatle"), or a social
        media handle the article also writes with its @ ("champagnepapi")."""
        sp = self.speller
        key = normalise(word)
        if _HELD_LETTER.search(key) and not sp.known(_HELD_LETTER.sub(r"\1\1", key)):
            return True  # "soooo"; but "commmittee" is a slip of committee
        if held_interjection(key):
            return True
        if shape == "lower" and key.endswith("in") and len(key) >= 4 and sp.known(key + "g"):
            for i in self.evidence.occurrences(word):
                if text[i + len(word): i + len(word) + 1] in ("'", "’"):
                    return True  # "nothin'", written so on purpose
        if shape != "lower" and key.endswith("s") and len(key) >= 5:
            stem = word[:-1]
            if self.evidence.known_name(stem) or (sp.known(stem) and sp.is_proper(stem)):
                return True
        if shape == "capitalised" and sp.is_proper(word + "s"):
            return True  # "a Beatle", singular of a name known in the plural
        return self._after_at(word)

    def _name_in_lower_case(self, word: str) -> bool:
        """In a story written all in lower case (some wire copy is: "venezuela will supply
        ecuador ..."), a name the dictionary or the lexicon has with a capital
        ("mancera aguayo"), or a word no dictionary word is one slip from ("grisanti",
        "pdvsa"), is a name written in lower case. (The word is asked about first: the
        article's names are counted only for a word that passes, once per article.)"""
        sp = self.speller
        if not (sp.known(word.capitalize()) or self.evidence.lexicon.knows(word) or
                not any(c.plain_cost <= 1.0 for c in sp.near(word))):
            return False
        return self._lower_case_text()

    def _given_name_syllable(self, start: int, end: int) -> bool:
        """The lower-case half of a hyphenated given name after a surname, as Korean and
        Chinese names are romanised: "Li Ka-shing", "Kim Dae-jung", "Roh Moo-hyun". The
        surname must be a known name and the first half no prefix or frequent word
        ("the anti-goverment protest" stays a slip)."""
        text = self.doc.text
        m = _GIVEN_NAME_BEFORE.search(text, max(0, start - 20), start)
        if m is None or end - start > 5 or (end < len(text) and text[end].isalpha()):
            return False
        surname, first_half = m.group(1), m.group(2).lower()
        sp = self.speller
        if surname.lower() in FUNCTION_WORDS or first_half in PREFIXES or \
                (sp.is_common(first_half) and sp.zipf(first_half) >= 4.5):
            return False
        return self.evidence.lexicon.knows(surname) or sp.is_proper(surname)

    def _lower_case_text(self) -> bool:
        """More of the article's names (words the dictionary has only with capitals) are
        written in lower case than with their capitals, and at least three."""
        if self._lower_names is None:
            # the names in lower case first: most articles have none, and then their
            # capitalised names need no counting
            is_proper, counts = self.speller.is_proper, self.counts
            lower = sum(1 for t in counts if t.islower() and len(t) >= 4 and is_proper(t))
            self._lower_names = lower >= 3 and \
                lower > sum(1 for t in counts if t[:1].isupper() and len(t) >= 4 and is_proper(t))
        return self._lower_names

    def _poster(self, word: str, end: int) -> bool:
        """A user name before what it posted ("with twittyj blasting:", "Instagrammer
        belledbel wrote:"): a lower-case word the dictionary lacks, right before a verb of
        posting, and no single slip of a word."""
        if not _POSTED.match(self.doc.text, end):
            return False
        best = self.speller.candidates(word)[:1]
        return not (best and best[0].kind == "edit" and best[0].plain_cost <= 1.0)

    def _after_at(self, word: str) -> bool:
        """Whether the article writes ``word`` straight after an @ (a handle). What
        follows each @ is read once, as the set of its beginnings: asking at every @ for
        every word grew with the square of a long file."""
        if self._after_at_signs is None:
            text = self.doc.text
            after = (_HANDLE_RE.match(text, m.end()) for m in re.finditer("@", text)) if "@" in text else ()
            self._after_at_signs = {m.group()[:n] for m in after if m for n in range(1, len(m.group()) + 1)}
        return word in self._after_at_signs

    def _plausible_word(self, word: str) -> bool:
        """A word the dictionary lacks but English builds from known parts: a plural
        ("crudes", "amygdalae"), a closed compound of two content words ("counterparty",
        "flashmob", "afterparty") or of a verb and its particle ("signup"), or a prefixed
        word ("nonrecourse"); never when it is also one cheap slip from a frequent word
        ("untill" is un + till, but a slip of until), and never two words run together
        when one is a function word ("thathe")."""
        sp, key = self.speller, normalise(word)
        cached = _PLAUSIBLE.get((sp.language, key))
        if cached is not None:
            return cached
        if self._in_use(key):
            _PLAUSIBLE[(sp.language, key)] = True
            return True
        if _HELD_LETTER.search(key):
            return False  # no compound or ending makes a letter triple ("belllies")
        base = None
        for end in ("s", "es"):
            stem = key[: -len(end)]
            if key.endswith(end) and len(stem) >= 4 and sp.known(stem) and sp.zipf(stem) <= 5.5 and \
                    not (end == "s" and _TAKES_ES.search(stem)) and not sp.is_proper(stem):
                base = stem
        if base is None and key.endswith("ae") and len(key) >= 7 and sp.known(key[:-1]) and \
                not sp.is_proper(key[:-1]):
            base = key[:-1]  # a Latin plural: amygdalae, vertebrae
        if base is None and len(key) >= 6 and key[-1] != "s" and sp.known(key + "s") and \
                sp.zipf(key + "s") <= RARE_NOUN_ZIPF and not sp.is_proper(key + "s"):
            base = key + "s"  # the singular of a rare plural listed alone: nanoparticle(s)
        if base is None:
            base = _derived_from(sp, key)
        ok = base is not None
        compound = False
        if not ok:
            stem = key[:-1] if key.endswith("s") else key
            ok = compound = any(stem.endswith(p) and _content_word(sp, stem[: -len(p)]) for p in PARTICLES)
        if not ok:
            # the second part is a known word (as written, possessive or accents and all,
            # at most twice as long): splits before that cannot make one, and in a word
            # thousands of letters long each would copy the whole word
            for i in range(max(2, len(key) - 2 * (sp.longest + 2)), len(key) - 2):
                a, b = key[:i], key[i:]
                if a in PREFIXES and len(b) >= 5 and sp.known(b):
                    ok = True
                    break
                if _content_word(sp, a) and _content_word(sp, b):
                    ok = compound = True
                    break
        # the plural of a rare noun that running text uses ("bourses", "redactions") is
        # a plural even one slip from a frequent word, unless that slip is a doubled
        # letter, the commonest of all ("salles" for sales); "seens" is a verb form's slip
        plural_in_use = base is not None and base != key + "s" and sp.zipf(base) <= RARE_NOUN_ZIPF and \
            running_text_zipf(key) >= PLURAL_IN_USE_ZIPF and \
            not any(c.cost <= ONE_EDIT_MIN and c.zipf >= 4.0 for c in sp.near(key))
        if ok and not plural_in_use and (sp.could_offer(key, 1.0, 3.0) or sp.could_offer(key, 2.0, 5.0) if compound
                                         else sp.could_offer(key, 1.3, 4.0)
                                         or sp.could_offer(key, ONE_EDIT_MIN, DOUBLED_SLIP_ZIPF)):
            # but not when a frequent word is one plain slip away ("seens" for scenes), or a
            # word in use a doubled letter away ("colapsed" is no co- + lapsed); a
            # compound of two content words gives way only to a clearly frequent word
            for c in sp.candidates(key)[:3]:
                if c.word == base or c.kind != "edit":
                    continue
                if (not compound and ((c.plain_cost <= 1.3 and c.zipf >= 4.0) or
                                      (c.plain_cost <= ONE_EDIT_MIN and c.zipf >= DOUBLED_SLIP_ZIPF))) or \
                        (compound and ((c.plain_cost <= 1.0 and c.zipf >= 3.0) or
                                       (c.plain_cost <= 2.0 and c.zipf >= 5.0))):
                    ok = False
                    break
        if len(_PLAUSIBLE) > 100_000:
            _PLAUSIBLE.clear()
        _PLAUSIBLE[(sp.language, key)] = ok
        return ok

    def _in_use(self, key: str) -> bool:
        """A word the dictionary lacks that writers use: in many news articles ("plc",
        "soyoil") or frequent in running text ("lol"), and no cheap slip of a word used
        far more often (as "thier" and "alot" are); or less frequent ("vortices",
        "glyphosate") and no cheap slip of any word used much more often. A word with
        accents counts the uses of its plain spelling too ("über" as "uber")."""
        sp = self.speller
        own, articles = running_text_zipf(key), news_articles(key)
        if not key.isascii():
            plain = strip_accents(key)
            own, articles = max(own, running_text_zipf(plain)), max(articles, news_articles(plain))
        margin, apart = IN_USE_MARGIN, ("block", "split")
        if articles < IN_USE_NEWS_ARTICLES and own < IN_USE_ZIPF:
            if own < RARE_IN_USE_ZIPF or key in run_together_phrases() or _CONSONANT_RUN.search(key):
                return False
            # rarer ("vortices", "glyphosate"): no cheap slip of a commoner word, nor two
            # words run together ("alot"); a block of letters away ("glyph") is no slip
            margin, apart = RARE_IN_USE_MARGIN, ("split",)
        own = max(own, 2.0)
        return not any(c.kind in apart or (c.plain_cost <= 1.0 and c.zipf >= own + margin)
                       for c in sp.candidates(key)[:3])

    def _lower(self, word: str) -> Verdict | None:
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = judge_word(self.speller, word, self.evidence.context)
        return verdict

    def _rare_name_slips(self) -> list[Misspelling]:
        """Rare names the dictionary knows ("Teh", "Thier"), used once at a sentence start
        where a far commoner word fits: the capital is the sentence's, not a name's."""
        rare, ev, text = self.speller.rare_names, self.evidence, self.doc.text
        out = []
        for token in ev.caps_tokens:
            if self.counts[token] != 1 or token.lower() not in rare or self.evidence.vocabulary.accepts(token):
                continue
            for start in _occurrences(text, token):
                if skipped_context(text, start, start + len(token)):
                    continue
                v = ev.sentence_start_slip(token, start)
                if v is not None:
                    out.append(Misspelling(start, start + len(token), token, v))
        return out

    def _full_name_slips(self, already: set[int]) -> list[Misspelling]:
        """Known first names before a lexicon surname they do not belong to."""
        ev, text = self.evidence, self.doc.text
        lex = ev.lexicon
        out = []
        for token, facts in ev.caps_facts():
            if not facts.surname:
                continue  # known first names are only checked against distinctive surnames
            for i in _occurrences(text, token):
                # the word before, if it is a capitalised word and a space or tab apart
                prev = CAPITALISED_BEFORE_RE.search(text, max(0, i - 30), i) if text[i - 1:i] in (" ", "\t") else None
                if prev is None or prev.start(1) in already:
                    continue
                first = prev.group(1)
                if not self.speller.known(first) and not lex.knows(first):
                    continue  # unknown words were judged above
                v = ev.full_name_slip(first, prev.start(1))
                if v is not None:
                    out.append(Misspelling(prev.start(1), prev.end(1), first, v))
                    already.add(prev.start(1))
        # a known surname after a rare first name of the lexicon: "Angela Merkle"
        known = self.speller.known
        for token, _facts in ev.caps_facts():
            if token.lower() not in lex.by_first:
                continue
            for i in _occurrences(text, token):
                nxt = NEXT_NAME_RE.match(text, i + len(token))
                if nxt is None or nxt.start(1) in already or not (known(nxt.group(1)) or lex.knows(nxt.group(1))):
                    continue  # unknown surnames were judged above
                v = ev.rare_first_name_slip(token, nxt.group(1))
                if v is not None:
                    out.append(Misspelling(nxt.start(1), nxt.end(1), nxt.group(1), v))
                    already.add(nxt.start(1))
        return out


# what follows an @ up to a space, as long as a handle can be (X and Instagram allow 30)
_HANDLE_RE = re.compile(r"\S{1,40}")
# a surname and the first half of a hyphenated given name, ending at the hyphen: "Li Ka-"
_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]+) ([A-Z][a-z]{1,4})-$")
# a capitalised word (a first name, say) and the spaces after it, ending where searched to
CAPITALISED_BEFORE_RE = re.compile(r"(?<![\w'’])([A-Z][a-z]+)[ \t]+$")

_CACHE: list[tuple[object, tuple, SpellingAnalysis]] = []


def analyse(doc, settings) -> SpellingAnalysis:
    """The document's analysis, computed once for the rules that share it."""
    fp = (settings.language, tuple(settings.accept), tuple(settings.reject))
    for d, f, a in _CACHE:
        if d is doc and f == fp:
            return a
    a = SpellingAnalysis(doc, settings)
    _CACHE[:] = [(doc, fp, a)]
    return a
