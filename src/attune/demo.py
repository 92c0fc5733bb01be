"""A lived-in demo: two made-up people several weeks into their practice.

``seed_demo(store)`` fills a (throw-away) store through the domain functions,
with past dates, so ``attune serve --demo`` and ``attune demo`` show real pages
and numbers without touching anyone's data.

>>> from attune.store import Store
>>> summary = seed_demo(Store.memory())  # doctest: +SKIP
>>> summary.checkins > 30  # doctest: +SKIP
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from attune.content import load_content
from attune.domain import (
    add_goal,
    answer_question,
    choose_ritual,
    complete_day,
    create_person,
    create_relationship,
    finish_run,
    invite,
    join,
    log_goal,
    log_ritual,
    start_program,
    start_run,
    submit_checkin,
    take_assessment,
    write_entry,
)
from attune.errors import ConflictError
from attune.store import Store

DEMO_PASSWORD = "demo-password"
WEEKS = 5

_HIGHS = (
    "A slow coffee together before work",
    "A long walk after dinner",
    "Laughing at the same silly video",
    "Finishing a hard task at work",
    "A kind message in the middle of the day",
    "Cooking a new recipe together",
)
_LOWS = (
    "Tired after a long day",
    "A tense moment about chores",
    "Missed each other most of the evening",
    "Worried about money this month",
    "Short sleep",
)
_NEEDS = ("A quiet evening", "A hug when I get home", "Ten minutes to talk", "Some time alone")
_ANSWERS = (
    "Probably the trip to the coast; I felt free.",
    "When you made tea without asking, it felt like care.",
    "I'd like more slow Sunday mornings.",
    "Honestly, I'm still learning how to ask for help.",
    "A small garden one day, with room for friends.",
)


@dataclass(frozen=True)
class DemoSummary:
    """What the demo holds, for the terminal and for tests."""

    people: tuple[tuple[str, str], ...]
    password: str
    relationship_id: int
    started_on: date
    checkins: int
    answers: int
    journal_entries: int
    program_days: int
    ritual_logs: int
    goal_logs: int
    assessments: int
    runs: int

    def lines(self) -> list[str]:
        who = " and ".join(f"{name} ({handle})" for handle, name in self.people)
        return [
            f"Demo space: {who}, together in Attune since {self.started_on.isoformat()}.",
            f"{self.checkins} check-ins, {self.answers} answers to daily questions, "
            f"{self.journal_entries} journal entries.",
            f"{self.program_days} program days done, {self.ritual_logs} rituals logged, "
            f"{self.goal_logs} goal practices, {self.assessments} assessment results, "
            f"{self.runs} exercise runs.",
            f"Log in as {self.people[0][0]} or {self.people[1][0]}, password '{self.password}'.",
        ]


def _feelings(rng: random.Random, pleasant: bool) -> list[str]:
    feelings = load_content().feelings
    assert feelings is not None
    families = [f for f in feelings.families if f.pleasant == pleasant]
    family = rng.choice(families)
    return sorted({rng.choice(family.feelings).word.lower() for _ in range(2)})


def seed_demo(store: Store, *, today: date | None = None, seed: int = 7) -> DemoSummary:
    """Fill ``store`` with two people and about five weeks of gentle practice."""
    today = today or date.today()
    rng = random.Random(seed)
    lib = load_content()
    robin = create_person(store, "robin", "Robin", password=DEMO_PASSWORD, country="US")
    jules = create_person(store, "jules", "Jules", password=DEMO_PASSWORD, country="US")
    start = today - timedelta(weeks=WEEKS)
    rel = create_relationship(store, robin.id, "partner", "Robin & Jules", today=start)
    join(store, jules.id, invite(store, robin.id, rel.id).code)
    people = (robin.id, jules.id)

    checkins = answers = 0
    for back in range(WEEKS * 7 - 1, 0, -1):
        day = today - timedelta(days=back)
        for pid in people:
            if rng.random() < 0.22:  # real life: some days nobody checks in, and that is fine
                continue
            mood = max(1, min(5, round(rng.gauss(3.6 + (WEEKS * 7 - back) / 60, 0.9))))
            submit_checkin(
                store,
                pid,
                rel.id,
                mood=mood,
                feelings=_feelings(rng, mood >= 3),
                high=rng.choice(_HIGHS),
                low=rng.choice(_LOWS) if rng.random() < 0.7 else None,
                need=rng.choice(_NEEDS) if rng.random() < 0.4 else None,
                day=day,
            )
            checkins += 1
        if back % 3 == 0 and lib.prompts:
            for pid in people:
                answer_question(store, pid, rel.id, rng.choice(_ANSWERS), day=day)
                answers += 1

    entries = 0
    for pid, body, share in (
        (
            robin.id,
            "Noticed I get quiet when I'm worried. Want to say it out loud next time.",
            False,
        ),
        (jules.id, "The walk today reminded me why we work. Grateful for the small things.", True),
        (robin.id, "Our repair after the chores argument went better than I expected.", True),
    ):
        write_entry(store, pid, body, share_with=rel.id if share else None)
        entries += 1

    program_days = 0
    if lib.programs:
        # The 30-day challenge when it is there: long enough to still be running today.
        thirty = [p for p in sorted(lib.programs) if lib.programs[p].duration_days == 30]
        program_id = (thirty or sorted(lib.programs))[0]
        enrollment = start_program(
            store, robin.id, program_id, relationship_id=rel.id, today=today - timedelta(days=24)
        )
        for back in range(24, 0, -1):
            if back % 5 == 2:
                continue  # a few rest days: the streak forgives them
            try:
                complete_day(store, robin.id, enrollment.id, today=today - timedelta(days=back))
                program_days += 1
            except ConflictError:
                break

    ritual_logs = 0
    daily = sorted(r.id for r in lib.rituals.values() if r.cadence == "daily")
    weekly = sorted(r.id for r in lib.rituals.values() if r.cadence == "weekly")
    for ritual_id, every in ((daily[0] if daily else None, 2), (weekly[0] if weekly else None, 7)):
        if ritual_id is None:
            continue
        choice = choose_ritual(store, robin.id, ritual_id, rel.id)
        for back in range(27, 0, -every):
            log_ritual(
                store,
                jules.id if back % 2 else robin.id,
                choice.id,
                day=today - timedelta(days=back),
            )
            ritual_logs += 1

    goal = add_goal(
        store,
        jules.id,
        "Reflective listening twice a week",
        times_per_week=2,
        weeks=4,
        relationship_id=rel.id,
        today=today - timedelta(days=20),
    )
    goal_logs = 0
    for back in (19, 16, 12, 9, 8, 3):
        log_goal(
            store, jules.id if back % 2 else robin.id, goal.id, day=today - timedelta(days=back)
        )
        goal_logs += 1

    assessments = 0
    for assessment_id in sorted(lib.assessments)[:2]:
        item = lib.assessments[assessment_id]
        for person in people:
            answers_given: dict[str, int] = {}
            for it in item.items:
                if it.choices:
                    answers_given[it.id] = rng.randrange(len(it.choices))
                else:
                    assert item.scale is not None
                    answers_given[it.id] = rng.randint(
                        max(item.scale.min, item.scale.max - 2), item.scale.max
                    )
            take_assessment(store, person, item.id, answers_given)
            assessments += 1

    runs = 0
    for exercise_id in sorted(lib.exercises)[:2]:
        run, _ = start_run(store, robin.id, exercise_id, rel.id)
        finish_run(
            store,
            robin.id,
            run.id,
            connecting="Hearing the other side without rushing to answer.",
            share_debrief=True,
        )
        runs += 1

    return DemoSummary(
        people=(("robin", "Robin"), ("jules", "Jules")),
        password=DEMO_PASSWORD,
        relationship_id=rel.id,
        started_on=start,
        checkins=checkins,
        answers=answers,
        journal_entries=entries,
        program_days=program_days,
        ritual_logs=ritual_logs,
        goal_logs=goal_logs,
        assessments=assessments,
        runs=runs,
    )
