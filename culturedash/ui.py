"""What every page shares: page setup, report view, sidebar filters kept in the URL, downloads, chart display."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from culturedash import charts, db, sidebar
from culturedash.app_state import query
from culturedash.filters import Filters
from culturedash.safe_text import md, md_frame

_HEADER = "_culturedash_report_header"  # this run's report header: its placeholder and lines
REPORT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stMultiSelect"], [data-testid="stSelectbox"], [data-testid="stRadio"],
[data-testid="stDateInput"], [data-testid="stTextInput"], [data-testid="stDownloadButton"],
[data-testid="stCheckbox"], [data-testid="stButton"], [data-testid="stSegmentedControl"],
[data-testid="stSlider"], .report-hide { display: none !important; }
/* the element holding this stylesheet is empty but still took a gap at the top of the page */
[data-testid="stElementContainer"]:has(style) { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 1rem; padding-bottom: 1rem; max-width: 100%; }
</style>
"""


@dataclass(frozen=True)
class Page:
    """The current page's shared state: filters, report view, chart image format and the filter subtitle."""

    filters: Filters
    report: bool
    image_format: str
    source: str  # chart footnote: the articles and dates behind every chart

    @property
    def subtitle(self) -> str:
        """The active filters in words, for chart subtitles."""
        return self.filters.describe()


def source_note(articles: int, first: Any, last: Any, cited: Sequence[str] = ()) -> str:
    """A chart footnote: the articles themselves ("Outlet, headline, date") when a few, else how many and when."""
    if cited:
        return f"Source: {'; '.join(cited)}; extracted by the culture ETL."
    span = f"{first:%d %b %Y} – {last:%d %b %Y}" if first and last else "no dated events"
    return f"Source: {articles} news articles in the database, dates {span}; extracted by the culture ETL."


# One icon per page for the navigation: Material icons, drawn from the font Streamlit ships (emoji need an emoji
# font, missing on many desktops: they showed as empty boxes).
PAGE_ICONS = {
    "Overview": ":material/dashboard:",
    "Timeline": ":material/timeline:",
    "Network": ":material/hub:",
    "Institutions": ":material/account_balance:",
    "Figures": ":material/bar_chart:",
    "Articles": ":material/article:",
    "Data": ":material/fact_check:",
    "Add articles": ":material/upload_file:",
}
# The browser tab's icon: for a Material icon Streamlit fetches the image from fonts.gstatic.com (a request to
# Google from every page view); an emoji favicon is drawn in the page.
TAB_ICON = "📰"


def setup(title: str) -> Page:
    """Configure the page, draw the shared sidebar and return the filters; `?report=1` hides every control."""
    report = st.query_params.get("report") == "1"
    st.set_page_config(
        page_title=f"{title} · Culture news evidence",
        page_icon=TAB_ICON,
        layout="wide",
        initial_sidebar_state="collapsed" if report else "auto",
    )
    options = query(db.filter_options)
    if report:
        # the report draws no controls at all (hidden ones still left gaps): its filters are the URL's
        st.markdown(REPORT_CSS, unsafe_allow_html=True)
        filters = sidebar.url_filters(options)
        image_format = "png"
    else:
        filters = sidebar.sidebar_filters()
        image_format = sidebar.image_format()
        with st.sidebar:
            # every page choice kept in the URL (event, ranking, ...) goes to the report too
            params: dict[str, str | list[str]] = {k: st.query_params.get_all(k) for k in st.query_params}
            params.update({**filters.to_params(), "report": "1"})
            st.markdown(f"[Open this view as a report]({'?' + urlencode(params, doseq=True)})")
    cited = query(db.cited_articles, filters)
    note = source_note(query(db.overview_counts)["articles"], options["first"], options["last"], cited)
    return Page(filters, report, image_format, note)


def is_report() -> bool:
    """Whether this run draws the report view (`?report=1`)."""
    return st.query_params.get("report") == "1"


def header(page: Page, title: str, caption: str | None = None) -> None:
    """The page title and caption; the report view adds the active filters and the source under them, and the
    record the page is about once the page has picked it (see `url_pick`)."""
    st.title(title)
    if caption:
        st.caption(caption)
    if page.report:
        lines = [f"**Filters:** {md(page.subtitle)}", md(page.source)]
        slot = st.empty()
        slot.markdown("  \n".join(lines))
        st.session_state[_HEADER] = (slot, lines)


def _name_in_header(what: str, name: str) -> None:
    """Add 'Event: Harbour Forum' to the report header, under the filters."""
    if _HEADER in st.session_state:
        slot, lines = st.session_state[_HEADER]
        slot.markdown("  \n".join([lines[0], f"**{md(what)}:** {md(name)}", *lines[1:]]))


def url_choice(
    label: str, options: Sequence[str], key: str, labels: dict[str, str] | None = None, default: str | None = None
) -> str:
    """A page control (radio) whose value is kept in the URL under `key`; `default` (else the first) is left out
    of the URL."""
    first = default if default is not None and default in options else options[0]
    wanted = st.query_params.get(key)
    index = list(options).index(wanted if wanted is not None and wanted in options else first)
    if is_report():  # no control in the report: the chosen value is named in the chart titles
        return str(options[index])
    value = st.radio(
        label, options, index=index, horizontal=True, key=f"c_{key}", format_func=lambda v: (labels or {}).get(v, v)
    )
    _write_choice(key, value, first)
    return str(value)


