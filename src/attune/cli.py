"""The ``attune`` command line: thin commands over the library.

Each command opens what it needs, calls one library function and prints.
Library errors become ``click.ClickException`` here, at the edge.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from attune.errors import AttuneError

F = TypeVar("F", bound=Callable[..., Any])


def friendly(fn: F) -> F:
    """Turn library errors into a clean one-line CLI error."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AttuneError as e:
            raise click.ClickException(str(e)) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="attune")
@click.option(
    "--profile",
    envvar="ATTUNE_PROFILE",
    default="default",
    show_default=True,
    help="Who is at the keyboard. Two people can share one machine with a profile each.",
)
@click.pass_context
def main(ctx: click.Context, profile: str) -> None:
    """Attune: a local-first coach for emotional connection."""
    ctx.obj = {"profile": profile.strip().lower()}


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


def _store() -> Any:
    """Open the store once per command (SQLite in the data folder unless configured)."""
    ctx = click.get_current_context()
    obj = ctx.find_root().obj
    if "store" not in obj:
        from attune.store import Store

        obj["store"] = Store.open()
        ctx.call_on_close(obj["store"].close)
    return obj["store"]


def _profile() -> str:
    return str(click.get_current_context().find_root().obj["profile"])


def _actor() -> int:
    """The person id of the current profile."""
    from attune.domain import find_person

    return find_person(_store(), _profile()).id


def _space(rel: int | None) -> int:
    """The relationship to act in: the one given, else the first one."""
    if rel is not None:
        return rel
    from attune.domain import default_relationship

    return default_relationship(_store(), _actor()).id


rel_option = click.option(
    "--rel",
    type=int,
    default=None,
    help="Relationship id (default: your first). See 'attune pair list'.",
)


def _day(value: str | None) -> Any:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2026-11-22.") from None


# ---------------------------------------------------------------- profile and pairing


@main.command()
@click.option("--name", prompt="What should your partner see as your name?", help="Display name.")
@click.option(
    "--country", default=None, help="Two-letter country code for help lines (e.g. US, DE)."
)
@friendly
def init(name: str, country: str | None) -> None:
    """Create your profile on this machine."""
    from attune.config import get_settings
    from attune.domain import create_person

    person = create_person(_store(), _profile(), name, country=country or get_settings().country)
    _console().print(
        f"Welcome, {person.display_name}. Your profile is '{person.handle}'.\n"
        "Next: [bold]attune pair new[/] to invite someone, or [bold]attune pair join CODE[/]."
    )


@main.group()
def pair() -> None:
    """Relationship spaces: invite, join, list, unlink."""


@pair.command("new")
@click.option(
    "--kind", type=click.Choice(["partner", "friend", "family", "team"]), default="partner"
)
@click.option("--name", default="", help="A name for the space, e.g. 'Us' or 'Book club'.")
@friendly
def pair_new(kind: str, name: str) -> None:
    """Create a relationship space and print an invitation code."""
    from attune.domain import create_relationship, invite

    rel = create_relationship(_store(), _actor(), kind, name)
    code = invite(_store(), _actor(), rel.id).code
    _console().print(
        f"Created '{rel.name}' (id {rel.id}). Invitation code: [bold]{code}[/] (valid 7 days).\n"
        f"They run: attune --profile THEIR_NAME pair join {code}"
    )


@pair.command("invite")
@rel_option
@friendly
def pair_invite(rel: int | None) -> None:
    """Print a fresh invitation code for a space you are in."""
    from attune.domain import invite

    code = invite(_store(), _actor(), _space(rel)).code
    _console().print(f"Invitation code: [bold]{code}[/] (one use, valid 7 days)")


@pair.command("join")
@click.argument("code")
@friendly
def pair_join(code: str) -> None:
    """Join a space with the code someone gave you."""
    from attune.domain import join

    rel = join(_store(), _actor(), code)
    names = ", ".join(m.display_name for m in rel.members)
    _console().print(f"You joined '{rel.name}' (id {rel.id}) with {names}.")


@pair.command("list")
@friendly
def pair_list() -> None:
    """List your relationship spaces."""
    from rich.table import Table

    from attune.domain import list_relationships

    table = Table("id", "kind", "name", "members")
    for r in list_relationships(_store(), _actor()):
        table.add_row(str(r.id), r.kind, r.name, ", ".join(m.display_name for m in r.members))
    _console().print(table)


@pair.command("unlink")
@click.argument("rel", type=int)
@click.confirmation_option(prompt="Leave this space? Your shared entries become private again.")
@friendly
def pair_unlink(rel: int) -> None:
    """Leave a space; what you shared becomes private to you again."""
    from attune.domain import unlink

    unlink(_store(), _actor(), rel)
    _console().print("You left the space. Your private data stays yours.")


# ---------------------------------------------------------------- daily practice


