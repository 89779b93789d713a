"""NameEvidence: the interface the LanguageTool bridge shares, and the evidence rules."""

from __future__ import annotations

import copylint
from copylint.config import Settings
from copylint.readers import read_text
from copylint.spelling.names import NameEvidence, starts_sentence

TEXT = (
    "Talks resume in Istanbul\n\n"
    "Negotiator David Arakhamia said talks with Isreal went well. Arakhamia met Kier Starmer, "
    "then Keir Stramer. Goverment officials were told.\n"
)


def evidence(text: str = TEXT, **settings) -> NameEvidence:
    return NameEvidence(read_text("a.txt", text), Settings(**settings))


def at(word: str, nth: int = 0, text: str = TEXT) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return i


def test_unknown_capitalised_names_are_names():
    ev = evidence()
    assert ev.is_probably_name("Arakhamia", at("Arakhamia"))
    assert ev.is_probably_name("Arakhamia", at("Arakhamia", 1))  # at a sentence start, used as a name before


def test_near_misses_of_known_names_are_not():
    ev = evidence()
    assert not ev.is_probably_name("Isreal", at("Isreal"))
    assert not ev.is_probably_name("Kier", at("Kier"))  # with Starmer after it
    assert not ev.is_probably_name("Stramer", at("Stramer"))  # after Keir
    assert not ev.is_probably_name("Goverment", at("Goverment"))  # a common word at a sentence start
    assert not ev.is_probably_name("talks", at("talks"))  # lower case is never a name


def test_vocabulary():
    ev = evidence(accept=["Arakhamiya", "iPhone", "Olena Zelenska"], reject=["alright"])
    assert ev.vocabulary_accepts("Arakhamiya") and ev.vocabulary_accepts("arakhamiya") is False
    assert ev.vocabulary_accepts("iPhone") and not ev.vocabulary_accepts("Iphone")
    assert ev.vocabulary_accepts("Zelenska") and ev.lexicon.knows("Olena")
    assert ev.vocabulary_rejects("alright") and ev.vocabulary_rejects("Alright")


def test_sentence_starts():
    text = 'He left. Mr. Smith said: "Later." J. Jones came — Then'
    assert starts_sentence(text, 0)
    assert not starts_sentence(text, text.index("Smith"))  # after Mr.
    assert starts_sentence(text, text.index("Later"))  # after a colon and a quote mark
    assert not starts_sentence(text, text.index("Jones"))  # after an initial
    assert starts_sentence(text, text.index("Then"))  # after a dash


def test_name_slot_words_near_common_words_left_alone():
    # real people whose surnames are one letter from a common word or name
    text = ("Stars and bankers at the final\n\n"
            "Bankers Jamie Dimon and Kori Schake spoke. The singer Lorde and rapper Busta Rhymes "
            "performed at the Stade de France, and Rishi Sunak watched.\n")
    findings = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"]))
    assert [f.matched for f in findings] == []


def test_a_first_name_one_letter_from_a_word_before_a_surname():
    # US news 2016 and AG News: rare first names before a surname ("Aleen" is one letter
    # from "alien", "Crystl" from "crystal"); a slip of a word as common as a title is
    # still one there, and so is a slip inside an institution's name
    text = ("Bloom's manager speaks\n\n"
            "The news was shared by Bloom's manager Aleen Keshishian. In the final, Crystl Bustos "
            "drove in two runs. Reporters asked Presedent Obama, and the Federal Energy Reglatory "
            "Commission said nothing.\n")
    findings = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"]))
    assert [(f.matched, f.suggestions[0]) for f in findings] == [("Presedent", "President"),
                                                                ("Reglatory", "Regulatory")]


