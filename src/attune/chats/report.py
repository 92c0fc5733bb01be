"""The chat report: one self-contained HTML page rendered from :class:`Insights`.

The page has its stylesheet, charts (inline SVG with hover tooltips) and a few
lines of script inside it; it fetches nothing, so it opens offline and can be
kept or deleted like any file. Every number sits next to a "why this number?"
explanation. Chat text appears only as the capped, trimmed pattern examples.

>>> from attune.chats.insights import compute_insights
>>> html = render_report(compute_insights([], []))
>>> html.startswith("<!doctype html>")
True
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from attune.chats.insights import (
    GOTTMAN_RATIO,
    RESPONSE_BINS,
    TENSE_EMOTIONS,
    WARM_EMOTIONS,
    AnswerStats,
    Insights,
    PatternSummary,
    fmt_duration,
)
from attune.chats.report_assets import CSS, SCRIPT
from attune.chats.report_svg import (
    grouped_bars,
    legend,
    line_chart,
    ratio_gauge,
    split_bars,
    stacked_bars,
    swatch,
)

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
TOP_EMOTIONS = 6
TOWARD, AWAY, AGAINST = "#3f9c6d", "#b9b9b9", "#b04c4c"
PATTERN_NAMES = {
    "criticism": "Criticism",
    "contempt": "Contempt",
    "defensiveness": "Defensiveness",
    "stonewalling": "Stonewalling",
    "sarcasm": "Sarcasm",
    "ultimatum": "Ultimatums",
    "scorekeeping": "Scorekeeping",
    "mind_reading": "Mind reading",
    "dismissal": "Dismissal",
    "appreciation": "Appreciation",
    "repair_attempt": "Repair attempts",
    "validation": "Validation",
    "i_statement": "I-statements",
    "bid": "Bids for connection",
}
PATTERN_MEANING = {
    "criticism": "an attack on who someone is rather than on what they did",
    "contempt": "mockery, name-calling or speaking from above",
    "defensiveness": "a counter-attack or an excuse in place of listening",
    "stonewalling": "shutting the conversation down",
    "sarcasm": "saying the opposite of what is meant, with an edge",
    "ultimatum": "a demand backed by a threat",
    "scorekeeping": "a ledger of past wrongs brought into the present",
    "mind_reading": "stating the other person's hidden motives as fact",
    "dismissal": "waving away the other person's feelings",
}


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.0f}%"


def _n(x: int) -> str:
    return f"{x:,}"


def why(*paragraphs: str) -> str:
    """A one-click explanation: a closed ``<details>`` block."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<details class="why"><summary>why this number?</summary>{body}</details>'


def stat(value: str, label: str, *explanation: str) -> str:
    """A number, what it is, and why it is what it is."""
    return (
        f'<div class="stat explained"><span class="num">{escape(value)}</span>'
        f'<span class="label">{label}</span>{why(*explanation)}</div>'
    )


def explained(inner: str, *explanation: str) -> str:
    """A chart or table whose numbers share one explanation."""
    return f'<div class="explained">{inner}{why(*explanation)}</div>'


def _section(anchor: str, title: str, lead: str, *parts: str) -> str:
    head = f'<section id="{anchor}"><h2>{title}</h2><p class="lead">{lead}</p>'
    return head + "".join(parts) + "</section>"


def _label(ins: Insights, name: str) -> str:
    """A sender's name as plain text, marked when it is the reader's."""
    return f"{name} (you)" if ins.me == name else name


def _name(ins: Insights, name: str) -> str:
    """A sender's name, escaped for HTML."""
    return escape(_label(ins, name))


# ---------------------------------------------------------------- sections