@main.command()
@click.option(
    "--welcome", is_flag=True, help="Greet a newcomer instead of failing when no profile exists."
)
@rel_option
@friendly
def today(welcome: bool, rel: int | None) -> None:
    """Your day at a glance: check-in, question, program step, rituals and goals."""
    from attune.console import show_checkin_day
    from attune.domain import (
        checkin_day,
        find_person,
        list_goals,
        list_relationships,
        my_programs,
        my_rituals,
        program_today,
        question_of_the_day,
    )
    from attune.domain.checkins import MOODS
    from attune.errors import NotFound

    console, store = _console(), _store()
    try:
        me = find_person(store, _profile())
    except NotFound:
        if not welcome:
            raise
        console.print(
            "[bold]Welcome to Attune[/], a few minutes a day of practice for feeling closer.\n"
            "Everything stays on this machine.\n\n"
            "Start with:  attune init\nThen:        attune pair new   (or attune pair join CODE)\n"
            "Try the demo: attune demo"
        )
        return
    console.rule(f"Today for {me.display_name}")
    rels = list_relationships(store, me.id)
    if not rels:
        console.print("No shared space yet: [bold]attune pair new[/] to invite someone.")
    for r in rels if rel is None else [x for x in rels if x.id == rel]:
        console.print(f"[bold]{r.name}[/]")
        show_checkin_day(console, checkin_day(store, me.id, r.id), MOODS)
        q = question_of_the_day(store, me.id, r.id)
        console.print(f"Question of the day ({q.prompt.depth}): [italic]{q.prompt.text}[/]")
        if q.mine is None:
            console.print("[dim]Answer with: attune question --answer '...'[/]")
    for e in my_programs(store, me.id):
        t = program_today(store, me.id, e.id)
        if t.task is not None:
            console.print(
                f"Program [bold]{e.title}[/], day {t.task.day}: {t.task.title}. {t.message}"
            )
    rituals = my_rituals(store, me.id)
    if rituals:
        from datetime import date

        console.print(
            "Rituals this week: "
            + ", ".join(f"{r.title} ({r.this_week(date.today())})" for r in rituals)
        )
    for g in list_goals(store, me.id):
        console.print("Goal: " + g.summary())


@main.command()
@click.option("--mood", type=click.IntRange(1, 5), prompt="Mood, 1 (very low) to 5 (very good)")
@click.option("--feel", "feelings", multiple=True, help="A feeling word (repeat for more).")
@click.option("--high", default=None, help="One high of your day.")
@click.option("--low", default=None, help="One low of your day.")
@click.option("--need", default=None, help="What you need today (optional).")
@click.option("--day", default=None, help="Date (default today), e.g. 2026-11-22.")
@rel_option
@friendly
def checkin(
    mood: int,
    feelings: tuple[str, ...],
    high: str | None,
    low: str | None,
    need: str | None,
    day: str | None,
    rel: int | None,
) -> None:
    """Daily check-in: mood, named feelings, one high, one low, what you need."""
    from attune.console import show_checkin_day, show_resources
    from attune.domain import checkin_day, get_person, submit_checkin
    from attune.domain.checkins import MOODS

    store, actor, space = _store(), _actor(), _space(rel)
    result = submit_checkin(
        store,
        actor,
        space,
        mood=mood,
        feelings=list(feelings),
        high=high,
        low=low,
        need=need,
        day=_day(day),
    )
    console = _console()
    if result.risk.level != "none":
        show_resources(console, result.risk.level, get_person(store, actor).country)
        return
    console.print("Checked in. Thank you for noticing how you are.")
    show_checkin_day(console, checkin_day(store, actor, space, result.checkin.day), MOODS)


@main.command()
@click.option("--answer", default=None, help="Your answer to today's question.")
@rel_option
@friendly
def question(answer: str | None, rel: int | None) -> None:
    """Today's question; your partner's answer shows once yours is in."""
    from attune.domain import answer_question, question_of_the_day

    store, actor, space = _store(), _actor(), _space(rel)
    view = (
        answer_question(store, actor, space, answer)
        if answer
        else question_of_the_day(store, actor, space)
    )
    console = _console()
    console.print(f"[bold]{view.prompt.text}[/] [dim]({view.prompt.depth})[/]")
    if view.mine:
        console.print(f"You: {view.mine.text}")
    for a in view.revealed:
        console.print(f"{a.display_name}: {a.text}")
    for name in view.waiting_for:
        console.print(f"[dim]Waiting for {name}.[/]")


# ---------------------------------------------------------------- journal


@main.group()
def journal() -> None:
    """A private journal; share an entry with your space when you choose."""


@journal.command("write")
@click.argument("text", required=False)
@click.option("--title", default=None)
@click.option("--share", is_flag=True, help="Share with your space right away (default: private).")
@rel_option
@friendly
def journal_write(text: str | None, title: str | None, share: bool, rel: int | None) -> None:
    """Write an entry (private unless --share). Without TEXT, opens your editor."""
    from attune.console import show_resources
    from attune.domain import get_person, write_entry

    if text is None:
        text = click.edit("\n# Write your entry above. Lines starting with # are ignored.\n") or ""
        text = "\n".join(x for x in text.splitlines() if not x.startswith("#"))
    store, actor = _store(), _actor()
    result = write_entry(store, actor, text, title=title, share_with=_space(rel) if share else None)
    console = _console()
    where = "shared with your space" if share else "private (only you can read it)"
    console.print(f"Saved entry {result.entry.id}, {where}.")
    if result.risk.level != "none":
        show_resources(console, result.risk.level, get_person(store, actor).country)


