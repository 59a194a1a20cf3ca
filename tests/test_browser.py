"""The dashboard in a real browser: Debian chromium driven by Playwright against `streamlit run`.

Marked slow. Skipped when chromium is missing, unless REQUIRE_BROWSER=1 (set by .ci/run),
in which case a missing browser is a failure. Screenshots land in artifacts/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.store_factory import write_sample_store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but /usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("Debian chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    store = write_sample_store(tmp_path_factory.mktemp("browser") / "store")
    port = free_port()
    env = {**os.environ, "TIMELINE_STORE": str(store)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboard.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def open_page(browser, url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=60_000)
    return page


def count_text(page) -> str:
    return page.get_by_text(" statements", exact=False).first.inner_text()


def test_timeline_filter_select_share_and_screenshot(browser, app_url):
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_page(browser, app_url)
    full = count_text(page)
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)

    search = page.get_by_placeholder('words or "a phrase"')
    search.fill("ceasefire")
    search.press("Enter")
    page.wait_for_function("(before) => !document.body.innerText.includes(before)", arg=full, timeout=30_000)
    filtered = count_text(page)
    assert filtered != full
    page.wait_for_timeout(500)
    assert "q=ceasefire" in page.url

    shared = browser.new_page(viewport={"width": 1400, "height": 1000})
    shared.goto(page.url)
    shared.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=60_000)
    shared.wait_for_timeout(1000)
    assert count_text(shared) == filtered
    shared.screenshot(path=str(ARTIFACTS / "shared_link.png"), full_page=True)

    hint = page.get_by_text("Click a point on the chart", exact=False)
    assert hint.count() == 1
    point = page.locator(".js-plotly-plot .scatterlayer .trace .points path").first
    point.click(force=True)
    hint.wait_for(state="detached", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "detail.png"), full_page=True)
    detail = page.locator("strong", has_text="ceasefire").first.inner_text()
    assert "ceasefire" in detail.lower()
    page.wait_for_function("() => location.search.includes('sid=')", timeout=30_000)  # the selection is in the link


def test_presenter_mode_steps_and_screenshots(browser, app_url):
    """Switch to presenter mode with the toggle, step to a key event, reopen the link; screenshot each."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_page(browser, app_url)
    assert page.locator("[data-testid=stSidebar]").is_visible()
    page.get_by_text("Presenter mode").click()
    page.get_by_role("button", name="Next ▶").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('present=1')", timeout=30_000)
    page.locator("[data-testid=stSidebar]").wait_for(state="hidden", timeout=30_000)
    page.get_by_role("button", name="Next ▶").click()
    page.wait_for_function("() => location.search.includes('event=first_round')", timeout=30_000)
    page.get_by_text("First round of invented talks in Geneva").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTIFACTS / "presenter.png"), full_page=True)

    shared = browser.new_page(viewport={"width": 1400, "height": 1000})
    shared.goto(page.url)
    shared.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=60_000)
    shared.get_by_text("statements between", exact=False).first.wait_for(timeout=30_000)
    shared.locator("[data-testid=stSidebar]").wait_for(state="hidden", timeout=30_000)
    assert "First round of invented talks" in shared.locator("h3").first.inner_text()


def test_compare_page_link(browser, app_url):
    """A direct link to another page opens it through the app's navigation, with its choices."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url + "/compare?by=speaker&compare_speakers=Anton+Belov&compare_speakers=Olena+Marchuk")
    page.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=60_000)
    nav = page.locator("[data-testid=stSidebarNav]").inner_text()
    assert "Timeline" in nav and "Compare" in nav
    assert page.locator("h3", has_text="Olena Marchuk").count() == 1
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
