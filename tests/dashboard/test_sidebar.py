"""The shared sidebar (culturedash/sidebar.py): long filter lists get a search box and keep what was chosen."""

from __future__ import annotations

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _organisations(db) -> list[str]:  # type: ignore[no-untyped-def]
    with duckdb.connect(str(db), read_only=True) as con:
        return [r[0] for r in con.execute("SELECT name FROM organizations ORDER BY name").fetchall()]


def test_a_long_filter_list_is_searched_and_keeps_its_choice_across_pages(app_db, monkeypatch):
    monkeypatch.setenv("CULTURE_PICK_LIMIT", "5")  # the seed build's 70-odd bodies stand for 4,000
    names = _organisations(app_db)
    wanted = next(n for n in names if " " in n and n.split()[-1].isalpha())
    at = AppTest.from_file(str(ROOT / "views" / "3_Institutions.py"), default_timeout=90).run()
    assert len(at.multiselect(key="f_orgs").options) == 5  # not every body sent to the browser
    at.text_input(key="f_orgs_search").set_value(wanted).run()
    assert wanted in at.multiselect(key="f_orgs").options
    at.multiselect(key="f_orgs").set_value([wanted]).run()
    at.text_input(key="f_orgs_search").set_value("").run()  # searching again never drops the choice
    assert at.multiselect(key="f_orgs").value == [wanted]
    at.switch_page(str(ROOT / "views" / "1_Timeline.py")).run()
    assert not at.exception
    assert at.multiselect(key="f_orgs").value == [wanted]
    assert at.query_params.get("org") == [wanted] or wanted in str(at.query_params)


def test_a_short_filter_list_has_no_search_box(app_db):
    at = AppTest.from_file(str(ROOT / "views" / "3_Institutions.py"), default_timeout=90).run()
    assert not [t for t in at.text_input if t.key == "f_orgs_search"]
    assert len(at.multiselect(key="f_orgs").options) == len(_organisations(app_db))