@journal.command("list")
@click.option("--mine", is_flag=True, help="Only entries you wrote.")
@friendly
def journal_list(mine: bool) -> None:
    """Entries you can read: yours, and those shared with you."""
    from rich.table import Table

    from attune.domain import list_entries

    actor = _actor()
    table = Table("id", "date", "by", "visibility", "title / start")
    for e in list_entries(_store(), actor, only_mine=mine):
        vis = "private" if e.private else "shared"
        who = "you" if e.author_id == actor else e.author_name
        table.add_row(
            str(e.id),
            e.created_at.date().isoformat(),
            who,
            vis,
            e.title or e.body[:50].replace("\n", " "),
        )
    _console().print(table)


@journal.command("show")
@click.argument("entry_id", type=int)
@friendly
def journal_show(entry_id: int) -> None:
    """Read one entry."""
    from rich.panel import Panel

    from attune.domain import get_entry

    e = get_entry(_store(), _actor(), entry_id)
    _console().print(
        Panel(
            e.body,
            title=e.title or f"Entry {e.id}",
            subtitle=("private" if e.private else "shared"),
        )
    )


@journal.command("share")
@click.argument("entry_id", type=int)
@rel_option
@friendly
def journal_share(entry_id: int, rel: int | None) -> None:
    """Share one of your entries with your space."""
    from attune.domain import share_entry

    share_entry(_store(), _actor(), entry_id, _space(rel))
    _console().print(
        f"Entry {entry_id} is now shared. 'attune journal unshare {entry_id}' undoes it."
    )


@journal.command("unshare")
@click.argument("entry_id", type=int)
@friendly
def journal_unshare(entry_id: int) -> None:
    """Make one of your entries private again."""
    from attune.domain import unshare_entry

    unshare_entry(_store(), _actor(), entry_id)
    _console().print(f"Entry {entry_id} is private again.")


@journal.command("delete")
@click.argument("entry_id", type=int)
@click.confirmation_option(prompt="Delete this entry for good?")
@friendly
def journal_delete(entry_id: int) -> None:
    """Delete one of your entries."""
    from attune.domain import delete_entry

    delete_entry(_store(), _actor(), entry_id)
    _console().print("Deleted.")


@journal.command("search")
@click.argument("query")
@friendly
def journal_search(query: str) -> None:
    """Search the entries you can read."""
    from attune.domain import search_entries

    for e in search_entries(_store(), _actor(), query):
        _console().print(f"{e.id}  {e.created_at.date()}  {e.title or e.body[:60]}")


# ---------------------------------------------------------------- exercises


@main.group()
def exercise() -> None:
    """Guided exercises with timers and turns."""


@exercise.command("list")
@friendly
def exercise_list() -> None:
    """All exercises, with level and length."""
    from rich.table import Table

    from attune.content import load_content

    table = Table("id", "title", "level", "min", "for")
    for ex in sorted(load_content().exercises.values(), key=lambda x: x.id):
        table.add_row(
            ex.id, ex.title, ex.level, str(ex.duration_minutes), ", ".join(ex.relationship_types)
        )
    _console().print(table)


@exercise.command("run")
@click.argument("exercise_id")
@click.option("--solo", is_flag=True, help="Practise alone (not tied to a space).")
@click.option(
    "--speed", type=float, default=1.0, hidden=True, help="Divide timers (rehearsal/tests)."
)
@rel_option
@friendly
def exercise_run(exercise_id: str, solo: bool, speed: float, rel: int | None) -> None:
    """Run an exercise step by step, with live countdowns and whose-turn prompts."""
    from attune.console import run_steps
    from attune.domain import finish_run, get_relationship, start_run

    store, actor = _store(), _actor()
    space = None if solo else _space(rel)
    run, ex = start_run(store, actor, exercise_id, space)
    console = _console()
    names = {"a": "You", "b": "Your partner"}
    if space is not None:
        others = get_relationship(store, actor, space).others(actor)
        if others:
            names["b"] = others[0].display_name
    console.rule(ex.title)
    console.print(ex.purpose + f"\n[dim]Rests on: {ex.rests_on}[/]")
    done = run_steps(
        console,
        ex,
        names,
        wait=lambda msg: click.prompt(msg, default="", show_default=False),
        speed=speed,
    )
    if done == 0:
        return
    scary = click.prompt(
        "Debrief: what felt scary? (Enter to skip)", default="", show_default=False
    )
    connecting = click.prompt(
        "What felt connecting? (Enter to skip)", default="", show_default=False
    )
    finish_run(store, actor, run.id, scary=scary or None, connecting=connecting or None)
    console.print("Well done. Your debrief stays private unless you share it.")


# ---------------------------------------------------------------- assessments


@main.group()
def assess() -> None:
    """Short self-assessments, kept over time."""


@assess.command("list")
@friendly
def assess_list() -> None:
    """All assessments."""
    from attune.content import load_content

    for a in sorted(load_content().assessments.values(), key=lambda x: x.id):
        _console().print(
            f"[bold]{a.id}[/]  {a.title} ({len(a.items)} items, ~{a.duration_minutes} min)"
        )


