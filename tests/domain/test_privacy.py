"""A private entry never reaches anyone else, through any function of the domain."""

from __future__ import annotations

import inspect
import json
from dataclasses import asdict, is_dataclass
from datetime import date

import pytest

import attune.domain as domain
from attune.domain import (
    create_person,
    export_person,
    finish_run,
    get_entry,
    list_entries,
    search_entries,
    share_entry,
    start_run,
    take_assessment,
    unlink,
    unshare_entry,
    write_entry,
)
from attune.errors import NotFound, PermissionDenied

MARKER = "ZEBRA-PLUM-7731"


def _dump(value: object) -> str:
    if is_dataclass(value) and not isinstance(value, type):
        return json.dumps(asdict(value), default=str)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_dump(v) for v in value) + "]"
    if isinstance(value, dict):
        return json.dumps(value, default=str)
    return repr(value)


def _plant(pair):
    s = pair.store
    entry = write_entry(s, pair.alex, f"my private worry {MARKER}", title=f"t {MARKER}").entry
    run, _ = start_run(s, pair.alex, "reflective-listening.v1", pair.rel)
    finish_run(s, pair.alex, run.id, scary=f"scary {MARKER}", connecting="the pause")
    take_assessment(
        s, pair.alex, "meta-communication-habits.v1", _answers("meta-communication-habits.v1")
    )
    return entry, run


def _answers(assessment_id: str) -> dict[str, int]:
    from attune.content import load_content

    a = load_content().assessment(assessment_id)
    if a.method == "forced_choice":
        return {it.id: 0 for it in a.items}
    assert a.scale is not None
    return {it.id: a.scale.min for it in a.items}


# Every read path of the domain, called as the partner. Writers are listed so that a new
# function added to attune.domain without a decision here makes this test fail.
def _readers(pair, entry_id: int, run_id: int):
    s, sam, rel = pair.store, pair.sam, pair.rel
    today = date.today()
    return {
        "list_entries": lambda: domain.list_entries(s, sam),
        "search_entries": lambda: domain.search_entries(s, sam, MARKER),
        "get_entry": lambda: domain.get_entry(s, sam, entry_id),
        "export_person": lambda: domain.export_person(s, sam),
        "checkin_day": lambda: domain.checkin_day(s, sam, rel, today),
        "checkin_history": lambda: domain.checkin_history(s, sam, rel, days=3),
        "my_checkins": lambda: domain.my_checkins(s, sam),
        "question_of_the_day": lambda: domain.question_of_the_day(s, sam, rel),
        "get_run": lambda: domain.get_run(s, sam, run_id),
        "list_runs": lambda: domain.list_runs(s, sam),
        "assessment_history": lambda: domain.assessment_history(s, sam),
        "my_programs": lambda: domain.my_programs(s, sam),
        "my_rituals": lambda: domain.my_rituals(s, sam),
        "list_goals": lambda: domain.list_goals(s, sam),
        "list_relationships": lambda: domain.list_relationships(s, sam),
        "get_relationship": lambda: domain.get_relationship(s, sam, rel),
        "default_relationship": lambda: domain.default_relationship(s, sam),
        "get_person": lambda: domain.get_person(s, sam),
        "find_person": lambda: domain.find_person(s, "alex"),
        "program_today": None,  # needs the reader's own enrollment; covered by my_programs
    }


WRITERS = {
    "add_goal",
    "answer_question",
    "authenticate",
    "choose_ritual",
    "complete_day",
    "create_person",
    "create_relationship",
    "delete_account",
    "delete_entry",
    "drop_ritual",
    "finish_run",
    "invite",
    "join",
    "log_goal",
    "log_ritual",
    "share_entry",
    "snooze_today",
    "start_program",
    "start_run",
    "stop_program",
    "submit_checkin",
    "take_assessment",
    "unlink",
    "unshare_entry",
    "write_entry",
}


def test_every_domain_function_is_classified(pair):
    readers = _readers(pair, 0, 0)
    public = {n for n in domain.__all__ if inspect.isfunction(getattr(domain, n))}
    unclassified = public - set(readers) - WRITERS
    assert not unclassified, f"decide whether these read private data: {sorted(unclassified)}"


def test_private_entry_never_reaches_the_partner(pair):
    entry, run = _plant(pair)
    for name, call in _readers(pair, entry.id, run.id).items():
        if call is None:
            continue
        try:
            out = call()
        except (NotFound, PermissionDenied):
            continue
        assert MARKER not in _dump(out), f"{name} leaked a private entry to the partner"


def test_private_entry_unreachable_for_a_stranger(pair):
    entry, run = _plant(pair)
    eve = create_person(pair.store, "eve", "Eve").id
    with pytest.raises(NotFound):
        get_entry(pair.store, eve, entry.id)
    assert MARKER not in _dump(list_entries(pair.store, eve))
    assert MARKER not in _dump(search_entries(pair.store, eve, MARKER))
    assert MARKER not in _dump(export_person(pair.store, eve))


def test_share_then_unshare(pair):
    s = pair.store
    entry = write_entry(s, pair.alex, f"for us {MARKER}").entry
    assert entry.private
    share_entry(s, pair.alex, entry.id, pair.rel)
    assert get_entry(s, pair.sam, entry.id).body.endswith(MARKER)
    with pytest.raises(PermissionDenied):
        unshare_entry(s, pair.sam, entry.id)  # only the author decides
    unshare_entry(s, pair.alex, entry.id)
    with pytest.raises(NotFound):
        get_entry(s, pair.sam, entry.id)
    assert MARKER not in _dump(export_person(s, pair.sam))


def test_unlinking_makes_shared_entries_private_again(pair):
    s = pair.store
    entry = write_entry(s, pair.alex, f"shared {MARKER}", share_with=pair.rel).entry
    assert get_entry(s, pair.sam, entry.id)
    unlink(s, pair.alex, pair.rel)
    with pytest.raises(NotFound):
        get_entry(s, pair.sam, entry.id)
    assert get_entry(s, pair.alex, entry.id).private
