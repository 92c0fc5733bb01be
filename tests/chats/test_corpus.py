"""Every export in the outside fixture corpus (../shared/data/chat-exports) parses as expected.

Golden files shipped by the source projects are compared where they exist
(chat-miner's ``target.json``); elsewhere the counts, senders and kinds were
checked by hand against the files.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from attune.chats import Message, detect_format, parse_chat
from attune.errors import ChatFormatError

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "chat-exports"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"fixture corpus not found at {CORPUS}")

RUST = "chat-history-manager-rust/backend/resources/test"


def _messages(rel: str, **options: str) -> list[Message]:
    return list(parse_chat(CORPUS / rel, **options))


def _squash(text: str) -> str:
    """chat-miner joins lines and entities with spaces; compare without whitespace."""
    return "".join(text.split())


# (file, format, count, kinds, senders) - hand-checked against the files.
EXPECTED = [
    ("Chatistics/tests/test_data/whatsapp/_chat.txt", "whatsapp", 21, {"system": 1}, None),
    (
        "Chatistics/tests/test_data/whatsapp/_chat 2.txt",
        "whatsapp",
        4,
        {},
        {"Peter Doe": 2, "John Doe": 2},
    ),
    ("Chatistics/tests/test_data/whatsapp/_chat 3.txt", "whatsapp", 11, {"system": 2}, None),
    ("Chatistics/tests/test_data/whatsapp/_chat 4.txt", "whatsapp", 3, {}, {"John Doe": 3}),
    (
        f"{RUST}/whatsapp-text_2023-10/WhatsApp Chat with +123 45 6789.txt",
        "whatsapp",
        13,
        {"system": 3, "media": 5, "text": 5},
        {"": 2, "Aaaaa Aaaaaaaaaaa": 3, "+123 45 6789": 8},
    ),
    (
        "whats_json/example/_chat.txt",
        "whatsapp",
        25,
        {"media": 15, "system": 5, "text": 5},
        {"Dmirty S": 21, "Elon Musk": 4},
    ),
    (
        "whats_json/example/_chat_with_media.txt",
        "whatsapp",
        25,
        {"media": 12, "system": 5, "text": 8},
        {"Dmirty S": 21, "Elon Musk": 4},
    ),
    (
        "whatsapp-chat-parser/samples/short-chat.txt",
        "whatsapp",
        5,
        {"system": 2, "text": 3},
        {"": 2, "Sample User": 1, "TestBot": 1, "+410123456789": 1},
    ),
    ("whatstk/chats/whatsapp/lorem-2000.txt", "whatsapp", 2000, {"text": 2000}, None),
    ("whatstk/chats/whatsapp/lorem.txt", "whatsapp", 500, {"text": 500}, None),
    ("whatstk/chats/whatsapp/lorem-merge-part1.txt", "whatsapp", 300, {"text": 300}, None),
    ("whatstk/chats/whatsapp/lorem-merge-part2.txt", "whatsapp", 300, {"text": 300}, None),
    ("whatstk/chats/whatsapp/pokemon.txt", "whatsapp", 20, {"system": 2, "text": 18}, None),
] + [
    (
        f"WhatsR/inst/{lang}{os}{clock}.txt",
        "whatsapp",
        50,
        {"system": 8},
        {"Bob": 19, "Alice": 13, "": 8, "Carol": 5, "Dave": 4, "Mallory": 1},
    )
    for lang in ("english", "german")
    for os in ("android", "ios")
    for clock in ("24h", "ampm")
]


@pytest.mark.parametrize(
    ("rel", "fmt", "count", "kinds", "senders"), EXPECTED, ids=[e[0] for e in EXPECTED]
)
def test_counts_kinds_and_senders(rel, fmt, count, kinds, senders):
    assert detect_format(CORPUS / rel) == fmt
    messages = _messages(rel)
    assert len(messages) == count
    got_kinds = Counter(m.kind for m in messages)
    for kind, n in kinds.items():
        assert got_kinds[kind] == n, kind
    if senders is not None:
        assert Counter(m.sender for m in messages) == senders


CHAT_MINER = (
    sorted((CORPUS / "chat-miner/test/whatsapp").glob("test_*.txt")) if CORPUS.is_dir() else []
)


@pytest.mark.parametrize("path", CHAT_MINER, ids=[p.name for p in CHAT_MINER])
def test_chat_miner_whatsapp_matches_golden(path):
    target = json.loads((path.parent / "target.json").read_text(encoding="utf-8"))
    messages = list(parse_chat(path))
    assert len(messages) == 9  # 6 golden + 2 system lines + the ":." line chat-miner drops
    assert [m.kind for m in messages].count("system") == 2
    kept = [m for m in messages if m.kind != "system" and m.text != "."]
    got = sorted((m.timestamp.isoformat(), m.sender, _squash(m.text)) for m in kept)
    want = sorted((t["timestamp"], t["author"], _squash(t["message"])) for t in target)
    assert got == want


@pytest.mark.parametrize(
    ("rel", "fmt"),
    [
        ("chat-miner/test/signal/test_export.txt", "signal"),
        ("chat-miner/test/instagram/test_export.json", "messenger"),
        ("chat-miner/test/telegram/test_single_export.json", "telegram"),
        ("chat-miner/test/telegram/test_batch_export.json", "telegram"),
    ],
)
def test_chat_miner_other_formats_match_golden(rel, fmt):
    target = json.loads((CORPUS / rel).with_name("target.json").read_text(encoding="utf-8"))
    messages = _messages(rel, format=fmt)
    got = sorted(
        (m.timestamp.replace(tzinfo=None).isoformat(), m.sender, _squash(m.text)) for m in messages
    )
    want = sorted((t["timestamp"], t["author"], _squash(t["message"])) for t in target)
    assert got == want


def test_signal_keeps_the_message_lines_apart():
    messages = _messages("chat-miner/test/signal/test_export.txt", format="signal")
    assert messages[-1].text == "Hello\nJane!"


TELEGRAM = sorted(CORPUS.glob(f"{RUST}/telegram_*/result.json")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", TELEGRAM, ids=[p.parent.name for p in TELEGRAM])
def test_telegram_gives_one_record_per_message(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    chats = data["chats"]["list"] + data.get("left_chats", {}).get("list", [])
    raw = [m for c in chats for m in c["messages"]]
    messages = list(parse_chat(path))
    assert detect_format(path) == "telegram"
    assert len(messages) == len(raw)
    assert sum(m.kind == "system" for m in messages) == sum(r["type"] == "service" for r in raw)
    for m, r in zip(messages, raw, strict=True):
        if "date_unixtime" in r:
            assert m.timestamp.timestamp() == int(r["date_unixtime"])
        else:
            assert m.timestamp.isoformat() == r["date"]


def test_whatsr_locales_give_the_same_timestamps():
    def stamps(name):
        return [(m.timestamp, m.sender, m.kind) for m in _messages(f"WhatsR/inst/{name}.txt")]

    assert stamps("englishandroid24h") == stamps("englishandroidampm")
    assert stamps("englishios24h") == stamps("englishiosampm")
    en = [(t.date(), s, k) for t, s, k in stamps("englishandroid24h")]
    de = [(t.date(), s, k) for t, s, k in stamps("germanandroid24h")]
    assert en == de


def test_mixed_header_shapes_stay_in_order():
    messages = _messages(f"{RUST}/whatsapp-text_2023-10/WhatsApp Chat with +123 45 6789.txt")
    assert [m.timestamp.isoformat() for m in messages[5:7]] == [
        "2023-06-30T16:14:00",
        "2023-06-30T16:15:00",
    ]
    assert messages[2].text == "hello there!\n\nthis is a\nmulti-line message!"
    assert messages[6].text.endswith("(file attached)\nimage comment")
    assert messages[6].kind == "media"


def test_lines_in_a_foreign_header_shape_continue_the_message():
    messages = _messages("Chatistics/tests/test_data/whatsapp/_chat 2.txt")
    assert messages[0].text.endswith("this is the second line of the first message")
    chatistics = _messages("Chatistics/tests/test_data/whatsapp/_chat.txt")
    assert any("this is a message from another chat!" in m.text for m in chatistics)
    colons = _messages("Chatistics/tests/test_data/whatsapp/_chat 3.txt")
    assert [m.sender for m in colons].count("The final test") == 2
    assert colons[-1].text.endswith("2/11/19: Arrival\n12/12/19: Departure")


@pytest.mark.parametrize(
    "rel",
    [
        "whatsapp-chat-parser/samples/not-a-whatsapp-chat.txt",
        "whatstk/whatstk/whatsapp/assets/header_format_support.json",
        "WhatsR/inst/Languages.csv",
        "chat-miner/test/whatsapp/target.json",
    ],
)
def test_files_that_are_not_chats_are_refused(rel):
    with pytest.raises(ChatFormatError) as info:
        list(parse_chat(CORPUS / rel))
    assert Path(rel).name in str(info.value)
    assert "expected" in str(info.value)


HEADER_FORMATS = (
    json.loads((CORPUS / "whatstk/whatstk/whatsapp/assets/header_format_support.json").read_text())
    if CORPUS.is_dir()
    else []
)


@pytest.mark.parametrize("fmt", [h["format"] for h in HEADER_FORMATS])
def test_whatstk_header_formats_read_back(tmp_path, fmt):
    """Each of the 96 header formats whatstk lists, written with strftime, parses back exactly."""
    from datetime import datetime

    stamps = [
        datetime(2021, 3, 4, 9, 5),
        datetime(2021, 3, 17, 13, 45),
        datetime(2021, 11, 28, 23, 59),
    ]
    lines = []
    for i, ts in enumerate(stamps):
        name = ("Ana Lima", "+1 555 0100", "Bo-Ra")[i]
        lines.append(ts.strftime(fmt.replace("%name", name)) + f" message {i}")
    path = tmp_path / "chat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A two-digit year first cannot be told from a day first; the user says so.
    fields = "".join(c.lower() for c in fmt if c in "dmyY" and f"%{c}" in fmt)[:3]
    order = {"date_order": fields} if fmt.lstrip("[").startswith("%y") else {}
    messages = list(parse_chat(path, **order))
    assert [m.timestamp for m in messages] == stamps
    assert [m.sender for m in messages] == ["Ana Lima", "+1 555 0100", "Bo-Ra"]
    assert [m.text for m in messages] == ["message 0", "message 1", "message 2"]