def _ask_items(a: Any) -> dict[str, int]:
    answers: dict[str, int] = {}
    console = _console()
    if a.method == "forced_choice":
        for it in a.items:
            console.print(f"[bold]{it.text}[/]")
            for i, c in enumerate(it.choices, 1):
                console.print(f"  {i}. {c.text}")
            answers[it.id] = click.prompt("Choose", type=click.IntRange(1, len(it.choices))) - 1
        return answers
    scale = "  ".join(f"{k}={v}" for k, v in sorted(a.scale.labels.items()))
    console.print(f"[dim]{scale}[/]")
    for it in a.items:
        answers[it.id] = click.prompt(it.text, type=click.IntRange(a.scale.min, a.scale.max))
    return answers


@assess.command("take")
@click.argument("assessment_id")
@click.option("--answers", default=None, help="Non-interactive: item=value pairs, comma separated.")
@friendly
def assess_take(assessment_id: str, answers: str | None) -> None:
    """Take an assessment and see what the result means."""
    from rich.panel import Panel

    from attune.content import load_content
    from attune.domain import take_assessment

    a = load_content().assessment(assessment_id)
    if answers:
        try:
            given = {k.strip(): int(v) for k, v in (p.split("=") for p in answers.split(","))}
        except ValueError:
            raise click.BadParameter(
                "use item=value pairs such as q1=3,q2=4", param_hint="--answers"
            ) from None
    else:
        _console().print(Panel(a.purpose, title=a.title))
        given = _ask_items(a)
    _, result = take_assessment(_store(), _actor(), a.id, given)
    console = _console()
    for dim, band in result.bands.items():
        console.print(f"[bold]{dim}[/]: {result.scores[dim]:.2f} - {band.label}. {band.meaning}")
    if result.profile:
        console.print(f"[bold]{result.profile.label}[/]: {result.profile.meaning}")
    if result.suggestions:
        console.print(f"One thing to try: [bold]{result.suggestions[0]}[/]")
    if a.evidence_note:
        console.print(f"[dim]{a.evidence_note}[/]")
    console.print(f"[dim]Why this score? {result.explain()}[/]")


@assess.command("history")
@click.argument("assessment_id", required=False)
@friendly
def assess_history(assessment_id: str | None) -> None:
    """Your results over time, with a small chart per dimension."""
    from attune.console import results_table
    from attune.content import load_content
    from attune.domain import assessment_history

    history = assessment_history(_store(), _actor(), assessment_id)
    if not history:
        _console().print("No results yet. Try 'attune assess list'.")
        return
    lib = load_content()
    for aid in sorted({h.assessment_id for h in history}):
        a = lib.assessment(aid)
        rows = [h for h in history if h.assessment_id == aid]
        lo, hi = _score_range(a)
        console = _console()
        first, last = rows[0].taken_at.date(), rows[-1].taken_at.date()
        console.print(f"[bold]{a.title}[/]: {len(rows)} result(s), {first} to {last}")
        console.print(results_table(rows, a.dimensions, lo, hi))


def _score_range(a: Any) -> tuple[float, float]:
    if a.method == "forced_choice":
        return 0.0, float(len(a.items))
    n = max(1, max(sum(1 for i in a.items if i.dimension == d) for d in a.dimensions))
    if a.method == "likert_sum":
        return float(a.scale.min * n), float(a.scale.max * n)
    return float(a.scale.min), float(a.scale.max)


# ---------------------------------------------------------------- programs, rituals, goals


@main.group()
def program() -> None:
    """Programs: a small task a day, at your pace."""


@program.command("list")
@friendly
def program_list() -> None:
    """All programs, and the ones you are doing."""
    from attune.content import load_content
    from attune.domain import my_programs

    mine = {e.program_id: e for e in my_programs(_store(), _actor())}
    for p in load_content().programs.values():
        status = (
            f" - doing it, {mine[p.id].days_done}/{p.duration_days} days" if p.id in mine else ""
        )
        _console().print(
            f"[bold]{p.id}[/]  {p.title} ({p.duration_days} days, ~{p.minutes_per_day} min){status}"
        )


@program.command("start")
@click.argument("program_id")
@click.option("--solo", is_flag=True, help="Not tied to a shared space.")
@rel_option
@friendly
def program_start(program_id: str, solo: bool, rel: int | None) -> None:
    """Start a program."""
    from attune.domain import start_program

    e = start_program(_store(), _actor(), program_id, relationship_id=None if solo else _space(rel))
    _console().print(f"Started '{e.title}'. See today's step with 'attune program today'.")


def _enrollment(program_id: str | None) -> Any:
    from attune.domain import my_programs
    from attune.errors import NotFound

    mine = my_programs(_store(), _actor())
    if program_id:
        mine = [e for e in mine if e.program_id == program_id]
    if not mine:
        raise NotFound(
            "No active program. Start one with 'attune program start ID' "
            "(see 'attune program list')."
        )
    return mine[0]


