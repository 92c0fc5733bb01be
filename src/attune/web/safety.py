"""What the interface shows when the triage finds risk: for the author's eyes only.

At ``crisis`` level: crisis lines for the person's country at once, and no joint
suggestion. At ``concern`` level: private resources and safety-planning steps.
Nothing of this is stored where a partner could read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from attune.analysis.types import Risk
from attune.content import load_content


@dataclass(frozen=True)
class SafetyPanel:
    level: str
    country: Any | None
    fallback: str
    not_therapy: str
    safety_planning: tuple[str, ...]
    professional_help: tuple[Any, ...]


def help_for(country_code: str) -> SafetyPanel:
    """Help lines and guidance for a country (used by the help page and the panels)."""
    res = load_content().resources
    assert res is not None
    country = next((c for c in res.countries if c.code == country_code.upper()), None)
    return SafetyPanel(
        "help",
        country,
        res.fallback,
        res.not_therapy,
        tuple(res.safety_planning),
        tuple(res.professional_help),
    )


def panel_for(risk: Risk, country_code: str) -> SafetyPanel | None:
    """The panel to show for this risk, or None when there is nothing to show."""
    if risk.level == "none":
        return None
    base = help_for(country_code)
    return SafetyPanel(
        risk.level,
        base.country,
        base.fallback,
        base.not_therapy,
        base.safety_planning,
        base.professional_help,
    )