def _overview(ins: Insights) -> str:
    p = ins.params
    span = "no dated messages"
    if ins.first and ins.last:
        days = (ins.last - ins.first).days + 1
        span = f"{ins.first:%d %b %Y} to {ins.last:%d %b %Y} ({days:,} days)"
    cards = [
        stat(
            _n(ins.total),
            "entries in the export",
            f"Every line of the export becomes one entry: {_n(ins.text)} text messages, "
            f"{_n(ins.media)} attachments and {_n(ins.system)} service notices (calls, "
            "joins, encryption notices). Service notices are counted here and left out "
            "everywhere else.",
        ),
        stat(
            _n(ins.conversations),
            "conversations",
            f"A conversation starts with the first message after a silence of at least "
            f"{p.conversation_gap_hours:g} hours (and with the very first message).",
        ),
        stat(
            _n(ins.analysed),
            "text messages analysed",
            "Each text message went through Attune's tone check on this computer: emotions, "
            "patterns and safety signals. Attachments and service notices are not analysed.",
        ),
    ]
    for person in ins.people:
        cards.append(
            stat(
                _n(person.messages),
                f"messages from {_name(ins, person.name)}",
                f"Text messages ({_n(person.text_messages)}) and attachments "
                f"({_n(person.media)}) sent under this name; {_n(person.words)} words in all.",
            )
        )
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in ins.notes)
    return _section(
        "overview",
        "Overview",
        f"From {escape(span)}.",
        notes,
        f'<div class="stats">{"".join(cards)}</div>',
    )


def _rhythm(ins: Insights) -> str:
    p = ins.params
    names = [_label(ins, x.name) for x in ins.people]
    raw = [x.name for x in ins.people]
    vol = {n: ins.volume.series[r] for n, r in zip(names, raw, strict=True)}
    unit = ins.volume.granularity
    hours = {n: x.by_hour for n, x in zip(names, ins.people, strict=True)}
    late = [h for h in range(24) if _is_late(h, p.late_night_start, p.late_night_end)]
    days = {n: x.by_weekday for n, x in zip(names, ins.people, strict=True)}
    late_cards = [
        stat(
            _pct(x.late_night_share),
            f"of {_name(ins, x.name)}'s messages are late at night",
            f"{_n(x.late_night)} of {_n(x.messages)} messages were sent between "
            f"{p.late_night_start:02d}:00 and {p.late_night_end:02d}:00 on the chat's clock. "
            "Exports that store universal time are shown in this computer's time zone.",
        )
        for x in ins.people
    ]
    return _section(
        "rhythm",
        "Volume and rhythm",
        "How much you wrote, and when.",
        f"<h3>Messages per {unit}</h3>",
        legend("c-volume", names),
        explained(
            stacked_bars("c-volume", ins.volume.periods, vol),
            f"Each bar counts the text messages and attachments sent in that {unit}, "
            "stacked by sender. Hover a bar for its count; click a name above to hide it.",
        ),
        "<h3>Hour of day</h3>",
        legend("c-hours", names),
        explained(
            grouped_bars(
                "c-hours",
                [f"{h:02d}" for h in range(24)],
                hours,
                shade=late,
                shade_title="late night",
            ),
            "Messages by the hour they were sent, over the whole chat. The shaded hours are "
            f"the late-night window ({p.late_night_start:02d}:00 to {p.late_night_end:02d}:00).",
        ),
        "<h3>Day of week</h3>",
        legend("c-days", names),
        explained(
            grouped_bars("c-days", WEEKDAYS, days, height=160),
            "Messages by weekday, over the whole chat.",
        ),
        '<h3 id="late-night">Late at night</h3>',
        f'<div class="stats">{"".join(late_cards)}</div>',
    )


def _is_late(hour: int, start: int, end: int) -> bool:
    return (hour >= start or hour < end) if start > end else start <= hour < end


