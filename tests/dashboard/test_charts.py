"""Chart layout for reports: every bar labelled, no hourly axis, text wrapped to fit, room for every line."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from culturedash import charts
from culturedash.charts import EVENT_TYPE_COLOURS


def _one_day_events(n: int = 1) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": [f"E{i}" for i in range(n)],
            "name": [f"Event {i}" for i in range(n)],
            "type": ["visit"] * n,
            "start_date": [date(2023, 12, 22)] * n,
            "end_date": [date(2023, 12, 22)] * n,
            "parent_id": [None] * n,
            "venue": [None] * n,
            "city": [None] * n,
            "participants": [0] * n,
            "article": ["a"] * n,
        }
    )


def test_one_day_event_gets_a_day_axis_not_an_hourly_one():
    axis = charts.timeline(_one_day_events(), "All", "Source").layout.xaxis
    assert axis.dtick >= 86_400_000 and "%H" not in axis.tickformat
    span = pd.Timestamp(axis.range[1]) - pd.Timestamp(axis.range[0])
    assert span >= pd.Timedelta(days=7)


def test_every_event_type_bar_is_labelled():
    frame = pd.DataFrame({"type": list(EVENT_TYPE_COLOURS), "events": range(12, 0, -1)})
    fig = charts.events_by_type_bar(frame, "All", "Source")
    assert len(fig.layout.yaxis.tickvals) == 12
    assert fig.layout.height - fig.layout.margin.t - fig.layout.margin.b >= 12 * 22  # room for 12 labels


@pytest.mark.parametrize("width", [charts.FULL, charts.HALF])
def test_long_subtitle_and_source_are_wrapped_and_given_room(width):
    subtitle = "type: panel, forum, meeting +3; organisation: Ministry of Culture of the Republic of Azerbaijan"
    source = "Source: 5 news articles in the database, dates 01 Nov 2023 – 15 Apr 2024; extracted by the culture ETL."
    fig = charts.frame_figure(charts.go.Figure(), "Events", subtitle, source, width=width)
    lines = re.sub(r"<[^>]+>", "\n", fig.layout.title.text.replace("<br>", "\n")).split("\n")
    lines = [line for line in lines if line]
    assert all(len(line) * 6.8 <= width for line in lines[1:])
    note = fig.layout.annotations[0].text.split("<br>")
    assert all(len(line) * 5.8 <= width for line in note)
    assert fig.layout.margin.t >= 20 + 24 + 17 * (len(lines) - 1)
    assert fig.layout.margin.b >= 14 * len(note)


def test_export_is_laid_out_at_report_width():
    options = charts.plotly_config("events-by-type", "png", 500)["toImageButtonOptions"]
    assert options == {"format": "png", "filename": "events-by-type", "width": 1000, "height": 500, "scale": 3}
