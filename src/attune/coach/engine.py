"""The coach engine: safety triage first, then reflect, ask one question, offer one next step.

Order of work for every message (see SPEC.md, parts 5 and 6):

1. Safety triage (:func:`attune.coach.safety.triage`). ``crisis`` or
   ``concern`` gets a scripted reply with the person's local help lines, and
   the conversation stays in safety mode: no joint exercise, no advice to talk
   it out with the partner, no language model, until a new conversation.
2. An open flow (preparing a hard conversation) takes the next answer.
3. Otherwise the message is read (situation, feelings, signals for a
   counsellor) and the scripted reply is built from ``texts.py``, choosing one
   practice from the content library, informed by the person's own data.
4. With a language model configured, it may phrase that reply
   conversationally; its answer must pass the output checks or the scripted
   reply is used.

>>> from attune.store import Store
>>> from attune.domain import create_person
>>> store = Store.memory()
>>> me = create_person(store, "robin", "Robin").id
>>> Coach(store, me).reply("We had a big fight last night").kind  # doctest: +SKIP
'reflect'
"""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from attune.analysis.types import NO_RISK, Risk
from attune.coach import flows, texts
from attune.coach.context import PersonContext, gather
from attune.coach.llm import BackendError, BackendTimeout, ChatBackend, ChatMessage, collect
from attune.coach.retrieval import Doc, Index
from attune.coach.safety import HelpLines, Resource, check_output, help_lines, triage
from attune.coach.situations import EMOTION_WORDS, SITUATIONS, Reading, read_message
from attune.errors import AttuneError, ValidationError
from attune.store import Store
from attune.store.models import utcnow

KINDS = ("safety", "reflect", "flow", "counsellor")
CONVERSATION_HOURS = 12
MAX_MESSAGE = 4000
PROMPT_TURNS = 6
CONTEXT_SECONDS = 60.0
_ORDER = {"none": 0, "concern": 1, "crisis": 2}


@dataclass(frozen=True)
class CoachReply:
    """One answer of the coach.

    ``kind`` is ``safety`` (crisis or concern: help lines, no joint practice),
    ``reflect`` (reflection, one question, one next step), ``flow`` (a step of
    a multi-turn flow) or ``counsellor`` (like reflect, and suggests
    professional help without alarm). ``suggestion`` is a content id or None;
    ``source`` says whether the words came from the script or a model.
    """

    text: str
    kind: str
    risk: Risk = NO_RISK
    suggestion: str | None = None
    resources: tuple[Resource, ...] = ()
    situation: str | None = None
    question: str | None = None
    reason: str | None = None
    source: str = "script"
    fallback: str | None = None
    safety_mode: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "risk": self.risk.to_dict(),
            "suggestion": self.suggestion,
            "resources": [r.to_dict() for r in self.resources],
            "situation": self.situation,
            "question": self.question,
            "reason": self.reason,
            "source": self.source,
            "fallback": self.fallback,
            "safety_mode": self.safety_mode,
        }


@dataclass
class _Step:
    item_id: str | None
    line: str | None
    why: str | None


@dataclass
class _Draft:
    """The scripted reply being assembled."""

    parts: list[str] = field(default_factory=list)
    question: str | None = None
    step: _Step | None = None
    resources: tuple[Resource, ...] = ()


def _load_library() -> Any | None:
    from attune.content import load_content

    try:
        return load_content()
    except AttuneError:
        return None


_INDEXES: dict[int, tuple[Any, Index]] = {}


def content_index(library: Any) -> Index:
    """The BM25 index of a library, built once per library object."""
    cached = _INDEXES.get(id(library))
    if cached is None or cached[0] is not library:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        cached = (library, Index.from_library(library))
        _INDEXES[id(library)] = cached
    return cached[1]