@program.command("today")
@click.argument("program_id", required=False)
@friendly
def program_today_cmd(program_id: str | None) -> None:
    """Today's step of your program, and your gentle streak."""
    from attune.domain import program_today

    e = _enrollment(program_id)
    t = program_today(_store(), _actor(), e.id)
    console = _console()
    if t.task is None:
        console.print(t.message)
        return
    console.print(
        f"[bold]{e.title}[/] - day {t.task.day} of {e.duration_days}: [bold]{t.task.title}[/]"
    )
    console.print(t.task.task)
    for p in t.task.prompts:
        console.print(f"  • {p}")
    if t.task.practice:
        console.print(f"[dim]Uses: {t.task.practice}[/]")
    console.print(f"[dim]{t.message} Streak: {t.streak} (missed days are forgiven).[/]")


@program.command("done")
@click.argument("program_id", required=False)
@friendly
def program_done(program_id: str | None) -> None:
    """Mark today's step done."""
    from attune.domain import complete_day

    t = complete_day(_store(), _actor(), _enrollment(program_id).id)
    _console().print(f"{t.message} Streak: {t.streak}.")


@program.command("snooze")
@click.argument("program_id", required=False)
@friendly
def program_snooze(program_id: str | None) -> None:
    """Skip today; it does not count against you."""
    from attune.domain import snooze_today

    snooze_today(_store(), _actor(), _enrollment(program_id).id)
    _console().print("Snoozed for today. Rest is part of it.")


@main.group()
def ritual() -> None:
    """Micro-rituals: choose a few, log them."""


@ritual.command("list")
@friendly
def ritual_list() -> None:
    """All rituals."""
    from attune.content import load_content

    for r in sorted(load_content().rituals.values(), key=lambda x: x.id):
        _console().print(f"[bold]{r.id}[/]  {r.title} ({r.cadence}, {r.duration_minutes} min)")


@ritual.command("choose")
@click.argument("ritual_id")
@click.option("--solo", is_flag=True)
@rel_option
@friendly
def ritual_choose(ritual_id: str, solo: bool, rel: int | None) -> None:
    """Add a ritual to yours."""
    from attune.domain import choose_ritual

    r = choose_ritual(_store(), _actor(), ritual_id, None if solo else _space(rel))
    _console().print(f"Added '{r.title}' (id {r.id}). Log it with 'attune ritual log {r.id}'.")


@ritual.command("mine")
@friendly
def ritual_mine() -> None:
    """Your rituals and how steady they have been (last 4 weeks)."""
    from attune.console import sparkline
    from attune.domain import my_rituals
    from attune.domain.rituals import consistency

    for r in my_rituals(_store(), _actor()):
        weeks = consistency(r)
        _console().print(f"{r.id}  {r.title}  {sparkline(weeks, 0, 7)}  {weeks}")


@ritual.command("log")
@click.argument("choice_id", type=int)
@click.option("--day", default=None)
@friendly
def ritual_log(choice_id: int, day: str | None) -> None:
    """Log that you did a ritual."""
    from attune.domain import log_ritual

    r = log_ritual(_store(), _actor(), choice_id, day=_day(day))
    _console().print(f"Logged '{r.title}'.")


@ritual.command("drop")
@click.argument("choice_id", type=int)
@friendly
def ritual_drop(choice_id: int) -> None:
    """Stop keeping a ritual (no judgement: seasons change)."""
    from attune.domain import drop_ritual

    drop_ritual(_store(), _actor(), choice_id)
    _console().print("Dropped.")


@main.group()
def goal() -> None:
    """Measurable shared goals."""


@goal.command("add")
@click.argument("title")
@click.option("--times", "times_per_week", type=int, required=True, help="Times per week.")
@click.option("--weeks", type=int, required=True, help="For how many weeks.")
@click.option("--practice", default=None, help="Exercise or ritual id that counts toward it.")
@click.option("--solo", is_flag=True, help="A personal goal, not shared.")
@rel_option
@friendly
def goal_add(
    title: str, times_per_week: int, weeks: int, practice: str | None, solo: bool, rel: int | None
) -> None:
    """Add a goal such as "reflective listening twice a week for four weeks"."""
    from attune.domain import add_goal

    g = add_goal(
        _store(),
        _actor(),
        title,
        times_per_week=times_per_week,
        weeks=weeks,
        practice_id=practice,
        relationship_id=None if solo else _space(rel),
    )
    _console().print(f"Goal {g.id} added: {g.summary()}")


@goal.command("list")
@friendly
def goal_list() -> None:
    """Your goals with progress per week."""
    from attune.console import sparkline
    from attune.domain import list_goals

    for g in list_goals(_store(), _actor()):
        _console().print(f"{g.id}  {g.summary()}  {sparkline(g.per_week, 0, g.times_per_week)}")


@goal.command("log")
@click.argument("goal_id", type=int)
@click.option("--day", default=None)
@friendly
def goal_log(goal_id: int, day: str | None) -> None:
    """Record one practice toward a goal."""
    from attune.domain import log_goal

    _console().print(log_goal(_store(), _actor(), goal_id, day=_day(day)).summary())


# ---------------------------------------------------------------- your data


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    help="File to write (default: standard output).",
)
@friendly
def export(output: str) -> None:
    """Export all of your own data as JSON."""
    import json

    from attune.domain import export_person

    data = json.dumps(export_person(_store(), _actor()), ensure_ascii=False, indent=2)
    with click.open_file(output, "w", encoding="utf-8") as fh:
        fh.write(data + "\n")
    if output != "-":
        _console().print(f"Wrote your data to {output}.")


