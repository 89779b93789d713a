"""Wire copy: shouted headlines, datelines, Reuters' <Company> tags and tickers, words
joined by slashes. Sentences are from the Reuters-21578, AG News and US news 2016 articles
in ../shared/data/news, with one word misspelt where a test expects a finding."""

from __future__ import annotations

import copylint
from copylint.config import Settings

REUTERS_DESK = Settings(select=["typo.spelling"], accept=["mln", "dlrs", "pct", "qtr", "shr"])


def findings(text: str, settings: Settings = REUTERS_DESK) -> dict[str, str | None]:
    """misspelt word -> its first suggestion"""
    return {f.matched: (f.suggestions[0] if f.suggestions else None)
            for f in copylint.lint_text(text, path="article.txt", config=settings)}


def test_words_joined_by_a_slash_are_checked():
    text = ("Sugar output is forecast to rise to 425,000 tonnes in 1987/88 (October/Septmeber) "
            "from an estimated 300,000 in 1986/87, the report said.\n")
    assert findings(text) == {"Septmeber": "September"}


def test_paths_and_links_stay_skipped():
    text = ('Sony to Support MP3\n\n<a href="http://arstechnica.com/nes/posts/20040923-4222.html">'
            "Sony</a> said it would support the format.\n")
    assert "nes" not in findings(text)


def test_first_word_of_a_reuters_company_tag_is_checked():
    text = ("Gateway Medical Systems Inc said it has withdrawn its May 27 offer to acquire "
            "<Wsetworld Community Healthcare Inc>.\n\nGateway said the offer had lapsed.\n")
    assert "Wsetworld" in findings(text)


def test_html_tags_stay_skipped():
    text = ('Japan snubs Russian proposal, says it wants all disputed islands <b>...</b>\n\n'
            'TOKYO: Japan said on Tuesday it wanted all four islands returned.\n')
    assert findings(text) == {}


def test_misspelt_place_in_a_dateline():
    text = ("Iraq Govt. Seeks to Confirm if Saddam Aide Held\n\n"
            "BAGHDDAD (Reuters) - Iraq's government said on Thursday it was trying to confirm "
            "reports that a top aide had been captured.\n")
    assert findings(text) == {"BAGHDDAD": "BAGHDAD"}
    text = ("Afghan court convicts US trio of torture\n\n"
            "KABBUL, Afghanistan -- Three Americans were convicted on Wednesday of running a "
            "private jail.\n")
    assert findings(text) == {"KABBUL": "KABUL"}


def test_a_dateline_place_is_judged_only_against_names():
    # a town no dictionary knows, one letter from a common word, is still a place
    text = ("Philippine rebels free troops, talks in doubt\n\n"
            "PRESENTACION, Philippines (Reuters) - Philippine communist rebels freed two "
            "soldiers they had held for more than five months.\n")
    assert findings(text) == {}
    # while a place that lost its first letter, as AG News datelines do, is caught
    text = ("Phelps will not match Spitz\n\n"
            "THENS, Aug. 17 - So Michael Phelps is not going to match the seven gold medals "
            "won by Mark Spitz.\n")
    assert findings(text) == {"THENS": "ATHENS"}


def test_long_shouted_word_one_swap_from_a_word():
    text = ("OPEC DIFFEERNTIALS NOT SEEN POSING MAJOR PROBLEM\n\n"
            "OPEC's price differentials are not seen as a major problem, delegates said.\n")
    assert findings(text) == {"DIFFEERNTIALS": "DIFFERENTIALS"}


def test_title_case_headline_gives_no_first_name_evidence():
    text = "Tokyo Stodks Higher at Late Morning (AP)\n\nAP - Tokyo stocks were higher.\n"
    assert findings(text) == {"Stodks": "Stocks"}


def test_swapped_letters_of_a_frequent_word_after_a_name():
    text = ("Shares rose 2.5 pct, stock brokers said.\n\nThey noted heavy buying in Hk Hotle shares "
            "after an announcement of higher profits.\n")
    assert findings(text) == {"Hotle": "Hotel"}


def test_two_slips_from_a_frequent_name_nobody_writes():
    text = ("Boston Five said the planned merger will create the largest savings bank in "
            "Massachussets and the third largest in New England.\n")
    assert findings(text) == {"Massachussets": "Massachusetts"}


def test_company_names_before_a_ticker_are_names():
    text = ("MOODY'S DOWNGRADES LORAL <LOR> DEBT\n\nMoody's Investors Service Inc said it "
            "downgraded Loral Corp's debt.\n")
    assert findings(text) == {}
    text = ("MITEL <MLT> HAS TWO NEW PRODUCTS\n\nMitel Corp said it introduced two new digital "
            "telephone switching systems.\n")
    assert "MITEL" not in findings(text)


def test_a_slip_of_corp_before_a_ticker_is_still_a_slip():
    text = "HARTMARX CORRP <HMX> 1ST QTR FEB 28 NET\n\nShr 29 cts vs 20 cts\n"
    assert findings(text) == {"CORRP": "CORP"}


