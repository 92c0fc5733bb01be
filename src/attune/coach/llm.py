"""Optional language models for the coach: a ``ChatBackend`` protocol and two backends.

``OpenAIChatBackend`` talks to any OpenAI-compatible ``/chat/completions``
endpoint (a local Ollama or llama.cpp server, vLLM, or a hosted API) with
httpx, streaming the answer over server-sent events (``stream: true``) and
giving up at one overall deadline. ``MockBackend`` answers from a function and
is what tests and demos use, in the spirit of httpx's ``MockTransport``.

A backend only produces text. The coach decides whether to ask it at all
(never in safety mode), builds the prompt from the content library and the
person's own data, and checks the answer before anyone sees it; on any
``BackendError`` it falls back to the scripted reply.

>>> backend = MockBackend(lambda messages: "That sounds hard. What happened next?")
>>> "".join(backend.chat([ChatMessage("user", "hi")], timeout=1.0))
'That sounds hard. What happened next?'
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from attune.errors import CoachError


class BackendError(CoachError):
    """The language model did not give a usable answer (down, slow, malformed)."""


class BackendTimeout(BackendError):
    """The language model did not finish within the time allowed."""


@dataclass(frozen=True)
class ChatMessage:
    role: str  # "system", "user" or "assistant"
    content: str

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}


@runtime_checkable
class ChatBackend(Protocol):
    """Anything that turns chat messages into reply text, in pieces."""

    def chat(self, messages: Sequence[ChatMessage], *, timeout: float) -> Iterator[str]:
        """Yield the reply in pieces; raise ``BackendError`` when no good answer comes."""
        ...


class MockBackend:
    """A backend that answers from ``handler(messages) -> str`` (tests, demos, scripted runs)."""

    def __init__(self, handler: Callable[[Sequence[ChatMessage]], str]):
        self.handler = handler
        self.calls: list[list[ChatMessage]] = []

    def chat(self, messages: Sequence[ChatMessage], *, timeout: float) -> Iterator[str]:
        self.calls.append(list(messages))
        yield self.handler(messages)


class OpenAIChatBackend:
    """Chat completions from an OpenAI-compatible server over HTTP, streamed by default.

    >>> OpenAIChatBackend("http://127.0.0.1:11434/v1", "llama3.2").url
    'http://127.0.0.1:11434/v1/chat/completions'
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str = "",
        *,
        stream: bool = True,
        temperature: float = 0.4,
        max_tokens: int = 300,
        transport: Any | None = None,
    ):
        base = base_url.rstrip("/")
        self.url = base if base.endswith("/chat/completions") else base + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.stream = stream
        self.temperature = temperature
        self.max_tokens = max_tokens
        self._transport = transport

    def _payload(self, messages: Sequence[ChatMessage]) -> dict[str, Any]:
        return {
            "model": self.model,
            "messages": [m.to_dict() for m in messages],
            "stream": self.stream,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }

    def chat(self, messages: Sequence[ChatMessage], *, timeout: float) -> Iterator[str]:
        import httpx

        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        deadline = time.monotonic() + timeout
        limits = httpx.Timeout(timeout, connect=min(timeout, 5.0))
        try:
            with (
                httpx.Client(timeout=limits, transport=self._transport) as client,
                client.stream(
                    "POST", self.url, json=self._payload(messages), headers=headers
                ) as response,
            ):
                if response.status_code != 200:
                    raise BackendError(
                        f"The coach model at {self.url} answered HTTP {response.status_code}."
                    )
                ctype = response.headers.get("content-type", "")
                if self.stream and "text/event-stream" in ctype:
                    yield from _read_sse(response.iter_lines(), deadline, self.url)
                else:
                    body = b""
                    for chunk in response.iter_bytes():
                        body += chunk
                        _check_deadline(deadline, self.url)
                    yield _read_json(body, self.url)
        except httpx.TimeoutException:
            raise BackendTimeout(
                f"The coach model at {self.url} took longer than {timeout:g} s."
            ) from None
        except httpx.HTTPError as e:
            raise BackendError(
                f"Can't reach the coach model at {self.url} ({type(e).__name__})."
            ) from None


def _check_deadline(deadline: float, url: str) -> None:
    if time.monotonic() > deadline:
        raise BackendTimeout(f"The coach model at {url} did not finish in time.")


def _read_json(body: bytes, url: str) -> str:
    try:
        data = json.loads(body)
        content = data["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise BackendError(
            f"The coach model at {url} sent an answer that is not chat JSON."
        ) from None
    if not isinstance(content, str):
        raise BackendError(f"The coach model at {url} sent no text.")
    return content


def _read_sse(lines: Iterator[str], deadline: float, url: str) -> Iterator[str]:
    """Yield the text deltas of a chat-completions event stream until ``[DONE]``."""
    finished = False
    for line in lines:
        _check_deadline(deadline, url)
        line = line.strip()
        if not line or line.startswith(":") or not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            finished = True
            break
        try:
            event = json.loads(data)
            choice = event["choices"][0] if event.get("choices") else {}
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise BackendError(f"The coach model at {url} sent a malformed stream event.") from None
        delta = (choice.get("delta") or {}).get("content") if isinstance(choice, dict) else None
        if isinstance(delta, str) and delta:
            yield delta
        if isinstance(choice, dict) and choice.get("finish_reason"):
            finished = True
    if not finished:
        raise BackendError(f"The coach model at {url} stopped before finishing its answer.")


def collect(backend: ChatBackend, messages: Sequence[ChatMessage], *, timeout: float) -> str:
    """The whole reply of ``backend``, within ``timeout`` seconds overall."""
    deadline = time.monotonic() + timeout
    parts: list[str] = []
    for piece in backend.chat(messages, timeout=timeout):
        parts.append(piece)
        if time.monotonic() > deadline:
            raise BackendTimeout("The coach model did not finish in time.")
    return "".join(parts)


def backend_from_settings(settings: Any | None = None) -> OpenAIChatBackend | None:
    """The configured model backend, or None when ``ATTUNE_LLM_BASE_URL`` is empty."""
    if settings is None:
        from attune.config import get_settings

        settings = get_settings()
    if not settings.llm_base_url:
        return None
    return OpenAIChatBackend(
        settings.llm_base_url, settings.llm_model or "default", settings.llm_api_key
    )