def _initiative(ins: Insights) -> str:
    p = ins.params
    cards = [
        stat(
            _pct(x.initiation_share),
            f"of conversations started by {_name(ins, x.name)}",
            f"{_n(x.initiations)} of {_n(ins.conversations)} conversations. A conversation "
            f"starts when someone writes after at least {p.conversation_gap_hours:g} hours of "
            "silence; whoever writes first started it.",
        )
        for x in ins.people
    ]
    return _section(
        "initiative",
        "Who reaches out first",
        "Reaching out is one way of saying “I thought of you”. A lopsided share is worth a "
        "gentle conversation, not a verdict.",
        f'<div class="stats">{"".join(cards)}</div>',
    )


def _responses(ins: Insights) -> str:
    p = ins.params
    cards, rows = [], []
    for x in ins.people:
        r = x.response
        if r is None:
            cards.append(stat("–", f"{_name(ins, x.name)}: no replies yet", "No replies found."))
            continue
        cards.append(
            stat(
                fmt_duration(r.median_s),
                f"typical reply time of {_name(ins, x.name)}",
                f"The median of {_n(r.replies)} replies: half came faster, half slower. A reply "
                "is the first message after the other person's, within one conversation (a "
                f"message after {p.conversation_gap_hours:g} hours or more starts a new "
                f"conversation instead). Middle half: {fmt_duration(r.p25_s)} to "
                f"{fmt_duration(r.p75_s)}; 9 in 10 replies within {fmt_duration(r.p90_s)}.",
            )
        )
        rows.append(
            (
                _label(ins, x.name),
                [(label, float(c), color) for (label, _), c, color in
                 zip(RESPONSE_BINS, r.histogram, _BIN_COLORS, strict=True)],
            )
        )  # fmt: skip
    table = "".join(
        f"<tr><td>{_name(ins, x.name)}</td><td>{_n(x.response.replies)}</td>"
        f"<td>{fmt_duration(x.response.p25_s)}</td><td>{fmt_duration(x.response.median_s)}</td>"
        f"<td>{fmt_duration(x.response.p75_s)}</td><td>{fmt_duration(x.response.p90_s)}</td></tr>"
        for x in ins.people
        if x.response is not None
    )
    bins = " · ".join(
        f"{swatch(c)} {label}" for (label, _), c in zip(RESPONSE_BINS, _BIN_COLORS, strict=True)
    )
    return _section(
        "responses",
        "Reply times",
        "How quickly each of you answered, inside a conversation.",
        f'<div class="stats">{"".join(cards)}</div>',
        explained(
            split_bars("c-replies", rows, unit=" replies") + f'<p class="sub">{bins}</p>'
            "<table><tr><th>Who</th><th>Replies</th><th>Quarter</th><th>Median</th>"
            f"<th>Three quarters</th><th>9 in 10</th></tr>{table}</table>",
            "Each bar splits one person's replies by how long they took. In the table, "
            "“Quarter” means a quarter of replies came faster than this, “Median” half, "
            "“Three quarters” three in four and “9 in 10” nine in ten.",
        ),
    )


_BIN_COLORS = ("#2f6a3f", "#3f9c6d", "#8cc5a0", "#d9c48f", "#d9822b", "#b04c4c")


def _emotions(ins: Insights) -> str:
    counts = {k: v for k, v in ins.emotion_counts.items() if k != "neutral"}
    top = sorted(counts, key=lambda k: -counts[k])[:TOP_EMOTIONS]
    if not top:
        return _section(
            "emotions",
            "Emotions over time",
            "No emotions stood out in the analysed messages.",
        )
    series = {label: ins.emotions.series[label] for label in top}
    unit = ins.emotions.granularity
    cards = [stat(_n(counts[k]), f"messages with {escape(k)}", _emotion_why(k)) for k in top]
    return _section(
        "emotions",
        "Emotions over time",
        f"The {len(top)} emotions heard most often, as a share of each {unit}'s text messages.",
        legend("c-emotions", top, ("#d9822b", "#3b6ea8", "#b04c4c", "#3f9c6d", "#7d6bb0",
                                   "#a8557a")),
        explained(
            line_chart("c-emotions", ins.emotions.periods, series),
            f"For each {unit}: the messages in which the tone check heard the emotion, divided "
            "by that period's text messages. A message can carry several emotions. The check "
            "reads words, not faces or history, so treat it as a rough weather map.",
        ),
        f'<div class="stats">{"".join(cards)}</div>',
    )  # fmt: skip


