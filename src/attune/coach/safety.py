"""The coach's safety gate: triage on the way in, checks on the way out, help lines.

Input: every message goes through :func:`attune.analysis.risk.assess_risk`
(via :func:`triage`) before anything else. Output: any text the coach did not
write itself (a language model's reply) must pass :func:`check_output`, which
rejects risky content, harmful patterns such as contempt or criticism,
diagnosis words and method details.

The help lines come from the content library's ``resources.yaml`` for the
person's country; when the library or the country is missing, a built-in
fallback still points to emergency services, so a crisis reply never fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from attune.analysis.types import NO_RISK, Risk

# Words that would make a reply a diagnosis or a label for a person.
_DIAGNOSIS = re.compile(
    r"\b(?:narcissis(?:t|tic|m)|sociopath\w*|psychopath\w*|bipolar|borderline|bpd|npd|"
    r"personality disorder|ptsd|c-ptsd|adhd|autis(?:m|tic)|ocd|schizo\w*|psychotic|"
    r"clinical(?:ly)? depress\w*|major depress\w*|(?:you|they|he|she) (?:have|has|suffers? from) "
    r"(?:depression|anxiety disorder|a disorder|an illness)|"
    r"(?:a|an) (?:anxiety|mood|eating|attachment) disorder|diagnos(?:e|is|ed)\b|"
    r"codependen\w*|toxic person|mentally ill|"
    r"(?:you are|you're|they are|they're|he is|he's|she is|she's) (?:an? )?"
    r"(?:avoidant|disorgani[sz]ed|(?:anxiously|avoidantly|insecurely) attached)\b)",
    re.IGNORECASE,
)
# Details about means or methods of harm.
_METHOD = re.compile(
    r"\b(?:overdos\w*|lethal|dosage|\d+\s?mg\b|milligrams?|pills? to|how many pills|noose|"
    r"hang(?:ing)? (?:yourself|myself|themselves)|slit\w*|wrists?|bleach|rope|firearm|gun|"
    r"poison\w*|jump(?:ing)? (?:off|from)|suffocat\w*|carbon monoxide|razor|blade)\b",
    re.IGNORECASE,
)
# Replies must not push a joint exercise or talking it out once safety mode is on.
_JOINT = re.compile(
    r"\b(?:together|both of you|with your partner|talk (?:it|this) (?:out|through) with|"
    r"couples? (?:exercise|counsel\w*|therapy))\b",
    re.IGNORECASE,
)
_BLOCKING_PATTERNS = frozenset(
    {"contempt", "criticism", "sarcasm", "dismissal", "defensiveness", "ultimatum", "mind_reading"}
)


@dataclass(frozen=True)
class Resource:
    """One place to get help: a line, a number, or a kind of professional help."""

    name: str
    kind: str
    phone: str | None = None
    sms: str | None = None
    url: str | None = None
    hours: str | None = None
    note: str | None = None

    @property
    def how(self) -> str:
        """'by calling 988, by text to 988 or at https://…' in plain words."""
        ways = []
        if self.phone:
            ways.append(f"by calling {self.phone}")
        if self.sms:
            ways.append(f"by text to {self.sms}")
        if self.url:
            ways.append(f"at {self.url}")
        if not ways:
            return self.note or ""
        text = ", ".join(ways[:-1]) + (" or " if len(ways) > 1 else "") + ways[-1]
        return text + (f" ({self.hours})" if self.hours else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "phone": self.phone,
            "sms": self.sms,
            "url": self.url,
            "hours": self.hours,
            "note": self.note,
        }


@dataclass(frozen=True)
class HelpLines:
    """What the coach can point a person to in their country."""

    country: str
    emergency: Resource
    crisis: tuple[Resource, ...]
    abuse: tuple[Resource, ...]
    safety_planning: tuple[str, ...]
    professional: tuple[Resource, ...]
    fallback: str
    found: bool


_DEFAULT_PLANNING = (
    "keep your phone charged and important numbers written down somewhere only you can reach",
    "think of one place you could go and one person you could call at any hour",
    "clear this conversation from shared devices if someone else can see them",
)


def help_lines(country: str, library: Any | None) -> HelpLines:
    """The crisis, abuse and professional resources for ``country`` (falls back gracefully)."""
    from attune.coach import texts

    code = (country or "").upper()
    res = getattr(library, "resources", None) if library is not None else None
    fallback = getattr(res, "fallback", None) or texts.FALLBACK_HELP
    planning = tuple(getattr(res, "safety_planning", ()) or _DEFAULT_PLANNING)
    professional = tuple(
        Resource(name=p.name, kind="professional", note=f"{p.when} {p.how_to_find}")
        for p in (getattr(res, "professional_help", None) or ())
    )
    entry = None
    if res is not None:
        entry = next((c for c in res.countries if c.code == code), None)
    if entry is None:
        emergency = Resource(
            name="Emergency services",
            kind="emergency",
            note="your local emergency number (112 in many countries, 911 in North America)",
        )
        return HelpLines(code, emergency, (), (), planning, professional, fallback, False)

    def as_resource(line: Any) -> Resource:
        return Resource(
            name=line.name,
            kind=line.kind,
            phone=line.phone,
            sms=line.sms,
            url=line.url,
            hours=line.hours,
        )

    crisis = tuple(
        as_resource(x) for x in entry.lines if x.kind in ("suicide_prevention", "crisis")
    )
    crisis = tuple(sorted(crisis, key=lambda r: r.kind != "suicide_prevention"))
    abuse = tuple(
        as_resource(x) for x in entry.lines if x.kind in ("domestic_violence", "sexual_assault")
    )
    emergency = Resource(name="Emergency services", kind="emergency", phone=entry.emergency)
    return HelpLines(code, emergency, crisis, abuse, planning, professional, fallback, True)


def triage(text: str) -> Risk:
    """The most serious risk in one message (the analysis engine decides)."""
    from attune.domain.safety import triage as domain_triage

    if not text.strip():
        return NO_RISK
    return domain_triage(text)


@dataclass(frozen=True)
class OutputCheck:
    """Whether a text may be shown as the coach's reply, and if not, why (no text quoted)."""

    ok: bool
    reasons: tuple[str, ...] = ()


def check_output(text: str, *, safety_mode: bool = False) -> OutputCheck:
    """Reject replies that are risky, harmful in tone, diagnostic or give method details."""
    reasons: list[str] = []
    if not text.strip():
        return OutputCheck(False, ("empty",))
    if triage(text).level != "none":
        reasons.append("risk")
    from attune.analysis.patterns import detect_patterns

    hits = detect_patterns([text])[0]
    bad = sorted({h.label for h in hits if h.label in _BLOCKING_PATTERNS})
    reasons.extend(f"pattern:{b}" for b in bad)
    if _DIAGNOSIS.search(text):
        reasons.append("diagnosis")
    if _METHOD.search(text):
        reasons.append("method")
    if safety_mode and _JOINT.search(text):
        reasons.append("joint")
    return OutputCheck(not reasons, tuple(reasons))


def has_diagnosis_language(text: str) -> bool:
    return _DIAGNOSIS.search(text) is not None


def has_method_detail(text: str) -> bool:
    return _METHOD.search(text) is not None
