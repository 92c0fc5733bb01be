"""The iCalendar feed: valid RFC 5545 text behind a secret address."""

from __future__ import annotations

from datetime import UTC, datetime

from attune.domain import choose_ritual, start_program
from attune.domain.people import feed_token
from attune.domain.reminders import Event, escape_text, fold, render_calendar
from conftest import make_pair


def test_fold_keeps_lines_under_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "Überraschung ✨ " * 20
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_text_is_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_render_calendar_is_crlf_and_complete():
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    text = render_calendar(
        [Event("x@attune", "Hello, you", datetime(2026, 3, 1, 20, 0), rrule="FREQ=DAILY")],
        name="Test",
        now=now,
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "DTSTAMP:20260301T120000Z" in text and "SUMMARY:Hello\\, you" in text
    assert "RRULE:FREQ=DAILY" in text and text.count("BEGIN:VEVENT") == 1


def test_feed_is_served_at_a_secret_address_and_holds_no_private_text(store, login_as, web_client):
    from attune.content import load_content

    p = make_pair(store)
    lib = load_content()
    daily = sorted(r.id for r in lib.rituals.values() if r.cadence == "daily")[0]
    choose_ritual(store, p.alex, daily, p.rel)
    start_program(store, p.alex, sorted(lib.programs)[0], relationship_id=p.rel)
    alex = login_as(p.alex)
    alex.form("/journal", {"body": "SECRET-FEED-MARKER"})
    token = feed_token(store, p.alex)
    r = web_client.get(f"/calendar/{token}.ics")  # no session needed: the address is the key
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    body = r.text
    assert body.count("BEGIN:VEVENT") >= 3 and "daily check-in" in body
    assert "SECRET-FEED-MARKER" not in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert web_client.get(f"/calendar/{token}x.ics").status_code == 404
    assert web_client.get(f"/calendar/{feed_token(store, p.sam)}.ics").status_code == 200
    assert token not in login_as(p.sam).get("/settings").text  # each person has their own
    alex.form("/settings/feed/rotate")
    assert web_client.get(f"/calendar/{token}.ics").status_code == 404
