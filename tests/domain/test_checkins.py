from datetime import date

import pytest

from attune.domain import checkin_day, create_person, submit_checkin
from attune.errors import ConflictError, NotFound, ValidationError


def test_partner_answer_is_revealed_only_after_own(pair):
    s, alex, sam, rel = pair.store, pair.alex, pair.sam, pair.rel
    submit_checkin(
        s, alex, rel, mood=4, feelings=["hopeful"], high="lunch walk", low="meeting ran long"
    )

    before = checkin_day(s, sam, rel)
    assert before.mine is None
    assert before.revealed == ()  # Sam cannot peek at Alex's answer
    assert "lunch walk" not in repr(before)

    alex_view = checkin_day(s, alex, rel)
    assert alex_view.revealed == () and alex_view.waiting_for == ("Sam",)

    submit_checkin(s, sam, rel, mood=2, feelings=["tired"], need="an early night")
    after = checkin_day(s, sam, rel)
    assert [c.high for c in after.revealed] == ["lunch walk"]
    assert after.complete
    both = checkin_day(s, alex, rel)
    assert [c.need for c in both.revealed] == ["an early night"]


def test_one_checkin_per_day_and_validation(pair):
    s = pair.store
    submit_checkin(s, pair.alex, pair.rel, mood=3, day=date(2026, 1, 5))
    with pytest.raises(ConflictError, match="already checked in for 2026-01-05"):
        submit_checkin(s, pair.alex, pair.rel, mood=4, day=date(2026, 1, 5))
    with pytest.raises(ValidationError, match="mood 9"):
        submit_checkin(s, pair.alex, pair.rel, mood=9)
    with pytest.raises(ValidationError, match="zorbish"):
        submit_checkin(s, pair.alex, pair.rel, mood=3, feelings=["zorbish"])


def test_stranger_cannot_check_in_or_look(pair):
    eve = create_person(pair.store, "eve", "Eve").id
    with pytest.raises(NotFound):
        submit_checkin(pair.store, eve, pair.rel, mood=3)
    with pytest.raises(NotFound):
        checkin_day(pair.store, eve, pair.rel)


def test_crisis_text_returns_risk_to_author_only(pair):
    s = pair.store
    result = submit_checkin(s, pair.alex, pair.rel, mood=1, low="I want to end my life")
    assert result.risk.level == "crisis"
    assert result.checkin.low == "I want to end my life"  # the author sees their own words
    submit_checkin(s, pair.sam, pair.rel, mood=3)
    seen_by_sam = checkin_day(s, pair.sam, pair.rel)
    # The partner sees that Alex checked in and the mood, but neither the words nor the triage.
    [alex] = seen_by_sam.revealed
    assert alex.mood == 1 and alex.low is None
    assert "end my life" not in repr(seen_by_sam) and "crisis" not in repr(seen_by_sam)
    assert checkin_day(s, pair.alex, pair.rel).mine.low == "I want to end my life"


def test_signs_of_control_are_never_shown_to_the_partner(pair):
    s = pair.store
    text = "he checks my phone every night and won't let me see my friends"
    result = submit_checkin(s, pair.alex, pair.rel, mood=2, low=text, high="coffee with mum")
    assert result.risk.level in ("concern", "crisis")
    submit_checkin(s, pair.sam, pair.rel, mood=4)
    [alex] = checkin_day(s, pair.sam, pair.rel).revealed
    assert alex.low is None and alex.high is None
    assert "phone" not in repr(checkin_day(s, pair.sam, pair.rel))
