"""The CSV and Excel downloads every table offers: whole, readable, and never a crash on odd text."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from culturedash.ui import to_csv, to_excel


@pytest.mark.parametrize("name", ["Cai\x00 Wen", "Ana\x0bLund", "Ben\x1bOde", "Ţară <b>x</b>"])
def test_excel_download_keeps_the_rows_of_text_with_control_characters(name):
    frame = pd.DataFrame({"name": [name, "Ana Lund"], "events": [2, 3]})
    back = pd.read_excel(io.BytesIO(to_excel(frame, "people")))
    assert list(back["events"]) == [2, 3]
    assert back["name"].iloc[0] == "".join(c for c in name if c.isprintable() or c == " ")


def test_csv_download_reads_back_with_diacritics():
    frame = pd.DataFrame({"name": ["Sertaç Eray Ersay"]})
    assert pd.read_csv(io.BytesIO(to_csv(frame)), encoding="utf-8-sig")["name"].iloc[0] == "Sertaç Eray Ersay"


@pytest.mark.parametrize("sheet", ["gala [x](javascript:alert(1))-people", "a:b*c?d/e\\f", "", "x" * 40])
def test_excel_download_takes_any_file_name_as_sheet_name(sheet):
    data = to_excel(pd.DataFrame({"n": [1]}), sheet)
    assert list(pd.read_excel(io.BytesIO(data))["n"]) == [1]