def test_a_reporters_byline_and_a_first_name_before_an_unknown_surname():
    # AG News and US news 2016: "Lauran Neergaard" signs AP stories, "Friba Razayee" and
    # "Andreja Pejvic" are one letter from Frida and Andrea; a slip of one of the commonest
    # first names, or a swapped letter of a famous name, is still reported
    text = ("Waistlines expand\n\nBy LAURAN NEERGAARD\n\nWASHINGTON (AP) - The judo wildcard Friba "
            "Razayee lost. Model Andreja Pejvic spoke, and so did Davod Mulinix and Barack Obmaa.\n")
    findings = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"]))
    assert [(f.matched, f.suggestions[0]) for f in findings] == [("Davod", "David"), ("Obmaa", "Obama")]


def test_an_unseen_word_one_slip_from_a_name_and_from_no_word():
    # "Kunetsova": no dictionary word is one edit away, the lexicon's Kuznetsova is
    text = "Tennis result\n\nIn the final, Kunetsova beat Sharapova on Monday.\n"
    findings = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"]))
    assert [(f.matched, f.suggestions[0]) for f in findings] == [("Kunetsova", "Kuznetsova")]


def test_a_name_opening_a_line_of_a_list_of_people():
    # lists of people put each name at the start of its own line or entry; a rare first
    # name there ("Kori") says the next word is a surname, not a slip of "shake"
    for entry in ("Kori Schake, National Security Council and State Department aide\n",
                  "Kori Schake\n\nFormer director of defense strategy\n"):  # each used once
        text = "Republicans for Clinton\n\nFormer officials:\n\n" + entry
        findings = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"]))
        assert [f.matched for f in findings] == [], entry
        crlf = text.replace("\n", "\r\n")  # the same with Windows line ends
        assert [f.matched for f in copylint.lint_text(crlf, path="a.txt", config=Settings(select=["typo.spelling"]))] == []
    # a company's name runs on past the second word, and its slips are still slips
    text = ("Lease agreement\n\nVentra Managment Inc said it received a 10.8 mln dlr order.\n\n"
            "Thermo Ihnstrument Systems Inc said it has received an order.\n")
    findings = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"], accept=["mln", "dlr"]))
    assert [(f.matched, f.suggestions[0]) for f in findings] == [("Managment", "Management"),
                                                                ("Ihnstrument", "Instrument")]


def test_first_names_that_are_also_words_are_learnt_from_news():
    # "fred" and "henry" are dictionary words too; news writes Fred and Henry before many
    # different surnames, so the unknown surname after them is a name ("Wilpon", not a
    # slip of "Wilson"), while a slip of a known name after them is still one
    text = "Mets sale\n\nThe Mets, owned by Fred Wilpon, said on Monday that Henry Kisinger had called.\n"
    findings = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"]))
    assert [(f.matched, f.suggestions[0]) for f in findings] == [("Kisinger", "Kissinger")]


def test_a_letter_doubled_in_a_surname_is_no_slip_of_a_rare_name():
    # after a first name, "Rigell" is a family's spelling, not the star Rigel misspelt;
    # two letters swapped in a frequent name are still a slip there ("Barack Obmaa")
    text = "Endorsements\n\nOn Monday Scott Rigell said he would vote, and so did Barack Obmaa.\n"
    findings = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"]))
    assert [(f.matched, f.suggestions[0]) for f in findings] == [("Obmaa", "Obama")]


def test_a_vowel_written_as_another_in_a_name_is_a_spelling_of_it():
    """One vowel for another on a key apart from it (y for i, o for a) is how one name's
    spellings differ, and typing does not make it; a neighbouring key, a swap or a famous
    person's full name still make a slip."""
    text = ("Local teams\n\nFormer chairman Gavyn Davies watched Terin Humphrey win. Kathleen Hoynes, 56, "
            "cheered. Gavun Davies left. Boris Jonhson and Joe Bidan were not there.\n")
    flagged = {f.matched: f.suggestions[:1] for f in copylint.lint_text(
        text, "a.txt", config=Settings(select=["typo.spelling"], languagetool=False))}
    assert "Gavyn" not in flagged and "Terin" not in flagged and "Hoynes" not in flagged
    assert flagged["Gavun"] == ("Gavin",)  # u is next to y and i: a slip
    assert flagged["Jonhson"] == ("Johnson",) and flagged["Bidan"] == ("Biden",)


