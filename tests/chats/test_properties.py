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
