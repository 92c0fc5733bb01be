"""The ``attune`` command line: thin commands over the library.

Each command opens what it needs, calls one library function and prints.
Library errors become ``click.ClickException`` here, at the edge.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from attune.errors import AttuneError

F = TypeVar("F", bound=Callable[..., Any])


def friendly(fn: F) -> F:
    """Turn library errors into a clean one-line CLI error."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AttuneError as e:
            raise click.ClickException(str(e)) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="attune")
def main() -> None:
    """Attune: a local-first coach for emotional connection."""