def test_census_given_names_make_the_next_word_a_surname_in_a_title_case_headline():
    """In a title-case headline every word has a capital, so only a known given name says
    that the next word is a surname ("Kathryn Grody", "Lena Headey": no slips of grade or
    headed; both were reported before rules/names/given_names.txt). A place that is also a
    given name (Virginia, Jordan) is left out of that list, so a misspelt word after it is
    still reported, and so is a slip of a known name after a given name."""
    select = Settings(select=["typo.spelling"])
    for headline in ("Mandy Patinkin & Kathryn Grody To Star In New Play", "Mark Hamill & Lena Headey Give a Class",
                     "Deborah Birx Says Officials Changed Her Report"):
        assert copylint.lint_text(f"{headline}\n\nThe story follows on Tuesday.\n", path="a.txt", config=select) == []
    got = []
    for headline in ("Virginia Lawmakrs Pass Budget", "Jordan Goverment Falls After Vote",
                     "Meredith Hagner Praises Barack Obmaa"):
        got += [f.matched for f in copylint.lint_text(f"{headline}\n\nThe story follows on Tuesday.\n", path="a.txt",
                                                      config=select)]
    assert got == ["Lawmakrs", "Goverment", "Obmaa"]


def test_a_word_before_a_surname_scowl_lists_in_lower_case_is_part_of_the_name():
    """SCOWL lists some rare surnames in lower case ("kojima"), so "Hideo" before "Kojima"
    was taken for a word slip ("Hide") in dated headlines; a next word running text
    seldom uses (zipf under 3) now makes it part of a name, as a word after a name was
    already read. A slip before a common word is still reported."""
    select = Settings(select=["typo.spelling"], languagetool=False)
    from copylint.spelling.speller import get_speller

    sp = get_speller("en-US")
    assert sp.is_common("Kojima") and sp.zipf("Kojima") < 3.0  # why it needs saying
    for headline in ("Shinzo Abe killing: Hideo Kojima threatens to sue over false posts",
                     "Alize Cornet snaps Iga Swiatek's 37-match winning streak"):
        assert copylint.lint_text(headline + "\n", path="a.txt", config=select) == []
    found = copylint.lint_text("Goverment Debt Rises Again\n", path="a.txt", config=select)
    assert [f.matched for f in found] == ["Goverment"]


def test_a_given_name_that_is_a_word_makes_an_unknown_word_after_it_a_surname_in_a_headline():
    """In a title-case headline "Bill" and "Bob" are given names as well as words, and the
    census list of given names leaves them out as words: "Bill Hader" and "Bob Chapek"
    were reported as slips of header and chapel. rules/names/given_name_words.txt holds
    such names; one of them makes the next word a surname where that word is known to no
    dictionary or lexicon and no slip of a far more frequent word. A slip of a frequent
    word or of a known name after one is still reported."""
    select = Settings(select=["typo.spelling"], languagetool=False)
    for headline in ("Bill Hader Explains Why His Show Ended", "Disney CEO Bob Chapek Secures New Contract",
                     "Paramount Still Years Away From Profit, President Bob Bakish Says"):
        assert copylint.lint_text(f"{headline}\n\nThe story follows on Tuesday.\n", path="a.txt", config=select) == []
    got = []
    for headline in ("Defeated Bill Seeked to Ban Abortion", "Bill Clniton Speaks Out On Trade",
                     "Will Goverment Fall Today"):
        got += [f.matched for f in copylint.lint_text(f"{headline}\n\nThe story follows on Tuesday.\n", path="a.txt",
                                                      config=select)]
    assert got == ["Seeked", "Clniton", "Goverment"]


