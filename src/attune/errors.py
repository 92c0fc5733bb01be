"""Errors raised by the Attune library.

Every error a person can act on subclasses :class:`AttuneError`. The message
says what happened, the values involved and what to do next. Messages never
contain a user's journal, check-in or message text.

The tree::

    AttuneError
    ├── ConfigError            a setting has a value we cannot use
    ├── ContentError           a content file is missing or invalid
    │   └── ContentNotFound    no item with that id
    ├── StoreError             the database cannot be opened or migrated
    ├── NotFound               no such person, relationship, entry, ...
    ├── PermissionDenied       the object exists but is not yours to see or change
    ├── ValidationError        input from a person does not fit (field, value, fix)
    ├── ConflictError          the action clashes with current state (already answered, ...)
    ├── AnalysisError          the analysis input cannot be read (line, reason)
    ├── ChatFormatError        a chat export cannot be parsed (file, line, expected)
    └── CoachError             the coach cannot answer (backend down, ...)
"""

from __future__ import annotations


class AttuneError(Exception):
    """Base class for every error the library raises on purpose."""


class ConfigError(AttuneError):
    """A setting has a value Attune cannot use."""


class ContentError(AttuneError):
    """A content file is missing or does not validate."""


class ContentNotFound(ContentError):
    """No content item has the requested id."""


class StoreError(AttuneError):
    """The database cannot be opened, migrated or written."""


class NotFound(AttuneError):
    """The requested object does not exist (or is not visible to the caller)."""


class PermissionDenied(AttuneError):
    """The caller may not see or change this object."""


class ValidationError(AttuneError):
    """Input from a person does not fit the expected shape."""


class ConflictError(AttuneError):
    """The action clashes with the current state."""


class AnalysisError(AttuneError):
    """Analysis input cannot be read."""


class ChatFormatError(AttuneError):
    """A chat export cannot be parsed.

    Carries the file name and, where known, the line number at fault.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        where = ""
        if path is not None:
            where = f"{path}"
            if line is not None:
                where += f", line {line}"
            where += ": "
        super().__init__(where + message)
        self.path = path
        self.line = line


class CoachError(AttuneError):
    """The coach cannot produce an answer."""
