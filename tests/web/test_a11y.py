"""axe-core in headless Chromium over the main pages: no serious or critical violations.

axe-core comes from the ``axe-playwright-python`` wheel (its ``axe.min.js``), so
nothing is fetched at run time. The pages are served by a real ``attune serve``
with a signed-in person who has a space, a check-in, a journal entry and an
exercise run, so the pages show their filled-in states, not only empty ones.
Needs Debian's ``chromium``; skips without it, except in CI where it fails.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent


def _browser_helpers() -> Any:
    if "attune_browser_helpers" in sys.modules:
        return sys.modules["attune_browser_helpers"]
    spec = importlib.util.spec_from_file_location(
        "attune_browser_helpers", HERE / "test_browser.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["attune_browser_helpers"] = module
    spec.loader.exec_module(module)
    return module


helpers = _browser_helpers()
BLOCKING = {"serious", "critical"}
COLD_ANALYSIS_MS = helpers.COLD_ANALYSIS_MS


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A live server with two people in a space and some of everything written."""
    helpers.chromium_or_skip()
    bench = helpers.load_bench()
    server = bench.LiveServer(tmp_path_factory.mktemp("a11y-data"))
    store = bench.open_store(server.data_dir)
    from attune.domain import create_person, create_relationship, invite, join

    robin = create_person(store, "robin", "Robin", password=bench.PASSWORD)
    kai = create_person(store, "kai", "Kai", password=bench.PASSWORD)
    space = create_relationship(store, robin.id, "partner", "Us")
    join(store, kai.id, invite(store, robin.id, space.id).code)
    store.close()
    server.start()
    ids: dict[str, Any] = {"space": space.id, "server": server}
    sessions = bench.sign_in(server.url, ["robin", "kai"])
    for handle in ("kai", "robin"):
        cookie, csrf = sessions[handle]
        with httpx.Client(base_url=server.url, cookies={"attune_session": cookie}) as c:
            h = {"X-CSRF-Token": csrf}
            c.post(
                f"/api/v1/relationships/{space.id}/checkin",
                json={"mood": 4, "feelings": ["calm"], "high": f"{handle} slept well"},
                headers=h,
            ).raise_for_status()
            entry = c.post(
                "/api/v1/journal",
                json={"title": "Sunday", "body": "A slow morning.", "share_with": space.id},
                headers=h,
            )
            entry.raise_for_status()
            ids[f"entry_{handle}"] = entry.json()["entry"]["id"]
            run = c.post(
                "/exercises/emotion-naming.v1/start",
                data={"csrf_token": csrf, "rel": str(space.id)},
            )
            assert run.status_code == 303, run.text
            ids[f"run_{handle}"] = run.headers["location"]
    ids["robin_cookie"] = sessions["robin"][0]
    yield ids
    server.stop()


@pytest.fixture(scope="module")
def browser(site: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=helpers.chromium_or_skip(), args=helpers.ARGS)
        yield b
        b.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"resultTypes": ["violations"]})
    return list(result.response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n.get("target", []))) for n in v["nodes"][:4]]
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}) at {targets}")
    return "\n".join(lines)


ANONYMOUS = ["/", "/login", "/signup", "/help"]
SIGNED_IN = [
    "/today",
    "/spaces",
    "/journal",
    "/journal/{entry_robin}",
    "/journal/{entry_kai}",
    "/exercises",
    "/exercises/emotion-naming.v1",
    "{run_robin}",
    "/tone",
    "/programs",
    "/rituals",
    "/goals",
    "/assessments",
    "/insights",
    "/settings",
    "/chats",
    "/coach",
    "/nothing-here",  # the error page
]


def _check(page: Any, path: str, expect_status: int | None = 200) -> None:
    response = page.goto(path)
    assert response is not None
    if expect_status is not None and path != "/nothing-here":
        assert response.status == expect_status, path
    assert "/login" not in page.url or path in ANONYMOUS or path == "/login", path
    blocking = [v for v in axe_violations(page) if v.get("impact") in BLOCKING]
    assert not blocking, f"{path}:\n{describe(blocking)}"


@pytest.mark.parametrize("path", ANONYMOUS)
def test_pages_for_visitors_have_no_serious_accessibility_violations(
    browser: Any, site: dict[str, Any], path: str
) -> None:
    context = browser.new_context(viewport=helpers.PHONE, base_url=site["server"].url)
    _check(context.new_page(), path)
    context.close()


@pytest.fixture(scope="module")
def signed_in_page(browser: Any, site: dict[str, Any]) -> Iterator[Any]:
    server = site["server"]
    context = browser.new_context(viewport=helpers.DESKTOP, base_url=server.url)
    context.set_default_timeout(COLD_ANALYSIS_MS)
    context.add_cookies(
        [{"name": "attune_session", "value": site["robin_cookie"], "url": server.url}]
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", SIGNED_IN)
def test_signed_in_pages_have_no_serious_accessibility_violations(
    signed_in_page: Any, site: dict[str, Any], path: str
) -> None:
    _check(signed_in_page, path.format(**site))


def test_the_tone_check_result_and_an_open_menu_have_no_serious_violations(
    signed_in_page: Any,
) -> None:
    page = signed_in_page
    page.goto("/tone")
    page.fill("#draft", "You never listen. Whatever, calm down.")
    page.click("#tone-submit")
    page.wait_for_selector("#tone-result", timeout=COLD_ANALYSIS_MS)
    page.click("details.more > summary")
    blocking = [v for v in axe_violations(page) if v.get("impact") in BLOCKING]
    assert not blocking, describe(blocking)


def test_a_crisis_panel_has_no_serious_violations(signed_in_page: Any) -> None:
    page = signed_in_page
    page.goto("/journal")
    page.fill("#body", "I want to end my life, I can't go on.")
    page.click("#journal-submit")
    page.wait_for_selector(".safety")
    blocking = [v for v in axe_violations(page) if v.get("impact") in BLOCKING]
    assert not blocking, describe(blocking)
