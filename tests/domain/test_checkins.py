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
    submit_checkin(s, pair.sam, pair.rel, mood=3)
    seen_by_sam = checkin_day(s, pair.sam, pair.rel)
    # The partner sees the words Alex chose to share, but nothing of the triage.
    assert "crisis" not in repr(seen_by_sam)
    assert not hasattr(seen_by_sam.revealed[0], "risk")
