"""Two people use the real app in headless Chromium, against a real ``attune serve`` process.

They sign up, pair by invitation code, both check in and see the reveal (the
second one live, without reloading), run a timed exercise, share and un-share
a journal entry, use the tone check and the quick exit. Screenshots at phone
(390x844) and desktop (1280x800) sizes go to ``ATTUNE_SCREENSHOTS`` (or a
temporary folder). Needs Debian's ``chromium`` (``make browsers``); without it
these tests skip, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
QUICK_EXIT = "https://www.bbc.com/weather"
# The first tone check loads the analysis models in the server; on a busy 2-core machine
# that has taken longer than Playwright's default 30 s.
COLD_ANALYSIS_MS = 120_000


def load_bench() -> Any:
    """``benchmarks/bench_web_load.py``: it holds ``LiveServer``, shared with the load tests."""
    if "bench_web_load" in sys.modules:
        return sys.modules["bench_web_load"]
    spec = importlib.util.spec_from_file_location(
        "bench_web_load", REPO / "benchmarks" / "bench_web_load.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_web_load"] = module
    spec.loader.exec_module(module)
    return module


def chromium_or_skip() -> str:
    path = os.environ.get("ATTUNE_CHROMIUM", CHROMIUM)
    if not Path(path).exists():
        reason = "chromium is not installed (apt-get install -y chromium, or make browsers)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    chromium_or_skip()
    live = load_bench().LiveServer(tmp_path_factory.mktemp("browser-data"))
    live.start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser(server: Any) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_or_skip(), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("ATTUNE_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class Person:
    """One browser context (cookies, history) and what the page reported."""

    name: str
    handle: str
    context: Any
    page: Any
    console_errors: list[str] = field(default_factory=list)
    off_host: list[str] = field(default_factory=list)


def open_person(browser: Any, server: Any, name: str, viewport: dict[str, int] = PHONE) -> Person:
    context = browser.new_context(viewport=viewport, base_url=server.url)
    context.set_default_timeout(COLD_ANALYSIS_MS)
    person = Person(name, name.lower(), context, None)

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(server.url):
            route.continue_()
        elif url.startswith(QUICK_EXIT):
            route.fulfill(status=200, content_type="text/html", body="<h1>Weather</h1>")
        else:
            person.off_host.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    # The clock is faked so that timers and the live reveal can be moved on at will.
    page.clock.install()
    page.on(
        "console",
        lambda msg: person.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: person.console_errors.append(str(exc)))
    person.page = page
    return person


def sign_up(person: Person) -> None:
    page = person.page
    page.goto("/signup")
    page.fill("#handle", person.handle)
    page.fill("#display_name", person.name)
    page.fill("#password", "a long enough password")
    page.click("#signup-submit")
    page.wait_for_url("**/spaces")


@dataclass
class Couple:
    robin: Person
    kai: Person
    space_id: int


@pytest.fixture(scope="module")
def couple(browser: Any, server: Any) -> Iterator[Couple]:
    """Robin signs up and makes a space; Kai signs up and joins with Robin's code."""
    robin = open_person(browser, server, "Robin")
    kai = open_person(browser, server, "Kai")
    sign_up(robin)
    robin.page.select_option("#kind", "partner")
    robin.page.fill("#space-name", "Us")
    robin.page.click("#space-create")
    code = robin.page.locator("#invite-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code), code
    space = robin.page.locator("section.space").first.get_attribute("id")
    assert space and space.startswith("space-")
    sign_up(kai)
    kai.page.fill("#code", code)
    kai.page.click("#join-submit")
    kai.page.wait_for_url("**/today")
    assert "with Robin" in kai.page.inner_text("main")
    yield Couple(robin, kai, int(space.removeprefix("space-")))
    for who in (robin, kai):
        assert who.off_host == [], f"{who.name}'s pages tried to fetch {who.off_host}"
        who.context.close()


def no_console_errors(*people: Person) -> None:
    for who in people:
        assert who.console_errors == [], f"{who.name}: {who.console_errors}"


def test_both_check_in_and_each_sees_the_other_only_after_their_own(couple: Couple) -> None:
    robin, kai = couple.robin, couple.kai
    robin.page.goto(f"/today?rel={couple.space_id}")
    robin.page.check("#checkin-form input[name=mood][value='4']")
    robin.page.locator("#feelings-picker details").first.locator("summary").click()
    robin.page.locator("#feelings-picker details").first.locator(
        "input[type=checkbox]"
    ).first.check()
    robin.page.fill("#high", "Robin's high: the long walk by the river")
    robin.page.fill("#low", "Robin's low: a tiring meeting")
    robin.page.click("#checkin-submit")
    robin.page.wait_for_selector("#my-checkin")
    assert "Kai hasn't checked in yet" in robin.page.inner_text("#reveal")

    # No peeking: before Kai's own check-in, nothing of Robin's answer is on Kai's page.
    kai.page.goto(f"/today?rel={couple.space_id}")
    assert "long walk by the river" not in kai.page.content()
    assert kai.page.locator("#reveal-hint").is_visible()
    kai.page.check("#checkin-form input[name=mood][value='2']")
    kai.page.fill("#high", "Kai's high: soup for lunch")
    kai.page.fill("#need", "Kai needs a quiet evening")
    kai.page.click("#checkin-submit")
    kai.page.wait_for_selector("#my-checkin")
    others = kai.page.locator("#reveal article.checkin.other")
    assert others.count() == 1
    assert "Robin feels good" in others.inner_text()
    assert "long walk by the river" in others.inner_text()

    # Robin's open page picks Kai's answer up by itself (it polls every 20 s).
    assert "soup for lunch" not in robin.page.inner_text("#reveal")
    robin.page.clock.run_for(21_000)
    robin.page.wait_for_selector("#reveal article.checkin.other")
    revealed = robin.page.locator("#reveal article.checkin.other")
    assert revealed.count() == 1
    assert "Kai feels low" in revealed.inner_text()
    assert "quiet evening" in revealed.inner_text()
    assert "hasn't checked in" not in robin.page.inner_text("#reveal")
    # And a reload shows it exactly once too.
    robin.page.reload()
    assert robin.page.locator("article.checkin.other").count() == 1
    no_console_errors(robin, kai)


def test_a_timed_exercise_counts_down_pauses_and_ends_with_a_shared_debrief(
    couple: Couple,
) -> None:
    robin, kai = couple.robin, couple.kai
    page = robin.page
    page.goto("/exercises")
    page.click("a[href='/exercises/eye-contact-check-in.v1']")
    page.click("#start-run")
    page.wait_for_url(re.compile(r".*/runs/\d+$"))
    run_url = page.url
    assert "Robin's turn" in page.inner_text("#steps") or "Robin" in page.inner_text("#steps")
    timer = page.locator(".timer").first
    seconds = int(timer.get_attribute("data-seconds") or 0)
    assert seconds == 30
    display = timer.locator(".timer-display")
    assert display.inner_text() == "0:30"
    start = timer.locator(".timer-start")
    assert start.is_visible(), "the script should reveal the timer button"
    start.click()
    page.clock.run_for(5_000)
    assert display.inner_text() == "0:25"
    start.click()  # pause
    assert start.inner_text() == "Resume timer"
    page.clock.run_for(10_000)
    assert display.inner_text() == "0:25"
    start.click()  # resume
    page.clock.run_for(26_000)
    assert "Time's up" in display.inner_text()
    assert start.inner_text() == "Start again"

    page.fill("#connecting", "Holding the gaze longer than felt comfortable")
    page.check("#finish-form input[name=share]")
    page.click("#finish-run")
    page.wait_for_selector("#debrief .done")
    assert "Yours, shared" in page.inner_text("#debrief")

    kai.page.goto(run_url)
    debrief = kai.page.inner_text("#debrief")
    assert "Holding the gaze" in debrief
    assert "Shared with you" in debrief
    no_console_errors(robin, kai)


def test_a_journal_entry_is_private_until_shared_and_private_again_when_unshared(
    couple: Couple,
) -> None:
    robin, kai = couple.robin, couple.kai
    page = robin.page
    page.goto("/journal")
    page.fill("#title", "Private thoughts")
    page.fill("#body", "Only for me: I worry about the move.")
    page.click("#journal-submit")
    page.wait_for_url(re.compile(r".*/journal/\d+$"))
    private_url = page.url
    assert page.inner_text("#entry-status") == "private"

    page.goto("/journal")
    page.fill("#title", "For us")
    page.fill("#body", "I loved cooking together on Sunday.")
    page.select_option("#share_with", str(couple.space_id))
    page.click("#journal-submit")
    page.wait_for_url(re.compile(r".*/journal/\d+$"))
    shared_url = page.url
    assert page.inner_text("#entry-status") == "shared"

    kai.page.goto("/journal")
    listing = kai.page.inner_text("#entries")
    assert "For us" in listing and "by Robin" in listing
    assert "Private thoughts" not in listing
    kai.page.goto(shared_url)
    assert "cooking together on Sunday" in kai.page.inner_text("#entry")
    assert kai.page.goto(private_url).status == 404
    assert "worry about the move" not in kai.page.content()

    page.goto(shared_url)
    page.click("#unshare-entry")
    page.wait_for_selector("#entry-status")
    assert page.inner_text("#entry-status") == "private"
    assert kai.page.goto(shared_url).status == 404
    kai.page.goto("/journal")
    assert "For us" not in kai.page.inner_text("#entries")
    no_console_errors(robin)


def test_the_tone_check_marks_what_may_land_hard_and_offers_a_gentler_version(
    couple: Couple,
) -> None:
    page = couple.robin.page
    page.goto("/tone")
    draft = "What is wrong with you? You're too sensitive, calm down."
    page.fill("#draft", draft)
    page.click("#tone-submit")
    page.wait_for_selector("#tone-result", timeout=COLD_ANALYSIS_MS)
    marks = page.locator("#marked-draft mark.harmful")
    assert marks.count() >= 1
    labels = " ".join(m.get_attribute("data-patterns") or "" for m in marks.all())
    assert {"criticism", "dismissal"} & set(labels.split()), labels
    # Every mark explains itself on hover or tap.
    assert all((m.get_attribute("title") or "").strip() for m in marks.all())
    # The marked text is the draft itself, in order, nothing lost or doubled.
    assert page.inner_text("#marked-draft") == draft
    assert page.locator("#patterns li.pattern").count() >= 1
    assert "[" in page.inner_text("#rewrite")
    # Nothing typed into the tone check is kept: the journal has no trace of it.
    page.goto("/journal")
    assert "too sensitive" not in page.content()
    no_console_errors(couple.robin)


@pytest.mark.parametrize("how", ["button", "escape"])
def test_quick_exit_leaves_at_once_and_back_does_not_return(
    browser: Any, server: Any, couple: Couple, how: str
) -> None:
    # A fresh tab for the same person, so the shared pages' history stays simple.
    page = couple.robin.context.new_page()
    page.goto("/today")
    page.goto("/journal")
    # The quick exit is the very first thing a keyboard reaches on every page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    if how == "button":
        page.click("#quick-exit")
    else:
        page.locator("body").click(position={"x": 5, "y": 400})
        for _ in range(3):
            page.keyboard.press("Escape")
    page.wait_for_url(QUICK_EXIT)
    assert page.inner_text("h1") == "Weather"
    # The journal page was replaced in history: going back skips it.
    page.go_back()
    assert "/journal" not in page.url
    page.close()


PAGES = [
    ("today", "/today"),
    ("journal", "/journal"),
    ("tone", "/tone"),
    ("exercises", "/exercises"),
    ("spaces", "/spaces"),
    ("insights", "/insights"),
    ("help", "/help"),
]


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_main_pages_fit_the_screen_and_screenshots_are_not_blank(
    browser: Any, server: Any, couple: Couple, shots: Path, size: str
) -> None:
    viewport = PHONE if size == "phone" else DESKTOP
    context = browser.new_context(
        viewport=viewport, base_url=server.url, storage_state=couple.robin.context.storage_state()
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for name, path in PAGES:
        response = page.goto(path)
        assert response is not None and response.status == 200, (path, response)
        assert "/login" not in page.url
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {viewport}"
        png = page.screenshot(path=str(shots / f"{name}-{size}.png"), full_page=True)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        # A blank page of this size compresses to a few kilobytes; a real one does not.
        assert len(png) > 15_000, f"{name} at {size} looks blank ({len(png)} bytes)"
    assert errors == []
    context.close()
