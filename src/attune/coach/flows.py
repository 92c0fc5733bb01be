"""Multi-turn flows: preparing a hard conversation, one piece at a time.

The flow follows Nonviolent Communication's shape (observation, feeling, need,
request), then lets the person rehearse their opening line through the tone
check (:func:`attune.analysis.patterns.detect_patterns` and
:func:`attune.analysis.rewrite.rewrite_message`) until it sounds gentle.

A flow's state is a small JSON-ready dict (``{"name": ..., "step": ...,
"slots": {...}}``) that the engine keeps in the person's private memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from attune.coach import texts
from attune.coach.situations import detect_feelings

HARD_TALK = "hard_talk"
STEPS = ("observation", "feeling", "need", "request", "rehearse")
MAX_REHEARSALS = 3
PREPARE_ID = "prepare-hard-conversation.v1"


@dataclass
class FlowTurn:
    """What one step of a flow says, and the state to keep for the next turn."""

    text: str
    state: dict[str, Any] | None  # None when the flow is over
    suggestion: str | None = PREPARE_ID
    patterns: tuple[str, ...] = field(default_factory=tuple)


def start(opening: str) -> FlowTurn:
    """Begin preparing a hard conversation; the opening message may already say what happened."""
    return FlowTurn(texts.FLOW_START, {"name": HARD_TALK, "step": "observation", "slots": {}})


def wants_to_stop(text: str) -> bool:
    low = text.lower().strip(" .!")
    return any(low == w or low.startswith(w + " ") for w in texts.STOP_WORDS)


_LEAD = re.compile(
    r"^(?:well|so|um+|ok(?:ay)?|i think|i guess|basically|honestly|i feel|i felt|"
    r"i'd like|i would like|i wanted|i'm feeling|i am feeling)[, ]+",
    re.IGNORECASE,
)


def _clean(text: str, limit: int = 160) -> str:
    """The person's words, trimmed to fit into a draft sentence."""
    out = " ".join(text.split()).strip().rstrip(".!?")
    for _ in range(2):
        out = _LEAD.sub("", out)
    if len(out) > limit:
        out = out[:limit].rsplit(" ", 1)[0] + "…"
    return out[:1].lower() + out[1:] if out[:2] != "I " else out


def _request_phrase(text: str) -> str:
    out = _clean(text)
    out = re.sub(
        r"^(?:to ask (?:them|him|her) )?(?:to |if (?:they|he|she) (?:could|would) |"
        r"(?:could|would|can|will) (?:you|they|he|she) |please |that (?:they|he|she) )",
        "",
        out,
        flags=re.IGNORECASE,
    )
    return out or "[what you would like them to do]"


def _feeling_phrase(text: str) -> str:
    found = detect_feelings(text, limit=2)
    if found:
        return " and ".join(found)
    cleaned = _clean(text, 60)
    cleaned = re.sub(r"^(?:that i felt|i felt|felt|feeling|like)\s+", "", cleaned, flags=re.I)
    return cleaned or "[your feeling]"


def _need_phrase(text: str) -> str:
    cleaned = _clean(text, 80)
    cleaned = re.sub(r"^(?:i need|need|i want|want)\s+", "", cleaned, flags=re.I)
    return cleaned or "[your need]"


def advance(state: dict[str, Any], text: str) -> FlowTurn:
    """Take the person's answer to the current step and ask the next question."""
    step = state.get("step", "observation")
    slots: dict[str, str] = dict(state.get("slots", {}))
    if wants_to_stop(text):
        return FlowTurn(texts.FLOW_STOPPED, None, suggestion=None)
    if step == "observation":
        slots["observation"] = _clean(text)
        felt = detect_feelings(text, limit=2)
        if felt:
            slots["feeling_hint"] = " and ".join(felt)
            reply = texts.FLOW_ASK_FEELING_SEEN.format(feeling=slots["feeling_hint"])
        else:
            reply = texts.FLOW_ASK_FEELING
        return FlowTurn(reply, _next(state, "feeling", slots))
    if step == "feeling":
        phrase = _feeling_phrase(text)
        if phrase == "[your feeling]" or re.fullmatch(r"(?:yes|yeah|yep|right|exactly)", phrase):
            phrase = slots.get("feeling_hint", phrase)
        slots["feeling"] = phrase
        return FlowTurn(texts.FLOW_ASK_NEED, _next(state, "need", slots))
    if step == "need":
        slots["need"] = _need_phrase(text)
        return FlowTurn(texts.FLOW_ASK_REQUEST, _next(state, "request", slots))
    if step == "request":
        slots["request"] = _request_phrase(text)
        draft = texts.FLOW_DRAFT.format(
            observation=slots.get("observation") or "[what happened]",
            feeling=slots.get("feeling") or "[your feeling]",
            need=slots.get("need") or "[your need]",
            request=slots["request"],
        )
        return FlowTurn(draft, _next(state, "rehearse", slots, tries=0))
    # Rehearsal: check the tone of the opening line.
    return _rehearse(state, slots, text)


def _next(state: dict[str, Any], step: str, slots: dict[str, str], **extra: Any) -> dict[str, Any]:
    out = {"name": state.get("name", HARD_TALK), "step": step, "slots": slots}
    out.update(extra)
    return out


def _rehearse(state: dict[str, Any], slots: dict[str, str], line: str) -> FlowTurn:
    from attune.analysis.patterns import detect_patterns

    hits = [h for h in detect_patterns([line])[0] if h.harmful]
    tries = int(state.get("tries", 0)) + 1
    if not hits:
        return FlowTurn(texts.FLOW_TONE_OK, None, suggestion="regulation-break.v1")
    if tries >= MAX_REHEARSALS:
        return FlowTurn(
            texts.FLOW_TONE_GIVE_UP, None, patterns=tuple(sorted({h.label for h in hits}))
        )
    from attune.analysis.rewrite import rewrite_message

    worst = max(hits, key=lambda h: h.score)
    names = sorted({h.label.replace("_", " ") for h in hits})
    found = " and ".join(names)
    why = worst.why.rstrip(".") + "."
    try:
        rewrite = rewrite_message(line, tuple(hits))
    except Exception:  # noqa: BLE001 - a failed rewrite must not end the rehearsal
        rewrite = None
    if rewrite:
        reply = texts.FLOW_TONE_FIX.format(found=found, why=why, rewrite=rewrite)
    else:
        reply = texts.FLOW_TONE_FIX_NO_REWRITE.format(found=found, why=why)
    return FlowTurn(
        reply,
        _next(state, "rehearse", slots, tries=tries),
        patterns=tuple(sorted({h.label for h in hits})),
    )
