"""Hostile text from articles and curation stays text: in Markdown (rendered by a CommonMark parser here, by
Streamlit in the browser test) and in Plotly labels."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from markdown_it import MarkdownIt

from culturedash.safe_text import md, md_frame, plain, plotly_text

HOSTILE = [
    "![](http://127.0.0.2/pixel.png)",
    "![x](http://127.0.0.2/pixel.png 'title') Ana Lund",
    '<a href="http://127.0.0.2/">Ana Lund</a>',
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<http://127.0.0.2/pixel.png>",
    "**bold** _it_ `code` ~~gone~~",
    "# Heading",
    "> quoted",
    "- item",
    "1. first",
    "2) second",
    "---",
    "Ana | Lund",
    "$x^2$ and :red[colour] :material/home: :smile:",
    "http://127.0.0.2/pixel.png www.example.org ana@example.org",
    "&lt;b&gt; &amp; &#60;i&#62;",
    "[ref]: http://127.0.0.2/pixel.png",
    "Ana\\*Lund\\",
    "<!-- comment -->",
    "Ministry of Culture (Azerbaijan) & partners",
]
DIRTY = [
    ("Ana\x00 Lund", "Ana Lund"),
    ("Ana\u200bLund", "AnaLund"),
    ("\ufeffAna Lund\u202e", "Ana Lund"),
    ("Ana\r\nLund\tSr.", "Ana Lund Sr."),
    ("  Ana \n\n Lund  ", "Ana Lund"),
    (None, ""),
    (float("nan"), ""),
]

_RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _visible(rendered: str) -> str:
    """What a reader sees of rendered HTML: tags removed, entities decoded, word joiners (invisible) dropped."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).replace("\u2060", "").strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_shows_hostile_text_as_written(text):
    rendered = _RENDER.render(md(text))
    assert re.sub(r"</?p>", "", rendered).strip().count("<") == 0, rendered  # no element but the paragraph
    assert _visible(rendered) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escaping_holds_inside_our_own_markup(text):
    # the pages wrap values in bold, quotes and list-like lines: the value must not escape them
    rendered = _RENDER.render(f"**Source:** {md(text)}  \n> {md(text)}")
    assert "<img" not in rendered and "<a " not in rendered and "<script" not in rendered
    assert _visible(rendered).count(text) == 2


@pytest.mark.parametrize(
    "text", ["Anna Berzina", "A. Berzina", "Kassym-Jomart Tokayev", "Harbour Forum 2024", "type: panel, forum"]
)
def test_markdown_leaves_ordinary_names_alone(text):
    assert md(text) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_plotly_text_has_no_tag_and_decodes_to_the_text(text):
    escaped = plotly_text(text)
    assert "<" not in escaped and ">" not in escaped
    # Plotly decodes entities once (&lt; &gt; &amp; &#NN;): what it shows is the text as written
    assert html.unescape(escaped) == text


@pytest.mark.parametrize(("dirty", "clean"), DIRTY)
def test_controls_and_invisible_characters_are_dropped(dirty, clean):
    assert plain(dirty) == clean
    assert md(dirty) == clean and plotly_text(dirty) == clean


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_leaves_no_bare_address_to_autolink(text):
    # Streamlit's GFM links bare addresses by a search over the parsed text, where backslash escapes are gone
    assert re.search(r"https?://|www\.|\w@\w", md(text).replace("\\", ""), re.IGNORECASE) is None


def test_shortcodes_are_kept_as_written():
    # Streamlit swaps :smile: and :material/home: for pictures after escapes are resolved: the colon is guarded
    assert md(":smile: and :material/home:") == ":\u2060smile: and :\u2060material/home:"
    assert md("curation.yaml:3: 'party'") == "curation.yaml:3: 'party'"  # a file and line stay as written


def test_md_frame_escapes_text_cells_only():
    frame = pd.DataFrame({"name": ["![](http://127.0.0.2/p.png)", None], "events": [3, 4]})
    out = md_frame(frame)
    assert out["name"].iloc[0] == md("![](http://127.0.0.2/p.png)") and pd.isna(out["name"].iloc[1])
    assert list(out["events"]) == [3, 4]
    assert frame["name"].iloc[0] == "![](http://127.0.0.2/p.png)"  # the caller's frame is left as it was
