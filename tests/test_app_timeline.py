"""AppTest of the timeline page's additions: key events, presenter mode, `?sid=` links, PNG and TimelineJS exports."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import pytest

from tests.apptest import figure, figures, markdown_text, run_app
from tests.store_factory import write_sample_store
from views.presenter import PRESENTER_CSS

IN_RANGE_EVENTS = {"first_round", "swap", "summit", "deadline"}  # old_accord predates every statement


def event_names(spec: dict, prefix: str = "event-mark:") -> set[str]:
    return {a["name"].split(":", 1)[1] for a in spec["layout"].get("annotations", []) if a.get("name", "").startswith(prefix)}


def presenting(at) -> bool:
    return any(m.value == PRESENTER_CSS for m in at.markdown)


# --- key events ----------------------------------------------------------------------------


def test_key_events_drawn_and_toggled(sample_store: Path) -> None:
    at = run_app()
    assert event_names(figure(at)) == IN_RANGE_EVENTS
    assert figure(at)["layout"]["xaxis"]["rangeslider"]["visible"] is True
    at.toggle(key="events").set_value(False).run()
    assert not at.exception and event_names(figure(at)) == set()


def test_key_events_follow_filters_and_url(sample_store: Path) -> None:
    at = run_app(topics="Ceasefire")
    assert event_names(figure(at)) == {"first_round", "deadline"}  # the topic's and the general one
    assert not event_names(figure(run_app(events="false")))


def test_store_without_events_has_no_toggle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_STORE", str(write_sample_store(tmp_path / "s", events=False)))
    at = run_app()
    assert not [t for t in at.toggle if t.key == "events"]
    assert event_names(figure(at)) == set()


# --- presenter mode ------------------------------------------------------------------------


def test_presenter_link_opens_presenter_mode(sample_store: Path) -> None:
    at = run_app(present="1", sides="russia", topics="Ceasefire")
    assert at.toggle(key="present").value is True and presenting(at)
    assert at.title[0].value == "Russia on Ceasefire · 1 Jan 2025 – 31 May 2025"
    spec = figure(at)
    assert spec["layout"]["font"]["size"] >= 18 and spec["layout"]["height"] >= 620
    assert at.selectbox(key="event").value is None  # the overview
    assert not at.dataframe  # no table, no exports: just the view
    assert at.query_params["present"] == "1"


def test_presenter_steps_through_events(sample_store: Path) -> None:
    at = run_app(present="1")
    at.button(key="ev_next").click().run()
    assert at.selectbox(key="event").value == "first_round"
    assert at.query_params["event"] == "first_round"
    at.button(key="ev_next").click().run()
    assert at.selectbox(key="event").value == "swap"
    assert any("Exchange of two hundred detainees" in h.value for h in at.subheader)
    spec = figure(at)
    assert spec["layout"]["xaxis"]["range"][0].startswith("2025-01-11")  # 10 Feb minus 30 days
    assert spec["layout"]["xaxis"]["range"][1].startswith("2025-03-12")
    assert any("statements between 11 Jan 2025 and 12 Mar 2025" in c.value for c in at.caption)
    assert "Northern Wire" in markdown_text(at)  # the window's statements are cited
    at.button(key="ev_prev").click().run()
    assert at.selectbox(key="event").value == "first_round"


def test_presenter_event_link_reopens_the_window(sample_store: Path) -> None:
    at = run_app(present="1", event="summit")
    assert at.selectbox(key="event").value == "summit"
    assert any("Two\\-day summit on \\<b\\>security\\</b\\> guarantees" in h.value for h in at.subheader)
    unknown = run_app(present="1", event="no-such-event")
    assert unknown.selectbox(key="event").value is None and "event" not in unknown.query_params


def test_leaving_presenter_mode(sample_store: Path) -> None:
    at = run_app(present="1")
    at.toggle(key="present").set_value(False).run()
    assert not presenting(at) and "present" not in at.query_params
    assert at.dataframe(key="table") is not None
    at.toggle(key="present").set_value(True).run()
    assert presenting(at) and at.query_params["present"] == "1"


# --- selected statement in the URL ---------------------------------------------------------


def test_selection_is_written_to_the_url(sample_store: Path) -> None:
    at = run_app()
    at.session_state["timeline"] = {
        "selection": {"points": [{"customdata": ["s05"]}], "point_indices": [0], "box": [], "lasso": []}
    }
    at.run()
    assert at.query_params["sid"] == "s05"


def test_sid_link_reopens_the_statement(sample_store: Path) -> None:
    at = run_app(sid="s05")
    assert "**Anton Belov** — Kremlin spokesman" in markdown_text(at)
    both = run_app(sid="s05,s06", sides="ukraine")  # shown even when the filters hide it
    text = markdown_text(both)
    assert "**Anton Belov**" in text and "**Olena Marchuk**" in text
    assert "Click a point" in " ".join(c.value for c in run_app(sid="nope").caption)


# --- exports -------------------------------------------------------------------------------


def test_export_buttons(sample_store: Path) -> None:
    labels = {b.label for b in run_app().get("download_button")}
    assert {"Download CSV", "Download JSON", "Download chart (HTML)", "Download TimelineJS JSON"} <= labels
    assert "Download chart (PNG)" not in labels  # built only on request


def test_prepare_png_offers_the_file(sample_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(go.Figure, "to_image", lambda self, **kw: b"\x89PNG fake")
    at = run_app()
    at.button(key="prep_png").click().run()
    assert not at.exception and not at.error
    assert "Download chart (PNG)" in {b.label for b in at.get("download_button")}
    at.text_input(key="q").set_value("ceasefire").run()  # another view: the old PNG is not offered
    assert "Download chart (PNG)" not in {b.label for b in at.get("download_button")}


def test_prepare_png_without_chromium_says_so(sample_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_browser(self, **kwargs):
        raise RuntimeError("Could not find Chrome")

    monkeypatch.setattr(go.Figure, "to_image", no_browser)
    at = run_app()
    at.button(key="prep_png").click().run()
    assert not at.exception
    assert any("Chromium" in e.value for e in at.error)
    assert len(figures(at)) == 1


def test_chart_switches_to_weekly_counts(sample_store) -> None:
    from tests.apptest import figure, run_app

    at = run_app(chart="weekly counts")
    assert at.selectbox(key="chart").value == "weekly counts"
    spec = figure(at)
    assert spec["data"][0]["type"] == "heatmap"
    at.selectbox(key="chart").set_value("points").run()
    assert figure(at)["data"][0]["type"] != "heatmap"


def test_stance_filter_says_what_each_label_means(sample_store: Path) -> None:
    at = run_app()
    help_text = at.multiselect(key="stances").help
    assert "conditional" in help_text and "opposes" in help_text
