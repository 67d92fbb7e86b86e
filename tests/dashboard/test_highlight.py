"""Article highlighting escapes untrusted text and marks the right characters."""

import pytest

from culturedash.highlight import date_spans, highlight


def test_text_is_escaped_inside_and_outside_marks():
    text = 'Ana <script>alert(1)</script> met "Bo & Co".'
    html = highlight(text, [(0, 3, "person", "Ana <x>"), (35, 42, "organization", "Bo & Co")])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="person" title="Ana &lt;x&gt;"' in html
    assert ">Bo &amp; Co<" in html


def test_overlapping_and_out_of_range_spans_are_skipped():
    html = highlight("abcdef", [(0, 4, "person", "a"), (2, 5, "figure", "b"), (3, 99, "date", "c")])
    assert html.count("<mark") == 1 and html.endswith("ef")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It ran on November 28-30 in Baku.", "November 28-30"),
        ("Held from 5 Dec 2023 onwards.", "5 Dec 2023"),
        ("30.11.2023 14:27", "30.11.2023"),
        ("The Dec. 5 gala.", "Dec. 5"),
    ],
)
def test_dates_are_found(text, found):
    assert [t for _, _, _, t in date_spans(text)] == [found]