def _emotion_why(label: str) -> str:
    role = ""
    if label in TENSE_EMOTIONS:
        role = " It counts as a negative moment when looking for conflict."
    elif label in WARM_EMOTIONS:
        role = " It counts as a positive moment in the 5:1 ratio."
    return (
        f"Text messages in which the tone check scored {escape(label)} above its "
        f"threshold, over the whole chat.{role}"
    )


def _patterns(ins: Insights) -> str:
    names = [_name(ins, x.name) for x in ins.people]
    harmful = [pat for pat in ins.patterns if pat.harmful]
    found = [pat for pat in harmful if pat.count]
    rows = "".join(
        f"<tr><td>{PATTERN_NAMES[pat.label]}</td><td>{_n(pat.count)}</td>"
        + "".join(f"<td>{_n(c)}</td>" for c in pat.by_person)
        + "</tr>"
        for pat in harmful
    )
    head = "".join(f"<th>{n}</th>" for n in names)
    table = explained(
        f"<table><tr><th>Pattern</th><th>All</th>{head}</tr>{rows}</table>",
        "Text messages in which the tone check found the pattern, in all and by sender. A "
        "message with two patterns counts once for each. The check looks for typical "
        "wording; it can miss things and it can mistake a joke between you for the real "
        "thing.",
    )
    blocks = [_examples(ins, pat) for pat in found]
    cap = ins.params.max_examples
    note = (
        f'<p class="note">To protect your privacy the report keeps at most {cap} short '
        "excerpts per pattern, trimmed around the words that matched; messages with safety "
        "signals are never quoted. Share this file with care.</p>"
        if cap
        else '<p class="note">Examples are switched off for this report.</p>'
    )
    return _section(
        "patterns",
        "Patterns that wear connection down",
        "Everyone slips into these sometimes. Seeing which ones show up most helps you pick "
        "one to work on.",
        table,
        note if found else "",
        *blocks,
    )


def _examples(ins: Insights, pat: PatternSummary) -> str:
    items = "".join(
        f'<li><q>{escape(e.excerpt)}</q><br><span class="meta">{_name(ins, e.sender)}, '
        f"{e.when:%d %b %Y} · {escape(e.why)}</span></li>"
        for e in pat.examples
    )
    meaning = PATTERN_MEANING.get(pat.label, "")
    return f'<h3>{PATTERN_NAMES[pat.label]}</h3><p class="sub">{escape(meaning)}</p>' + (
        f'<ul class="examples">{items}</ul>' if items else ""
    )


