"""Settings: a table of ``Setting(name, default, help)`` read from ``ATTUNE_*`` env vars.

>>> from attune.config import get_settings
>>> get_settings().database_url.startswith("sqlite")
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from attune.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "data_dir", "", "Folder for the database and key file (default: the user's data folder)."
    ),
    Setting(
        "database_url",
        "",
        "SQLAlchemy URL; default is SQLite in data_dir. PostgreSQL: postgresql://...",
    ),
    Setting(
        "key_file",
        "",
        "File holding the master key for encryption at rest (default: data_dir/attune.key).",
    ),
    Setting(
        "profile",
        "default",
        "Which person this terminal acts as (two people can share one machine).",
    ),
    Setting("country", "US", "Two-letter country code used to choose crisis and help lines."),
    Setting("host", "127.0.0.1", "Address the web server listens on."),
    Setting("port", "8000", "Port the web server listens on."),
    Setting(
        "secret_key", "", "Secret for sessions and CSRF (default: derived and stored in data_dir)."
    ),
    Setting(
        "llm_base_url",
        "",
        "OpenAI-compatible endpoint for the optional coach model (empty: no model).",
    ),
    Setting("llm_model", "", "Model name for the optional coach model."),
    Setting("llm_api_key", "", "API key for the optional coach model, if the endpoint needs one."),
    Setting(
        "llm_timeout",
        "20",
        "Seconds to wait for the coach model before falling back to the script.",
    ),
    Setting(
        "secure_cookies",
        "auto",
        "Mark cookies Secure: 'auto' (when served over https), 'yes' or 'no'.",
    ),
)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    key_file: Path
    profile: str
    country: str
    host: str
    port: int
    secret_key: str
    llm_base_url: str
    llm_model: str
    llm_api_key: str
    llm_timeout: float
    secure_cookies: str


def get_settings(**overrides: str) -> Settings:
    """Read settings from ``ATTUNE_*`` environment variables, then apply ``overrides``."""
    raw: dict[str, str] = {}
    for s in SETTINGS:
        value = overrides.get(s.name)
        if value is None:
            value = os.environ.get("ATTUNE_" + s.name.upper(), s.default)
        raw[s.name] = value
    data_dir = Path(raw["data_dir"] or platformdirs.user_data_dir("attune", appauthor=False))
    database_url = raw["database_url"] or f"sqlite:///{data_dir / 'attune.db'}"
    key_file = Path(raw["key_file"]) if raw["key_file"] else data_dir / "attune.key"
    try:
        port = int(raw["port"])
        timeout = float(raw["llm_timeout"])
    except ValueError as e:
        raise ConfigError(
            f"ATTUNE_PORT must be a whole number and ATTUNE_LLM_TIMEOUT a number of seconds ({e})."
        ) from None
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        key_file=key_file,
        profile=raw["profile"],
        country=raw["country"].upper(),
        host=raw["host"],
        port=port,
        secret_key=raw["secret_key"],
        llm_base_url=raw["llm_base_url"],
        llm_model=raw["llm_model"],
        llm_api_key=raw["llm_api_key"],
        llm_timeout=timeout,
        secure_cookies=raw["secure_cookies"],
    )
