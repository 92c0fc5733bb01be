"""Locale helpers for dates and times written by chat apps.

Chat apps write dates the way the phone's locale does: day, month and year in
any order, two- or four-digit years, Buddhist-era (Thai) and Japanese-era years,
Persian (Solar Hijri) years, any decimal digits, and 12-hour clocks marked in
the local language. This module turns those pieces into ISO-8601 strings and
decides a file's date order from all of its dates at once.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence

from attune.errors import ChatFormatError

DATE_ORDERS = ("dmy", "mdy", "ymd", "ydm", "dym", "myd")

# Twelve-hour markers, normalised by ``marker_key``: lower case, dots and spaces removed.
_AM = {
    "am",
    "a",
    "vorm",
    "vm",
    "fm",
    "ap",
    "de",
    "dop",
    "πμ",
    "ص",
    "قظ",
    "上午",
    "午前",
    "오전",
    "sa",
    "öö",
    "pg",
    "eparadites",
    "дп",
    "ка",
    "पूर्वाह्न",
    "முற்பகல்",
    "পূর্বাহ্ণ",
    "ก่อนเที่ยง",
    "凌晨",
    "早上",
    "清晨",
}
_PM = {
    "pm",
    "p",
    "nachm",
    "nm",
    "em",
    "ip",
    "du",
    "odp",
    "μμ",
    "م",
    "بظ",
    "下午",
    "午後",
    "오후",
    "ch",
    "ös",
    "ptg",
    "epasdites",
    "пп",
    "кп",
    "अपराह्न",
    "பிற்பகல்",
    "অপরাহ্ণ",
    "หลังเที่ยง",
    "晚上",
    "傍晚",
    "夜晚",
    "ب",
}
_NOON = {"中午"}

_MARK_DROP = str.maketrans("", "", ". \u00a0\u202f\u2009")


def marker_key(marker: str) -> str:
    """Normalise a 12-hour marker: ``"a. m."``, ``"A.M."`` and ``"am"`` become ``"am"``."""
    return marker.translate(_MARK_DROP).lower()


def is_marker(marker: str) -> bool:
    """Tell whether ``marker`` is a known 12-hour clock marker in any supported language."""
    key = marker_key(marker)
    return key in _AM or key in _PM or key in _NOON


def hour24(hour: int, marker: str | None) -> int:
    """Convert a 12-hour clock hour to 24 hours; unknown or missing markers leave it as is."""
    if not marker:
        return hour
    key = marker_key(marker)
    if key in _AM:
        return 0 if hour == 12 else hour
    if key in _PM:
        return hour + 12 if hour < 12 else hour
    if key in _NOON:
        return hour + 12 if hour < 11 else hour
    return hour


_JAPANESE_ERAS = {"r": 2018, "令和": 2018, "h": 1988, "平成": 1988, "s": 1925, "昭和": 1925}


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """Convert a Solar Hijri (Persian) date to the Gregorian calendar."""
    jy += 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
    days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    lengths = (31, 29 if _leap(gy) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    gm = 0
    while gm < 12 and gd > lengths[gm]:
        gd -= lengths[gm]
        gm += 1
    return gy, gm + 1, gd


def gregorian_year(year_text: str, era: str | None = None) -> int:
    """Turn a written year into a Gregorian one (2-digit, Buddhist and Japanese eras).

    Persian years are handled in :func:`iso_date`, since their months differ too.
    """
    year = int(year_text)
    if era:
        base = _JAPANESE_ERAS.get(era.lower())
        if base is None:
            raise ValueError(era)
        return base + year
    if len(year_text) <= 2:
        year += 2000
        # No chat app existed in 2040+: a two-digit year that far ahead is Buddhist-era (25xx).
        if year > _dt.date.today().year + 1:
            year += 500 - 543
        return year
    if year >= 2300:  # Buddhist era, e.g. 2567 -> 2024
        return year - 543
    return year


def iso_date(fields: Sequence[str], order: str, era: str | None = None) -> str:
    """Build ``YYYY-MM-DD`` from three written fields in the given order; ValueError if invalid."""
    parts = dict(zip(order, fields, strict=True))
    year_text, month, day = parts["y"], int(parts["m"]), int(parts["d"])
    year = gregorian_year(year_text, era)
    if 1300 <= year < 1500 and not era:
        year, month, day = jalali_to_gregorian(year, month, day)
    return _dt.date(year, month, day).isoformat()


def iso_time(hour: str, minute: str, second: str | None, marker: str | None) -> str:
    """Build ``HH:MM:SS`` from written pieces, applying a 12-hour marker; ValueError if invalid."""
    return _dt.time(hour24(int(hour), marker), int(minute), int(second or 0)).isoformat()


def _year_position(samples: Iterable[Sequence[str]]) -> int:
    """Return 0 when years come first (a four-digit or era first field), else 2."""
    for fields in samples:
        if len(fields[0]) >= 3:
            return 0
        if len(fields[2]) >= 3:
            return 2
    return 2


def _year_first(samples: Iterable[Sequence[str]]) -> str:
    """Order for year-first dates: ``ydm`` only when the middle field is the one above 12."""
    rows = list(samples)
    over2 = max(int(f[1]) for f in rows) > 12
    over3 = max(int(f[2]) for f in rows) > 12
    return "ydm" if over2 and not over3 else "ymd"


def _decreases(dates: Sequence[tuple[int, int, int]]) -> int:
    return sum(1 for a, b in zip(dates, dates[1:], strict=False) if b < a)


def settled_order(samples: Sequence[Sequence[str]], year_first: bool = False) -> str | None:
    """Return the order the dates prove (a year first, or a field above 12), else None."""
    if not samples:
        return None
    if year_first or _year_position(samples) == 0:
        return _year_first(samples)
    over1 = max(int(f[0]) for f in samples) > 12
    over2 = max(int(f[1]) for f in samples) > 12
    if over1 != over2:
        return "dmy" if over1 else "mdy"
    return None


def decide_order(
    samples: Sequence[Sequence[str]], default: str = "dmy", year_first: bool = False
) -> str:
    """Decide a file's date order from all its distinct dates, in first-seen order.

    A field above 12 cannot be a month, which settles most files. When every
    day of the chat is 12 or less, the order under which the dates run forward
    most often wins (exports are chronological); ``default`` breaks a tie.
    """
    if not samples:
        return default
    if year_first or _year_position(samples) == 0:
        return _year_first(samples)
    firsts = [int(f[0]) for f in samples]
    seconds = [int(f[1]) for f in samples]
    over1, over2 = max(firsts) > 12, max(seconds) > 12
    if over1 and not over2:
        return "dmy"
    if over2 and not over1:
        return "mdy"
    years = [int(f[2]) for f in samples]
    as_dmy = [(y, m, d) for d, m, y in zip(firsts, seconds, years, strict=True)]
    as_mdy = [(y, m, d) for m, d, y in zip(firsts, seconds, years, strict=True)]
    dmy, mdy = _decreases(as_dmy), _decreases(as_mdy)
    if dmy != mdy:
        return "dmy" if dmy < mdy else "mdy"
    return default if default in ("dmy", "mdy") else "dmy"


def usual_order(samples: Sequence[Sequence[str]], sep: str) -> str:
    """The tie-breaker for dates that prove nothing: US-style unpadded ``1/5/24`` reads as mdy."""
    if sep == "/" and any(len(f[0]) == 1 or len(f[1]) == 1 for f in samples):
        return "mdy"
    return "dmy"


def check_order(order: str) -> str:
    """Validate a ``--date-order`` value such as ``dmy`` or ``mdy``."""
    value = order.lower()
    if value not in DATE_ORDERS:
        raise ChatFormatError(f"unknown date order {order!r}; use one of {', '.join(DATE_ORDERS)}")
    return value
