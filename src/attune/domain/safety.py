"""The safety triage as the domain uses it: one text in, one risk out."""

from __future__ import annotations

from collections.abc import Iterable

from attune.analysis.types import NO_RISK, Risk

_ORDER = {"none": 0, "concern": 1, "crisis": 2}


def triage(*texts: str | None) -> Risk:
    """Return the most serious risk found in any of ``texts``."""
    present = [t for t in texts if t]
    if not present:
        return NO_RISK
    from attune.analysis.risk import assess_risk

    return most_serious(assess_risk(present))


def most_serious(risks: Iterable[Risk]) -> Risk:
    worst = NO_RISK
    for r in risks:
        if _ORDER[r.level] > _ORDER[worst.level]:
            worst = r
    return worst