@main.command("delete-account")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@friendly
def delete_account_cmd(yes: bool) -> None:
    """Delete your profile and everything you wrote. Your partner's data is untouched."""
    from attune.domain import delete_account

    actor = _actor()
    if not yes:
        click.confirm(
            "This deletes your profile, journal, check-ins and results for good. Continue?",
            abort=True,
        )
    delete_account(_store(), actor)
    _console().print("Your account and data are deleted.")


@main.command()
@friendly
def doctor() -> None:
    """Check that Attune can run here: database, key, content, models, help lines."""
    from attune.health import run_checks

    console = _console()
    worst = 0
    for check in run_checks():
        mark = {0: "[green]  ok[/]", 1: "[yellow]warn[/]", 2: "[red]fail[/]"}[check.level]
        console.print(f"{mark}  {check.name}: {check.detail}")
        worst = max(worst, check.level)
    if worst == 2:
        raise SystemExit(1)


@main.command("help-lines")
@click.option("--country", default=None, help="Two-letter code (default: your profile's).")
@friendly
def help_lines(country: str | None) -> None:
    """Crisis and domestic-violence lines for your country. Attune is not therapy."""
    from attune.content import load_content

    res = load_content().resources
    assert res is not None
    if country is None:
        from attune.config import get_settings
        from attune.domain import find_person
        from attune.errors import NotFound

        try:
            country = find_person(_store(), _profile()).country
        except NotFound:
            country = get_settings().country
    entry = next((c for c in res.countries if c.code == country.upper()), None)
    console = _console()
    if entry is None:
        console.print(res.fallback)
    else:
        console.print(f"[bold]{entry.name}[/] - emergency: [bold]{entry.emergency}[/]")
        for line in entry.lines:
            how = ", ".join(
                x
                for x in (
                    line.phone and f"call {line.phone}",
                    line.sms and f"text {line.sms}",
                    line.url,
                )
                if x
            )
            console.print(f"  {line.name} ({line.kind.replace('_', ' ')}): {how}")
    console.print(f"[dim]{res.not_therapy}[/]")


# ---------------------------------------------------------------- content


@main.group()
def content() -> None:
    """The content library: check, list, show, stats."""


@content.command("check")
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False))
def content_check(path: str | None) -> None:
    """Validate content files; errors name the file, field path and fix."""
    from pathlib import Path

    from attune.content import check_content

    lib, problems = check_content(Path(path) if path else None)
    console = _console()
    for p in problems:
        console.print(f"[red]✗[/] {p}")
    stats = ", ".join(f"{v} {k}" for k, v in lib.stats().items())
    if problems:
        console.print(f"{len(problems)} problem(s). Loaded: {stats}.")
        raise SystemExit(1)
    console.print(f"[green]✓[/] Content is valid: {stats}.")


@content.command("list")
@click.argument(
    "kind",
    required=False,
    type=click.Choice(["exercise", "deck", "assessment", "program", "ritual"]),
)
@friendly
def content_list(kind: str | None) -> None:
    """List content items, optionally of one kind."""
    from attune.content import load_content

    lib = load_content()
    for k in [kind] if kind else ["exercise", "deck", "assessment", "program", "ritual"]:
        for item in sorted(lib.by_kind(k).values(), key=lambda x: x.id):
            _console().print(f"{k:<11} {item.id:<40} {item.title}")


@content.command("show")
@click.argument("item_id")
@friendly
def content_show(item_id: str) -> None:
    """Show one item as YAML (also feelings.v1, glossary.v1, resources.v1)."""
    import yaml

    from attune.content import load_content

    lib = load_content()
    singles = {x.id: x for x in (lib.feelings, lib.glossary, lib.resources) if x is not None}
    item = singles.get(item_id) or lib.get(item_id)
    click.echo(yaml.safe_dump(item.model_dump(mode="json"), sort_keys=False, allow_unicode=True))


@content.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON counts.")
@friendly
def content_stats(as_json: bool) -> None:
    """How much content there is."""
    import json

    from attune.content import load_content

    stats = load_content().stats()
    if as_json:
        click.echo(json.dumps(stats))
    else:
        for k, v in stats.items():
            _console().print(f"{k:<12} {v}")


