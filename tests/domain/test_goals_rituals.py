from datetime import date, timedelta

import pytest

from attune.domain import (
    add_goal,
    choose_ritual,
    finish_run,
    list_goals,
    log_goal,
    log_ritual,
    my_rituals,
    start_run,
)
from attune.domain.rituals import MAX_ACTIVE, consistency
from attune.errors import ConflictError, ValidationError


def test_goal_progress_counts_logs_and_matching_exercise_runs(pair):
    s = pair.store
    start = date.today() - timedelta(days=8)
    goal = add_goal(
        s,
        pair.alex,
        "reflective listening twice a week for four weeks",
        times_per_week=2,
        weeks=4,
        practice_id="reflective-listening.v1",
        relationship_id=pair.rel,
        today=start,
    )
    log_goal(s, pair.sam, goal.id, day=start + timedelta(days=1))
    log_goal(s, pair.alex, goal.id, day=start + timedelta(days=3))
    run, _ = start_run(s, pair.sam, "reflective-listening.v1", pair.rel)
    finish_run(s, pair.sam, run.id)
    [progress] = list_goals(s, pair.alex)
    assert progress.per_week == (2, 1)
    assert progress.weeks_met == 1
    assert "1/2 this week" in progress.summary()
    assert list_goals(s, pair.sam)[0].id == goal.id  # shared goal is visible to the partner


def test_goal_validation(pair):
    with pytest.raises(ValidationError, match="times_per_week 0"):
        add_goal(pair.store, pair.alex, "x", times_per_week=0, weeks=2)


def test_rituals_are_capped_and_logged(pair):
    from attune.content import load_content

    s = pair.store
    ids = sorted(load_content().rituals)[: MAX_ACTIVE + 1]
    chosen = [choose_ritual(s, pair.alex, rid) for rid in ids[:MAX_ACTIVE]]
    with pytest.raises(ConflictError, match="already keep"):
        choose_ritual(s, pair.alex, ids[-1])
    today = date.today()
    log_ritual(s, pair.alex, chosen[0].id, day=today)
    log_ritual(s, pair.alex, chosen[0].id, day=today)  # logging twice a day counts once
    log_ritual(s, pair.alex, chosen[0].id, day=today - timedelta(days=7))
    r = next(x for x in my_rituals(s, pair.alex) if x.id == chosen[0].id)
    assert consistency(r, weeks=2, today=today) == [1, 1]
