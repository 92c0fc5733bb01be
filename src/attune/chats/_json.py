"""Shared helpers for JSON chat exports: loading with clear errors, epoch and ISO times."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from attune.chats._source import open_text
from attune.errors import ChatFormatError


def load_json(path: Path, expected: str) -> Any:
    """Load a whole JSON export, turning syntax errors into ChatFormatError with the line."""
    try:
        with open_text(path) as fh:
            return json.load(fh)
    except json.JSONDecodeError as e:
        raise ChatFormatError(
            f"not valid JSON ({e.msg}); {expected}", path=str(path), line=e.lineno
        ) from None
    except (UnicodeError, RecursionError, ValueError) as e:
        raise ChatFormatError(
            f"cannot read the JSON ({e.__class__.__name__}); {expected}", path=str(path)
        ) from None


def from_epoch(seconds: float) -> str:
    """ISO-8601 in UTC for a Unix time in seconds."""
    return datetime.fromtimestamp(seconds, tz=UTC).isoformat()


def from_iso(text: str) -> str:
    """Normalise an ISO-8601 time: zoned times become UTC, naive ones stay naive."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.isoformat()


def as_text(value: Any) -> str:
    """A string field that may be missing or null."""
    return value if isinstance(value, str) else "" if value is None else str(value)
