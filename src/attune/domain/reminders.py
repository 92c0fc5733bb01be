"""Reminders as an iCalendar feed (RFC 5545): check-ins, chosen rituals and program days.

The feed holds no private text: only content titles and fixed wording, because
calendar apps often sync feeds to third-party servers. It is read through a
secret per-person address (see ``people.feed_token``).

>>> from attune.store import Store
>>> from attune.domain import create_person
>>> store = Store.memory()
>>> sam = create_person(store, "sam", "Sam")
>>> build_feed(store, sam.id).startswith("BEGIN:VCALENDAR\\r\\n")
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from attune.content import load_content
from attune.domain.people import get_person
from attune.domain.programs import my_programs, program_today
from attune.domain.relationships import list_relationships
from attune.domain.rituals import my_rituals
from attune.store import Store

CHECKIN_AT = time(20, 0)
DAILY_RITUAL_AT = time(8, 0)
WEEKLY_RITUAL_AT = time(18, 0)
PROGRAM_DAYS_AHEAD = 14
PRODID = "-//Attune//Reminders//EN"


@dataclass(frozen=True)
class Event:
    """One calendar entry; ``start`` is a date (all day) or a floating local time."""

    uid: str
    summary: str
    start: date | datetime
    minutes: int = 10
    description: str = ""
    rrule: str | None = None


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never splitting a character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _when(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return ":" + value.strftime("%Y%m%dT%H%M%S")
    return ";VALUE=DATE:" + value.strftime("%Y%m%d")


def render_calendar(events: Sequence[Event], *, name: str, now: datetime) -> str:
    """The iCalendar text for ``events``: CRLF line ends, folded lines, escaped text."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for ev in events:
        lines += ["BEGIN:VEVENT", f"UID:{ev.uid}", f"DTSTAMP:{stamp}", "DTSTART" + _when(ev.start)]
        if isinstance(ev.start, datetime):
            lines.append(f"DURATION:PT{ev.minutes}M")
        else:
            lines.append("DTEND" + _when(ev.start + timedelta(days=1)))
        if ev.rrule:
            lines.append(f"RRULE:{ev.rrule}")
        lines.append(f"SUMMARY:{escape_text(ev.summary)}")
        if ev.description:
            lines.append(f"DESCRIPTION:{escape_text(ev.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def reminder_events(store: Store, actor: int, *, today: date) -> list[Event]:
    """The actor's reminders: a daily check-in, chosen rituals, upcoming program days."""
    events: list[Event] = []
    if list_relationships(store, actor):
        events.append(
            Event(
                uid=f"checkin-{actor}@attune",
                summary="Attune: daily check-in",
                start=datetime.combine(today, CHECKIN_AT),
                minutes=5,
                description="A minute to say how you are. Skip it any day; nothing is lost.",
                rrule="FREQ=DAILY",
            )
        )
    for ritual in my_rituals(store, actor):
        if ritual.cadence == "occasional":
            continue
        daily = ritual.cadence == "daily"
        item = load_content().rituals.get(ritual.ritual_id)
        events.append(
            Event(
                uid=f"ritual-{ritual.id}@attune",
                summary=f"Ritual: {ritual.title}",
                start=datetime.combine(today, DAILY_RITUAL_AT if daily else WEEKLY_RITUAL_AT),
                minutes=item.duration_minutes if item else 10,
                description=item.purpose.strip() if item else "",
                rrule="FREQ=DAILY" if daily else "FREQ=WEEKLY",
            )
        )
    lib = load_content()
    for enrollment in my_programs(store, actor):
        now = program_today(store, actor, enrollment.id, today=today)
        if now.task is None:
            continue
        program = lib.programs.get(enrollment.program_id)
        if program is None:
            continue
        first = today + timedelta(days=1) if now.done_today else today
        upcoming = [d for d in program.days if d.day >= now.task.day][:PROGRAM_DAYS_AHEAD]
        for offset, task in enumerate(upcoming):
            events.append(
                Event(
                    uid=f"program-{enrollment.id}-day-{task.day}@attune",
                    summary=f"{program.title}, day {task.day}: {task.title}",
                    start=first + timedelta(days=offset),
                    minutes=task.minutes,
                    description=task.task.strip(),
                )
            )
    return events


def build_feed(store: Store, actor: int, *, now: datetime | None = None) -> str:
    """The actor's whole reminder feed as iCalendar text."""
    now = now or datetime.now(UTC)
    person = get_person(store, actor)
    events = reminder_events(store, actor, today=now.astimezone().date())
    return render_calendar(events, name=f"Attune reminders for {person.display_name}", now=now)
