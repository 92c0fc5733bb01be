"""Property tests: generated chats in many locales read back exactly; junk never crashes."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attune.chats import FORMATS, parse_chat
from attune.errors import ChatFormatError

DIGITS = {
    "ascii": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
}
# (am, pm, marker goes before the time)
MARKERS = [
    ("AM", "PM", False),
    ("am", "pm", False),
    ("a. m.", "p. m.", False),
    ("a.m.", "p.m.", False),
    ("ص", "م", False),
    ("vorm.", "nachm.", False),
    ("上午", "下午", True),
    ("오전", "오후", True),
    ("午前", "午後", True),
]
SPACES = [" ", "\u00a0", "\u202f"]
MARKS = ["", "\u200e", "\u200f", "\ufeff", "\u202a", "\u2068"]

name_chars = st.sampled_from(
    list("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ éüß李ñ-:'.+") + ["😊"]
)
names = (
    st.text(name_chars, min_size=1, max_size=14)
    .map(str.strip)
    .filter(lambda n: n and ": " not in n and not n.endswith(":") and not n.startswith(("-", ":")))
)
word = st.text(
    st.sampled_from(list("abcdefghijklmnopqrstuvwxyzéüñ李😊:-,.!?'")), min_size=1, max_size=8
)
line = st.lists(word, min_size=1, max_size=6).map(" ".join)
bodies = st.lists(line, min_size=1, max_size=3).map("\n".join)


@st.composite
def layouts(draw):
    return {
        "bracket": draw(st.booleans()),
        "order": draw(st.sampled_from(["dmy", "mdy", "ymd"])),
        "sep": draw(st.sampled_from(["/", ".", "-"])),
        "year4": draw(st.booleans()),
        "pad": draw(st.booleans()),
        "twelve": draw(st.sampled_from([None, *MARKERS])),
        "space": draw(st.sampled_from(SPACES)),
        "clock_sep": draw(st.sampled_from([":", "."])),
        "seconds": draw(st.booleans()),
        "digits": draw(st.sampled_from(sorted(DIGITS))),
        "mark": draw(st.sampled_from(MARKS)),
        "dash": draw(st.sampled_from(["-", "–"])),
        "explicit_order": draw(st.booleans()),
    }


def header(ts: datetime, lay: dict) -> str:
    year = f"{ts.year:04d}" if lay["year4"] or lay["order"] == "ymd" else f"{ts.year % 100:02d}"
    fmt = "{:02d}" if lay["pad"] else "{}"
    day, month = fmt.format(ts.day), fmt.format(ts.month)
    parts = {"d": day, "m": month, "y": year}
    date = lay["sep"].join(parts[c] for c in lay["order"])
    clock_sep = lay["clock_sep"]
    if lay["twelve"]:
        am, pm, before = lay["twelve"]
        hour = ts.hour % 12 or 12
        clock = f"{hour}{clock_sep}{ts.minute:02d}"
        marker = pm if ts.hour >= 12 else am
    else:
        clock = f"{ts.hour:02d}{clock_sep}{ts.minute:02d}"
    if lay["seconds"]:
        clock += f"{clock_sep}{ts.second:02d}"
    if lay["twelve"]:
        clock = f"{marker}{clock}" if before else f"{clock}{lay['space']}{marker}"
    stamp = (date + ", " + clock).translate(str.maketrans("0123456789", DIGITS[lay["digits"]]))
    mark = lay["mark"]
    if lay["bracket"]:
        return f"{mark}[{mark}{stamp}] "
    return f"{mark}{stamp} {lay['dash']} "


@st.composite
def chats(draw):
    lay = draw(layouts())
    n = draw(st.integers(1, 8))
    # The first day is past the 12th so the date order can be told without help.
    start = datetime(
        draw(st.integers(2010, 2025)), draw(st.integers(1, 12)), draw(st.integers(13, 28))
    )
    steps = draw(st.lists(st.integers(0, 200_000), min_size=n, max_size=n))
    stamps, ts = [], start + timedelta(seconds=draw(st.integers(0, 86399)))
    for step in steps:
        ts += timedelta(seconds=step)
        stamps.append(ts if lay["seconds"] else ts.replace(second=0))
    senders = draw(st.lists(names, min_size=n, max_size=n))
    texts = draw(st.lists(bodies, min_size=n, max_size=n))
    return lay, list(zip(stamps, senders, texts, strict=True))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chats())
def test_generated_whatsapp_chats_read_back_exactly(chat):
    lay, messages = chat
    text = "".join(f"{header(ts, lay)}{sender}: {body}\n" for ts, sender, body in messages)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chat.txt"
        path.write_text(text, encoding="utf-8")
        options = {"date_order": lay["order"]} if lay["explicit_order"] else {}
        got = [(m.timestamp, m.sender, m.text, m.kind) for m in parse_chat(path, **options)]
    assert got == [(ts, s, b, "text") for ts, s, b in messages]


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=600),
    st.sampled_from(["auto", *FORMATS]),
    st.sampled_from([".txt", ".json", ".csv", ".zip"]),
)
def test_arbitrary_bytes_only_ever_raise_chat_format_error(data, fmt, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"export{suffix}"
        path.write_bytes(data)
        try:
            for message in parse_chat(path, format=fmt):
                assert message.kind in ("text", "media", "system")
        except ChatFormatError as e:
            assert "export" in str(e)


@settings(max_examples=150, deadline=None)
@given(
    chats(),
    st.floats(0, 1),
    st.sampled_from(["auto", "whatsapp", "signal", "csv", "jsonl", "telegram"]),
)
def test_truncated_exports_never_crash(chat, cut, fmt):
    lay, messages = chat
    data = "".join(f"{header(ts, lay)}{s}: {b}\n" for ts, s, b in messages).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chat.txt"
        path.write_bytes(data[: int(len(data) * cut)])
        try:
            list(parse_chat(path, format=fmt))
        except ChatFormatError as e:
            assert e.path is not None


# Lines that a fast reading must leave to the line-by-line one: other layouts, dates that do
# not exist, digits opening a continuation line, blank lines, names that are not names.
ODD_LINES = [
    "5 apples",
    "",
    "  ",
    "31/02/2020, 10:00 - Bad: date",
    "1/2/20, 9:07 PM - Us: twelve-hour",
    "[1/2/2020, 10:00:00] Ios: bracket",
    "12.13.2020, 10:00 - Dot: other separator",
    "R5/1/2, 1:00 - Era: line",
    "Bo:no space",
    ': "quoted": not a name',
    "x" * 90 + ": too long a name",
]


@st.composite
def mixed_chats(draw):
    lay, messages = draw(chats())
    # The messages once plainly, so that their dates, times and names are known, then
    # again among odd lines: the second time round they take the fast path.
    lines = [f"{header(ts, lay)}{sender}: {body}" for ts, sender, body in messages]
    for ts, sender, body in messages:
        lines.append(f"{header(ts, lay)}{sender}: {body}")
        lines.extend(draw(st.lists(st.sampled_from(ODD_LINES), max_size=2)))
        if draw(st.booleans()):  # the same sender again, or a line with a header and no name
            lines.append(f"{header(ts, lay)}{draw(st.sampled_from([sender, 'Bo:x', '']))}")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + newline


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_chats(), st.sampled_from([48, 200, 1 << 20]))
def test_whole_entry_reading_gives_what_line_by_line_reading_gives(text, piece):
    """The split-by-header fast path, in both its layouts, yields exactly the line-by-line records.

    Small pieces put odd lines after the sample the exact layout is read from.
    """
    import re
    from unittest import mock

    from attune.chats import whatsapp

    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(whatsapp, "_CHUNK", piece):
        path = Path(tmp) / "chat.txt"
        path.write_text(text, encoding="utf-8", newline="")

        def read():
            try:
                return list(whatsapp.parse(path))
            except ChatFormatError as e:
                return str(e)

        fast = read()
        with mock.patch.object(whatsapp, "_layout", lambda sample, fast: None):
            lean = read()
        never = re.compile(r"\n(?!)()()()")
        with mock.patch.object(whatsapp, "_splitter", lambda main, sample: never):
            line_by_line = read()
    assert fast == lean == line_by_line


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=12), st.text(), st.sampled_from(["text", "media", "system"])),
        max_size=30,
    )
)
def test_json_lines_are_json_dumps_of_each_message(rows):
    import json
    from unittest import mock

    from attune.chats import export

    records = [(f"2024-01-05T21:07:{i % 60:02d}", s, t, k) for i, (s, t, k) in enumerate(rows)]
    with mock.patch.object(export, "_BATCH", 9):  # several batches, cut mid-way
        text = "".join(export.jsonl_batches(records))
    expected = [
        json.dumps({"timestamp": ts, "sender": s, "text": t, "kind": k}, ensure_ascii=False)
        for ts, s, t, k in records
    ]
    assert text.split("\n")[:-1] == expected and text.endswith("\n") == bool(records)


def _kind_with_all_patterns(text: str) -> str:
    """whatsapp_kind as first written: every phrase pattern and ending tried on every body."""
    from attune.chats import _phrases as p

    if not text:
        return "media"
    first = text.split("\n", 1)[0]
    if not first:
        return "text"
    if first[-1] == ">":
        if first in p.MEDIA_BODIES or (
            first[0] == "<" and p.ANGLE_NOTE.fullmatch(first) and "edited" not in first
        ):
            return "media"
    elif len(first) <= 200 and first.endswith(p.MEDIA_ENDINGS):
        return "media"
    if first[0] in p._SYSTEM_FIRST and p.ATTRIBUTED_SYSTEM.match(text):
        return "system"
    if first[0] in p._LOCATION_FIRST and p.LOCATION.match(text):
        return "media"
    if len(text) < 300 and any(k in text for k in p.NAMED_KEYWORDS):
        return "system" if p.NAMED_SYSTEM.match(text) else "text"
    return "text"


def _phrase_pieces():
    from attune.chats import _phrases as p

    return st.sampled_from(
        [
            *sorted(p.MEDIA_BODIES)[:5],
            *p.MEDIA_ENDINGS[:8],
            "This message was deleted",
            "Missed voice call",
            "Voice call",
            "Your security code with Bo changed",
            "Пропущенный звонок",
            "Location: https://maps",
            "LIVE LOCATION SHARED",
            "Ubicación: http://x",
            "Bo changed their phone number",
            " updated the message timer",
            "<attached: 1.jpg>",
            "hello",
            "\n",
            " ",
            "<",
            ">",
            "é",
            "😊",
        ]
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(_phrase_pieces(), max_size=4).map("".join))
def test_kind_by_lead_character_agrees_with_every_pattern(text):
    from attune.chats._phrases import NAMED_KEYWORDS, whatsapp_kind

    assert whatsapp_kind(text) == _kind_with_all_patterns(text)
    if not any(k in text for k in NAMED_KEYWORDS):
        assert whatsapp_kind(text, named=False) == whatsapp_kind(text)
