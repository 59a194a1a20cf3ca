"""Weekly counts: the timeline for stores too large to read point by point."""

from __future__ import annotations

import pandas as pd

from views.aggregate import AGGREGATE_THRESHOLD, aggregate_figure, use_weekly_counts, weekly_counts


def frame() -> pd.DataFrame:
    days = pd.to_datetime(["2025-03-03", "2025-03-05", "2025-03-12", "2025-03-12", None])
    return pd.DataFrame(
        {
            "said_on": days,
            "said_earliest": days,
            "said_latest": days,
            "topic_id": ["a", "a", "b", "a", "a"],
            "topic_label": ["Ceasefire", "Ceasefire", "Sanctions", "Ceasefire", "Ceasefire"],
            "speaker": ["X", "Y", "X", "X", "Y"],
            "speaker_raw": ["X", "Y", "X", "X", "Y"],
            "side": ["russia", "ukraine", "russia", "usa", "usa"],
        }
    )


def test_counts_per_monday_week_and_lane_without_undated():
    counts = weekly_counts(frame()).set_index(["week", "lane"])["count"]
    assert counts[(pd.Timestamp("2025-03-03"), "Ceasefire")] == 2
    assert counts[(pd.Timestamp("2025-03-10"), "Ceasefire")] == 1
    assert counts[(pd.Timestamp("2025-03-10"), "Sanctions")] == 1
    assert counts.sum() == 4


def test_heatmap_has_lanes_down_and_every_week_across():
    heat = aggregate_figure(frame(), "side").data[0]
    assert heat.type == "heatmap"
    assert list(heat.y) == ["russia", "ukraine", "usa"]
    assert len(heat.x) == 2 and heat.z.sum() == 4


def test_auto_switches_only_for_large_selections():
    assert not use_weekly_counts("auto", AGGREGATE_THRESHOLD)
    assert use_weekly_counts("auto", AGGREGATE_THRESHOLD + 1)
    assert use_weekly_counts("weekly counts", 3) and not use_weekly_counts("points", 10**6)
