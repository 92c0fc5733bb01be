"""Insights over small hand-built chats whose answers are known."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from attune.analysis.types import Analysis, Label, PatternHit, Risk
from attune.chats.insights import (
    GOTTMAN_RATIO,
    InsightParams,
    compute_insights,
    excerpt,
)
from attune.chats.model import Message
from attune.errors import ValidationError

T0 = datetime(2024, 3, 4, 9, 0)  # a Monday


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def msg(minutes: float, sender: str, text: str = "ok", kind: str = "text") -> Message:
    return Message(at(minutes), sender, text, kind)  # type: ignore[arg-type]


def hit(label: str, text: str = "", score: float = 0.9) -> PatternHit:
    return PatternHit(label, score, 0, len(text), f"{label} cue")


def ana(
    text: str = "ok",
    patterns: tuple[str, ...] = (),
    emotions: tuple[str, ...] = (),
    risk: str = "none",
) -> Analysis:
    return Analysis(
        text,
        emotions=tuple(Label(e, 0.8) for e in emotions),
        patterns=tuple(hit(p, text) for p in patterns),
        risk=Risk(risk) if risk == "none" else Risk(risk, "self_harm", 0, 1),  # type: ignore[arg-type]
    )


def plain(messages: list[Message]) -> list[Analysis]:
    return [Analysis(m.text) for m in messages]


def test_initiations_follow_the_named_gap() -> None:
    msgs = [
        msg(0, "Ana"),
        msg(10, "Ben"),
        msg(6 * 60 + 10, "Ben"),  # exactly 6 h after the last one: a new conversation
        msg(6 * 60 + 20, "Ana"),
        msg(6 * 60 + 20 + 5 * 60, "Ana"),  # 5 h later: same conversation
    ]
    ins = compute_insights(msgs, plain(msgs))
    assert ins.conversations == 2
    assert ins.person("Ana").initiations == 1
    assert ins.person("Ben").initiations == 1
    assert ins.person("Ana").initiation_share == pytest.approx(0.5)

    shorter = compute_insights(msgs, plain(msgs), params=InsightParams(conversation_gap_hours=4))
    assert shorter.conversations == 3
    assert shorter.person("Ana").initiations == 2


def test_response_times_are_per_person_quantiles_within_conversations() -> None:
    msgs = [
        msg(0, "Ana"),
        msg(2, "Ben"),  # Ben replies after 2 min
        msg(3, "Ben"),  # a second message in a row is not a reply
        msg(13, "Ana"),  # Ana after 10 min
        msg(17, "Ben"),  # Ben after 4 min
        msg(23, "Ben"),
        msg(29, "Ana"),  # Ana after 6 min
        msg(29 + 7 * 60, "Ben"),  # after 7 h: a new conversation, not a reply
    ]
    ins = compute_insights(msgs, plain(msgs))
    ben = ins.person("Ben").response
    ana_ = ins.person("Ana").response
    assert ben is not None and ana_ is not None
    assert ben.replies == 2
    assert ben.median_s == pytest.approx(180)
    assert ana_.replies == 2
    assert ana_.median_s == pytest.approx(480)
    assert ana_.p25_s == pytest.approx(420)
    assert ana_.p75_s == pytest.approx(540)
    # Histogram buckets: Ben 2 and 4 min fall in "1-5 min"; Ana 10 and 6 min in "5-15 min".
    assert ben.histogram[1] == 2 and sum(ben.histogram) == 2
    assert ana_.histogram[2] == 2


def test_late_night_share_wraps_past_midnight() -> None:
    day = datetime(2024, 3, 4)
    msgs = [
        Message(day.replace(hour=22, minute=59), "Ana", "a"),
        Message(day.replace(hour=23, minute=0), "Ana", "b"),
        Message(day + timedelta(hours=26), "Ana", "c"),  # 02:00
        Message(day + timedelta(hours=29), "Ana", "d"),  # 05:00 is no longer late
        Message(day + timedelta(hours=30), "Ben", "e"),
    ]
    ins = compute_insights(msgs, plain(msgs))
    assert ins.person("Ana").late_night == 2
    assert ins.person("Ana").late_night_share == pytest.approx(0.5)
    assert ins.person("Ben").late_night_share == pytest.approx(0.0)
    early = compute_insights(
        msgs, plain(msgs), params=InsightParams(late_night_start=0, late_night_end=6)
    )
    assert early.person("Ana").late_night == 2  # 02:00 and 05:00


def test_system_and_media_lines_are_counted_but_not_people() -> None:
    msgs = [
        msg(0, "", "Messages are end-to-end encrypted", "system"),
        msg(1, "Ana", "<Media omitted>", "media"),
        msg(2, "Ben", "nice"),
    ]
    ins = compute_insights(msgs, plain(msgs))
    assert (ins.total, ins.text, ins.media, ins.system) == (3, 1, 1, 1)
    assert ins.names == ("Ana", "Ben")
    assert ins.person("Ana").media == 1
    assert ins.analysed == 1


def test_bids_turned_toward_away_and_against() -> None:
    msgs = [
        msg(0, "Ana", "look at this sunset!"),  # bid -> warm reply: toward
        msg(5, "Ben", "wow, beautiful"),
        msg(60, "Ana", "want to call later?"),  # bid -> no reply for 5 h: away
        msg(60 + 5 * 60, "Ben", "sorry, busy day"),
        msg(7 * 60, "Ben", "guess what happened at work"),  # Ben's bid -> hostile: against
        msg(7 * 60 + 1, "Ana", "nobody cares, as usual"),
        msg(7 * 60 + 2, "Ana", "whatever"),
    ]
    anas = [
        ana(msgs[0].text, ("bid",)),
        ana(msgs[1].text, emotions=("admiration",)),
        ana(msgs[2].text, ("bid",)),
        ana(msgs[3].text),
        ana(msgs[4].text, ("bid",)),
        ana(msgs[5].text, ("contempt",)),
        ana(msgs[6].text),
    ]
    ins = compute_insights(msgs, anas)
    a, b = ins.person("Ana").bids, ins.person("Ben").bids
    assert (a.made, a.toward, a.away, a.against) == (2, 1, 1, 0)
    assert (b.made, b.toward, b.away, b.against) == (1, 0, 0, 1)
    assert a.toward_share == pytest.approx(0.5)
    # A longer reply window turns the slow answer into "toward".
    slow = compute_insights(msgs, anas, params=InsightParams(bid_reply_hours=6))
    assert slow.person("Ana").bids.toward == 2
    assert slow.months[0].bids == 3 and slow.months[0].bids_toward == 2


def test_repair_attempts_accepted_rebuffed_unanswered() -> None:
    msgs = [
        msg(0, "Ana", "can we start over?"),
        msg(3, "Ben", "yes, let's"),
        msg(10, "Ben", "I'm sorry I snapped"),
        msg(12, "Ana", "you always do this"),
        msg(20, "Ana", "let's take a break and talk later"),
    ]
    anas = [
        ana(msgs[0].text, ("repair_attempt",)),
        ana(msgs[1].text, emotions=("approval",)),
        ana(msgs[2].text, ("repair_attempt",)),
        ana(msgs[3].text, ("criticism",)),
        ana(msgs[4].text, ("repair_attempt",)),
    ]
    ins = compute_insights(msgs, anas)
    a, b = ins.person("Ana").repairs, ins.person("Ben").repairs
    assert (a.made, a.toward, a.away, a.against) == (2, 1, 1, 0)
    assert (b.made, b.toward, b.away, b.against) == (1, 0, 0, 1)


def test_positive_to_negative_ratio_inside_conflict() -> None:
    msgs = [msg(i * 10, "Ana" if i % 2 else "Ben", f"m{i}") for i in range(12)]
    anas = [
        ana("m0", emotions=("joy",)),  # before the conflict: positive, outside
        ana("m1", ("criticism",)),  # conflict starts (10 min)
        ana("m2", ("defensiveness",)),
        ana("m3", ("i_statement",)),
        ana("m4", emotions=("anger",)),  # last negative (40 min); tail of 30 min follows
        ana("m5", ("validation",)),
        ana("m6", ("repair_attempt",)),
        ana("m7", ("appreciation",)),  # 70 min: the last message inside (40 + 30)
        ana("m8", emotions=("love",)),  # outside
        ana("m9"),
        ana("m10"),
        ana("m11", ("criticism",)),  # a lone negative message is no conflict
    ]
    ins = compute_insights(msgs, anas)
    c = ins.conflict
    assert len(c.windows) == 1
    assert c.windows[0].start == at(10) and c.windows[0].end == at(70)
    assert c.messages == 7
    assert (c.positive, c.negative) == (4, 3)
    assert c.ratio == pytest.approx(4 / 3)
    assert c.ratio < GOTTMAN_RATIO
    assert (c.outside_positive, c.outside_negative) == (2, 1)
    # Needing four negatives in a row means no conflict at all.
    strict = compute_insights(msgs, anas, params=InsightParams(conflict_min_negative=4))
    assert strict.conflict.windows == () and strict.conflict.ratio is None


def test_examples_are_capped_short_and_skip_risky_messages() -> None:
    long_tail = " and then more words" * 20
    msgs = [msg(i, "Ana", f"you never listen {i}{long_tail}") for i in range(6)]
    msgs.append(msg(10, "Ben", "you never care, I want to hurt myself"))
    anas = [ana(m.text, ("criticism",)) for m in msgs[:-1]]
    anas.append(ana(msgs[-1].text, ("criticism",), risk="crisis"))
    ins = compute_insights(msgs, anas)
    crit = ins.pattern("criticism")
    assert crit.count == 7
    assert crit.by_person == (6, 1)
    assert len(crit.examples) == 3
    assert all(len(e.excerpt) <= 82 for e in crit.examples)
    assert all("hurt" not in e.excerpt for e in crit.examples)
    assert ins.risk_crisis == 1
    none = compute_insights(msgs, anas, params=InsightParams(max_examples=0))
    assert none.pattern("criticism").examples == ()
    with pytest.raises(ValidationError):
        InsightParams(max_examples=4)


def test_excerpt_keeps_the_span_and_marks_cuts() -> None:
    text = "we were talking about dinner plans and you always forget what I said earlier today"
    start = text.index("you always")
    out = excerpt(text, start, start + len("you always"), limit=30)
    assert "you always" in out
    assert out.startswith("…") and out.endswith("…")
    assert len(out) <= 32
    assert excerpt("short one", 0, 5) == "short one"


def test_emotion_timeline_by_week_and_trends_by_month() -> None:
    msgs = [
        Message(datetime(2024, 1, 1, 12), "Ana", "a"),
        Message(datetime(2024, 1, 2, 12), "Ben", "b"),
        Message(datetime(2024, 1, 9, 12), "Ana", "c"),
        Message(datetime(2024, 2, 5, 12), "Ben", "d"),
    ]
    anas = [
        ana("a", emotions=("joy",)),
        ana("b", ("criticism",), emotions=("anger",)),
        ana("c", emotions=("joy",)),
        ana("d"),
    ]
    ins = compute_insights(msgs, anas)
    assert ins.emotions.granularity == "week"
    assert ins.emotions.periods[:2] == ("2024-W01", "2024-W02")
    assert ins.emotions.series["joy"][0] == pytest.approx(0.5)
    assert ins.emotions.series["joy"][1] == pytest.approx(1.0)
    assert ins.volume.series["Ana"][:2] == (1.0, 1.0)
    assert [m.month for m in ins.months] == ["2024-01", "2024-02"]
    assert ins.months[0].harmful_per_100 == pytest.approx(100 / 3)
    monthly = compute_insights(msgs, anas, params=InsightParams(timeline="month"))
    assert monthly.emotions.periods == ("2024-01", "2024-02")


def test_me_is_listed_first_and_must_exist() -> None:
    msgs = [msg(0, "Ana"), msg(1, "Ben")]
    ins = compute_insights(msgs, plain(msgs), me="Ben")
    assert ins.names == ("Ben", "Ana")
    with pytest.raises(ValidationError) as err:
        compute_insights(msgs, plain(msgs), me="Zed")
    assert "Ana" not in str(err.value)  # names stay out of error messages


def test_unsorted_input_and_aware_timestamps() -> None:
    msgs = [
        Message(datetime(2024, 1, 1, 10, 5, tzinfo=UTC), "Ben", "later"),
        Message(datetime(2024, 1, 1, 10, 0, tzinfo=UTC), "Ana", "first"),
    ]
    ins = compute_insights(msgs, plain(msgs))
    assert ins.person("Ana").initiations == 1
    assert ins.person("Ben").response is not None
    assert ins.person("Ben").response.median_s == pytest.approx(300)


def test_analyses_must_line_up_with_messages() -> None:
    msgs = [msg(0, "Ana"), msg(1, "Ben")]
    with pytest.raises(ValidationError):
        compute_insights(msgs, plain(msgs)[:1])
    with pytest.raises(ValidationError):
        compute_insights(msgs, plain(msgs) * 2)


def test_analyzer_runs_in_batches_on_text_messages_only() -> None:
    calls: list[int] = []

    def fake(texts: list[str]) -> list[Analysis]:
        calls.append(len(texts))
        return [ana(t, ("bid",)) for t in texts]

    msgs = [msg(i, "Ana" if i % 2 else "Ben") for i in range(10)]
    msgs.append(msg(20, "Ana", "<Media omitted>", "media"))
    seen: list[int] = []
    ins = compute_insights(
        msgs, analyzer=fake, params=InsightParams(batch_size=4), progress=seen.append
    )
    assert calls == [4, 4, 2]
    assert seen == [4, 8, 11]
    assert ins.pattern("bid").count == 10


def test_empty_chat() -> None:
    ins = compute_insights([], [])
    assert ins.total == 0 and ins.people == () and ins.first is None
    assert ins.conflict.ratio is None and ins.months == ()


def test_repeated_texts_are_analysed_once() -> None:
    from attune.chats.insights import analyze_unique

    seen: list[list[str]] = []

    def fake(texts: list[str]) -> list[Analysis]:
        seen.append(list(texts))
        return [ana(t, ("bid",) if "?" in t else ()) for t in texts]

    out = analyze_unique(fake, ["ok", "you there?", "ok", "ok", "you there?"])
    assert seen == [["ok", "you there?"]]
    assert [a.text for a in out] == ["ok", "you there?", "ok", "ok", "you there?"]
    assert [bool(a.patterns) for a in out] == [False, True, False, False, True]
