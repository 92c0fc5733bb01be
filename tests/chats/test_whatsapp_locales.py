"""WhatsApp exports in many locales: date orders, eras, digits, markers and marks."""

from __future__ import annotations

import zipfile
from datetime import datetime

import pytest

from attune.chats import parse_chat
from attune.errors import ChatFormatError


def _parse(tmp_path, text, name="chat.txt", **options):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(parse_chat(path, **options))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("05/01/2024, 21:07 - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("1/5/24, 9:07\u202fPM - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("[1/5/24, 9:07:12\u202fPM] Ana: hi", datetime(2024, 1, 5, 21, 7, 12)),
        ("2023-12-20, 5:46 p.m. - Ana: hi", datetime(2023, 12, 20, 17, 46)),
        ("[05.08.23, 5:52:02 PM] Ana: hi", datetime(2023, 8, 5, 17, 52, 2)),
        ("05/01/2024, 9:07 p. m. - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("05/01/2024, 12:07 a. m. - Ana: hi", datetime(2024, 1, 5, 0, 7)),
        ("05.01.24, 21.07 - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("05/01/2024 à 21:07 - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("2024. 1. 5. 오후 9:07 - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("[2024/1/5 下午9:07:12] Ana: hi", datetime(2024, 1, 5, 21, 7, 12)),
        ("2024/01/05 午前9:07 - Ana: hi", datetime(2024, 1, 5, 9, 7)),
        ("٠٥/٠١/٢٠٢٤، ٩:٠٧ م - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("\u200f05\u200f/01\u200f/2024 9:07 ص - Ana: hi", datetime(2024, 1, 5, 9, 7)),
        ("05/01/2567 21:07 - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("R6/01/05 21:07 - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("令和6/1/5 21:07 - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("\ufeff05-01-2024 21:07 - Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("05/01/2024, 21:07 – Ana: hi", datetime(2024, 1, 5, 21, 7)),
        ("۱۴۰۲/۱۰/۱۵, ۲۱:۰۷ - Ana: hi", datetime(2024, 1, 5, 21, 7)),
    ],
)
def test_locale_headers(tmp_path, line, expected):
    (message,) = _parse(tmp_path, line + "\n")
    assert message.timestamp == expected
    assert (message.sender, message.text, message.kind) == ("Ana", "hi", "text")


def test_date_order_is_decided_from_the_whole_file(tmp_path):
    # Only the last line shows that the first field is the month.
    lines = [f"0{d}/0{d}/24, 10:00 - Ana: m{d}" for d in range(1, 10)] + ["01/30/24, 10:00 - Bo: x"]
    messages = _parse(tmp_path, "\n".join(lines) + "\n")
    assert messages[1].timestamp == datetime(2024, 2, 2, 10, 0)
    assert messages[-1].timestamp == datetime(2024, 1, 30, 10, 0)


def test_ambiguous_dates_follow_chronology_and_the_override_wins(tmp_path):
    # Read day-first these dates would step back in time; month-first they run forward.
    text = "01/02/24, 10:00 - Ana: a\n01/03/24, 10:00 - Ana: b\n02/01/24, 10:00 - Ana: c\n"
    auto = _parse(tmp_path, text)
    assert [m.timestamp.date().isoformat() for m in auto] == [
        "2024-01-02",
        "2024-01-03",
        "2024-02-01",
    ]
    forced = _parse(tmp_path, text, date_order="dmy")
    assert forced[0].timestamp == datetime(2024, 2, 1, 10, 0)


def test_kinds_and_senders_with_colons_and_dashes(tmp_path):
    text = (
        "05/01/2024, 21:07 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        '05/01/2024, 21:07 - Ana created group "Us: forever"\n'
        "05/01/2024, 21:08 - Jean-Luc - Paris: see you: soon\n"
        "05/01/2024, 21:08 - Dr:Who: <Media omitted>\n"
        "05/01/2024, 21:09 - Ana: This message was deleted\n"
        "05/01/2024, 21:09 - Ana: Missed voice call\n"
        "05/01/2024, 21:10 - Ana: first line\nsecond line\n\nfourth line\n"
    )
    messages = _parse(tmp_path, text)
    assert [(m.sender, m.kind) for m in messages] == [
        ("", "system"),
        ("", "system"),
        ("Jean-Luc - Paris", "text"),
        ("Dr:Who", "media"),
        ("Ana", "system"),
        ("Ana", "system"),
        ("Ana", "text"),
    ]
    assert messages[1].text == 'Ana created group "Us: forever"'
    assert messages[2].text == "see you: soon"
    assert messages[-1].text == "first line\nsecond line\n\nfourth line"


@pytest.mark.parametrize(
    "body",
    [
        "image omitted",
        "\u200e<attached: 00000012-PHOTO-2024-01-05-21-07-00.jpg>",
        "<Multimedia omitido>",
        "IMG-20240105-WA0001.jpg (file attached)",
        "Bild weggelassen",
        "<Medien ausgeschlossen>",
    ],
)
def test_media_placeholders(tmp_path, body):
    (message,) = _parse(tmp_path, f"[05/01/2024, 21:07:00] Ana: {body}\n")
    assert message.kind == "media"


def test_zip_export_reads_the_chat_inside(tmp_path):
    archive = tmp_path / "WhatsApp Chat with Ana.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("IMG-20240105-WA0001.jpg", b"\xff\xd8binary")
        zf.writestr("WhatsApp Chat with Ana.txt", "05/01/2024, 21:07 - Ana: hi\n")
    (message,) = list(parse_chat(archive))
    assert (message.sender, message.text) == ("Ana", "hi")


def test_crlf_and_utf16(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text("05/01/2024, 21:07 - Ana: hi\r\nthere\r\n", encoding="utf-16")
    (message,) = list(parse_chat(path))
    assert message.text == "hi\nthere"


def test_text_before_the_first_header_is_refused_with_its_line(tmp_path):
    with pytest.raises(ChatFormatError) as info:
        _parse(tmp_path, "\nhello\n05/01/2024, 21:07 - Ana: hi\n", format="whatsapp")
    assert info.value.line == 2
    assert "chat.txt" in str(info.value)