def test_words_in_wide_use_are_not_typos():
    text = ("Rothmans International plc <ROT.L> aims to set up a joint venture in China, "
            "the company said.\n")
    assert findings(text) == {}
    text = ('"Mine and (sister) Kendall\'s little tears of joy lol (laugh out loud). I love my '
            'dad," she wrote.\n')
    assert findings(text, Settings(select=["typo.spelling"])) == {}


def test_rare_surname_after_a_first_name_is_no_slip_of_a_famous_one():
    text = ("Former deputy national security adviser\n\nTed Kassinger\n\n"
            "Former deputy secretary of commerce\n")
    assert findings(text, Settings(select=["typo.spelling"])) == {}


def test_a_swapped_or_doubled_letter_in_a_shouted_word_nobody_writes():
    text = "Workers rally\n\nMOER than 5000 building workers rallied on Monday.\n"
    assert findings(text) == {"MOER": "MORE"}
    # acronyms are a letter from many names: ERCI (Eric), NACCO (Naco), CIIT (CIT)
    text = ("Unit sold\n\nIts subsidiary, ERCI Facilities Service Corp, was sold to NACCO "
            "Industries; CIIT said it would not bid.\n")
    assert findings(text) == {}


def test_letters_pushed_into_one_of_the_commonest_words():
    text = "Drastic cuts\n\nUnighted Airlines, trying to pare costs, will cut 1,000 jobs.\n"
    assert findings(text) == {"Unighted": "United"}
    # a rarer word two slips away is no such evidence ("Correns", a French town)
    text = "A castle\n\nThey bought a vineyard in the tiny town of Correns, near Aix.\n"
    assert findings(text) == {}


def test_censored_words_and_verbs_coined_from_hyphenated_compounds():
    # US news 2016: "b*llshit" is censored, not misspelt; "high-fiving" is the verb made
    # from "high-five"; a slip in the same place is still found
    text = ('"Soap opera, bored housewives b*llshit - Please!" she finished. Fans were high-fiving '
            "him and resending his offer, and the crowd was hot-desking. He was high-fivving.\n")
    assert set(findings(text)) == {"fivving"}


def test_a_company_coins_its_own_name():
    # the word just before "Inc", "Corp", "Co" or a ticker is the company's own name
    # (Reuters-21578 headlines and sentences)
    assert findings("VENDO CO <VEN> 4TH QTR LOSS\n\nShr loss 23 cts vs profit 11 cts\n") == {}
    assert findings("BRENCO INC <BREN> DECLARES QTLY DIVIDEND\n\nQtly div five cts vs five cts prior\n") == {}
    assert findings("It said its Mobay Corp subsidiary will transfer its entire U.S. specialty "
                    "chemicals business later this year.\n") == {}
    assert findings("Versatile said it sold its Noble Cultivators Co division to Vicon Inc, of "
                    "Ontario, for undisclosed terms.\n") == {}


def test_a_common_word_misspelt_in_a_company_name_is_still_a_slip():
    # a name made of words: after another of its words, or a long word one slip from a
    # word in use with its first letter
    assert findings("MAUI LAND AND PINAPPLE CO INC QUARTERLY DIVIDEND\n\n"
                    "Qtly div 12-1/2 cts vs 12-1/2 cts\n") == {"PINAPPLE": "PINEAPPLE"}
    assert findings("VENTRA MANAGEMENT IN EQUIPMENT LEASE AGREEMENT\n\nVentra Managment Inc said "
                    "it received a 10.8 mln dlr equipment lease.\n") == {"Managment": "Management"}
    assert "Motos" in findings("GM announces global economic development forums\n\nGeneral Motos "
                               "Corp. said Friday it would host a series of economic development forums.\n")


def test_a_shouted_headline_word_is_judged_as_the_story_writes_it():
    # the story writes the name in Title Case, where repetition tells it is a name
    text = ("AIBD, CEDEL, EUROCLEAR JOIN IN TRADE MATCH SYSTEM\n\n"
            "The Association of International Bond Dealers, AIBD, said it will cooperate with "
            "major clearing agencies Cedel and Euroclear on a eurobond trade confirmation and "
            "matching system to come into force by September this year.\n\n"
            "Euroclear and Cedel intend to bring a \"trade date-plus-one\" matching capacity.\n")
    assert findings(text) == {}
    # a form the story misspells too leaves the capitals to be judged on their own
    text = ("MFS MANAGED MUNCIPAL BOND TRUST SETS PAYOUT\n\n<MFS Managed Muncipal Trust Bond> said "
            "it declared a monthly payout income distribution of 5.7 cts a share.\n")
    assert findings(text) == {"MUNCIPAL": "MUNICIPAL", "Muncipal": "Municipal"}


def test_a_doubled_letter_in_a_common_word_of_a_dateline():
    # "New York": the place's second word is a common word, not a name the lexicon holds
    text = ("Treasury Prices Crawl Higher Before Data\n\nNEW YORRK (Reuters) - Treasuries prices "
            "crawled ahead on Tuesday as a hesitant market awaited the latest reading.\n")
    assert findings(text) == {"YORRK": "YORK"}
    assert findings(text.replace("YORRK", "YORK")) == {}