def _conflict(ins: Insights) -> str:
    p, c = ins.params, ins.conflict
    tense = ", ".join(TENSE_EMOTIONS)
    warm = ", ".join(WARM_EMOTIONS)
    definition = (
        f"A conflict is a stretch where at least {p.conflict_min_negative} negative "
        f"messages follow each other with no more than {p.conflict_link_minutes:g} minutes "
        "between one and the next, plus the "
        f"{p.conflict_tail_minutes:g} minutes after the last one (where making up usually "
        "happens). A message is negative when it shows one of the harmful patterns or the "
        f"emotions {tense}; positive when it shows appreciation, validation, an I-statement, "
        f"a repair attempt, a bid, or the emotions {warm}. A message can be both."
    )
    ratio = c.ratio
    ratio_text = "–" if ratio is None else f"{ratio:.1f}:1"
    if ratio is None:
        verdict = "No conflict stretches were found, so there is no ratio to compare."
    elif ratio >= GOTTMAN_RATIO:
        verdict = "That is at or above the 5:1 anchor: warmth keeps flowing even when you disagree."
    else:
        verdict = (
            "That is below the 5:1 anchor. Small additions help most here: a word of "
            "understanding, a joke you both like, a “you have a point”."
        )
    cards = [
        stat(
            ratio_text,
            "positive to negative during conflict",
            f"{_n(c.positive)} positive and {_n(c.negative)} negative messages inside "
            f"{_n(len(c.windows))} conflict stretches ({_n(c.messages)} messages).",
            definition,
            "The anchor comes from John Gottman's studies of couples: those who stayed "
            "happily together showed about five positive moments for each negative one while "
            "they argued. It is a rule of thumb, not a grade.",
        ),
        stat(
            _n(len(c.windows)),
            "conflict stretches",
            definition,
        ),
        stat(
            "–" if c.outside_ratio is None else f"{c.outside_ratio:.1f}:1",
            "positive to negative the rest of the time",
            f"{_n(c.outside_positive)} positive and {_n(c.outside_negative)} negative messages "
            "outside conflict stretches, for comparison.",
        ),
    ]
    return _section(
        "conflict",
        "Warmth during conflict: the 5:1 ratio",
        verdict,
        f'<div class="stats">{"".join(cards)}</div>',
        explained(
            ratio_gauge("c-ratio", ratio, GOTTMAN_RATIO),
            "The dot is this chat's ratio during conflict; the dashed line is the 5:1 "
            "research anchor, and the green part of the scale is at or above it. " + definition,
        ),
    )


def _answer_rows(
    ins: Insights, pick: str, labels: tuple[str, str, str]
) -> list[tuple[str, Sequence[tuple[str, float, str]]]]:
    rows: list[tuple[str, Sequence[tuple[str, float, str]]]] = []
    for x in ins.people:
        a: AnswerStats = getattr(x, pick)
        if a.made:
            rows.append(
                (
                    _label(ins, x.name),
                    [
                        (labels[0], float(a.toward), TOWARD),
                        (labels[1], float(a.away), AWAY),
                        (labels[2], float(a.against), AGAINST),
                    ],
                )
            )
    return rows


def _bids(ins: Insights) -> str:
    p = ins.params
    cards = []
    for x in ins.people:
        b = x.bids
        cards.append(
            stat(
                _pct(b.toward_share),
                f"of {_name(ins, x.name)}'s bids were turned toward",
                f"{_n(b.made)} bids: {_n(b.toward)} toward, {_n(b.away)} away, "
                f"{_n(b.against)} against. A bid is a message reaching for attention or "
                "connection (sharing something, asking to talk, a question about the other's "
                f"day). It was turned toward when someone else answered within "
                f"{p.bid_reply_hours:g} hours without hostility; against when that answer had "
                "a harmful pattern or anger, annoyance or disgust; away when no answer came "
                "in time.",
                "For comparison: in Gottman's newlywed study, couples still together years "
                "later had turned toward about 86% of bids, those who split about 33%.",
            )
        )
    rows = _answer_rows(ins, "bids", ("toward", "away", "against"))
    return _section(
        "bids",
        "Bids for connection",
        "Small reaches for attention, and how they were met.",
        f'<div class="stats">{"".join(cards)}</div>',
        explained(
            split_bars("c-bids", rows, unit=" bids") if rows else "<p>No bids found.</p>",
            "Each bar splits one person's bids: green turned toward, grey away (no answer in "
            f"{p.bid_reply_hours:g} hours), red against. Hover for counts.",
        ),
    )


