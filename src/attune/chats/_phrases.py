"""Words chat apps use for attachments and service events, in many languages.

Used to tell ``media`` and ``system`` entries from ordinary text. Matching is
on whole bodies or fixed endings, never on words inside a sentence, so that a
person writing "the image was omitted from the report" keeps kind ``text``.
"""

from __future__ import annotations

import re

# Whole bodies WhatsApp writes instead of an attachment.
MEDIA_BODIES = frozenset(
    {
        "<Media omitted>",
        "<Medien ausgelassen>",
        "<Multimedia omitido>",
        "<Médias omis>",
        "<Media omessi>",
        "<Mídia oculta>",
        "<Arquivo de mídia oculto>",
        "<Media weggelaten>",
        "<Без медиафайлов>",
        "<Медиафайлы пропущены>",
        "<Medya dahil edilmedi>",
        "<Media tidak disertakan>",
        "<Media dihilangkan>",
        "<Pominięto multimedia>",
        "<Média vynechána>",
        "<Media utelämnad>",
        "<Media udeladt>",
        "<Media utelatt>",
        "<Media jätetty pois>",
        "<Τα πολυμέσα παραλείφθηκαν>",
        "<Медіа пропущено>",
        "<ملف وسائط محذوف>",
        "<تم استبعاد الوسائط>",
        "<רכיב המדיה הושמט>",
        "<媒体已省略>",
        "<省略されたメディア>",
        "<미디어 파일 생략>",
        "<ไม่รวมสื่อ>",
        "<Đã bỏ qua tập tin>",
        "<Media dikecualikan>",
        "<Médiafájl kihagyva>",
        "<Media omise>",
    }
)

# Endings of iOS placeholders ("image omitted", "Bild weggelassen", "imagen omitida", ...)
# and of Android attachment lines ("IMG-2023.jpg (file attached)").
MEDIA_ENDINGS = (
    " omitted",
    " weggelassen",
    " omitida",
    " omitido",
    " omis",
    " omise",
    " absente",
    " omessa",
    " omesso",
    " ocultada",
    " ocultado",
    " oculto",
    " oculta",
    " weggelaten",
    " отсутствует",
    " пропущено",
    " dahil edilmedi",
    " tidak disertakan",
    " pominięto",
    " utelämnad",
    " udeladt",
    " utelatt",
    " vynecháno",
    " 省略",
    " 已省略",
    " 생략됨",
    "(file attached)",
    "(Datei angehängt)",
    "(archivo adjunto)",
    "(arquivo anexado)",
    "(fichier joint)",
    "(file allegato)",
    "(bestand bijgevoegd)",
    "(файл прикреплён)",
    "(файл прикреплен)",
    "(dosya ekli)",
    "(file terlampir)",
    "(plik załączony)",
)

# The endings by their last character, so that a body is compared only with those it could have.
_ENDINGS_BY_LAST = {
    c: tuple(e for e in MEDIA_ENDINGS if e[-1] == c) for c in {e[-1] for e in MEDIA_ENDINGS}
}

# A body that is only an angle-bracketed note: "<attached: 00000012-PHOTO-....jpg>",
# "<Anhang: ...>", "<View once voice message omitted>".
ANGLE_NOTE = re.compile(r"<[^<>\n]{1,120}>")

# Bodies that are service events even though a person's name heads them; each entry
# is a regular expression that starts with a literal letter (used as a fast pre-check).
_SYSTEM_PHRASES = (
    "This message was deleted",
    "You deleted this message",
    "Diese Nachricht wurde gelöscht",
    "Du hast diese Nachricht gelöscht",
    "Se eliminó este mensaje",
    "Eliminaste este mensaje",
    "Ce message a été supprimé",
    "Vous avez supprimé ce message",
    "Questo messaggio è stato eliminato",
    "Hai eliminato questo messaggio",
    "Essa mensagem foi apagada",
    "Esta mensagem foi apagada",
    "Você apagou esta mensagem",
    "Mensagem apagada",
    "Dit bericht is verwijderd",
    "Je hebt dit bericht verwijderd",
    "Это сообщение удалено",
    "Вы удалили это сообщение",
    "Bu mesaj silindi",
    "Bu mesajı sildiniz",
    "Pesan ini telah dihapus",
    "Anda menghapus pesan ini",
    "تم حذف هذه الرسالة",
    "لقد حذفت هذه الرسالة",
    "此消息已删除",
    "你删除了此消息",
    "このメッセージは削除されました",
    "삭제된 메시지입니다",
    "Missed (?:voice|video|group voice|group video) call",
    "Verpasster (?:Sprach|Video)anruf",
    "Llamada (?:de voz|de video|perdida)",
    "Appel (?:vocal|vidéo) manqué",
    "Chiamata (?:vocale|video) persa",
    "Chamada de (?:voz|vídeo) perdida",
    "Gemiste (?:spraak|video)oproep",
    "Пропущенный (?:аудио|видео)?звонок",
    "Cevapsız (?:sesli|görüntülü) arama",
    "(?:Voice|Video) call$",
    "Messages (?:and calls are|to this (?:chat|group)|you send)",
    "Nachrichten und Anrufe sind",
    "Los mensajes y las llamadas",
    "As mensagens e as chamadas",
    "Les messages et les appels",
    "I messaggi e le chiamate",
    "Berichten en gesprekken",
    "Сообщения и звонки",
    "Mesajlar ve aramalar",
    "Pesan dan panggilan",
    "Your security code with .* changed",
    "Security code changed",
)
_LOCATION_PHRASES = (
    "location: https?://",
    "standort: https?://",
    "ubicación: https?://",
    "localização: https?://",
    "position ?: https?://",
    "posizione: https?://",
    "locatie: https?://",
    "live location shared",
    "live-standort wird geteilt",
    "ubicación en tiempo real compartida",
)
ATTRIBUTED_SYSTEM = re.compile("|".join(_SYSTEM_PHRASES), re.DOTALL)
LOCATION = re.compile("|".join(_LOCATION_PHRASES), re.IGNORECASE)
_SYSTEM_FIRST = frozenset(p[0] for p in _SYSTEM_PHRASES if p[0] != "(") | {"V"}
_LOCATION_FIRST = frozenset(c for p in _LOCATION_PHRASES for c in (p[0], p[0].upper()))

