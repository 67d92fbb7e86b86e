"""Text from articles and curation shown as text, never as markup: one helper for Streamlit's Markdown, one for
Plotly's labels and hovers.

Both start from `plain`: one line, with control and invisible characters (NUL, zero-width spaces, direction
overrides) dropped, because a name that looks like another name is a spoofing trick and a stray NUL is an ETL
accident; neither has anything to show. Where Streamlit finds markup in the text after parsing (bare addresses,
emoji shortcodes), an invisible word joiner (U+2060) breaks the pattern: the text reads the same.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd

# C0/C1 controls, zero-width characters, bidirectional overrides and isolates, the BOM.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SPACES = re.compile(r"\s+")
# Characters that start Markdown or Streamlit markup anywhere in a line: escapes, code, emphasis, links and
# images, raw HTML and autolinks, strikethrough, tables, LaTeX ($), directives (:red[...] needs the bracket),
# entities (&lt;).
_INLINE = re.compile(r"([\\`*_\[\]<>!~|$&])")
# Emoji and icon shortcodes (:smile:, :material/home:) are replaced in the parsed text, after escapes are
# gone: a word joiner after the colon (invisible, not a word character) keeps them as written.
_SHORTCODE = re.compile(r":(?=[a-z][\w+-]*(?:/[\w+-]+)?:)", re.IGNORECASE)  # not "file.yaml:3:"
# Markup that counts only at the start of a line: headings, quotes, list items, rules, setext underlines.
_LINE_START = re.compile(r"^(?:([#>+=-])|(\d+)([.)]))")
# GFM turns a bare "https://example.org", "www.example.org" or "ana@example.org" into a link, by a search over the
# parsed text (after escapes are gone): a word joiner inside the pattern keeps them text.
_AUTOLINK = re.compile(r"(?<=\w:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)", re.IGNORECASE)


def plain(value: Any) -> str:
    """The value as one line of visible text: '' for None/NaN, controls and invisible characters dropped,
    runs of white space (line breaks included) as one space."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return _SPACES.sub(" ", _INVISIBLE.sub("", str(value))).strip()


def md(value: Any) -> str:
    """The value escaped for st.markdown, st.caption, st.subheader, st.table cells and widget labels: shown as
    written, never as a link, an image, HTML, a heading or a Streamlit directive."""
    text = _INLINE.sub(r"\\\1", plain(value))
    text = _AUTOLINK.sub("\u2060", _SHORTCODE.sub(":\u2060", text))
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), text)


def plotly_text(value: Any) -> str:
    """The value escaped for Plotly text, hovertext, legend names, tick labels and annotations, which read a
    subset of HTML (<b>, <a href>, <span style>, <br>) and entities: every tag and entity shown as written."""
    return html.escape(plain(value), quote=False)


def md_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell escaped by `md` (st.table renders Markdown in its cells)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [md(v) if isinstance(v, str) else v for v in out[column]]
    return out