def _repairs(ins: Insights) -> str:
    p = ins.params
    cards = []
    for x in ins.people:
        r = x.repairs
        cards.append(
            stat(
                _n(r.made),
                f"repair attempts by {_name(ins, x.name)}",
                f"{_n(r.toward)} accepted, {_n(r.against)} rebuffed, {_n(r.away)} unanswered. "
                "A repair attempt tries to de-escalate: an apology, humour, “can we start "
                "over?”. It was accepted when the other person answered within "
                f"{p.repair_reply_hours:g} hours without a harmful pattern or a negative "
                "emotion, rebuffed when the answer had one, unanswered otherwise.",
            )
        )
    rows = _answer_rows(ins, "repairs", ("accepted", "unanswered", "rebuffed"))
    return _section(
        "repairs",
        "Repair attempts",
        "Every couple fights; what matters most is whether repair lands.",
        f'<div class="stats">{"".join(cards)}</div>',
        explained(
            split_bars("c-repairs", rows, unit=" attempts") if rows else "",
            "Each bar splits one person's repair attempts: green accepted, grey unanswered, "
            "red rebuffed.",
        ),
    )


def _trends(ins: Insights) -> str:
    def f(x: float | None, suffix: str = "") -> str:
        return "–" if x is None else f"{x:.1f}{suffix}"

    rows = "".join(
        f"<tr><td>{m.month}</td><td>{_n(m.messages)}</td><td>{f(m.harmful_per_100)}</td>"
        f"<td>{f(m.positive_per_100)}</td><td>{_n(m.bids_toward)} of {_n(m.bids)}</td>"
        f"<td>{_pct(m.late_night_share)}</td><td>{fmt_duration(m.median_response_s)}</td></tr>"
        for m in ins.months
    )
    series = {
        "harmful per 100": [m.harmful_per_100 or 0.0 for m in ins.months],
        "positive per 100": [m.positive_per_100 or 0.0 for m in ins.months],
    }
    labels = [m.month for m in ins.months]
    return _section(
        "trends",
        "Month by month",
        "Direction matters more than any single month.",
        legend("c-trends", list(series), ("#b04c4c", "#3f9c6d")),
        explained(
            grouped_bars("c-trends", labels, series, unit="per 100 texts", height=180),
            "Harmful: text messages with at least one harmful pattern, per 100 text messages "
            "of the month. Positive: messages with appreciation, validation, an I-statement, a "
            "repair attempt or a bid, per 100.",
        ),
        explained(
            "<table><tr><th>Month</th><th>Messages</th><th>Harmful /100</th>"
            "<th>Positive /100</th><th>Bids turned toward</th><th>Late night</th>"
            f"<th>Median reply</th></tr>{rows}</table>",
            "Each row is one calendar month, counted the same way as the sections above: "
            "messages include attachments; per-100 figures divide by text messages; late night "
            f"uses {ins.params.late_night_start:02d}:00–{ins.params.late_night_end:02d}:00; "
            "the median reply is over replies sent that month.",
        ),
    )


def _safety(ins: Insights) -> str:
    if not (ins.risk_crisis or ins.risk_concern):
        return ""
    return (
        '<div class="safety" role="note"><strong>Some messages mention harm or control.</strong> '
        "The tone check found words about harm, threats or pressure in "
        f"{_n(ins.risk_crisis + ins.risk_concern)} messages. They are not quoted here. If you "
        "or someone in this chat may be in danger, please reach out to local emergency "
        "services or a crisis line; <code>attune help-lines</code> lists lines for your country. "
        "A coaching report is not the right tool for that, and that's okay.</div>"
    )


def _method(ins: Insights) -> str:
    p = ins.params
    items = [
        ("New conversation after a silence of", f"{p.conversation_gap_hours:g} hours"),
        ("Late night", f"{p.late_night_start:02d}:00 to {p.late_night_end:02d}:00"),
        ("A bid counts as answered within", f"{p.bid_reply_hours:g} hours"),
        ("A repair attempt counts as answered within", f"{p.repair_reply_hours:g} hours"),
        (
            "Conflict stretch",
            f"{p.conflict_min_negative}+ negative messages, ≤ {p.conflict_link_minutes:g} min "
            f"apart, plus {p.conflict_tail_minutes:g} min",
        ),
        ("Examples kept per pattern", f"at most {p.max_examples}, ≤ {p.example_chars} chars"),
    ]
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in items)
    return _section(
        "method",
        "How this report was made",
        "Everything ran on this computer; nothing was sent anywhere. These are the settings "
        "behind the numbers.",
        explained(
            f"<table>{rows}</table>",
            "These thresholds are choices, not facts. Each explanation above names the one it "
            "uses. Library users can change them through InsightParams.",
        ),
    )


