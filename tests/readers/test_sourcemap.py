"""Corner cases of LineIndex, SourceMap and TextBuilder (model.py)."""

from __future__ import annotations

from copylint.model import LineIndex, SourceMap, TextBuilder


def test_line_index_positions():
    src = "ab\r\ncd\n\nx😀y"
    lines = LineIndex(src)
    assert lines.position(0) == (1, 1)
    assert lines.position(2) == (1, 3)  # the "\r" is a column of line 1
    assert lines.position(4) == (2, 1)
    assert lines.position(7) == (3, 1)
    assert lines.position(9) == (4, 2)  # an astral emoji is one code point
    assert lines.position(len(src)) == (4, 4)
    assert lines.position(10_000) == (4, 4) and lines.position(-3) == (1, 1)
    for offset in range(len(src) + 1):
        assert lines.offset(*lines.position(offset)) == offset
    assert lines.line_span(1) == (0, 3) and lines.line_span(4) == (8, 11)


def test_a_lone_carriage_return_ends_a_line_as_in_editors():
    """Classic Mac OS files end lines with CR alone; a CRLF is still one break."""
    src = "Head\r\rThe goverment.\r\nNext\rend"
    lines = LineIndex(src)
    assert lines.position(src.index("goverment")) == (3, 5)
    assert lines.position(src.index("Next")) == (4, 1)
    assert lines.position(src.index("end")) == (5, 1)
    assert lines.line_span(3) == (6, 21)  # up to the "\n" of the CRLF, as for any CRLF line
    for offset in range(len(src) + 1):
        assert lines.offset(*lines.position(offset)) == offset


def test_line_index_edges():
    assert LineIndex("").position(0) == (1, 1)
    ends_with_newline = LineIndex("a\n")
    assert ends_with_newline.position(2) == (2, 1)
    assert ends_with_newline.line_span(2) == (2, 2)


def _built():
    src = "Tom &amp; Jerry\n\nnext"
    b = TextBuilder()
    b.verbatim(src, 0, 4)       # "Tom "
    b.glue("&", 4, 9)           # "&amp;"
    b.verbatim(src, 9, 15)      # " Jerry"
    b.separate(17)
    b.verbatim(src, 17, 21)     # "next"
    return src, b


def test_glue_maps_to_its_whole_span():
    src, b = _built()
    text = b.text()
    assert text == "Tom & Jerry\n\nnext"
    m = b.map
    assert m.span(4, 5) == (4, 9)
    assert m.span(0, 5) == (0, 9)
    assert m.span(4, 11) == (4, 15)
    assert not m.is_verbatim(3, 5) and m.is_verbatim(6, 11) and m.is_verbatim(0, 4)


def test_contiguous_verbatim_pieces_become_one_run():
    src = "one two three"
    b = TextBuilder()
    b.verbatim(src, 0, 3)
    b.verbatim(src, 3, 7)
    b.verbatim(src, 8, 13)  # not contiguous: the space at 7 is skipped
    assert b.map.text_starts == [0, 7] and b.map.src_ends == [7, 13]
    assert b.map.is_verbatim(0, 7)  # a fix may span the former two pieces
    assert not b.map.is_verbatim(4, 9)


def test_empty_span_at_the_end_of_a_run_stays_with_it():
    src, b = _built()
    m = b.map
    end_of_jerry = len("Tom & Jerry")
    # an insertion point after "Jerry" maps to the end of "Jerry", not to the next block
    assert m.span(end_of_jerry, end_of_jerry) == (15, 15)
    assert m.is_verbatim(end_of_jerry, end_of_jerry)
    # at the start of a verbatim run it maps to that run
    start_of_next = len("Tom & Jerry\n\n")
    assert m.span(start_of_next, start_of_next) == (17, 17)
    # inside glue (the block separator): where the glue stands
    inside = len("Tom & Jerry\n")
    assert m.span(inside, inside) == (17, 17) and not m.is_verbatim(inside, inside)


def test_offsets_outside_the_text_are_clamped():
    src, b = _built()
    m = b.map
    n = len(b.text())
    assert m.span(n, n + 5) == (21, 21)
    assert m.span(-2, 2) == (0, 2)


def test_empty_map():
    m = SourceMap()
    assert m.span(3, 5) == (3, 5)
    assert m.is_verbatim(0, 0)
    assert TextBuilder().text() == ""


def test_separator_never_doubles_and_never_leads():
    b = TextBuilder()
    b.separate(0)
    assert b.text() == ""
    b.verbatim("ab", 0, 2)
    b.separate(2)
    b.separate(2)
    assert b.text() == "ab\n\n"