def test_a_common_word_capitalised_mid_sentence_is_a_name_before_a_surname():
    """"by Gabby Petito's parents": the writer capitalised "Gabby" mid-sentence, so it is
    a name though it is a word too, and "Petito" after it was reported as a slip of
    petite. After such a word only a slip of a word as common as titles are counts; a
    word as common as an institution's ("World") or a run of capitals (an institution's
    name) keeps the old reading, so those slips are still reported."""
    select = Settings(select=["typo.spelling"], languagetool=False)
    for text in ("Judge lets lawsuit by Gabby Petito's parents go ahead\n",
                 "Claims about Gabby Petito's death were made public, the family said.\n"):
        assert copylint.lint_text(text, path="a.txt", config=select) == []
    text = ("Officials said the Homeland Securty office erred. He won the 1998 World Culs, it said. "
            "\"Cut the Exchequer Borrowing Recquirement now,\" he said.\n")
    found = copylint.lint_text(text, path="a.txt", config=select)
    assert [f.matched for f in found] == ["Securty", "Culs", "Recquirement"]


def test_a_name_capitalised_mid_sentence_a_letter_from_a_lesser_name_is_another_name():
    """"30 Gepard tanks" and "ex-wife Torrei Hart" were reported as slips of the names
    Gerard and Torres: a word nobody writes, one slip from a name, was a slip wherever
    it stood. Where the writer chose the capital, a letter no typing slip puts there
    (no neighbouring key) in a name of up to eight letters makes another name unless
    the near one is famous. A dropped or swapped letter, and a long name, still make a
    slip."""
    select = Settings(select=["typo.spelling"], languagetool=False)
    assert copylint.lint_text("Germany will send 30 Gepard tanks to Ukraine, paper says\n\n"
                              "He has a son with ex-wife Torrei Hart, the report said.\n",
                              path="a.txt", config=select) == []
    text = ("It will build a plant in Munfreesboro, Tenn., and talks with Isreal went on. "
            "The team flew to Houson on Monday.\n")
    found = copylint.lint_text(text, path="a.txt", config=select)
    assert [(f.matched, f.suggestions[0]) for f in found] == [
        ("Munfreesboro", "Murfreesboro"), ("Isreal", "Israel"), ("Houson", "Houston")]


def test_the_given_names_list_holds_no_common_word_or_month():
    from copylint.spelling.lexicon import GIVEN_NAMES_FILE, read_word_list
    from copylint.data import rules_path
    from copylint.spelling.speller import get_speller

    names = read_word_list(rules_path(*GIVEN_NAMES_FILE))
    assert len(names) > 3000 and {"Kathryn", "Megan", "Dominic"} <= set(names)
    us, gb = get_speller("en-US"), get_speller("en-GB")
    assert not [n for n in names if us.is_common(n) or gb.is_common(n)]
    assert not {"June", "April", "August", "Virginia", "Dallas", "Bill", "Mark"} & set(names)


def test_the_given_names_that_are_words_are_first_names_in_the_news():
    """given_name_words.txt keeps the census's given names that are common words only
    when the news writes them before many surnames: not a place's or a team's first word."""
    from copylint.data import rules_path
    from copylint.spelling.lexicon import GIVEN_NAME_WORDS_FILE, GIVEN_NAMES_FILE, read_word_list
    from copylint.spelling.speller import get_speller

    words = set(read_word_list(rules_path(*GIVEN_NAME_WORDS_FILE)))
    assert {"Bill", "Bob", "Tom"} <= words
    assert not {"Hong", "Golden", "Royal", "Marine", "Grant", "May", "June"} & words
    assert all(get_speller("en-US").is_common(w) or get_speller("en-GB").is_common(w) for w in words)
    assert not words & set(read_word_list(rules_path(*GIVEN_NAMES_FILE)))


def spelling(text: str) -> dict[str, tuple[str, bool]]:
    """flagged word -> (first suggestion, whether --fix may apply it)"""
    return {f.matched: (f.suggestions[0] if f.suggestions else None, f.fix is not None and f.fix.safe)
            for f in copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"],
                                                                            languagetool=False))}


