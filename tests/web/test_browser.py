"""End-to-end: the built page in Debian's headless Chromium, driven by Playwright."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from webconst import TOKEN
from factory import make_db

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "src" / "wirecoder" / "web" / "static" / "dist" / "index.html"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = ROOT / "build" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make browser)"),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
        # software WebGL for MapLibre when there is no GPU
        "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not DIST.is_file():
        pytest.fail("the page is not built: run `make frontend` (npm ci && npm run build)")
    import uvicorn

    from wirecoder.web.app import create_app

    db = make_db(tmp_path_factory.mktemp("web") / "browser.db")
    port = _free_port()
    app = create_app(db, token=TOKEN)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _new_page(browser, bypass_csp: bool):
    # Playwright's wait_for_function polls with eval, which our CSP forbids: most tests bypass
    # the CSP (so escaping is tested on its own); test_page_runs_under_csp keeps it.
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True,
                              bypass_csp=bypass_csp)
    p = ctx.new_page()
    p.errors = []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("dialog", lambda d: (p.errors.append("dialog: " + d.message), d.dismiss()))
    # No network beyond our server: any other request fails the test.
    p.outside = []
    p.route("**/*", lambda route: (route.continue_() if route.request.url.startswith("http://127.0.0.1")
                                   else (p.outside.append(route.request.url), route.abort())))
    p.csp = []
    p.on("console", lambda m: "Content Security Policy" in m.text and p.csp.append(m.text))
    return ctx, p


@pytest.fixture()
def page(browser):
    ctx, p = _new_page(browser, bypass_csp=True)
    yield p
    ctx.close()


def test_page_runs_under_csp(server, browser):
    ctx, p = _new_page(browser, bypass_csp=False)
    try:
        p.goto(server + "/")
        deadline = time.time() + 30
        while time.time() < deadline and not p.evaluate("window.__mapIdle === true"):
            time.sleep(0.2)
        assert p.evaluate("window.__mapFeatureCount") == 5
        assert p.evaluate("""() => window.__wirecoder.map.queryRenderedFeatures(
            {layers: ['events', 'clusters']}).length""") >= 1
        assert not p.csp, p.csp
        assert not p.errors and not p.outside
    finally:
        ctx.close()


def _wait_map(page, min_features=1):
    page.wait_for_function("window.__mapFeatureCount !== undefined && window.__mapIdle === true",
                           timeout=30_000)
    n = page.evaluate("""() => window.__wirecoder.map.queryRenderedFeatures(
        {layers: ['events', 'clusters']}).length""")
    assert n >= min_features
    return n


def _loaded(page, after: int = 0):
    page.wait_for_function(f"Number(document.body.dataset.loaded || 0) > {after}", timeout=20_000)
    return int(page.evaluate("document.body.dataset.loaded"))


def test_map_markers_filters_and_xss(server, page):
    page.goto(server + "/")
    seq = _loaded(page)
    _wait_map(page)
    assert page.evaluate("window.__mapFeatureCount") == 5
    assert page.locator("#event-list li").count() == 5
    # The hostile headline is text on the page, never markup: nothing executed.
    page.locator("#event-list li", has_text="Armed clash").click()
    page.locator("#tab-event .open-article").first.click()
    page.wait_for_selector("#article-text")
    head = page.locator("#tab-article h2.headline")
    assert "<script>window.__xss=1</script>" in head.inner_text()
    assert '<img src=x onerror="window.__xss=2">' in head.inner_text()
    assert page.evaluate("window.__xss") is None
    assert page.locator("#tab-article img, #tab-article script, #tab-article b").count() == 0
    assert page.locator("#article-text .hl-place", has_text="Sabha").count() >= 1
    assert page.locator("#article-text .hl-trigger", has_text="clashed").count() == 1
    assert page.locator("#article-text .hl-evidence").count() >= 1

    # filter by type: map and list follow, URL is a permalink
    page.select_option("#f-type", "Explosions/Remote violence")
    seq = _loaded(page, seq)
    page.wait_for_function("window.__mapIdle === true")
    assert page.evaluate("window.__mapFeatureCount") == 2
    assert page.locator("#event-list li").count() == 2
    assert "event_type=Explosions" in page.url
    # filter by date
    page.fill("#f-from", "2017-01-01")
    page.dispatch_event("#f-from", "change")
    seq = _loaded(page, seq)
    assert page.locator("#event-list li").count() == 1
    url = page.url
    page.goto(url)  # permalink restores the filtered view
    _loaded(page)
    assert page.locator("#event-list li").count() == 1
    assert page.input_value("#f-from") == "2017-01-01"
    assert not page.errors, page.errors
    assert not page.outside, page.outside


def test_timeline_brush_filters(server, page):
    page.goto(server + "/")
    seq = _loaded(page)
    box = page.locator("#timeline").bounding_box()
    # drag across the right-most part of the histogram (2017 bars)
    page.mouse.move(box["x"] + box["width"] * 0.9, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, box["y"] + 30, steps=5)
    page.mouse.up()
    _loaded(page, seq)
    assert "date_from=" in page.url and "date_to=" in page.url
    assert 0 < page.locator("#event-list li").count() < 5


def test_review_and_export(server, page):
    page.goto(server + "/")
    _loaded(page)
    page.locator("#event-list li", has_text="Peaceful protest").click()
    page.wait_for_selector("#btn-accept")
    page.click("#btn-accept")
    page.wait_for_function("document.querySelector('#review-status')?.textContent === 'accepted'")
    page.click("#btn-edit")
    page.fill("#edit-form input[name=fatalities]", "3")
    page.fill("#edit-form input[name=reviewer]", "tester")
    page.click("#save-edit")
    page.wait_for_function("document.querySelector('#review-status')?.textContent === 'edited'")
    audit = page.locator("#audit").inner_text()
    assert "accept" in audit and "edit" in audit and "fatalities: 0 → 3" in audit
    page.select_option("#f-type", "Protests")
    page.wait_for_function("document.querySelector('#export-csv').href.includes('Protests')")
    with page.expect_download() as dl:
        page.click("#export-csv")
    text = Path(dl.value.path()).read_text()
    assert "Tripoli" in text and "Sabha" not in text and ",3," in text
    with page.expect_download() as dl:
        page.click("#export-geojson")
    assert '"FeatureCollection"' in Path(dl.value.path()).read_text()
    assert not page.errors, page.errors


def test_network_view(server, page):
    page.goto(server + "/?tab=network")
    page.wait_for_selector("#network-svg .node")
    assert page.locator("#network-svg .node").count() >= 4
    assert page.locator("#network-svg .edge").count() >= 3


def test_screenshot_artifact(server, page):
    page.goto(server + "/")
    _loaded(page)
    _wait_map(page)
    page.locator("#event-list li", has_text="Looting").click()
    page.wait_for_selector("#btn-accept")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = SCREENSHOTS / "web-demo.png"
    page.screenshot(path=str(out))
    assert out.stat().st_size > 20_000
