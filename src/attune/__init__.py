"""Attune: a local-first coach for emotional connection.

The public API, usable from a Python prompt with no server and no terminal::

    >>> import attune
    >>> store = attune.Store.memory()
    >>> alex = attune.domain.create_person(store, "alex", "Alex")
    >>> attune.analyze_one("You never listen to me").patterns[0].label  # doctest: +SKIP
    'criticism'

Names are imported lazily so that ``import attune`` (and the CLI) start fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "AttuneError": "attune.errors",
    "Settings": "attune.config",
    "get_settings": "attune.config",
    "Store": "attune.store",
    "Library": "attune.content",
    "load_content": "attune.content",
    "check_content": "attune.content",
    "score_assessment": "attune.content",
    "Analysis": "attune.analysis",
    "analyze": "attune.analysis",
    "analyze_one": "attune.analysis",
    "Message": "attune.chats",
    "parse_chat": "attune.chats",
    "Coach": "attune.coach",
}
_MODULES = ("analysis", "chats", "coach", "content", "domain", "store")

__all__ = sorted([*_EXPORTS, *_MODULES, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    if name in _MODULES:
        return importlib.import_module(f"attune.{name}")
    raise AttributeError(f"module 'attune' has no attribute '{name}'")


def __dir__() -> list[str]:
    return __all__
