"""The coach: a conversation that helps one person understand what happened and pick a next step.

Every message passes the safety triage first; crisis and concern get scripted
replies with the person's local help lines and the conversation stays in
safety mode. Otherwise the coach reflects the feeling, validates it, asks one
open question and offers one practice from the content library, with the
reason, informed by the person's own data. It needs no language model; an
optional OpenAI-compatible one can phrase the replies, wrapped by the same
checks on input and output.

Python API (what the CLI and the web app call)::

    from attune.coach import Coach, backend_from_settings

    coach = Coach(store, actor, backend=backend_from_settings())  # backend may be None
    reply = coach.reply("We had a fight and now it's all quiet")
    reply.text          # what to show
    reply.kind          # "safety" | "reflect" | "flow" | "counsellor"
    reply.risk          # attune.analysis.types.Risk of the message
    reply.suggestion    # a content id such as "regulation-break.v1", or None
    reply.resources     # help lines (safety) or kinds of professional help
    reply.safety_mode   # True once crisis/concern came up: show a quick-exit control
    reply.to_dict()     # JSON-ready, for an HTTP API

For the web: build a ``Coach(store, actor, backend)`` per request; the
conversation state (safety mode, an open flow) lives in the person's private
coach memory, so consecutive requests continue one conversation. Use
``coach.new_conversation()`` for a "start over" button and
``attune.coach.memory.recall/forget`` to list and delete remembered turns.
Never build a coach for someone other than the signed-in person.

>>> from attune.store import Store
>>> from attune.domain import create_person
>>> store = Store.memory()
>>> me = create_person(store, "robin", "Robin").id
>>> Coach(store, me, remember=False).reply("hello").kind  # doctest: +SKIP
'reflect'
"""

from attune.coach.engine import KINDS, Coach, CoachReply
from attune.coach.llm import (
    BackendError,
    BackendTimeout,
    ChatBackend,
    ChatMessage,
    MockBackend,
    OpenAIChatBackend,
    backend_from_settings,
)
from attune.coach.memory import MemoryItem, clear, forget, recall
from attune.coach.safety import Resource, check_output

__all__ = [
    "KINDS",
    "BackendError",
    "BackendTimeout",
    "ChatBackend",
    "ChatMessage",
    "Coach",
    "CoachReply",
    "MemoryItem",
    "MockBackend",
    "OpenAIChatBackend",
    "Resource",
    "backend_from_settings",
    "check_output",
    "clear",
    "forget",
    "recall",
]