def url_pick(
    label: str,
    options: dict[Any, str],
    key: str,
    param: str,
    heading: bool = True,
    what: str | None = None,
    **kwargs: Any,
) -> Any:
    """A selectbox (widget `key`) over `options` (value -> label), kept in the URL as `param`; the report shows
    the chosen label as a heading instead (unless `heading` is False: the page names it itself) and, given
    `what` ("Event"), names it in the page header too.

    A value set in `st.session_state[key]` before the call (a click on a chart) is taken over.
    """
    value = url_value(options, key, param)
    if is_report():
        chosen = value not in (None, "")  # "" is an option meaning "none" ("everyone")
        if chosen and heading:  # the report names the chosen record instead of showing the control
            st.subheader(md(options[value]))
        if chosen and what:
            _name_in_header(what, options[value])
    else:
        st.session_state[key] = value
        value = st.selectbox(
            label,
            list(options),
            format_func=lambda v: options[v],
            key=key,
            on_change=_picked,
            args=(key, param),
            **kwargs,
        )
    _write_choice(param, value, None)
    return value


def url_value(options: dict[Any, str], key: str, param: str) -> Any:
    """The value `url_pick` will show: one set by a click (`st.session_state[key]`), the URL's, or the first."""
    wanted = st.session_state[key] if key in st.session_state else st.query_params.get(param)
    return wanted if wanted in options else next(iter(options), None)


def _picked(key: str, param: str) -> None:
    """on_change: put the new choice in the URL before the run, so the report link drawn first carries it."""
    _write_choice(param, st.session_state[key], None)


def _write_choice(key: str, value: Any, default: Any) -> None:
    if value not in (None, "") and value != default:  # "" is an option meaning "none" ("everyone")
        st.query_params[key] = str(value)
    elif key in st.query_params:
        del st.query_params[key]


def show_chart(fig: go.Figure, page: Page, file_name: str, **kwargs: Any) -> Any:
    """Draw a chart full width with the toolbar's image download named `file_name`."""
    config = charts.plotly_config(file_name, page.image_format, fig.layout.height)
    return st.plotly_chart(fig, width="stretch", config=config, **kwargs)


def columns(page: Page, spec: Sequence[int]) -> list[Any]:
    """Side-by-side columns, or stacked full-width containers in the report view."""
    if page.report:
        return [st.container() for _ in spec]
    return list(st.columns(spec))


# A table longer than this is shown a page of rows at a time (the downloads still hold every row): thousands of
# rows sent to the browser on every run made the pages slow at 10,000 articles, and nobody reads them on screen.
PAGE_ROWS = 500


def table(frame: pd.DataFrame, name: str, download: pd.DataFrame | None = None, **kwargs: Any) -> None:
    """A full-width table with CSV and Excel downloads of it (or of `download`), files named `name`; a long table
    is shown `PAGE_ROWS` rows at a time."""
    shown = _page_of(frame, name)
    if is_report():
        # every row on the page, text wrapped: a scroll box of ten rows cannot be printed or screenshotted whole
        st.table(md_frame(shown), hide_index=True)  # st.table renders Markdown: cells are escaped
        return
    st.dataframe(shown, hide_index=True, width="stretch", **kwargs)
    downloads(frame if download is None else download, name)


def _page_of(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of `frame` on the page the analyst picked (the first in the report), with a line saying which."""
    if len(frame) <= PAGE_ROWS:
        return frame
    pages = (len(frame) + PAGE_ROWS - 1) // PAGE_ROWS
    number = 1
    if not is_report():
        number = int(
            st.selectbox(
                "Rows",
                range(1, pages + 1),
                format_func=lambda p: (
                    f"{(p - 1) * PAGE_ROWS + 1:,}–{min(p * PAGE_ROWS, len(frame)):,} of {len(frame):,}"
                ),
                key=f"rows_{name}",
            )
            or 1
        )
    else:
        st.caption(f"The first {PAGE_ROWS:,} of {len(frame):,} rows; the downloads of the dashboard hold them all.")
    return frame.iloc[(number - 1) * PAGE_ROWS : number * PAGE_ROWS]


def sections(labels: Sequence[str]) -> list[Any]:
    """Tabs, or one headed section after another in the report view (a print shows only the open tab)."""
    if not is_report():
        return list(st.tabs(list(labels)))
    out = []
    for label in labels:
        box = st.container()
        box.markdown(f"**{md(label)}**")
        out.append(box)
    return out


def expander(label: str) -> Any:
    """An expander, open in the report view so that it prints."""
    return st.expander(label, expanded=is_report())


def downloads(frame: pd.DataFrame, name: str) -> None:
    """CSV and Excel download buttons for the whole table (not only the rows on screen), written on click."""
    # a row sized to the buttons' text: fixed columns squeezed the labels to "D…" in narrow places
    # the files are made when clicked (a callable): an Excel file of thousands of rows took seconds on every run
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            "Download CSV", lambda: to_csv(frame), f"{name}.csv", "text/csv", key=f"csv_{name}", width="content"
        )
        st.download_button(
            "Download Excel",
            lambda: to_excel(frame, name),
            f"{name}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"xlsx_{name}",
            width="content",
        )


def to_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV (with BOM, so spreadsheet programs read diacritics right)."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def to_excel(frame: pd.DataFrame, sheet: str) -> bytes:
    """The frame as an .xlsx workbook with one sheet."""
    buffer = io.BytesIO()
    # a control character (a NUL in a name) is refused by openpyxl and crashed the whole page: drop it
    clean = frame.map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        # sheet names cannot hold []:*?/\ (a file name such as "gala [x].txt" names the sheet)
        clean.to_excel(writer, index=False, sheet_name=re.sub(r"[\[\]:*?/\\]", "-", sheet)[:31] or "data")
    return buffer.getvalue()


def empty(what: str, filters: Filters) -> None:
    """Say plainly that nothing matches, and which filters to loosen."""
    hint = "" if filters.is_empty else " Loosen the filters in the sidebar (or press *Clear filters*)."
    st.info(f"No {what} match the current filters ({md(filters.describe())}).{hint}", icon="🔎")
