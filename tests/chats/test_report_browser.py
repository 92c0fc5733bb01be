"""The chat report in a real headless Chromium: it renders, explains, stays offline.

Needs Debian's ``chromium`` (``make browsers`` installs it). Without it these
tests skip, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from attune.analysis.types import Analysis, Label, PatternHit
from attune.chats.insights import compute_insights
from attune.chats.model import Message
from attune.chats.report import render_report

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str:
    if not Path(CHROMIUM).exists():
        reason = "chromium is not installed (apt-get install -y chromium, or make browsers)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    return CHROMIUM


def _report(tmp_path: Path) -> Path:
    """Eight weeks of a two-person chat with bids, conflict, repair and warm moments."""
    msgs: list[Message] = []
    anas: list[Analysis] = []
    start = datetime(2024, 3, 4, 8, 0)
    script = [
        (0, "Robin", "morning! slept ok?", ("bid",), ("caring",)),
        (6, "Kai", "yes, thanks love", ("appreciation",), ("gratitude", "love")),
        (600, "Kai", "you never text back when you're out", ("criticism",), ("annoyance",)),
        (610, "Robin", "that's not fair, I was driving", ("defensiveness",), ("anger",)),
        (615, "Kai", "whatever", ("dismissal",), ("annoyance",)),
        (640, "Robin", "sorry, can we talk tonight?", ("repair_attempt",), ("remorse",)),
        (650, "Kai", "yes, I'd like that", ("validation",), ("approval",)),
        (900, "Robin", "look at this photo of the dog", ("bid",), ("amusement",)),
        (1400, "Kai", "ha, cute", (), ("amusement",)),
    ]
    for week in range(8):
        for day in (0, 2, 4):
            base = start + timedelta(days=week * 7 + day)
            for minute, who, text, pats, emo in script:
                msgs.append(Message(base + timedelta(minutes=minute), who, text))
                hits = tuple(PatternHit(p, 0.8, 0, len(text), f"{p} wording") for p in pats)
                anas.append(Analysis(text, tuple(Label(e, 0.7) for e in emo), hits))
    html = render_report(compute_insights(msgs, anas, me="Robin"), generated=datetime(2026, 11, 22))
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


def _png_pixels(data: bytes) -> bytes:
    """The decompressed scanlines of a PNG (filter bytes included): enough to tell blank pages."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(idat)


def test_report_renders_offline_with_working_explanations(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    path = _report(tmp_path)
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})

            def guard(route) -> None:  # type: ignore[no-untyped-def]
                url = route.request.url
                if url.startswith("file://") or url.startswith("data:"):
                    route.continue_()
                else:
                    outside.append(url)
                    route.abort()

            page.route("**/*", guard)
            page.on("pageerror", lambda e: errors.append(str(e)))
            # The page's own policy blocks fetches before they leave; it logs each block.
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(path.as_uri())
            page.wait_for_load_state("load")

            assert page.locator("h1").inner_text() == "Chat insights"
            for anchor in ("overview", "rhythm", "responses", "emotions", "patterns",
                           "conflict", "bids", "repairs", "trends"):  # fmt: skip
                assert page.locator(f"section#{anchor}").is_visible(), anchor
            assert page.locator("svg.chart").count() >= 9
            assert page.locator("svg.chart rect title").count() > 50  # hover tooltips

            # Every big number has a one-click explanation next to it.
            missing = page.evaluate(
                """() => [...document.querySelectorAll('.num')].filter(
                     n => !n.closest('.explained').querySelector(':scope > details.why')).length"""
            )
            assert missing == 0
            ratio = page.locator("#conflict .stat").first
            why = ratio.locator("details.why")
            assert not why.evaluate("d => d.open")
            why.locator("summary").click()
            assert why.evaluate("d => d.open")
            assert "Gottman" in why.inner_text()

            # Legend buttons hide and show a series.
            button = page.locator('button.lg[data-chart="c-volume"][data-series="1"]')
            series = page.locator('#c-volume .series[data-series="1"]')
            assert series.is_visible()
            button.click()
            assert button.get_attribute("aria-pressed") == "false"
            assert "off" in (series.get_attribute("class") or "")
            button.click()
            assert "off" not in (series.get_attribute("class") or "")

            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert outside == []
    assert errors == []
    data = shot.read_bytes()
    assert len(data) > 50_000
    pixels = _png_pixels(data)
    assert len(set(pixels)) > 64  # many distinct values: text and charts, not a blank page
