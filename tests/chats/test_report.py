"""The HTML report: self-contained, escaped, every number explained, examples capped."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html.parser import HTMLParser

import pytest

from attune.analysis.types import Analysis, Label, PatternHit, Risk
from attune.chats.insights import InsightParams, compute_insights
from attune.chats.model import Message
from attune.chats.report import render_report, summary_rows

T0 = datetime(2024, 5, 6, 20, 0)


def _chat() -> tuple[list[Message], list[Analysis]]:
    """Two weeks of evening chat with bids, criticism, repair and one risky message."""
    msgs: list[Message] = []
    anas: list[Analysis] = []

    def add(minutes: float, who: str, text: str, pats: tuple[str, ...] = (), emo=()) -> None:
        msgs.append(Message(T0 + timedelta(minutes=minutes), who, text))
        hits = tuple(PatternHit(p, 0.9, 0, min(len(text), 20), f"{p} wording") for p in pats)
        anas.append(Analysis(text, tuple(Label(e, 0.7) for e in emo), hits))

    for day in range(14):
        base = day * 24 * 60
        add(base, "Ana <i>", f"how was your day {day}?", ("bid",), ("curiosity",))
        add(base + 4, "Ben", "long but good, thanks for asking", ("appreciation",), ("gratitude",))
        add(base + 20, "Ben", f"you never plan anything secret-{day}", ("criticism",), ("anger",))
        add(base + 25, "Ana <i>", "that's not fair, you forget too", ("defensiveness",), ("anger",))
        add(base + 30, "Ben", "whatever", ("dismissal",), ("annoyance",))
        add(base + 40, "Ana <i>", "sorry, can we start over?", ("repair_attempt",), ("remorse",))
        add(base + 45, "Ben", "yes, I love you", (), ("love",))
    msgs.append(Message(T0 + timedelta(days=15), "Ben", "I might hurt myself tonight"))
    anas.append(Analysis(msgs[-1].text, risk=Risk("crisis", "self_harm", 8, 12)))
    msgs.append(Message(T0 + timedelta(days=15, minutes=1), "", "Missed voice call", "system"))
    anas.append(Analysis(msgs[-1].text))
    return msgs, anas


@pytest.fixture(scope="module")
def page() -> str:
    msgs, anas = _chat()
    return render_report(compute_insights(msgs, anas, me="Ben"), generated=datetime(2026, 11, 22))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "poster", "data") and value:
                self.urls.append(value)


def test_page_is_self_contained(page: str) -> None:
    c = _Collector()
    c.feed(page)
    assert "link" not in c.tags and "img" not in c.tags and "iframe" not in c.tags
    assert c.urls and all(u.startswith("#") for u in c.urls), c.urls
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page  # the page's own policy forbids fetching anything


def test_names_and_excerpts_are_escaped(page: str) -> None:
    assert "Ana <i>" not in page
    assert "Ana &lt;i&gt;" in page
    assert "&amp;lt;" not in page  # escaped once, not twice


def test_every_number_has_a_why(page: str) -> None:
    # Each explained block holds exactly one explanation, and every big number sits in one.
    blocks = re.findall(r'class="(?:stat )?explained"', page)
    whys = re.findall(r'<details class="why"><summary>why this number\?</summary>', page)
    assert len(blocks) == len(whys) > 20
    nums = re.findall(r'<span class="num">', page)
    stats = re.findall(r'<div class="stat explained">', page)
    assert len(nums) == len(stats)


def test_key_numbers_are_shown(page: str) -> None:
    # 15 conversations: one per evening plus the late message on day 15.
    assert re.search(r'<span class="num">15</span><span class="label">conversations', page)
    # Ana's 14 bids were all answered warmly within minutes.
    assert re.search(r'<span class="num">100%</span><span class="label">of Ana &lt;i&gt;', page)
    # Conflict definition and the 5:1 anchor are explained in the page.
    assert "at least 3 negative messages" in page
    assert "5:1" in page and "Gottman" in page


def test_examples_are_capped_and_risky_text_never_quoted(page: str) -> None:
    assert page.count("secret-") == 3  # 14 criticisms, three examples
    assert "hurt myself" not in page
    assert "Some messages mention harm" in page


def test_examples_can_be_switched_off() -> None:
    msgs, anas = _chat()
    html = render_report(compute_insights(msgs, anas, params=InsightParams(max_examples=0)))
    assert "secret-" not in html
    assert "Examples are switched off" in html


def test_empty_chat_renders() -> None:
    html = render_report(compute_insights([], []))
    assert "<html" in html and "no dated messages" in html


def test_summary_rows_for_the_terminal() -> None:
    msgs, anas = _chat()
    rows = dict(summary_rows(compute_insights(msgs, anas, me="Ben")))
    assert rows["Messages"].startswith("100 ")
    assert "Ben (you)" in rows
    assert "bids turned toward 100%" in rows["Ana <i>"]
    assert "anchor 5:1" in rows["During conflict"]
    assert "Safety" in rows


def test_cli_report_writes_one_page_and_prints_a_summary(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from attune.cli import main

    chat = tmp_path / "WhatsApp Chat with Sam.txt"
    lines = [
        "06/05/2024, 20:00 - Alex: how was your day?",
        "06/05/2024, 20:03 - Sam: good, thank you for asking!",
        "06/05/2024, 20:10 - Sam: <Media omitted>",
        "07/05/2024, 23:30 - Alex: are you awake?",
        "07/05/2024, 23:45 - Sam: yes, I love you",
    ]
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["report", str(chat), "-o", str(out), "--me", "Alex", "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "Alex (you)" in result.output and "2 conversations" in result.output
    assert "Wrote" in result.output and "report.html" in result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "Sam" in html
    assert not re.search(r"https?://", html)

    wrong = CliRunner().invoke(main, ["report", str(chat), "-o", str(out), "--me", "Zed"])
    assert wrong.exit_code == 1
    assert "matches none of the 2 senders" in wrong.output


def test_nonce_mode_needs_no_inline_styles() -> None:
    msgs, anas = _chat()
    html = render_report(compute_insights(msgs, anas), nonce="abc123")
    assert '<style nonce="abc123">' in html and '<script nonce="abc123">' in html
    assert "style-src 'nonce-abc123'; script-src 'nonce-abc123'" in html
    assert "unsafe-inline" not in html
    assert " style=" not in html and " onclick=" not in html
    with pytest.raises(ValueError):
        render_report(compute_insights(msgs, anas), nonce='x" onload="y')
