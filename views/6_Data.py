"""Data: review merge suggestions, merge, drop and correct records, rebuild, and see what needs attention."""

import streamlit as st

from culturedash import correction_forms as fix
from culturedash import curation_edit as edit
from culturedash import curation_forms as forms
from culturedash import db, event_queries, review_queries, ui
from culturedash.app_state import query
from culturedash.filters import Filters
from culturedash.safe_text import md
from etl.errors import EtlError
from etl.settings import curation_path, database_path, source_path

page = ui.setup("Data")
ui.header(
    page,
    "Data review",
    f"Every decision here is written to `{curation_path().name}` and applied on every build, so it survives "
    "rebuilds. Press *Rebuild now* to see it in the other pages.",
)

# ------------------------------------------------------------------ rebuild
pending = st.session_state.get("pending_decisions", [])
left, right = st.columns([1, 3])
if left.button("Rebuild now", type="primary", key="rebuild"):
    bar = right.progress(0.0, text="Reading articles…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=f"Extracting {done}/{total}: {name}")

    try:
        summary = edit.rebuild(source_path(), database_path(), curation_path(), progress)
    except EtlError as err:
        st.error(f"The build stopped and the database was left as it was: {md(err)}")
    else:
        st.session_state["pending_decisions"] = []
        st.session_state["rebuild_summary"] = summary
        st.rerun()
if st.session_state.get("rebuild_summary"):
    right.success(md(st.session_state["rebuild_summary"]))
elif pending:
    right.info(f"{len(pending)} decision(s) saved to the curation file; rebuild to apply them.")


def decide(entry: dict, comment: str) -> None:
    """Append a decision to the curation file and remember it until the next rebuild."""
    try:
        edit.append_entry(curation_path(), entry, comment)
    except EtlError as err:
        st.error(md(err))
        return
    st.session_state["pending_decisions"] = [*st.session_state.get("pending_decisions", []), entry]
    st.session_state.pop("rebuild_summary", None)


# ------------------------------------------------------------------ merge suggestions
suggestions = query(review_queries.merge_suggestions, "open")
suggestions = edit.still_open(suggestions, st.session_state.get("pending_decisions", []))
st.header(f"Merge suggestions ({len(suggestions)} open)")
if suggestions.empty:
    st.write("No open suggestions: the resolver found no look-alike names it was unsure about.")
SHOWN = 10  # each card reads two names' sentences: ten at a time keeps the page quick at 50,000 suggestions
first = 0
if len(suggestions) > SHOWN:
    pages = -(-len(suggestions) // SHOWN)
    page = st.number_input(
        f"Page of suggestions (1-{pages:,}, {SHOWN} each, most alike first)", 1, pages, key="sugg_page"
    )
    first = (int(page) - 1) * SHOWN
for row in suggestions.iloc[first : first + SHOWN].itertuples(index=False):
    with st.container(border=True):
        st.markdown(f"**{md(row.keep_name)}** ↔ **{md(row.other_name)}** · score {row.score:.2f} · {md(row.reasons)}")
        cols = st.columns(2)
        for col, entity_id, name in ((cols[0], row.keep_id, row.keep_name), (cols[1], row.other_id, row.other_name)):
            forms.evidence(col, name, query(review_queries.entity_context, row.kind, entity_id))
        # a row sized to the labels: fixed columns cut them to "Accep…" at 1024 px
        key = f"{row.keep_id}-{row.other_id}"
        one_name = row.keep_name == row.other_name
        if one_name:
            forms.rename_namesake(row.kind, row.other_id, row.other_name, key, decide)
        accept = reject = st.container(horizontal=True, gap="small")
        same = "The file names records by name: give one a distinguishing name first." if one_name else None
        if accept.button("Accept: same", key=f"accept-{key}", width="content", disabled=one_name, help=same):
            decide(edit.merge_entry(row.kind, row.keep_name, row.other_name), f"accepted suggestion {row.score:.2f}")
            st.rerun()
        if reject.button("Reject: different", key=f"reject-{key}", width="content"):
            decide(edit.separate_entry(row.kind, row.keep_name, row.other_name), "rejected suggestion")
            st.rerun()

# ------------------------------------------------------------------ edits
records = query(review_queries.people_and_orgs)
people, orgs = records["people"], records["organizations"]
events = query(event_queries.event_choices, Filters())
articles = query(db.filter_options)["articles"]
st.header("Merge or separate two names")
st.caption(
    "Two spellings of one person or body that the resolver did not suggest (the first name is kept), or two names "
    "that must never be merged."
)
forms.merge_any(people, orgs, decide)
with st.expander("Split a person: two people who share a name"):
    forms.split_person(people, articles, decide)

st.header("Correct a record")
person_tab, org_tab, event_tab, participation_tab = st.tabs(["Person", "Organisation", "Event", "Participation"])
with person_tab:
    if people.empty:
        st.write("No people yet.")
    else:
        fix.correct_person(people, orgs, lambda person_id: query(review_queries.person_articles, person_id), decide)
with org_tab:
    if orgs.empty:
        st.write("No organisations yet.")
    else:
        fix.correct_org(orgs, decide)
with event_tab:
    if events.empty:
        st.write("No events yet.")
    else:
        fix.correct_event(events, lambda event_id: query(event_queries.event_info, event_id), decide)
with participation_tab:
    fix.participation(people, events, decide)

st.header("Drop a wrong record")
st.caption("A record the extraction made up from a misread sentence: removed on every build.")
forms.drop_record(people, orgs, events, query(event_queries.figures_table, Filters()), decide)

st.header("Add a missing record")
forms.add_record(people, orgs, events, articles, decide)

# ------------------------------------------------------------------ quality
st.header("Data quality")
summary = query(review_queries.quality_summary)
cols = st.columns(len(summary))
for col, (label, frame) in zip(cols, summary.items(), strict=True):
    col.metric(label.capitalize(), len(frame))
for label, frame in summary.items():
    with st.expander(f"{label.capitalize()} ({len(frame)})"):
        if frame.empty:
            st.write("None.")
        else:
            ui.table(frame, label.replace(" ", "-"))

# ------------------------------------------------------------------ rules
st.header("Why each record exists: extraction rules")
st.caption(
    "Every event, participation and affiliation keeps the name of the rule that found it (the rules and their "
    "word lists are in `etl/rules/`). Pick a rule to read the sentences it fired on. To switch a rule off for "
    "your corpus, set `CULTURE_DISABLED_RULES` (comma-separated names) and rebuild."
)
rules = query(review_queries.rule_counts)
if rules.empty:
    st.write("No records yet.")
else:
    ui.table(rules, "extraction-rules")
    labels = [f"{r.record}: {r.rule or '(none)'} ({r.records})" for r in rules.itertuples()]
    picked = st.selectbox("Records of one rule", range(len(labels)), format_func=labels.__getitem__, key="rule_pick")
    chosen = rules.iloc[int(picked or 0)]
    ui.table(
        query(review_queries.records_by_rule, chosen["record"], chosen["rule"]), f"rule-{chosen['rule'] or 'none'}"
    )

log = query(review_queries.curation_log)
st.header(f"Curation file: {len(log)} entries in the last build")
if log.empty:
    st.write(f"`{curation_path()}` has no entries yet. Decisions made above are added to it.")
else:
    stale = log[log["status"] == "stale"]
    if not stale.empty:
        st.warning(f"{len(stale)} entries no longer match anything (the articles changed): update or remove them.")
    ui.table(log, "curation-log")
