"""Scoring of every assessment against answers and results worked out by hand."""

from __future__ import annotations

import pytest

from attune.content.loader import check_content
from attune.content.schema import Assessment
from attune.content.scoring import score_assessment
from attune.errors import ValidationError


@pytest.fixture(scope="module")
def assessments() -> dict[str, Assessment]:
    lib, _ = check_content()
    return lib.assessments


def _bands(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {dim: band.id for dim, band in result.bands.items()}


# --------------------------------------------------------------------- likert_sum


def test_connection_builder_sums_with_five_reversed_items(assessments):
    a = assessments["connection-builder-or-breaker.v1"]
    answers = {
        "cb-01": 5,
        "cb-02": 2,  # reversed: 6 - 2 = 4
        "cb-03": 4,
        "cb-04": 1,  # reversed: 5
        "cb-05": 3,
        "cb-06": 4,  # reversed: 2
        "cb-07": 4,
        "cb-08": 1,  # reversed: 5
        "cb-09": 5,
        "cb-10": 3,  # reversed: 3
    }
    r = score_assessment(a, answers)
    # 5 + 4 + 4 + 5 + 3 + 2 + 4 + 5 + 5 + 3 = 40, in 38..50
    assert r.scores == {"total": 40.0}
    assert _bands(r) == {"total": "mostly-building"}
    assert r.profile is None
    assert r.suggestions == ["closeness-questions.v1", "weekly-relationship-review.v1"]


def test_connection_builder_band_edges(assessments):
    a = assessments["connection-builder-or-breaker.v1"]
    plain = {f"cb-{i:02d}": 3 for i in (1, 3, 5, 7, 9)}
    reversed_ = {f"cb-{i:02d}": 4 for i in (2, 4, 6, 8, 10)}
    # 5 * 3 + 5 * (6 - 4) = 25: the top of "room to build"
    r = score_assessment(a, plain | reversed_)
    assert r.scores["total"] == 25.0
    assert r.bands["total"].id == "room-to-build"
    # one step higher moves to the next band
    r = score_assessment(a, plain | reversed_ | {"cb-01": 4})
    assert r.scores["total"] == 26.0
    assert r.bands["total"].id == "mixed"
    # the lowest possible score: every plain item 1, every reversed item 5
    lowest = {f"cb-{i:02d}": 1 for i in (1, 3, 5, 7, 9)} | {
        f"cb-{i:02d}": 5 for i in (2, 4, 6, 8, 10)
    }
    assert score_assessment(a, lowest).scores["total"] == 10.0


def test_weekly_check_up_sums_five_answers(assessments):
    a = assessments["weekly-check-up.v1"]
    # 4 + 3 + 5 + (6 - 2) + 4 = 20
    r = score_assessment(a, {"wk-01": 4, "wk-02": 3, "wk-03": 5, "wk-04": 2, "wk-05": 4})
    assert r.scores == {"total": 20.0}
    assert r.bands["total"].id == "good-week"
    assert r.suggestions == ["gratitude-exchange.v1", "weekly-date.v1"]
    # 2 + 2 + 3 + (6 - 4) + 2 = 11, the top of "a hard week"; one more is "mixed"
    hard = score_assessment(a, {"wk-01": 2, "wk-02": 2, "wk-03": 3, "wk-04": 4, "wk-05": 2})
    assert (hard.scores["total"], hard.bands["total"].id) == (11.0, "hard-week")
    mixed = score_assessment(a, {"wk-01": 2, "wk-02": 2, "wk-03": 3, "wk-04": 3, "wk-05": 2})
    assert (mixed.scores["total"], mixed.bands["total"].id) == (12.0, "mixed-week")


# --------------------------------------------------------------------- likert_mean


def test_meta_communication_mean_with_reversed_item(assessments):
    a = assessments["meta-communication-habits.v1"]
    # mc-03 is reversed: 6 - 2 = 4; (4 + 3 + 4 + 5 + 4) / 5 = 4.0
    r = score_assessment(a, {"mc-01": 4, "mc-02": 3, "mc-03": 2, "mc-04": 5, "mc-05": 4})
    assert r.scores == {"total": 4.0}
    assert r.bands["total"].id == "shared-language"
    assert r.suggestions == ["weekly-conflict-check-in.v1", "trigger-role-play.v1"]
    # (2 + 1 + (6 - 5) + 3 + 2) / 5 = 1.8
    r = score_assessment(a, {"mc-01": 2, "mc-02": 1, "mc-03": 5, "mc-04": 3, "mc-05": 2})
    assert r.scores["total"] == pytest.approx(1.8)
    assert r.bands["total"].id == "starting"


def test_reverse_scoring_flips_around_the_scale_middle(assessments):
    a = assessments["meta-communication-habits.v1"]
    all_five = {f"mc-0{i}": 5 for i in range(1, 6)}
    # mc-03 answered 5 counts as 1: (5 + 5 + 1 + 5 + 5) / 5 = 4.2
    r = score_assessment(a, all_five)
    assert r.scores["total"] == pytest.approx(4.2)
    flipped = [c for c in r.counted if c.reversed]
    assert [(c.item_id, c.answer, c.value) for c in flipped] == [("mc-03", 5, 1.0)]
    # on a 1..7 scale a reversed 2 counts as 6 (attachment item as-07)
    att = assessments["attachment-style.v1"]
    answers = {f"as-{i:02d}": 4 for i in range(1, 13)} | {"as-07": 2}
    counted = {c.item_id: c.value for c in score_assessment(att, answers).counted}
    assert counted["as-07"] == 6.0
    assert counted["as-01"] == 4.0


def test_emotional_availability_three_dimensions(assessments):
    a = assessments["emotional-availability.v1"]
    answers = {
        "ea-01": 4, "ea-02": 2, "ea-03": 3,  # reachable: (4 + 4 + 3) / 3 = 11/3
        "ea-04": 5, "ea-05": 4, "ea-06": 1,  # responsive: (5 + 4 + 5) / 3 = 14/3
        "ea-07": 2, "ea-08": 2, "ea-09": 5,  # engaged: (2 + 2 + 1) / 3 = 5/3
    }  # fmt: skip
    r = score_assessment(a, answers)
    assert r.scores["reachable"] == pytest.approx(11 / 3, abs=1e-4)
    assert r.scores["responsive"] == pytest.approx(14 / 3, abs=1e-4)
    assert r.scores["engaged"] == pytest.approx(5 / 3, abs=1e-4)
    assert _bands(r) == {"reachable": "sometimes", "responsive": "usually", "engaged": "harder"}
    assert r.profile is None
    # no profile: the bands' suggestions in dimension order, without repeats
    assert r.suggestions == [
        "morning-check-in.v1",
        "stress-reducing-conversation.v1",
        "phone-free-dinner.v1",
        "goodnight-minutes.v1",
    ]


@pytest.mark.parametrize(
    ("answers", "anxiety", "avoidance", "profile"),
    [
        # anxiety 6,5,6,(8-2),5,(8-3) = 33/6; avoidance 2,(8-6),3,2,(8-5),2 = 14/6
        ([6, 2, 5, 6, 6, 3, 2, 2, 5, 5, 3, 2], 5.5, 14 / 6, "anxious"),
        # every answer 4: both means are exactly 4, the shared edge, which counts as low
        ([4] * 12, 4.0, 4.0, "secure"),
        # anxiety 7,7,7,(8-1),7,(8-1) = 7; avoidance 6,(8-2),6,6,(8-2),6 = 6
        ([7, 6, 7, 2, 7, 6, 1, 6, 7, 2, 1, 6], 7.0, 6.0, "fearful"),
        # anxiety 2,1,2,(8-6),3,(8-7) = 11/6; avoidance 5,(8-3),4,6,(8-3),5 = 30/6
        ([2, 5, 1, 3, 2, 4, 6, 6, 3, 3, 7, 5], 11 / 6, 5.0, "avoidant"),
    ],
)
def test_attachment_profiles(assessments, answers, anxiety, avoidance, profile):
    a = assessments["attachment-style.v1"]
    r = score_assessment(a, {f"as-{i:02d}": v for i, v in enumerate(answers, 1)})
    assert r.scores["anxiety"] == pytest.approx(anxiety, abs=1e-4)
    assert r.scores["avoidance"] == pytest.approx(avoidance, abs=1e-4)
    assert r.profile is not None and r.profile.id == profile
    # a matched profile's own suggestions win over the bands'
    assert r.suggestions == list(r.profile.suggest)


def test_attachment_anxious_suggestions(assessments):
    a = assessments["attachment-style.v1"]
    answers = [6, 2, 5, 6, 6, 3, 2, 2, 5, 5, 3, 2]
    r = score_assessment(a, {f"as-{i:02d}": v for i, v in enumerate(answers, 1)})
    assert _bands(r) == {"anxiety": "high", "avoidance": "low"}
    assert r.suggestions == ["emotion-naming.v1", "morning-check-in.v1", "regulation-break.v1"]


def test_readiness_to_rebuild(assessments):
    a = assessments["readiness-to-rebuild.v1"]
    answers = {"rr-01": 4, "rr-02": 3, "rr-03": 2, "rr-04": 4,
               "rr-05": 3, "rr-06": 4, "rr-07": 3, "rr-08": 1}  # fmt: skip
    # 4 + 3 + (6-2) + 4 + 3 + (6-4) + 3 + (6-1) = 28; 28 / 8 = 3.5
    r = score_assessment(a, answers)
    assert r.scores == {"total": 3.5}
    assert r.bands["total"].id == "getting-closer"
    assert r.suggestions == ["meta-communication-pause.v1", "repair-after-rupture.v1"]
    # 3 + 2 + 2 + 2 + 2 + 3 + 3 + 3 (three reversed 3s stay 3) = 20; 20 / 8 = 2.5, the edge
    edge = {"rr-01": 3, "rr-02": 2, "rr-03": 3, "rr-04": 2,
            "rr-05": 2, "rr-06": 3, "rr-07": 2, "rr-08": 3}  # fmt: skip
    r = score_assessment(a, edge)
    assert r.scores["total"] == 2.5
    assert r.bands["total"].id == "not-yet"


@pytest.mark.parametrize(
    ("answers", "closeness", "autonomy", "profile"),
    [
        # closeness 5,4,(6-2),5,4 = 22/5; autonomy 2,(6-4),3,(6-5),2 = 10/5
        ([5, 4, 2, 5, 4, 2, 4, 3, 5, 2], 4.4, 2.0, "leaning-in"),
        # plain items 4, reversed items 2 -> every value 4
        ([4, 4, 2, 4, 4, 4, 2, 4, 2, 4], 4.0, 4.0, "interdependent"),
        # everything 3: both exactly on the 3.0 edge, which counts as low
        ([3] * 10, 3.0, 3.0, "running-low"),
        # closeness 2,1,(6-5),2,3 = 9/5; autonomy 5,(6-1),4,(6-2),5 = 23/5
        ([2, 1, 5, 2, 3, 5, 1, 4, 2, 5], 1.8, 4.6, "side-by-side"),
    ],
)
def test_dependency_interdependence_profiles(assessments, answers, closeness, autonomy, profile):
    a = assessments["dependency-interdependence.v1"]
    r = score_assessment(a, {f"di-{i:02d}": v for i, v in enumerate(answers, 1)})
    assert r.scores["closeness"] == pytest.approx(closeness)
    assert r.scores["autonomy"] == pytest.approx(autonomy)
    assert r.profile is not None and r.profile.id == profile


def test_intimacy_layers_five_dimensions(assessments):
    a = assessments["intimacy-layers.v1"]
    answers = [4, 5, 2,  3, 2, 4,  3, 3, 3,  2, 1, 3,  4, 2, 1]  # fmt: skip
    r = score_assessment(a, {f"il-{i:02d}": v for i, v in enumerate(answers, 1)})
    expected = {
        "safety": 13 / 3,  # 4 + 5 + (6-2)
        "openness": 7 / 3,  # 3 + 2 + (6-4)
        "empathy": 3.0,  # 3 + 3 + (6-3)
        "shared_growth": 2.0,  # 2 + 1 + 3
        "balance": 13 / 3,  # 4 + (6-2) + (6-1)
    }
    assert r.scores == pytest.approx(expected, abs=1e-4)
    assert _bands(r) == {
        "safety": "strong",
        "openness": "growing",
        "empathy": "steady",
        "shared_growth": "growing",
        "balance": "strong",
    }
    assert r.suggestions == [
        "vulnerability-ten-minutes.v1",
        "question-jar.v1",
        "three-level-conversation.v1",
        "reflective-listening.v1",
        "mini-dream-sharing.v1",
        "secret-signal.v1",
    ]


# --------------------------------------------------------------------- forced choice


def test_appreciation_counts_choices_per_dimension(assessments):
    a = assessments["appreciation-preferences.v1"]
    answers = {
        "ap-01": 1,  # time
        "ap-02": 1,  # words
        "ap-03": 1,  # touch
        "ap-04": 0,  # time
        "ap-05": 1,  # time
        "ap-06": 1,  # words
        "ap-07": 0,  # acts
        "ap-08": 1,  # time
        "ap-09": 0,  # words
        "ap-10": 1,  # touch
    }
    r = score_assessment(a, answers)
    assert r.scores == {"words": 3.0, "time": 4.0, "gifts": 0.0, "acts": 1.0, "touch": 2.0}
    assert _bands(r) == {
        "words": "strong",
        "time": "strong",
        "gifts": "quieter",
        "acts": "quieter",
        "touch": "middle",
    }
    assert r.suggestions == [
        "specific-appreciation.v1",
        "handwritten-note.v1",
        "weekly-date.v1",
        "walk-and-talk.v1",
        "gratitude-map.v1",
    ]
    assert "not validated science" in (a.evidence_note or "")


# --------------------------------------------------------------------- errors


def test_missing_answer_names_the_item_and_range(assessments):
    a = assessments["meta-communication-habits.v1"]
    with pytest.raises(ValidationError, match=r"'mc-04'.*1 to 5"):
        score_assessment(a, {"mc-01": 3, "mc-02": 3, "mc-03": 3, "mc-05": 3})


@pytest.mark.parametrize("bad", [0, 6, -1])
def test_out_of_range_answer_names_the_item_and_range(assessments, bad):
    a = assessments["weekly-check-up.v1"]
    answers = {f"wk-0{i}": 3 for i in range(1, 6)} | {"wk-02": bad}
    with pytest.raises(ValidationError, match=r"'wk-02'.*1 to 5"):
        score_assessment(a, answers)


def test_attachment_range_is_one_to_seven(assessments):
    a = assessments["attachment-style.v1"]
    answers = {f"as-{i:02d}": 7 for i in range(1, 13)}
    # four plain 7s and two reversed 7s (counted as 1): (4 * 7 + 2 * 1) / 6 = 5
    assert score_assessment(a, answers).scores["anxiety"] == 5.0
    with pytest.raises(ValidationError, match=r"'as-05'.*1 to 7"):
        score_assessment(a, answers | {"as-05": 8})


def test_forced_choice_index_out_of_range(assessments):
    a = assessments["appreciation-preferences.v1"]
    answers = {f"ap-{i:02d}": 0 for i in range(1, 11)} | {"ap-03": 2}
    with pytest.raises(ValidationError, match=r"'ap-03'.*0 to 1"):
        score_assessment(a, answers)


def test_non_whole_number_and_unknown_item_are_rejected(assessments):
    a = assessments["meta-communication-habits.v1"]
    good = {f"mc-0{i}": 3 for i in range(1, 6)}
    with pytest.raises(ValidationError, match="mc-01"):
        score_assessment(a, good | {"mc-01": 2.5})  # type: ignore[dict-item]
    with pytest.raises(ValidationError, match="mc-01"):
        score_assessment(a, good | {"mc-01": True})
    with pytest.raises(ValidationError, match="mc-99"):
        score_assessment(a, good | {"mc-99": 3})


# --------------------------------------------------------------------- explain


def test_explain_says_which_items_counted_and_the_band_range(assessments):
    a = assessments["attachment-style.v1"]
    answers = [6, 2, 5, 6, 6, 3, 2, 2, 5, 5, 3, 2]
    text = score_assessment(a, {f"as-{i:02d}": v for i, v in enumerate(answers, 1)}).explain()
    assert "average of your answers to its items, each answer from 1 to 7" in text
    assert "as-01 (6)" in text
    assert "as-07 (you answered 2, counted as 6)" in text
    assert "Reversed" in text and "as-07, as-11" in text
    assert "Anxiety: 5.5, in the band 'Higher anxiety' (4 to 7)" in text
    assert "Leaning anxious" in text
    assert "not a diagnosis" in text


def test_explain_mentions_the_shared_edge(assessments):
    a = assessments["attachment-style.v1"]
    text = score_assessment(a, {f"as-{i:02d}": 4 for i in range(1, 13)}).explain()
    assert "edge" in text and "lower one" in text


def test_explain_for_forced_choice_names_the_choices(assessments):
    a = assessments["appreciation-preferences.v1"]
    r = score_assessment(a, {f"ap-{i:02d}": 0 for i in range(1, 11)})
    text = r.explain()
    # choosing the first option everywhere: words gets ap-01 and ap-09
    assert r.scores["words"] == 2.0
    assert "ap-01 (you chose: Hearing them say" in text
    assert "Gifts: 3" in text  # ap-02, ap-05, ap-10
