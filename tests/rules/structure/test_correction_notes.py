"""Correction and update notes: which paragraphs are notes, and that a note's old figure
does not bear out a headline (the fixture correction-note-md shows the rules skipping one)."""

from __future__ import annotations

import pytest

import copylint
from copylint.config import Settings
from copylint.readers import read_text


@pytest.mark.parametrize("opening", [
    "Correction: An earlier version of this story misspelt a name.",
    "CORRECTION - The company's name was misspelt.",
    "Clarification: The figures refer to 2021.",
    "Update, April 1: The talks were moved.",
    "Editor's note: This article has been amended.",
    "Editors’ Note — A quote was attributed to the wrong person.",
    "An earlier version of this article gave the wrong date.",
    "This story has been updated to include a response from the ministry.",
])
def test_a_paragraph_that_opens_as_a_note_is_a_note(opening):
    doc = read_text("story.txt", f"Talks resume\n\nThe talks resume on Monday.\n\n{opening}\n")
    assert [doc.region_text(r) for r in doc.notes()] == [opening]


@pytest.mark.parametrize("opening", [
    "Corrections officers said the prison was full.",
    "Update on the talks was expected on Monday, officials said.",
    "The earlier version of the bill was rejected.",
])
def test_a_paragraph_that_only_uses_the_words_is_no_note(opening):
    doc = read_text("story.txt", f"Talks resume\n\nThe talks resume on Monday.\n\n{opening}\n")
    assert doc.notes() == []


def test_a_notes_old_figure_does_not_bear_out_the_headline():
    body = ("At least 250 people died when the earthquake struck before dawn, officials said, and "
            "rescue teams were still searching the rubble of the old town on Tuesday evening. " * 3)
    note = "Correction: An earlier version of this story said 300 people had died."
    text = f"Quake kills 300\n\n{body}\n\n{note}\n"
    [f] = copylint.lint_text(text, path="story.txt", config=Settings(select=["facts.headline-number"]))
    assert f.matched == "300"
    # the same sentence as reporting, not as a note, does bear it out
    text = f"Quake kills 300\n\n{body}\n\nOfficials earlier said 300 people had died.\n"
    assert copylint.lint_text(text, path="story.txt", config=Settings(select=["facts.headline-number"])) == []
