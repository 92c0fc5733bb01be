"""Chat insights in the browser: upload an export, get the report, keep nothing."""

from __future__ import annotations

from conftest import make_pair

CHAT = "\n".join(
    [
        "12/03/2024, 21:15 - Pat: Are you home soon? I made soup",
        "12/03/2024, 21:16 - Lou: On my way, thank you so much!",
        "13/03/2024, 08:02 - Pat: You never listen to me. What is wrong with you?",
        "13/03/2024, 08:30 - Lou: I'm sorry, I hear you. Can we talk tonight?",
        "13/03/2024, 08:31 - Pat: Yes. I love you",
    ]
)


def _upload(client, content: str, **form: str):  # type: ignore[no-untyped-def]
    files = {"export": ("WhatsApp Chat with Lou.txt", content.encode(), "text/plain")}
    return client.form("/chats", {"format": "auto", **form}, files=files)


def test_upload_gives_a_report_with_quick_exit_and_a_nonce_policy(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    assert 'id="chat-form"' in alex.get("/chats").text
    r = _upload(alex, CHAT, me="Pat")
    assert r.status_code == 200, r.text[:300]
    assert "Chat insights" in r.text and "Pat" in r.text and "Lou" in r.text
    assert 'id="quick-exit"' in r.text
    csp = r.headers["content-security-policy"]
    assert "'nonce-" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in r.text
    assert r.headers["cache-control"] == "no-store"


def test_report_can_be_downloaded_as_a_file(store, login_as):
    p = make_pair(store)
    r = _upload(login_as(p.alex), CHAT, download="1")
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.text.startswith("<!doctype html>")


def test_a_file_that_is_not_a_chat_gets_a_plain_answer(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    r = _upload(alex, '{"hello": "world"}')
    assert r.status_code == 400 and "read that export" in r.text
    assert "/tmp" not in r.text  # the temporary path is never shown
    assert _upload(alex, "").status_code == 400
    assert _upload(alex, CHAT, format="nonsense").status_code == 400