def test_surnames_and_given_names_a_user_saw_damaged_by_fix():
    """From a user's run of --fix: "Dick Schoof" became "Dick School", "Ibrahima" became
    "Ibrahim", and the Ukrainian national romanisation (Yurii, Mariia) became Russian-style
    spellings. A lede full of names is no title-case line; a surname that also stands alone
    is no slip of an institution's word; a name with an ending is another name; -ii and
    -iia romanise Ukrainian names."""
    text = ("Dutch vote\n\nTHE HAGUE — The Dutch government of Prime Minister Dick Schoof survived a "
            "no-confidence motion on Thursday.\n\nSchoof, a former intelligence chief, told MPs the "
            "measures were needed. Ibrahima Konate scored. Yurii Ihnat, a spokesman, said Nataliia "
            "Kovalenko sat with her granddaughter, Mariia, and Anastasiia Lysenko.\n")
    assert spelling(text) == {}


def test_a_capital_that_tells_nothing_keeps_a_short_words_fix_unapplied():
    """In a title-case headline or at a sentence start a capital says nothing: "Bob
    Chapek", "Jane Leeves", "Riaan Naude" and the grocer Publix were turned into
    "Chapel", "Leaves", "Nude" and "Public" by --fix. A short word's correction there is
    beside a name or in a headline is reported but not applied, unless the story uses
    the corrected word elsewhere; a possessive does not part a name from the word after
    it ("Marsy's Law"). (After "Bob", "Chapek" is no longer reported at all: see the
    test of given names that are words.)"""
    assert spelling("Disney CEO Chapek Secures New Long-Term Contract\n\nThe deal runs for three years.\n") \
        == {"Chapek": ("Chapel", False)}
    assert spelling("Publix won't give vaccine to children\n\nThe grocer said so on Friday.\n") \
        == {"Publix": ("Public", False)}
    assert spelling("Judge rules in Marsy's Law case\n\nThe judge ruled on Friday.\n") == {"Marsy": ("Mary", False)}
    assert spelling("Talks resume\n\nIt rained. Becuase the talks ended, they left.\n") \
        == {"Becuase": ("Because", True)}
    assert spelling("Whcih talks resume\n\nThey said which talks would resume.\n") == {"Whcih": ("Which", True)}


def test_another_romanisation_of_a_known_name_is_no_slip():
    """Reuters writes "Volodymyr Zelenskiy" and many papers "Alexey Navalny": a house's
    romanisation of a lexicon name, not a slip to fix (typo.name-variant still reports
    two spellings in one story)."""
    assert spelling("Kremlin critic jailed\n\nAlexey Navalny was jailed, Volodymyr Zelenskiy said.\n") == {}


def test_a_famous_surname_slipped_into_another_name_is_reported_not_fixed():
    """"Angela Merkle", "Olaf Schulz" and "Jacinda Arden" passed: the surname is a name
    itself, so only unknown words were judged. After a rare first name of the lexicon
    such a surname one slip from that name's own is reported, with no safe fix; a common
    word after one ("Beaufort Seas") and Zelensky for Zelenskyy are not."""
    text = ("Summit\n\nOlaf Schulz met Angela Merkle and Jacinda Arden. Ships sailed the Chukchi and Beaufort "
            "Seas. Volodymyr Zelensky spoke.\n")
    assert spelling(text) == {"Schulz": ("Scholz", False), "Merkle": ("Merkel", False), "Arden": ("Ardern", False)}


def test_a_fix_inside_a_persons_name_is_never_safe():
    """Reported, but not applied by --fix: "Donna Brazile" is one slip from Brazil, "Tony La
    Russa" from Russia. A lexicon name's slip ("Kier Starmer"), a long word's slip inside a
    name ("Canadian Insititute") and a slip standing alone ("Isreal") keep their safe fix."""
    text = ("Campaign notes\n\nInterim Chair Donna Brazile said so, and Isreal replied. Tony La Russa "
            "agreed. The Canadian Insititute of Chartered Accountants met Kier Starmer.\n")
    assert spelling(text) == {"Brazile": ("Brazil", False), "Russa": ("Russia", False), "Isreal": ("Israel", True),
                              "Insititute": ("Institute", True), "Kier": ("Keir", True)}


