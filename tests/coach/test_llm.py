"""The optional language model over real HTTP: answers, streaming, and every way of falling back."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from attune.coach import BackendError, Coach, OpenAIChatBackend
from attune.coach.llm import BackendTimeout, ChatMessage, backend_from_settings, collect

GOOD = (
    "That sounds like a painful evening, and it makes sense you feel hurt. "
    "What do you wish had gone differently? When you are both calm, a regulation break "
    "could help you reset first."
)


class FakeModel:
    """An OpenAI-compatible chat-completions server on 127.0.0.1 with switchable behaviour."""

    def __init__(self) -> None:
        self.mode = "json"
        self.reply = GOOD
        self.delay = 0.0
        self.bodies: list[dict] = []
        self.headers: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                fake.bodies.append(json.loads(raw))
                fake.headers.append(dict(self.headers))
                if self.path != "/v1/chat/completions":
                    self.send_response(404)
                    self.end_headers()
                    return
                if fake.delay:
                    time.sleep(fake.delay)
                if fake.mode == "500":
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b'{"error": "boom"}')
                    return
                if fake.mode == "malformed":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"choices": [{"message": ')
                    return
                if fake.mode in ("stream", "stream-cut", "stream-slow"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    words = fake.reply.split(" ")
                    for i, w in enumerate(words):
                        piece = w if i == 0 else " " + w
                        event = {"choices": [{"index": 0, "delta": {"content": piece}}]}
                        self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                        self.wfile.flush()
                        if fake.mode == "stream-slow":
                            time.sleep(0.05)
                        if fake.mode == "stream-cut" and i == 3:
                            return
                    done = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                    self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
                    return
                body = json.dumps(
                    {
                        "choices": [
                            {"index": 0, "message": {"role": "assistant", "content": fake.reply}}
                        ]
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def model() -> Iterator[FakeModel]:
    fake = FakeModel()
    yield fake
    fake.close()


def coach_for(store, actor, model, *, stream=False, timeout=2.0, **kw):  # type: ignore[no-untyped-def]
    backend = OpenAIChatBackend(model.base_url, "test-model", "sekret", stream=stream)
    return Coach(store, actor, backend=backend, timeout=timeout, **kw)


def test_model_reply_is_used_when_it_is_safe(store, people, model):
    reply = coach_for(store, people.alex, model).reply("We had a fight and I feel hurt")
    assert reply.source == "model" and reply.text == GOOD
    assert reply.suggestion == "regulation-break.v1"  # the step still comes from the script
    body = model.bodies[-1]
    assert body["model"] == "test-model" and body["messages"][-1]["content"].startswith("We had")
    assert model.headers[-1]["Authorization"] == "Bearer sekret"
    system = body["messages"][0]["content"]
    assert "Regulation break" in system  # grounded in retrieved content
    assert "never diagnose" in system.lower()


def test_streaming_over_server_sent_events(store, people, model):
    model.mode = "stream"
    reply = coach_for(store, people.alex, model, stream=True).reply("We had a fight, I'm hurt")
    assert model.bodies[-1]["stream"] is True
    assert reply.source == "model" and reply.text == GOOD


def test_backend_yields_stream_pieces_in_order(model):
    model.mode = "stream"
    backend = OpenAIChatBackend(model.base_url, "m", stream=True)
    pieces = list(backend.chat([ChatMessage("user", "hi")], timeout=2.0))
    assert len(pieces) > 5 and "".join(pieces) == GOOD


def test_slow_model_times_out_and_the_script_answers(store, people, model):
    coach = coach_for(store, people.alex, model, timeout=0.4)
    coach.reply("hello")  # warm: content library, index, context
    model.delay = 3.0
    started = time.monotonic()
    reply = coach.reply("We had a fight last night")
    assert time.monotonic() - started < 2.0  # did not wait for the server
    assert reply.source == "script" and reply.fallback == "timeout"
    assert reply.kind == "reflect" and reply.suggestion


def test_a_slow_trickling_stream_is_cut_at_the_deadline(model):
    model.mode = "stream-slow"
    backend = OpenAIChatBackend(model.base_url, "m", stream=True)
    with pytest.raises(BackendTimeout):
        collect(backend, [ChatMessage("user", "hi")], timeout=0.3)


@pytest.mark.parametrize("mode", ["500", "malformed", "stream-cut"])
def test_failing_model_falls_back_to_the_script(store, people, model, mode):
    model.mode = mode
    reply = coach_for(store, people.alex, model, stream=mode.startswith("stream")).reply(
        "I feel so distant from my partner"
    )
    assert reply.source == "script" and reply.fallback == "error"
    assert reply.situation == "distant" and reply.suggestion


def test_unreachable_model_falls_back(store, people):
    backend = OpenAIChatBackend("http://127.0.0.1:9/v1", "m")
    reply = Coach(store, people.alex, backend=backend, timeout=1.0).reply("We had a fight")
    assert reply.source == "script" and reply.fallback == "error"
    with pytest.raises(BackendError):
        collect(backend, [ChatMessage("user", "hi")], timeout=1.0)


@pytest.mark.parametrize(
    "unsafe",
    [
        "Honestly, your partner sounds like a narcissist with a personality disorder.",
        "You always overreact. What is wrong with you? Grow up.",
        "You could take a lot of pills, 500 mg would do it.",
        "Ugh, how pathetic. Just calm down, you're too sensitive.",
    ],
)
def test_unsafe_or_contemptuous_model_reply_falls_back(store, people, model, unsafe):
    model.reply = unsafe
    reply = coach_for(store, people.alex, model).reply("We had a fight and I'm hurt")
    assert reply.source == "script" and reply.fallback.startswith("unsafe")
    assert reply.text != unsafe


def test_partner_private_data_never_reaches_the_prompt(store, people, model):
    from attune.coach.memory import remember
    from attune.domain import submit_checkin, write_entry

    marker = "ZEBRA-MARKER-7731"
    write_entry(store, people.sam, f"My secret worry {marker} about us")
    submit_checkin(store, people.sam, people.rel, mood=2, low=f"low {marker}", need=marker)
    remember(store, people.sam, "person", f"coach, here is {marker}")
    # Alex's own check-in is in, so Sam's would even be revealed to Alex in the app.
    submit_checkin(store, people.alex, people.rel, mood=4, feelings=["hopeful"])
    coach = coach_for(store, people.alex, model)
    coach.reply("We had a fight and I feel hurt")
    coach.reply("What do you think I should do?")
    raw = json.dumps(model.bodies)
    assert len(model.bodies) == 2
    assert marker not in raw
    assert "average mood 4.0" in raw  # the actor's own data is used


def test_no_model_configured_means_no_backend():
    from attune.config import get_settings

    assert backend_from_settings(get_settings(llm_base_url="")) is None
    b = backend_from_settings(get_settings(llm_base_url="http://h:1/v1/", llm_model="m"))
    assert b is not None and b.url == "http://h:1/v1/chat/completions"
