"""The rules of daily practice, including who may see what.

Every function takes the ``Store`` and the acting person's id (``actor``) and
returns plain dataclasses; nothing here knows about the web or the terminal.
"""

from attune.domain.account import delete_account, export_person
from attune.domain.assessments import assessment_history, take_assessment
from attune.domain.checkins import checkin_day, checkin_history, my_checkins, submit_checkin
from attune.domain.exercises import finish_run, get_run, list_runs, start_run
from attune.domain.goals import add_goal, list_goals, log_goal
from attune.domain.journal import (
    delete_entry,
    get_entry,
    list_entries,
    search_entries,
    share_entry,
    unshare_entry,
    write_entry,
)
from attune.domain.people import authenticate, create_person, find_person, get_person
from attune.domain.programs import (
    complete_day,
    my_programs,
    program_today,
    snooze_today,
    start_program,
    stop_program,
)
from attune.domain.questions import answer_question, question_of_the_day
from attune.domain.relationships import (
    create_relationship,
    default_relationship,
    get_relationship,
    invite,
    join,
    list_relationships,
    unlink,
)
from attune.domain.rituals import choose_ritual, drop_ritual, log_ritual, my_rituals

__all__ = [
    "add_goal",
    "answer_question",
    "assessment_history",
    "authenticate",
    "checkin_day",
    "checkin_history",
    "choose_ritual",
    "complete_day",
    "create_person",
    "create_relationship",
    "default_relationship",
    "delete_account",
    "delete_entry",
    "drop_ritual",
    "export_person",
    "find_person",
    "finish_run",
    "get_entry",
    "get_person",
    "get_relationship",
    "get_run",
    "invite",
    "join",
    "list_entries",
    "list_goals",
    "list_relationships",
    "list_runs",
    "log_goal",
    "log_ritual",
    "my_checkins",
    "my_programs",
    "my_rituals",
    "program_today",
    "question_of_the_day",
    "search_entries",
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
]
