"""Each common situation is recognised and answered with one question and one next step."""

from __future__ import annotations

import pytest

from attune.coach import Coach
from attune.coach.safety import has_diagnosis_language
from attune.coach.situations import read_message
from attune.content import load_content

CASES = [
    ("fight", "We just had a huge fight and I'm still shaking"),
    ("fight", "we argued all evening and she slammed the door"),
    ("distant", "Lately we feel more like roommates than partners"),
    ("distant", "I feel disconnected from him even when we're in the same room"),
    ("wont_engage", "My partner refuses to talk about our problems"),
    ("wont_engage", "I'm the only one trying, they never want to work on us"),
    ("hard_talk", "How do I bring up that I want to move to another city?"),
    ("hard_talk", "I have a difficult conversation with my sister coming up"),
    ("betrayal", "I found out my partner cheated on me last year"),
    ("betrayal", "We're trying to rebuild trust after the affair"),
    ("long_distance", "We live in different countries and the time difference is brutal"),
    ("long_distance", "Being long-distance is so hard lately"),
    ("phones", "He's always scrolling on his phone at dinner"),
    ("phones", "We both just sit on our screens every evening"),
    ("burnout", "I'm so tired of all the relationship work, it feels like homework"),
    ("burnout", "Honestly I'm burned out on these exercises"),
    ("rift", "My brother and I haven't spoken in two years"),
    ("rift", "I had a falling out with my best friend over the wedding"),
]


@pytest.mark.parametrize("expected,text", CASES)
def test_situation_is_recognised(expected, text):
    assert read_message(text).situation == expected


@pytest.mark.parametrize("expected,text", CASES)
def test_reply_reflects_asks_one_question_and_offers_one_step(store, people, expected, text):
    reply = Coach(store, people.alex, remember=False).reply(text)
    assert reply.situation == expected
    assert reply.kind in ("reflect", "flow", "counsellor")
    assert reply.question and reply.question in reply.text
    assert reply.suggestion is not None
    load_content().get(reply.suggestion)  # a real content item
    if reply.kind == "reflect":
        # one open question: the only sentence ending in '?' outside the practice's title
        title = load_content().get(reply.suggestion).title
        assert reply.text.replace(title, "").count("?") == 1
        assert reply.reason and reply.reason in reply.text


def test_fight_suggests_calming_down_first(store, people):
    reply = Coach(store, people.alex, remember=False).reply("We just had a huge fight")
    assert reply.suggestion == "regulation-break.v1"
    assert "twenty minutes" in reply.text


def test_partner_who_will_not_engage_gets_a_solo_practice(store, people):
    reply = Coach(store, people.alex, remember=False).reply("My partner refuses to talk about it")
    item = load_content().get(reply.suggestion)
    assert getattr(item, "participants", 1) == 1


def test_feeling_is_reflected(store, alone):
    reply = Coach(store, alone, remember=False).reply("I feel so lonely and unappreciated lately")
    assert "lonely" in reply.text


def test_the_same_step_is_not_offered_twice_in_a_row(store, people):
    coach = Coach(store, people.alex, remember=False)
    first = coach.reply("We just had a huge fight")
    second = coach.reply("We had another fight this morning")
    assert first.suggestion != second.suggestion


@pytest.mark.parametrize(
    "text,signal",
    [
        ("Our fights keep getting worse and louder every week", "escalating"),
        ("Whenever I bring anything up he shuts down and goes silent for days", "shutdown"),
        ("My trauma from my last relationship keeps coming up with my partner", "trauma"),
    ],
)
def test_professional_help_is_suggested_without_alarm(store, people, text, signal):
    reply = Coach(store, people.alex, remember=False).reply(text)
    assert reply.kind == "counsellor"
    assert "counsellor" in reply.text or "therapist" in reply.text
    assert reply.risk.level == "none" and not reply.safety_mode
    for alarm in ("emergency", "danger", "crisis", "urgent"):
        assert alarm not in reply.text.lower()
    assert reply.resources, "kinds of professional help are listed"


@pytest.mark.parametrize(
    "text",
    [
        "Is my partner a narcissist?",
        "Does she have BPD? She gets so angry",
        "Am I depressed or just tired of this?",
    ],
)
def test_never_diagnoses(store, alone, text):
    reply = Coach(store, alone, remember=False).reply(text)
    assert not has_diagnosis_language(reply.text)
    assert "label" in reply.text


def test_own_assessment_result_informs_the_step(store, people):
    from attune.domain import take_assessment

    lib = load_content()
    # Find an assessment band that suggests a practice from the 'distant' script.
    from attune.coach.texts import SCRIPTS

    wanted = {i for i, _ in SCRIPTS["distant"].candidates}
    target = None
    for a in lib.assessments.values():
        if a.method == "forced_choice":
            continue
        for b in a.bands:
            hit = [s for s in b.suggest if s in wanted]
            if hit and b.dimension in a.dimensions:
                target = (a, b, hit[0])
                break
        if target:
            break
    if target is None:
        pytest.skip("no assessment band suggests a practice for feeling distant")
    a, band, practice = target
    lo, hi = a.scale.min, a.scale.max
    from attune.content.scoring import score_assessment

    tries = [
        {it.id: (lo + hi - v if it.reverse else v) for it in a.items} for v in range(lo, hi + 1)
    ] + [{it.id: v for it in a.items} for v in range(lo, hi + 1)]
    for answers in tries:
        got = score_assessment(a, answers).bands.get(band.dimension)
        if got is not None and got.id == band.id:
            _, result = take_assessment(store, people.alex, a.id, answers)
            suggested = {s for b in result.bands.values() for s in b.suggest}
            break
    else:
        pytest.skip("could not land in the band with simple answers")
    reply = Coach(store, people.alex, remember=False).reply("We feel so distant lately")
    assert practice in suggested and reply.suggestion in suggested & wanted
    assert f"your result on '{a.title}'" in reply.text


def test_low_mood_check_ins_keep_it_small(store, people):
    from datetime import date, timedelta

    from attune.domain import submit_checkin

    today = date.today()
    for d in (1, 2, 3):
        submit_checkin(store, people.alex, people.rel, mood=1, day=today - timedelta(days=d))
    reply = Coach(store, people.alex, remember=False).reply("I don't know, things feel off")
    assert "check-ins" in reply.text
