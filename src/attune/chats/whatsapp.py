"""WhatsApp text exports (Android and iOS, any locale), streamed in 1 MiB pieces.

A header opens each entry: ``05/01/2024, 21:07 - Name: text`` on Android,
``[05/01/2024, 21:07:12] Name: text`` on iOS, with the locale's date order,
separators, digits, era and 12-hour markers. Lines without a header continue
the entry above. The file is read twice: a first pass collects only the
distinct dates (a few thousand at most, so memory stays flat) to decide the
date order once for the whole file; the second pass yields the records.

Within one file the dominant header shape (brackets, date separator, year
width) always opens an entry. A line in another shape opens one only when it
does not step back in time, so a quoted header-like line inside a message,
or a line pasted from another chat, stays part of the message it sits in.

Reading is line by line in meaning, but not in practice: each piece is split
at the lines that open a main-shape entry, and an entry whose date, time and
sender were seen before, with no line below it that could open another
entry, is taken whole. Everything else goes through the line-by-line
reading, which fills the caches the whole-entry path relies on; both give
the same records (a property test holds them to it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from attune.chats._dates import (
    check_order,
    decide_order,
    iso_date,
    iso_time,
    settled_order,
    usual_order,
)
from attune.chats._phrases import NAMED_KEYWORDS, looks_like_sender, whatsapp_kind
from attune.chats._source import open_text, text_blocks
from attune.chats.model import Record
from attune.errors import ChatFormatError

# Byte-order marks and direction marks can sit anywhere in a line; they carry no text.
MARK_CHARS = "\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
MARKS = re.compile(f"[{MARK_CHARS}]+")


def strip_marks(text: str) -> str:
    """Remove direction and byte-order marks; a plain substring test first keeps this cheap."""
    for ch in MARK_CHARS:
        if ch in text:
            return MARKS.sub("", text)
    return text


_DATE = (
    r"(?:(?P<era>[RHS]|令和|平成|昭和)\s?)?"
    r"(?P<d1>\d{1,4})(?P<sep>[./\-])\s?(?P<d2>\d{1,2})(?P=sep)\s?(?P<d3>\d{1,4})\.?"
)
HEADER = re.compile(
    r"(?P<open>\[)?" + _DATE + r"[,،]?\s(?:(?P<pre>[^\W\d_]{1,10}\.?)\s?)?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?"
    r"(?:\s?(?P<ampm>[^\W\d_]+\.?(?:\s?[^\W\d_]+\.?)?))?"
    r"(?(open)\]\s?|(?:\s?[-–—]\s|:\s))"
)
# First pass: only the date fields of lines that look like headers.
_SCAN = re.compile(
    r"\n(\[)?(?:([RHS]|令和|平成|昭和)\s?)?(\d{1,4})([./\-])\s?(\d{1,2})\4\s?(\d{1,4})\.?"
    r"[,،]?\s[^\n\d]{0,12}\d{1,2}[:.]\d{2}"
)
_CHUNK = 1 << 20


EXPECTED = (
    "expected a WhatsApp export with lines like '05/01/2024, 21:07 - Name: text' "
    "or '[05/01/2024, 21:07:12] Name: text'"
)


def _sample_chunks(path: Path) -> Iterator[str]:
    """Yield the file as text pieces of ``_CHUNK`` characters, cut after a line break.

    The first piece is the sample that may settle the date order, so its size
    is counted in characters, as it always was: the same file gets the same order.
    """
    with open_text(path) as fh:
        tail = ""
        while True:
            block = fh.read(_CHUNK)
            if not block:
                break
            block = tail + block
            cut = block.rfind("\n") + 1
            if cut == 0:
                tail = block
                continue
            tail = block[cut:]
            yield strip_marks(block[:cut])
        if tail:
            yield strip_marks(tail) + "\n"


def _chunks(path: Path) -> Iterator[str]:
    """Yield the file as text pieces that end on a line break, marks removed (bytes-sized)."""
    tail = ""
    for block in text_blocks(path, _CHUNK):
        block = strip_marks(block)
        cut = block.rfind("\n") + 1
        if cut == 0:
            tail += block
            continue
        yield tail + block[:cut]
        tail = block[cut:]
    if tail:
        yield tail + "\n"


def _shape(open_: str, era: str, d1: str, sep: str, d3: str) -> tuple[bool, str, bool, bool]:
    return (bool(open_), sep, bool(era) or len(d1) >= 3, len(d3) >= 3)


class _Plan:
    """What the first pass decided: date order per header shape and the dominant shape."""

    def __init__(
        self,
        orders: dict[tuple[bool, str, bool, bool], str],
        main: tuple[bool, str, bool, bool],
        forced: str | None,
    ):
        self.orders = orders
        self.main = main
        self.forced = forced

    def order_for(self, shape: tuple[bool, str, bool, bool], fields: tuple[str, str, str]) -> str:
        """Return the order for a shape the sample did not show, judged from its first date."""
        order = self.orders.get(shape)
        if order is None:
            order = self.forced or decide_order(
                [fields], default=self.orders[self.main], year_first=shape[2]
            )
            self.orders[shape] = order
        return order


def _shapes(
    counts: Counter[tuple[str, str, str, str, str, str]],
) -> tuple[
    dict[tuple[bool, str, bool, bool], list[tuple[str, str, str]]],
    Counter[tuple[bool, str, bool, bool]],
]:
    per_shape: dict[tuple[bool, str, bool, bool], list[tuple[str, str, str]]] = {}
    totals: Counter[tuple[bool, str, bool, bool]] = Counter()
    for (open_, era, d1, sep, d2, d3), n in counts.items():
        key = _shape(open_, era, d1, sep, d3)
        per_shape.setdefault(key, []).append((d1, d2, d3))
        totals[key] += n
    return per_shape, totals


def plan(path: Path, date_order: str | None = None) -> _Plan:
    """Decide how to read the file's dates: the dominant header shape and each shape's order.

    The first block of the file usually settles the order (a day above 12, or a
    year first). Only when it does not are the dates of the whole file scanned,
    keeping just the distinct ones, so memory stays flat either way.
    """
    counts: Counter[tuple[str, str, str, str, str, str]] = Counter()
    settled = False
    for chunk in _sample_chunks(path):
        counts.update(_SCAN.findall("\n" + chunk))
        if not settled:
            if date_order:
                break
            per_shape, _ = _shapes(counts)
            if per_shape and all(settled_order(s, k[2]) for k, s in per_shape.items()):
                break
            settled = True  # not settled by the sample: read every date
    if not counts:
        raise ChatFormatError("found no WhatsApp message header; " + EXPECTED, path=str(path))
    per_shape, totals = _shapes(counts)
    forced = check_order(date_order) if date_order else None
    orders = {
        key: forced or decide_order(samples, usual_order(samples, key[1]), year_first=key[2])
        for key, samples in per_shape.items()
    }
    return _Plan(orders, totals.most_common(1)[0][0], forced)


# A line opens an entry only if it starts with a digit or one of these (brackets, eras).
_OPENERS = "[RHS令平昭"


def _fast_header(main: tuple[bool, str, bool, bool], space: str = r"\s") -> str:
    """A lean pattern for the file's main header shape: one group for the date, one for the time.

    It only speeds up the common case; whatever it matches is checked once
    against :data:`HEADER` before its date and time strings are trusted.
    ``space`` is the white-space class; a pattern run over many lines at once
    must not let it match a line break.
    """
    sp = space
    sep = re.escape(main[1])
    date = rf"(\d{{1,4}}{sep}{sp}?\d{{1,2}}{sep}{sp}?\d{{1,4}}\.?)"
    clock = rf"(\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:{sp}?[^\W\d_]+\.?(?:{sp}?[^\W\d_]+\.?)?)?)"
    if main[0]:
        return rf"\[{date}[,،]?{sp}{clock}\]{sp}?"
    return rf"{date}[,،]?{sp}{clock}(?:{sp}?[-–—]{sp}|:{sp})"


def _layout(sample: str, fast: re.Pattern[str]) -> str | None:
    """A stricter header pattern for the exact layout the sample's headers share, if they share one.

    Every header the lean pattern finds at the start of a sample line is cut
    into digit runs and the text between them. When that text is the same on
    every line and holds no letter (a 24-hour clock, as in
    ``05/01/2024, 21:07 - ``), the result spells that text out and allows each
    digit run only the widths the sample shows. The lean pattern then reads
    any line this one matches in the same way, to the same end, with the same
    date and time groups, because its choices depend only on which characters
    are digits; this pattern is just cheaper to run. None when the layout
    varies or has letters (12-hour markers): the lean pattern is used as is.
    """
    skeleton: list[str] | None = None
    widths: list[list[int]] = []
    spans: tuple[int, int, int, int] | None = None
    for line in sample.split("\n", 2000)[:2000]:
        m = fast.match(line)
        if m is None:
            continue
        head = m.group(0)
        parts = re.split(r"(\d+)", head)  # text, digits, text, ..., text
        text = parts[0::2]
        if skeleton is None:
            skeleton, widths = text, [[len(d)] for d in parts[1::2]]
            # Where the date and time groups start and end, as (run, offset) cut points.
            spans = (m.start(1), m.end(1), m.start(2), m.end(2))
            first_parts = parts
        elif text != skeleton:
            return None
        else:
            for w, d in zip(widths, parts[1::2], strict=True):
                w.append(len(d))
    if skeleton is None or spans is None or any(c.isalpha() for c in "".join(skeleton)):
        return None
    # Rebuild the first header piece by piece, opening and closing the two groups
    # at their character offsets (always at a digit run's edge or inside plain text).
    cuts = {spans[0]: "(", spans[1]: ")", spans[2]: "(", spans[3]: ")"}
    out: list[str] = []
    pos = 0
    for i, piece in enumerate(first_parts):
        if i % 2:  # digits
            if pos in cuts:
                out.append(cuts[pos])
            w = widths[i // 2]
            out.append(rf"\d{{{min(w)},{max(w)}}}")
            pos += len(piece)
            continue
        for ch in piece:
            if pos in cuts:
                out.append(cuts[pos])
            out.append(re.escape(ch))
            pos += 1
    if pos in cuts:
        out.append(cuts[pos])
    if out.count("(") != 2 or out.count(")") != 2:
        return None
    pattern = "".join(out)
    if not skeleton[-1][-1:].isspace():
        # "[05/01/2024, 21:07:12]" then a name: the lean pattern would also take one space.
        pattern += r"(?![^\S\n])"
    return pattern


def _splitter(main: tuple[bool, str, bool, bool], sample: str) -> re.Pattern[str]:
    """A pattern that splits a piece of the file at every line that opens a main-shape entry.

    ``re.split`` with it turns ``"\\n" + piece`` into the lines before the
    first such header, then (header, date, time, rest) for every header, where
    the rest is the line after the header plus any lines below it.
    """
    fast = re.compile(_fast_header(main))
    head = _layout(sample, fast) or _fast_header(main, r"[^\S\n]")
    return re.compile(rf"\n({head})")


_OPENER_LINE = re.compile(rf"\n[\d{re.escape(_OPENERS)}]")


class _Headers:
    """Reads header lines into (timestamp, dominant-shape flag, end of header), with caches."""

    def __init__(self, decided: _Plan):
        self.decided = decided
        self.fast = re.compile(_fast_header(decided.main)).match
        self.fast_dates: dict[str, str | None] = {}
        self.fast_times: dict[str, str | None] = {}
        # What the fast caches hold, ready to use: main-shape days as "YYYY-MM-DDT", valid clocks.
        self.main_days: dict[str, str] = {}
        self.clocks: dict[str, str] = {}
        self.dates: dict[tuple[str, str, str, str, str, str], str | None] = {}
        self.times: dict[tuple[str, str, str, str, str], str | None] = {}

    def slow(self, line: str) -> tuple[str | None, str | None, int]:
        """Read a header with the full pattern: (day, clock, end); None parts and -1 if none."""
        m = HEADER.match(line)
        if m is None:
            return None, None, -1
        open_, era, d1, sep, d2, d3, pre, h, mi, s, ampm = m.groups()
        dkey = (open_, era, d1, sep, d2, d3)
        day = self.dates.get(dkey, "")
        if day == "":
            day = self.dates[dkey] = _day(dkey, self.decided)
        tkey = (pre, h, mi, s, ampm)
        clock = self.times.get(tkey, "")
        if clock == "":
            clock = self.times[tkey] = _clock(tkey)
        return day, clock, m.end()

    def read(self, line: str) -> tuple[str | None, str | None, int]:
        """Like :meth:`slow`, through the lean pattern and string-keyed caches where it fits."""
        m = self.fast(line)
        if m is None:
            return self.slow(line)
        date, clock_text = m.group(1, 2)
        day = self.fast_dates.get(date, "")
        clock = self.fast_times.get(clock_text, "")
        if day == "" or clock == "":
            day, clock, end = self.slow(line)
            if end != m.end():
                return day, clock, end
            self.fast_dates[date] = day
            self.fast_times[clock_text] = clock
            if day is not None and day[0] == "1":
                self.main_days[date] = day[1:] + "T"
            if clock is not None:
                self.clocks[clock_text] = clock
        return day, clock, m.end()


def parse(path: Path, *, date_order: str | None = None) -> Iterator[Record]:
    """Yield every entry of a WhatsApp export as a record, in file order.

    ``date_order`` (``dmy``, ``mdy``, ``ymd``, ...) overrides the order the
    file's dates suggest.
    """
    decided = plan(path, date_order)
    headers = _Headers(decided)
    read = headers.read
    main_days = headers.main_days
    clocks = headers.clocks
    names: dict[str, bool] = {}  # text before ": " -> whether it can be a sender
    senders: set[str] = set()  # names seen opening a message the usual way
    kind_of = whatsapp_kind
    opener_line = _OPENER_LINE.search
    ts = sender = text = ""
    extra: list[str] = []
    system = False
    started = False
    named = True  # whether the entry's text may hold a NAMED_KEYWORDS word
    lineno = 0
    chunks = _chunks(path)
    sample = next(chunks, "")
    split = _splitter(decided.main, sample).split
    for chunk in chain((sample,), chunks):
        # One search of the piece spares one per message when no keyword is in it.
        chunk_named = any(word in chunk for word in NAMED_KEYWORDS)
        # Lines before the piece's first header, then (header, date, time, rest) per entry.
        parts = split("\n" + chunk[:-1])
        entries = zip(*[iter(parts[1:])] * 4, strict=True)
        for head, date, clock_text, body in chain(((None, None, None, parts[0]),), entries):
            if head is None:
                if not body:
                    continue
                lines = body[1:].split("\n")
            else:
                # The usual case, read whole: a main-shape header whose date, time and
                # name were all seen before, with its text and the lines below it.
                day = main_days.get(date)
                if day is not None:
                    clock = clocks.get(clock_text)
                    i = body.find(": ")
                    if clock is not None and i > 0:
                        name = body[:i]
                        # A name holds no line break, and lines below that may open an
                        # entry of another shape need the line-by-line reading.
                        if name in senders and ("\n" not in body or not opener_line(body)):
                            if started:
                                if extra or system or "\n" in text:
                                    yield _record(ts, sender, text, extra, system, named)
                                    extra = []
                                else:
                                    yield (ts, sender, text, kind_of(text, named))
                            started = True
                            named = chunk_named
                            ts = day + clock
                            sender = name
                            text = body[i + 2 :]
                            system = False
                            continue
                lines = (head + body).split("\n")
            for line in lines:
                lineno += 1
                first = line[:1]
                if first.isdecimal() or (first and first in _OPENERS):
                    day, clock, end = read(line)
                    if day is not None and clock is not None:
                        stamp = day[1:] + "T" + clock
                        # Lines in a minority shape open an entry only if time moves on.
                        if day[0] == "1" or not started or stamp >= ts:
                            if started:
                                yield _record(ts, sender, text, extra, system, named)
                                extra = []
                            started = True
                            named = chunk_named
                            ts = stamp
                            rest = line[end:]
                            i = rest.find(": ")
                            if i > 0:
                                name = rest[:i]
                                ok = names.get(name)
                                if ok is None:
                                    ok = names[name] = looks_like_sender(name)
                                if ok:
                                    senders.add(name)
                                    sender, text, system = name, rest[i + 2 :], False
                                    continue
                            if rest.endswith(":") and looks_like_sender(rest[:-1]):
                                sender, text, system = rest[:-1], "", False
                                names[sender] = True
                                continue
                            j = rest.find(":")
                            if j > 0 and names.get(rest[:j]):
                                sender, text, system = rest[:j], rest[j + 1 :], False
                            else:
                                sender, text, system = "", rest, True
                            continue
                if not started:
                    if line.strip():
                        raise ChatFormatError(
                            "text before the first message header; " + EXPECTED,
                            path=str(path),
                            line=lineno,
                        )
                    continue
                extra.append(line)
                named = named or chunk_named
    if started:
        yield _record(ts, sender, text, extra, system, named)


def _day(key: tuple[str, str, str, str, str, str], decided: _Plan) -> str | None:
    """Return '1YYYY-MM-DD' for the dominant shape, '0YYYY-MM-DD' for others, None if no date."""
    open_, era, d1, sep, d2, d3 = key
    shape = _shape(open_, era, d1, sep, d3)
    main = decided.main
    if shape[0] != main[0]:
        return None  # brackets never mix with dash headers in one export
    order = decided.order_for(shape, (d1, d2, d3))
    try:
        iso = iso_date((d1, d2, d3), order, era)
    except (ValueError, OverflowError, KeyError):
        return None
    return ("1" if shape == main else "0") + iso


def _clock(key: tuple[str, str, str, str, str]) -> str | None:
    pre, h, mi, s, ampm = key
    try:
        return iso_time(h, mi, s, ampm or pre)
    except (ValueError, OverflowError):
        return None


def _record(
    ts: str, sender: str, text: str, extra: list[str], system: bool, named: bool = True
) -> Record:
    if extra or "\n" in text:
        text = "\n".join([text, *extra])
        # Blank lines around a body belong to the export's layout, not to the message.
        text = text.strip("\n")
    if system:
        return (ts, "", text, "system")
    return (ts, sender, text, whatsapp_kind(text, named))
