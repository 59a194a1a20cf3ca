"""Shared helpers for the AppTest suites: start the app with query params, find tables, charts, counts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
DEFAULT_PAGE = "pages/timeline.py"
COUNT = re.compile(r"^(\d+) of (\d+) statements")


def new_app(**query: str | list[str]) -> AppTest:
    """An AppTest of the whole app (dashboard.py and its navigation) with these query params."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.query_params.update(query)
    return at


def run_app(**query: str | list[str]) -> AppTest:
    """Run the app once and fail on any exception."""
    at = new_app(**query).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(page: str, **query: str | list[str]) -> AppTest:
    """Open a page as a shared link would: its query params set before the page's first run."""
    if page == DEFAULT_PAGE:
        return run_app(**query)
    at = run_app()
    at.query_params.clear()
    at.query_params.update(query)
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown_rows(at: AppTest) -> int:
    """Rows in the statements table (the first dataframe on the timeline page)."""
    return len(at.dataframe(key="table").value) if any(d.key == "table" for d in at.dataframe) else 0


def counted(at: AppTest) -> tuple[int, int]:
    """The numbers in the "N of M statements" caption."""
    for caption in at.caption:
        match = COUNT.match(caption.value)
        if match:
            return int(match.group(1)), int(match.group(2))
    raise AssertionError(f"no count caption in {[c.value for c in at.caption]}")


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """Find a table by one of its columns (tables without selection carry no key in AppTest)."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with column {column!r}")


def figures(at: AppTest) -> list[dict]:
    """Every plotly figure on the page, as its JSON spec."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def figure(at: AppTest) -> dict:
    """The page's single plotly figure."""
    specs = figures(at)
    assert len(specs) == 1
    return specs[0]


def markdown_text(at: AppTest) -> str:
    """All markdown on the page, joined, for substring checks."""
    return "\n".join(m.value for m in at.markdown)