def test_a_known_word_after_a_company_name_is_no_slip_of_its_co():
    """The lexicon holds "Boeing Co" and "Kellogg Co" as full names, so "Boeing CEO" in a
    headline was reported as a slip for "Boeing Co", as "Angela Merkle" is for Merkel. A
    company's Co, Corp or Inc is no surname; a known word in its place is another word."""
    select = Settings(select=["typo.spelling"], languagetool=False)
    found = copylint.lint_text("Boeing CEO says jet market recovery is slower\n\n"
                               "Bush picks Kellogg CEO for Commerce. Angela Merkle met him.\n",
                               path="a.txt", config=select)
    assert [f.matched for f in found] == ["Merkle"]


def test_a_sentence_start_slip_of_a_common_word_is_no_name():
    """A sentence's first word carries a capital that says nothing. "Recieve" passed as
    a name because wordfreq counts that misspelling, and "Teh" and "Thier" because SCOWL
    lists them as rare names. Used once, before a word in lower case, a swap of a far
    commoner word is that word; a name the story uses again, one before another
    capitalised word, or a rare name only a little rarer than the word ("Fina" beside
    "fine", "Holliday" beside "holiday") stays a name."""
    assert spelling("Talks resume\n\nIt rained. Recieve the papers, he said. Teh committee met. "
                    "Thier plan failed.\n") == {"Recieve": ("Receive", True), "Teh": ("The", False),
                                                "Thier": ("Their", False)}
    assert spelling("Talks resume\n\nIt rained. Fina stops swimmers. Holliday opted out.\n") == {}
    assert spelling("Talks resume\n\nIt rained. Teh Hong Piow spoke. Thier said no, and Thier left.\n") == {}


def test_a_handle_written_with_its_at_elsewhere_is_no_slip():
    """A user name the story also writes after an @ ("@champagnepapi", "@@dril" in a
    pasted thread) is a handle, in a short story and in a long one, where what follows
    the @s is read once."""
    story = "Drake posts\n\nHe signs as champagnepapi and dril replied. Follow @champagnepapi and @@dril.\n"
    assert spelling(story) == {}
    long_story = story + "The talks went on. " * 8000 + "Also champagnepapj, who is no handle.\n"
    assert set(spelling(long_story)) == {"champagnepapj"}


def test_two_common_words_just_as_near_leave_the_fix_to_the_writer():
    """"itme" is "time" and "item" with two letters swapped either way: frequency alone
    picks "time", and "The itme was lost" wants the other, so --fix must not choose. A
    slip with one clear correction keeps its safe fix ("recieve", "goverment")."""
    found = spelling("Talks resume\n\nThe itme was lost, and we recieve no goverment reply.\n")
    assert found == {"itme": ("time", False), "recieve": ("receive", True), "goverment": ("government", True)}


def test_a_short_word_capitalised_mid_sentence_keeps_its_fix_offered():
    """The writer's capital on a short word mid-sentence marks a brand or a name as often
    as a slip: --fix turned Reuters' "Contac cold remedy" into "Contact", "Telam" (a news
    agency) into "Team", NPR's "Quist-Arcton" into "Quist-Acton" and "Maione-Hirschberg Cos"
    into "Maine-Hirschberg". Their corrections are
    now offered, not applied; a long word ("Goverment"), a known name's slip ("Isreal")
    and a lower-case slip keep their safe fixes."""
    got = spelling("Drug sales\n\nSales of its Contac cold remedy fell, the agency Telam said, and NPR's "
                   "Ofeibea Quist-Arcton reports. The Goverment said Isreal agreed at teh hotel. "
                   "It will buy Maione-Hirschberg Cos Inc.\n")
    assert got == {"Contac": ("Contact", False), "Telam": ("Team", False), "Arcton": ("Acton", False),
                   "Maione": ("Maine", False),
                   "Goverment": ("Government", True), "Isreal": ("Israel", True), "teh": ("the", True)}