@main.command("analyze")
@click.option(
    "--jsonl",
    is_flag=True,
    help='Read JSON Lines objects with a "text" field (blank lines skipped).',
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for large inputs [default: one per CPU].",
)
@friendly
def analyze_command(jsonl: bool, jobs: int | None) -> None:
    """Analyse messages from standard input: one JSON object out per message, in order.

    Reads one message per line (an empty line gives an empty result), or with
    --jsonl one JSON object per line. Each output line holds the text, its
    emotions, patterns, safety risk and a gentler rewrite (see SPEC.md,
    "Analysis contract").

    \b
    Example:
      echo "you never listen to me" | attune analyze
    """
    import sys

    from attune.analysis.stream import analyze_stream

    out = sys.stdout.buffer
    for block in analyze_stream(sys.stdin.buffer, jsonl=jsonl, jobs=jobs):
        out.write(block.encode("utf-8"))
    out.flush()


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    default="auto",
    show_default=True,
    type=click.Choice(
        ["auto", "whatsapp", "telegram", "discord", "messenger", "signal", "imessage"]
        + ["csv", "jsonl"]
    ),
    help="Which app wrote the export.",
)
@click.option("--jsonl", is_flag=True, help="Write one JSON object per message to standard output.")
@click.option(
    "--date-order",
    type=click.Choice(["dmy", "mdy", "ymd", "ydm", "dym", "myd"]),
    default=None,
    help="Override the date order read from a WhatsApp-style text export.",
)
@click.option(
    "--title", default=None, help="Name for the stored conversation (default: file name)."
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Only show the summary; store nothing (no profile needed).",
)
@friendly
def import_command(
    file: str, fmt: str, jsonl: bool, date_order: str | None, title: str | None, dry_run: bool
) -> None:
    """Import a chat export (WhatsApp, Telegram, Discord, Messenger, Signal, iMessage, CSV, JSONL).

    Stores the conversation for your profile, visible only to you, and prints
    a summary (messages per sender, kinds, date range) and its id. With
    --dry-run, only shows the summary. With --jsonl, writes {"timestamp",
    "sender", "text", "kind"} per message to standard output instead (see
    SPEC.md, "import contract").

    \b
    Examples:
      attune import "WhatsApp Chat with Sam.zip" --title "Sam"
      attune import "WhatsApp Chat with Sam.zip" --jsonl > sam.jsonl
    """
    from pathlib import Path

    from attune.chats import detect_format, iter_records

    options = {"date_order": date_order} if date_order else {}
    if fmt == "auto":
        fmt = detect_format(file)
    records = iter_records(file, fmt, **options)
    if jsonl:
        import sys

        from attune.chats.export import jsonl_batches

        out = sys.stdout.buffer  # UTF-8 whatever the terminal's locale says
        for block in jsonl_batches(records):
            out.write(block.encode("utf-8"))
        out.flush()
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from attune.chats.model import Message
    from attune.chats.summary import ImportSummary

    store = actor = None
    if not dry_run:
        store, actor = _store(), _actor()  # a missing profile fails before any reading
    summary = ImportSummary()
    console = _console()
    size = Path(file).stat().st_size
    with Progress(
        SpinnerColumn(),
        TextColumn("Reading messages: {task.fields[count]:,}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        # The bar follows the messages read against the file size, guessed at ~60 bytes each.
        task = progress.add_task("import", total=max(1, size // 60), count=0)

        def messages() -> Any:
            from_record = Message.from_record
            for i, record in enumerate(records, 1):
                summary.add(record)
                if i % 5000 == 0:
                    progress.update(task, completed=i, count=i)
                yield from_record(record)

        conversation = None
        if store is None:
            for _ in messages():
                pass
        else:
            from attune.chats.store_import import MAX_TITLE, save_conversation

            name = title if title is not None else Path(file).stem[:MAX_TITLE]
            conversation = save_conversation(store, actor, messages(), name, fmt)
    table = Table(title=f"{summary.messages:,} messages, {summary.first} to {summary.last}")
    table.add_column("Sender")
    table.add_column("Messages", justify="right")
    for sender, count in summary.senders.most_common():
        table.add_row(sender or "(system)", f"{count:,}")
    console.print(table)
    console.print(", ".join(f"{kind}: {n:,}" for kind, n in sorted(summary.kinds.items())))
    if conversation is not None:
        console.print(f"Stored as conversation {conversation}, visible only to you.")


# ---------------------------------------------------------------- coach


@main.command()
@click.option("--once", "once", metavar="TEXT", default=None, help="Answer one message and exit.")
@click.option("--new", "new", is_flag=True, help="Start a new conversation (ends safety mode).")
@click.option("--memory", "show_memory", is_flag=True, help="List what the coach remembers.")
@click.option("--forget", "forget_all", is_flag=True, help="Delete everything the coach remembers.")
@click.option("--no-model", is_flag=True, help="Use the scripted coach even if a model is set.")
@click.option("--json", "as_json", is_flag=True, help="Print replies as JSON objects.")
@friendly
def coach(
    once: str | None,
    new: bool,
    show_memory: bool,
    forget_all: bool,
    no_model: bool,
    as_json: bool,
) -> None:
    """Talk with the coach; type 'quit' to leave. Private to you, never shown to your partner.

    \b
      attune coach
      attune coach --once "We had a fight about money and now it's all quiet"
    """
    import json

    from attune.coach import Coach, backend_from_settings, forget, recall

    store, actor = _store(), _actor()
    console = _console()
    if forget_all:
        n = forget(store, actor)
        console.print(f"Deleted {n} remembered message(s). The coach starts fresh.")
        return
    if show_memory:
        for item in recall(store, actor, limit=200):
            who = "you" if item.role == "person" else "coach"
            console.print(f"[dim]{item.at:%Y-%m-%d %H:%M} #{item.id} {who}:[/] {item.text}")
        return
    backend = None if no_model else backend_from_settings()
    session = Coach(store, actor, backend=backend)
    if new:
        session.new_conversation()

    def answer(text: str) -> None:
        reply = session.reply(text)
        if as_json:
            click.echo(json.dumps(reply.to_dict()))
            return
        style = "bold red" if reply.kind == "safety" else "cyan"
        console.print(f"[{style}]coach:[/] {reply.text}", highlight=False)

    if once is not None:
        answer(once)
        return
    if not as_json:
        console.print(
            "[dim]Private to you. Type 'quit' to leave. Attune is not therapy; "
            "run 'attune help-lines' for crisis lines.[/]"
        )
    import sys

    stdin = sys.stdin
    while True:
        if not as_json and stdin.isatty():
            console.print("[bold]you:[/] ", end="")
        line = stdin.readline()
        if not line:
            break
        text = line.strip()
        if text.lower() in ("quit", "exit", ":q"):
            break
        if text:
            answer(text)


# ---------------------------------------------------------------- report


@main.command("report")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    default="report.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Where to write the HTML page.",
)
@click.option("--format", "fmt", default="auto", show_default=True, help="Export format.")
@click.option("--me", default=None, help="Your name exactly as the chat shows it.")
@click.option(
    "--gap-hours", default=6.0, show_default=True, help="Silence that starts a new conversation."
)
@click.option(
    "--examples/--no-examples", default=True, help="Quote up to 3 short excerpts per pattern."
)
@click.option("--jobs", type=int, default=None, help="Analysis processes (default: one per CPU).")
@friendly
def report_command(
    file: str, output: str, fmt: str, me: str | None, gap_hours: float, examples: bool,
    jobs: int | None,
) -> None:  # fmt: skip
    """Write one self-contained HTML report of a chat export; nothing leaves this computer.

    \b
    Example:
      attune report "WhatsApp Chat with Sam.txt" -o sam.html --me Alex
    """
    from datetime import datetime
    from pathlib import Path

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from attune.chats import parse_chat
    from attune.chats.insights import InsightParams, compute_insights
    from attune.chats.report import render_report, summary_rows

    params = InsightParams(conversation_gap_hours=gap_hours, max_examples=3 if examples else 0)
    console = _console()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        reading = bar.add_task("Importing", total=None)
        messages = []
        for message in parse_chat(file, fmt):
            messages.append(message)
            if len(messages) % 5000 == 0:
                bar.update(reading, completed=len(messages))
        bar.update(reading, total=len(messages), completed=len(messages))
        task = bar.add_task("Analysing", total=len(messages))
        insights = compute_insights(
            messages, me=me, params=params, jobs=jobs,
            progress=lambda n: bar.update(task, completed=n),
        )  # fmt: skip
    html = render_report(insights, generated=datetime.now())
    Path(output).write_text(html, encoding="utf-8")
    table = Table(show_header=False, box=None)
    for label, value in summary_rows(insights):
        table.add_row(f"[bold]{label}[/]", value)
    console.print(table)
    console.print(
        f"[green]✓[/] Wrote {output} ({len(html) // 1024:,} KB). Open it in a browser.",
        soft_wrap=True,  # keep the path on one line so it can be copied
    )


# ---------------------------------------------------------------- web app and demo


def _warm_up() -> None:
    """Load content and models before the first request, not during a burst of them."""
    from attune.analysis import analyze_one
    from attune.content import load_content

    load_content()
    analyze_one("warming up")  # loads the emotion model and compiles the rules


@main.command()
@click.option(
    "--host", default=None, help="Address to listen on (default: ATTUNE_HOST, 127.0.0.1)."
)
@click.option("--port", type=int, default=None, help="Port (default: ATTUNE_PORT, 8000).")
@click.option(
    "--demo",
    is_flag=True,
    help="Run on a throw-away database with two made-up people; your data is not touched.",
)
@friendly
def serve(host: str | None, port: int | None, demo: bool) -> None:
    """Start the web app (pages and JSON API) on this machine."""
    import uvicorn

    from attune.config import get_settings
    from attune.web import create_app

    settings = get_settings()
    host = host or settings.host
    port = port or settings.port
    if demo:
        from attune.demo import seed_demo
        from attune.store import Store

        store = Store.memory()
        summary = seed_demo(store)
        for line in summary.lines():
            click.echo(line)
    else:
        store = _store()
    app = create_app(store, settings, demo=demo)
    _warm_up()
    click.echo(f"Attune is running at http://{host}:{port}/  (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


@main.command()
@friendly
def demo() -> None:
    """Show a demo in the terminal: two made-up people several weeks into their practice."""
    from attune.demo import seed_demo
    from attune.domain import checkin_day, list_goals, my_programs, program_today
    from attune.store import Store

    store = Store.memory()
    summary = seed_demo(store)
    console = _console()
    for line in summary.lines():
        console.print(line)
    from attune.domain import find_person

    robin = find_person(store, summary.people[0][0]).id
    day = checkin_day(store, robin, summary.relationship_id)
    console.print(f"[bold]Today[/]: {'checked in' if day.mine else 'no check-in yet'}.")
    for enrollment in my_programs(store, robin):
        today = program_today(store, robin, enrollment.id)
        console.print(
            f"[bold]{enrollment.title}[/]: {enrollment.days_done} of "
            f"{enrollment.duration_days} days, streak {today.streak}. {today.message}"
        )
    for goal in list_goals(store, robin):
        console.print(goal.summary())
    console.print("[dim]Run 'attune serve --demo' to open the same demo in your browser.[/]")
