"""Rich rendering for the terminal: views of domain results, charts and the exercise runner.

Kept apart from ``cli.py`` so commands stay a few lines each.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

BARS = " ▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], lo: float, hi: float) -> str:
    """A one-line chart of ``values`` on the scale ``lo``..``hi``."""
    if not values:
        return ""
    span = (hi - lo) or 1
    return "".join(BARS[max(1, min(8, round((v - lo) / span * 8)))] for v in values)


def bar(value: float, lo: float, hi: float, width: int = 20) -> str:
    filled = round((value - lo) / ((hi - lo) or 1) * width)
    return "█" * max(0, min(width, filled)) + "░" * (width - max(0, min(width, filled)))


def show_checkin_day(console: Console, day: Any, moods: dict[int, str]) -> None:
    def line(c: Any) -> str:
        parts = [f"mood {c.mood}/5 ({moods[c.mood]})"]
        if c.feelings:
            parts.append("feeling " + ", ".join(c.feelings))
        for label, value in (("high", c.high), ("low", c.low), ("needs", c.need)):
            if value:
                parts.append(f"{label}: {value}")
        return "; ".join(parts)

    if day.mine is None:
        console.print("You haven't checked in today. Run [bold]attune checkin[/].")
    else:
        console.print(f"[bold]You[/]: {line(day.mine)}")
    for c in day.revealed:
        console.print(f"[bold]{c.display_name}[/]: {line(c)}")
    if day.mine is None and not day.waiting_for:
        console.print("[dim]Your partner's answer shows once yours is in.[/]")
    for name in day.waiting_for:
        console.print(f"[dim]{name} hasn't checked in yet. Both answer, then both see.[/]")


def show_resources(console: Console, risk_level: str, country: str) -> None:
    """Crisis or private resources for the person's country; never anything joint."""
    from attune.coach.safety import help_lines
    from attune.content import load_content

    lib = load_content()
    assert lib.resources is not None
    help_ = help_lines(country, lib)
    rows: list[str] = []
    if help_.found:
        rows.append(f"Emergency: [bold]{help_.emergency.phone}[/]")
        lines = help_.crisis if risk_level == "crisis" else help_.abuse + help_.crisis
        for line in lines:
            how = ", ".join(
                x
                for x in (
                    line.phone and f"call {line.phone}",
                    line.sms and f"text {line.sms}",
                    line.url,
                )
                if x
            )
            rows.append(f"{line.name}: [bold]{how}[/]" + (f" ({line.hours})" if line.hours else ""))
    else:
        rows.append(help_.fallback)
    if risk_level == "crisis":
        title = "You matter. Please reach out now"
        intro = (
            "What you wrote sounds like you might be in danger or in a lot of pain. "
            "Coaching is not the right tool for this moment. "
            "Please contact someone who can help now:"
        )
    else:
        title = "Support that is just for you"
        intro = (
            "Some of what you wrote can be a sign of control or harm in a relationship. "
            "You deserve to feel safe. These are private; nothing here is shown to anyone else:"
        )
    body = intro + "\n\n" + "\n".join(f"• {r}" for r in rows)
    if risk_level == "concern":
        body += "\n\nSafety planning:\n" + "\n".join(f"• {s}" for s in help_.safety_planning[:5])
    body += f"\n\n[dim]{lib.resources.not_therapy}[/]"
    console.print(
        Panel(body, title=title, border_style="red" if risk_level == "crisis" else "yellow")
    )


def run_steps(
    console: Console,
    exercise: Any,
    names: dict[str, str],
    *,
    wait: Callable[[str], Any],
    speed: float = 1.0,
) -> int:
    """Walk through an exercise's steps with whose-turn prompts and live countdowns.

    ``wait`` asks the person to press Enter (or type 'skip' / 'pause') and returns their input.
    ``speed`` divides every timer (tests and rehearsals use a large value).
    Returns the number of steps completed.
    """
    from rich.live import Live

    done = 0
    total = len(exercise.steps)
    for i, step in enumerate(exercise.steps, 1):
        who = {
            "a": names["a"],
            "b": names["b"],
            "both": "Both of you",
            "either": "Either of you",
            "each": f"Each in turn ({names['a']} first)",
        }[step.turn]
        opt = " (optional)" if step.optional else ""
        console.print(
            Panel(
                step.instruction,
                title=f"Step {i}/{total}: {step.title}{opt}",
                subtitle=f"Turn: {who}",
            )
        )
        answer = str(wait("Press Enter to start, or type 'skip' or 'stop'") or "").strip().lower()
        if answer == "stop":
            console.print("Stopped here. You can come back to it any time.")
            return done
        if answer == "skip":
            continue
        if step.seconds:
            seconds = step.seconds / speed
            end = time.monotonic() + seconds
            with Live(console=console, refresh_per_second=4, transient=True) as live:
                while (left := end - time.monotonic()) > 0:
                    shown = left * speed
                    live.update(f"⏳ {int(shown // 60):02d}:{int(shown % 60):02d} left - {who}")
                    time.sleep(min(0.25, max(left, 0)))
            console.print(f"⏰ Time. ({step.seconds // 60} min {step.seconds % 60} s)")
        done += 1
    return done


def results_table(history: Sequence[Any], dims: Sequence[str], lo: float, hi: float) -> Table:
    table = Table(title="Results over time")
    table.add_column("dimension")
    table.add_column("trend")
    table.add_column("latest", justify="right")
    for dim in dims:
        values = [h.scores.get(dim, 0.0) for h in history]
        table.add_row(dim, sparkline(values, lo, hi), f"{values[-1]:.2f}" if values else "-")
    return table