def render_report(
    insights: Insights,
    *,
    title: str = "Chat insights",
    generated: datetime | None = None,
    nonce: str | None = None,
) -> str:
    """Render ``insights`` as one self-contained HTML page (a string).

    The page loads nothing from anywhere: styles, charts and script are inline,
    and its own Content-Security-Policy forbids fetching. A web app that serves
    it under a nonce-based policy passes ``nonce``; the page then uses no inline
    style attributes or handlers, only its nonced ``<style>`` and ``<script>``.
    """
    if nonce is not None and not nonce.replace("-", "").replace("_", "").isalnum():
        raise ValueError("nonce must be URL-safe base64 characters")
    inline = f"'nonce-{nonce}'" if nonce else "'unsafe-inline'"
    attr = f' nonce="{nonce}"' if nonce else ""
    ins = insights
    who = " and ".join(_name(ins, x.name) for x in ins.people) or "nobody yet"
    stamp = f" · made {generated:%d %b %Y %H:%M}" if generated else ""
    sections = [
        ("overview", "Overview", _overview),
        ("rhythm", "Rhythm", _rhythm),
        ("initiative", "Who starts", _initiative),
        ("responses", "Replies", _responses),
        ("emotions", "Emotions", _emotions),
        ("patterns", "Patterns", _patterns),
        ("conflict", "5:1 ratio", _conflict),
        ("bids", "Bids", _bids),
        ("repairs", "Repair", _repairs),
        ("trends", "Trends", _trends),
        ("method", "Method", _method),
    ]
    nav = "".join(f'<a href="#{a}">{label}</a>' for a, label, _ in sections)
    body = "".join(render(ins) for _, _, render in sections)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f'style-src {inline}; script-src {inline}; img-src data:">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style{attr}>{CSS}</style></head><body>"
        f"<header><h1>{escape(title)}</h1>"
        f'<p class="sub">A chat between {who}{stamp}. Private: this file holds your data.</p>'
        f"{_safety(ins)}<nav>{nav}</nav></header>"
        f"<main>{body}</main>"
        "<footer>Made by Attune on this computer. The numbers describe patterns in words, "
        "not people; use them to start a conversation, not to settle one.</footer>"
        f"<script{attr}>{SCRIPT}</script></body></html>\n"
    )


def summary_rows(insights: Insights) -> list[tuple[str, str]]:
    """The few lines the terminal prints after writing a report: label and value."""
    ins = insights
    rows = [("Messages", f"{ins.total:,} ({ins.conversations:,} conversations)")]
    for x in ins.people:
        r = x.response
        rows.append(
            (
                x.name + (" (you)" if ins.me == x.name else ""),
                f"{x.messages:,} messages, started {_pct(x.initiation_share)}, "
                f"replies in {fmt_duration(r.median_s if r else None)}, "
                f"late night {_pct(x.late_night_share)}, "
                f"bids turned toward {_pct(x.bids.toward_share)}",
            )
        )
    ratio = ins.conflict.ratio
    rows.append(
        (
            "During conflict",
            "no conflict stretches"
            if ratio is None
            else f"{ratio:.1f}:1 positive to negative (anchor {GOTTMAN_RATIO:g}:1)",
        )
    )
    top = sorted((p for p in ins.patterns if p.harmful and p.count), key=lambda p: -p.count)[:3]
    if top:
        rows.append(("Most frequent", ", ".join(f"{p.label} ({p.count:,})" for p in top)))
    if ins.risk_crisis or ins.risk_concern:
        rows.append(("Safety", "some messages mention harm: see the top of the report"))
    return rows
