"""Checks behind ``attune doctor``: can Attune run here, and is its data sound?"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

OK, WARN, FAIL = 0, 1, 2


@dataclass(frozen=True)
class Check:
    name: str
    level: int
    detail: str


def _python() -> Check:
    ok = sys.version_info >= (3, 11)
    return Check(
        "python", OK if ok else FAIL, sys.version.split()[0] + ("" if ok else " (need 3.11+)")
    )


def _store() -> Iterator[Check]:
    from attune.config import get_settings
    from attune.errors import AttuneError
    from attune.store import Store

    settings = get_settings()
    try:
        store = Store.open(settings=settings)
    except AttuneError as e:
        yield Check("database", FAIL, str(e))
        return
    try:
        result = store.integrity_check()
        yield Check(
            "database",
            OK if result == "ok" else FAIL,
            f"{store.engine.dialect.name}, {len(store.tables())} tables, integrity {result}",
        )
    finally:
        store.close()
    key = settings.key_file
    if key.exists():
        mode = stat.S_IMODE(os.stat(key).st_mode)
        level = OK if mode & 0o077 == 0 else WARN
        detail = f"{key} (mode {oct(mode)})" + (
            "" if level == OK else ": others can read it; run chmod 600"
        )
        yield Check("key file", level, detail + ". Back it up: without it private text is lost.")


def _content() -> Iterator[Check]:
    from attune.content import check_content

    lib, problems = check_content()
    stats = ", ".join(f"{v} {k}" for k, v in lib.stats().items())
    if problems:
        yield Check("content", FAIL, f"{len(problems)} problem(s); run 'attune content check'")
        return
    yield Check("content", OK, stats)
    res = lib.resources
    if res is not None:
        oldest = min(line.checked for c in res.countries for line in c.lines)
        age = (date.today() - oldest).days
        level = OK if age <= 365 else WARN if age <= 730 else FAIL
        yield Check(
            "help lines",
            level,
            f"{len(res.countries)} countries, oldest check {oldest} ({age} days ago)"
            + ("" if level == OK else ": re-verify the numbers before relying on them"),
        )


def _analysis() -> Check:
    try:
        from attune.analysis import analyze_one

        a = analyze_one("You never listen to me, what is wrong with you")
    except Exception as e:  # noqa: BLE001 - doctor reports any failure rather than crashing
        return Check("analysis", FAIL, f"{type(e).__name__}: {e}")
    labels = ", ".join(p.label for p in a.patterns) or "none"
    return Check("analysis", OK, f"models load offline; sample patterns: {labels}")


def run_checks() -> Iterator[Check]:
    """Yield each check as it completes."""
    yield _python()
    yield from _store()
    yield from _content()
    yield _analysis()
