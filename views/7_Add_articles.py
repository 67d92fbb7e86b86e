"""Add articles: upload files (several at once, drag and drop) or paste one; the database is then rebuilt."""

from urllib.parse import urlencode

import streamlit as st

from culturedash import adding, ui
from culturedash.safe_text import md
from etl.add import Incoming, pasted

page = ui.setup("Add articles")
ui.header(
    page,
    "Add articles",
    "Saved web pages (.html), PDF files with text, Word files (.docx), .txt and .md. Each file is checked as the "
    "build checks it; a file already in the collection is not added twice. Only the new articles are parsed.",
)


def run(items: list[Incoming]) -> None:
    """Add the items with a progress bar, then say what happened to each and link to the new records."""
    bar = st.progress(0.0, text="Checking the files…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=f"Reading {name} ({done} of {total})")

    outcome = adding.add_and_rebuild(items, progress)
    bar.progress(1.0, text="Done" if outcome.report.added else "Nothing new to add")
    for name in outcome.report.added:
        st.success(f"Added {md(name)}", icon=":material/check:")
    for line in outcome.report.duplicates:
        st.info(f"Already there, not added: {md(line)}", icon=":material/content_copy:")
    for line in outcome.report.errors:
        st.error(md(line), icon=":material/error:")
    if outcome.error:
        st.error(f"The database was not rebuilt: {md(outcome.error)}", icon=":material/error:")
    if outcome.summary:
        st.success(outcome.summary)
        link = urlencode({"article": outcome.report.added}, doseq=True)
        st.markdown(f":material/timeline: [See the new articles' events on the Timeline](timeline?{link})")


st.subheader("Upload files")
with st.form("upload", clear_on_submit=True):
    files = st.file_uploader(
        "Drop article files here or browse (several at once)", type=adding.ACCEPTED, accept_multiple_files=True
    )
    upload = st.form_submit_button("Add files and rebuild", type="primary")
if upload:
    if files:
        run([Incoming(f.name, f.getvalue()) for f in files])
    else:
        st.warning("Choose one or more files first.")

st.subheader("Paste an article")
with st.form("paste"):
    headline = st.text_input("Headline")
    left, right = st.columns(2)
    published = left.date_input("Publication date", value=None, format="YYYY-MM-DD")
    outlet = right.text_input("Outlet (newspaper, agency or site)")
    url = st.text_input("Address (URL), if any")
    text = st.text_area("Article text", height=260)
    paste = st.form_submit_button("Add pasted article and rebuild")
if paste:
    if headline.strip() and text.strip():
        run([pasted(headline, text, published, outlet, url)])
    else:
        st.warning("A pasted article needs its headline and its text.")