# Events a name leads ("+1 555 updated the message timer"); searched only when a keyword is in.
NAMED_SYSTEM = re.compile(
    r".{0,80}?(?: updated the message timer| turned (?:on|off) disappearing messages"
    r"| changed (?:the subject (?:from|to) \"|this group's icon|the group description"
    r"|the group name to \"|their phone number|to a new number)"
    r"| created group \"| joined using this group's invite link| is a contact\.?$)",
    re.DOTALL,
)


_SYSTEM_FIRST = frozenset("TYDSEVCMLNAIBPÉÉЭВСҒćتل此你こ삭ÉGLlsuVv")


_QUOTES = ('"', "“", "«", "„", "「")


def _first_chars(phrase: str) -> str:
    """The characters a phrase pattern can start with (its first letter, or a group's first)."""
    if phrase.startswith("(?:"):
        return "".join({alt[0] for alt in phrase[3 : phrase.index(")")].split("|")})
    return phrase[0]


def _by_lead(
    leads: frozenset[str], phrases: tuple[str, ...], flags: int = 0
) -> dict[str, re.Pattern[str]]:
    """For each lead character, one pattern of only the phrases that can start with it.

    Matching a body against its lead's phrases gives the same answer as matching
    it against all of them, at a fraction of the cost.
    """

    def fold(c: str) -> str:
        return c.lower() if flags & re.IGNORECASE else c

    out = {}
    for lead in leads:
        mine = [p for p in phrases if any(fold(c) == fold(lead) for c in _first_chars(p))]
        if mine:
            out[lead] = re.compile("|".join(mine), flags)
    return out


_SYSTEM_BY_LEAD = _by_lead(_SYSTEM_FIRST, _SYSTEM_PHRASES, re.DOTALL)
_LOCATION_BY_LEAD = _by_lead(_LOCATION_FIRST, _LOCATION_PHRASES, re.IGNORECASE)


def looks_like_sender(name: str) -> bool:
    """Tell whether text before ``": "`` can be a name rather than part of a service line."""
    return (
        len(name) <= 80
        and '"' not in name
        and "“" not in name
        and "«" not in name
        and "„" not in name
        and "「" not in name
    )


# Words one of which every NAMED_SYSTEM event holds; a piece of a file without any of
# them cannot hold such an event, which spares a search per message.
NAMED_KEYWORDS = (
    "timer",
    "disappearing",
    " changed ",
    "created group",
    "invite link",
    "is a contact",
)


def whatsapp_kind(text: str, named: bool = True) -> str:
    """Classify the body of a WhatsApp message that a person sent: text, media or system.

    ``named=False`` says the body holds none of :data:`NAMED_KEYWORDS` (the caller
    searched the piece of the file it came from), so that test is skipped.
    """
    if not text:
        return "media"  # an empty body is what a view-once photo leaves behind
    first = text.split("\n", 1)[0] if "\n" in text else text
    if not first:
        return "text"
    last = first[-1]
    if last == ">":
        if first in MEDIA_BODIES or (
            first[0] == "<" and ANGLE_NOTE.fullmatch(first) and "edited" not in first
        ):
            return "media"
    else:
        endings = _ENDINGS_BY_LAST.get(last)
        if endings is not None and len(first) <= 200 and first.endswith(endings):
            return "media"
    lead = first[0]
    system = _SYSTEM_BY_LEAD.get(lead)
    if system is not None and system.match(text):
        return "system"
    location = _LOCATION_BY_LEAD.get(lead)
    if location is not None and location.match(text):
        return "media"
    if (
        named
        and len(text) < 300
        and (
            "timer" in text
            or "disappearing" in text
            or " changed " in text
            or "created group" in text
            or "invite link" in text
            or "is a contact" in text
        )
    ):
        return "system" if NAMED_SYSTEM.match(text) else "text"
    return "text"