class Coach:
    """A conversation with the coach for one person (``actor``).

    ``backend`` is an optional :class:`~attune.coach.llm.ChatBackend`; without
    one the coach is fully scripted. With ``remember=True`` (the default) the
    turns and the conversation's state are kept in the person's private,
    encrypted coach memory, so a new ``Coach`` for the same person continues
    the same conversation (within ``CONVERSATION_HOURS``).
    """

    def __init__(
        self,
        store: Store,
        actor: int,
        backend: ChatBackend | None = None,
        *,
        library: Any | None = None,
        remember: bool = True,
        timeout: float | None = None,
        today: date | None = None,
    ):
        self.store = store
        self.actor = actor
        self.backend = backend
        self.library = library if library is not None else _load_library()
        self.remember = remember
        if timeout is None:
            from attune.config import get_settings

            timeout = get_settings().llm_timeout
        self.timeout = timeout
        self.today = today
        self.state: dict[str, Any] = {}
        self._ctx: tuple[float, PersonContext, bool] | None = None
        if remember:
            from attune.coach import memory

            state, saved = memory.load_state(store, actor)
            if saved is not None and utcnow() - saved < timedelta(hours=CONVERSATION_HOURS):
                self.state = state

    # ------------------------------------------------------------------ public

    @property
    def safety_mode(self) -> bool:
        """True once crisis or concern came up in this conversation."""
        return bool(self.state.get("safety"))

    def new_conversation(self) -> None:
        """Start afresh: safety mode and any open flow end (remembered turns stay)."""
        self.state = {}
        if self.remember:
            from attune.coach import memory

            memory.clear_state(self.store, self.actor)

    def reply(self, text: str) -> CoachReply:
        """Answer one message. Safety triage always runs first."""
        text = (text or "").strip()
        if not text:
            raise ValidationError("The message is empty: write a sentence or two.")
        if len(text) > MAX_MESSAGE:
            raise ValidationError(
                f"The message is {len(text)} characters; keep it under {MAX_MESSAGE}."
            )
        risk = triage(text)
        if risk.level != "none":
            out = self._safety_reply(risk, first=not self._more_serious_seen(risk))
        elif self.safety_mode:
            out = self._safety_reply(risk, first=False)
        elif self.state.get("flow"):
            out = self._flow_reply(text)
        else:
            out = self._scripted_reply(text)
            if self.backend is not None and out.kind in ("reflect", "counsellor"):
                out = self._model_reply(text, out)
        self._keep(text, out)
        return out

    # ------------------------------------------------------------------ safety

    def _more_serious_seen(self, risk: Risk) -> bool:
        seen = self.state.get("safety") or {}
        return bool(seen) and _ORDER[seen.get("level", "none")] >= _ORDER[risk.level]

    def _lines(self) -> HelpLines:
        country = self._ctx[1].country if self._ctx is not None else ""
        if not country:
            from attune.domain import get_person

            try:
                country = get_person(self.store, self.actor).country
            except AttuneError:
                country = ""
        return help_lines(country, self.library)

    def _safety_reply(self, risk: Risk, *, first: bool) -> CoachReply:
        self.state.pop("flow", None)
        seen = self.state.get("safety") or {}
        if risk.level != "none" and (
            not seen or _ORDER[risk.level] > _ORDER[seen.get("level", "none")]
        ):
            self.state["safety"] = {"level": risk.level, "category": risk.category}
            seen = self.state["safety"]
        level = seen.get("level", risk.level)
        category = seen.get("category", risk.category)
        lines = self._lines()
        emergency = lines.emergency.phone or lines.emergency.note or "your local emergency number"
        parts: list[str] = []
        resources: list[Resource] = [lines.emergency]
        question = "Are you safe right now?"
        if not first:
            parts.append(texts.SAFETY_FOLLOW_UP)
            main = _first(lines.crisis if level == "crisis" else lines.abuse or lines.crisis)
            if main is not None:
                parts.append(texts.SAFETY_REMIND.format(name=main.name, how=main.how))
                resources.append(main)
            else:
                parts.append(lines.fallback)
            parts.append(texts.CRISIS_NOW.format(emergency=emergency))
            question = texts.SAFETY_FOLLOW_QUESTION
            parts.append(question)
        elif level == "crisis" and category == "self_harm":
            parts.append(texts.CRISIS_SELF_HARM)
            parts.append(texts.CRISIS_NOW.format(emergency=emergency))
            line = _first(lines.crisis)
            if line is not None:
                parts.append(texts.CRISIS_LINE.format(name=line.name, how=line.how))
                resources.append(line)
            else:
                parts.append(lines.fallback)
            parts.append(texts.CRISIS_TRUSTED)
            parts.append(question + " " + texts.CRISIS_FOOTER)
        elif level == "crisis":
            parts.append(texts.CRISIS_VIOLENCE)
            parts.append(texts.CRISIS_NOW.format(emergency=emergency))
            parts.append(texts.CRISIS_VIOLENCE_DISTANCE)
            for line in (_first(lines.abuse), _first(lines.crisis)):
                if line is not None:
                    parts.append(texts.CONCERN_LINE.format(name=line.name, how=line.how))
                    resources.append(line)
            if len(resources) == 1:
                parts.append(lines.fallback)
            parts.append(question + " " + texts.CRISIS_FOOTER)
        else:
            parts.append(texts.CONCERN_OPEN)
            line = _first(lines.abuse)
            if line is not None:
                parts.append(texts.CONCERN_LINE.format(name=line.name, how=line.how))
                resources.append(line)
            else:
                parts.append(lines.fallback)
            if lines.safety_planning:
                tip = lines.safety_planning[0].rstrip(".")
                parts.append(texts.CONCERN_PLAN.format(tip=tip[:1].lower() + tip[1:] + "."))
            parts.append(texts.CRISIS_NOW.format(emergency=emergency))
            parts.append(texts.CONCERN_PRIVATE)
        return CoachReply(
            text="\n\n".join(parts),
            kind="safety",
            risk=risk,
            suggestion=None,
            resources=tuple(resources),
            question=question,
            safety_mode=True,
        )

    # ------------------------------------------------------------------ flows

    def _flow_reply(self, text: str) -> CoachReply:
        state = self.state["flow"]
        turn = flows.advance(state, text)
        if turn.state is None:
            self.state.pop("flow", None)
        else:
            self.state["flow"] = turn.state
        if turn.suggestion:
            self.state["last_suggestion"] = turn.suggestion
        return CoachReply(
            text=turn.text,
            kind="flow",
            suggestion=turn.suggestion,
            situation=flows.HARD_TALK,
            question=turn.text if turn.text.rstrip().endswith("?") else None,
        )

    # ------------------------------------------------------------------ script

    def _context(self, *, with_goals: bool = False) -> PersonContext:
        """The actor's own context, gathered at most once a minute per coach."""
        now = time.monotonic()
        cached = self._ctx
        if cached is None or now - cached[0] > CONTEXT_SECONDS or (with_goals and not cached[2]):
            ctx = gather(
                self.store, self.actor, self.library, today=self.today, with_goals=with_goals
            )
            self._ctx = cached = (now, ctx, with_goals)
        return cached[1]

    def _scripted_reply(self, text: str) -> CoachReply:
        reading = read_message(text)
        ctx = self._context()
        situation = reading.situation or "general"
        script = texts.SCRIPTS[situation]
        draft = _Draft()
        draft.parts.append(self._reflection(text, reading, script))
        if situation == "label_request":
            draft.parts.append(texts.LABEL_NOTE)
        if situation == "hard_talk":
            turn = flows.start(text)
            self.state["flow"] = turn.state
            self.state["last_suggestion"] = turn.suggestion
            return CoachReply(
                text=draft.parts[0] + " " + turn.text,
                kind="flow",
                suggestion=turn.suggestion,
                situation=situation,
                question=texts.FLOW_FIRST_QUESTION,
                reason=script.candidates[0][1],
            )
        kind = "reflect"
        resources: tuple[Resource, ...] = ()
        if reading.professional:
            kind = "counsellor"
            draft.parts.append(texts.PROFESSIONAL[reading.professional[0]])
            lines = self._lines()
            resources = lines.professional[:2]
        if ctx.low_mood:
            draft.parts.append(texts.LOW_MOOD_NOTE)
        step = self._choose_step(situation, reading, ctx, text)
        draft.parts.append(script.question)
        if step.line:
            draft.parts.append(step.line)
        if step.item_id:
            self.state["last_suggestion"] = step.item_id
        self.state["last_situation"] = situation
        return CoachReply(
            text="\n\n".join(draft.parts),
            kind=kind,
            suggestion=step.item_id,
            resources=resources,
            situation=reading.situation,
            question=script.question,
            reason=step.why,
        )

    def _reflection(self, text: str, reading: Reading, script: texts.Script) -> str:
        feelings = list(reading.feelings)
        if not feelings and reading.situation is None:
            feelings = self._model_feelings(text)
        if not feelings:
            return script.reflection
        pick = zlib.crc32(text.encode("utf-8")) % len(texts.FEELING_REFLECTIONS)
        sentence = texts.FEELING_REFLECTIONS[pick].format(feeling=" and ".join(feelings))
        if reading.situation is not None:
            return sentence + " " + script.reflection
        return sentence

    @staticmethod
    def _model_feelings(text: str) -> list[str]:
        try:
            from attune.analysis.emotions import predict_emotions

            labels = predict_emotions([text])[0]
        except (AttuneError, ImportError, OSError, ValueError):
            return []
        words = [EMOTION_WORDS[e.label] for e in labels if e.label in EMOTION_WORDS]
        return list(dict.fromkeys(words))[:2]

    def _usable(self, doc: Doc | None, ctx: PersonContext, solo: bool) -> bool:
        if doc is None:
            return False
        if solo and doc.participants > 1:
            return False
        if ctx.relationship_kind and ctx.relationship_kind not in doc.relationship_types:
            return False
        return doc.item_id != self.state.get("last_suggestion")

    def _choose_step(
        self, situation: str, reading: Reading, ctx: PersonContext, text: str
    ) -> _Step:
        if self.library is None:
            return _Step(None, None, None)
        index = content_index(self.library)
        # When the other person will not take part, only solo practices make sense;
        # without a partner in the app, solo ones come first.
        solo = situation in ("wont_engage", "label_request")
        prefer_solo = solo or not ctx.has_partner
        # Resting is the step when relationship work itself is the strain.
        if situation == "burnout" and ctx.programs:
            p = ctx.programs[0]
            why = "rest counts too, and snoozing keeps your streak"
            line = texts.BURNOUT_SNOOZE.format(program=p.title)
            return _Step(p.program_id, line, why)
        # With nothing specific going on, today's step of an active program fits best.
        if situation == "general" and ctx.programs and ctx.programs[0].task_title:
            p = ctx.programs[0]
            why = f"it is today's step in '{p.title}'"
            item = p.practice if p.practice and index.get(p.practice) else p.program_id
            line = texts.STEP_LINE_NO_MINUTES.format(title=p.task_title, why=why)
            return _Step(item, line, why)
        script = texts.SCRIPTS[situation]
        from_results = ctx.suggested_by_results()
        options = [
            (i, why) for i, why in script.candidates if self._usable(index.get(i), ctx, solo)
        ]
        options.sort(
            key=lambda o: (
                o[0] not in from_results,
                prefer_solo and _participants(index, o[0]) > 1,
            )
        )
        if options:
            item_id, why = options[0]
            doc = index.get(item_id)
        else:
            last = self.state.get("last_suggestion")
            hits = index.search(
                script.search + " " + text,
                limit=5,
                kinds=("exercise", "ritual", "program", "assessment"),
                solo_only=solo,
                exclude=[last] if last else (),
            )
            if prefer_solo:
                hits.sort(key=lambda h: h.doc.participants > 1)
            hits = [h for h in hits if self._usable(h.doc, ctx, solo)]
            if not hits:
                return _Step(None, None, None)
            doc = hits[0].doc
            item_id = doc.item_id
            why = "it is made for this: " + _first_sentence(doc.purpose)
        assert doc is not None
        if doc.minutes:
            line = texts.STEP_LINE.format(title=doc.title, minutes=doc.minutes, why=why)
        else:
            line = texts.STEP_LINE_NO_MINUTES.format(title=doc.title, why=why)
        if item_id in from_results:
            line += texts.FROM_RESULT.format(assessment=from_results[item_id])
        return _Step(item_id, line, why)

    # ------------------------------------------------------------------ model

    def _prompt(self, text: str, scripted: CoachReply) -> list[ChatMessage]:
        ctx = self._context(with_goals=True)
        system = [
            "You are Attune's coach for emotional connection between partners, friends and "
            "family. You are not a therapist and you are not a crisis service.",
            "Voice: warm, brief (under 120 words), plain words, gender-neutral, never judging, "
            "never guilt-tripping. Never diagnose or label anyone; never name disorders.",
            "Reflect the feeling you hear, validate it, ask exactly one open question and offer "
            "exactly one next step: the one in the plan below, with its reason.",
            "Only mention practices from the content below. Never give details about means of "
            "harm. If the person may be in danger, tell them to contact emergency services.",
        ]
        if self.library is not None:
            hits = content_index(self.library).search(
                text + " " + (scripted.situation or ""), limit=3
            )
            if scripted.suggestion:
                doc = content_index(self.library).get(scripted.suggestion)
                if doc is not None and all(h.item_id != doc.item_id for h in hits):
                    hits = hits[:2]
                    system.append(f"Content: {doc.title} ({doc.item_id}): {doc.purpose}")
            for h in hits:
                system.append(f"Content: {h.title} ({h.item_id}): {h.doc.purpose}")
        own = ctx.summary_lines()
        if own:
            system.append("The person's own recent practice: " + " ".join(own))
        plan = f"Plan: question: {scripted.question or ''}"
        if scripted.suggestion and scripted.reason:
            plan += f" Next step: {scripted.suggestion}, because {scripted.reason}."
        if scripted.kind == "counsellor":
            plan += " Also suggest, calmly, that a counsellor could help."
        system.append(plan)
        messages = [ChatMessage("system", "\n".join(system))]
        for turn in self.state.get("turns", [])[-PROMPT_TURNS:]:
            role = "user" if turn["role"] == "person" else "assistant"
            messages.append(ChatMessage(role, turn["text"]))
        messages.append(ChatMessage("user", text))
        return messages

    def _model_reply(self, text: str, scripted: CoachReply) -> CoachReply:
        assert self.backend is not None
        messages = self._prompt(text, scripted)
        started = time.monotonic()
        try:
            answer = collect(self.backend, messages, timeout=self.timeout).strip()
        except BackendError as e:
            reason = "timeout" if isinstance(e, BackendTimeout) else "error"
            return _replace(scripted, fallback=reason)
        if time.monotonic() - started > self.timeout:
            return _replace(scripted, fallback="timeout")
        verdict = check_output(answer)
        if not verdict.ok:
            return _replace(scripted, fallback="unsafe:" + ",".join(verdict.reasons))
        return _replace(scripted, text=answer, source="model")

    # ------------------------------------------------------------------ memory

    def _keep(self, text: str, out: CoachReply) -> None:
        turns = self.state.setdefault("turns", [])
        turns.extend([{"role": "person", "text": text}, {"role": "coach", "text": out.text}])
        del turns[: max(0, len(turns) - PROMPT_TURNS * 2)]
        if not self.remember:
            return
        from attune.coach import memory

        memory.remember_exchange(self.store, self.actor, text, out.text, self.state)


def _participants(index: Index, item_id: str) -> int:
    doc = index.get(item_id)
    return doc.participants if doc is not None else 2


def _first_sentence(text: str) -> str:
    sentence = text.split(". ")[0].rstrip(".")
    return sentence[:1].lower() + sentence[1:]


def _first(items: tuple[Resource, ...]) -> Resource | None:
    return items[0] if items else None


def _replace(reply: CoachReply, **changes: Any) -> CoachReply:
    from dataclasses import replace

    return replace(reply, **changes)


__all__ = ["KINDS", "SITUATIONS", "Coach", "CoachReply", "content_index"]
