"""Small server-rendered SVG plots: no JavaScript, no external library, CSP-safe.

Only presentation attributes and classes are used (no ``style=``), so the
strict Content-Security-Policy holds. Every chart carries a <title> and
<desc> for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH, HEIGHT = 320, 140
PAD_L, PAD_R, PAD_T, PAD_B = 28, 8, 10, 22


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def line_chart(
    series: dict[str, Sequence[tuple[str, float | None]]],
    *,
    y_min: float,
    y_max: float,
    title: str,
    y_labels: dict[float, str] | None = None,
) -> Markup:
    """A line chart of one or more series over shared x labels (e.g. dates).

    ``series`` maps a name to ``(x_label, value)`` points; a value of None is a gap.
    """
    names = list(series)
    xs: list[str] = []
    for pts in series.values():
        for x, _ in pts:
            if x not in xs:
                xs.append(x)
    span = (y_max - y_min) or 1.0
    ticks = y_labels or {y_min: _fmt(y_min), y_max: _fmt(y_max)}
    # Leave room for the longest y label (about 5 px a character at font-size 9).
    pad_l = max(PAD_L, 8 + 5 * max((len(str(t)) for t in ticks.values()), default=0))
    inner_w = WIDTH - pad_l - PAD_R
    inner_h = HEIGHT - PAD_T - PAD_B

    def px(i: int) -> float:
        return pad_l + (inner_w * i / (len(xs) - 1) if len(xs) > 1 else inner_w / 2)

    def py(v: float) -> float:
        return PAD_T + inner_h * (1 - (v - y_min) / span)

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    desc = "; ".join(
        f"{name}: " + ", ".join(f"{x} {_fmt(v)}" for x, v in pts if v is not None)
        for name, pts in series.items()
    )
    parts.append(f"<desc>{escape(desc)}</desc>")
    for value, label in ticks.items():
        y = py(value)
        parts.append(
            f'<line class="grid" x1="{pad_l}" x2="{WIDTH - PAD_R}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="axis" x="{pad_l - 4}" y="{y + 3:.1f}" text-anchor="end" '
            f'font-size="9" fill="#666">{escape(label)}</text>'
        )
    if xs:
        for i in sorted({0, len(xs) - 1}):
            parts.append(
                f'<text class="axis" x="{px(i):.1f}" y="{HEIGHT - 6}" font-size="9" fill="#666" '
                f'text-anchor="{"start" if i == 0 and len(xs) > 1 else "end"}">'
                f"{escape(xs[i])}</text>"
            )
    for n, name in enumerate(names):
        index = {x: i for i, x in enumerate(xs)}
        segment: list[str] = []
        segments: list[list[str]] = []
        for x, v in series[name]:
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{px(index[x]):.1f},{py(v):.1f}")
        if segment:
            segments.append(segment)
        for seg in segments:
            if len(seg) > 1:
                parts.append(
                    f'<polyline class="series s{n % 6}" fill="none" stroke-width="2" '
                    f'points="{" ".join(seg)}"/>'
                )
            for point in seg:
                cx, cy = point.split(",")
                parts.append(f'<circle class="dot s{n % 6}" cx="{cx}" cy="{cy}" r="2.5"/>')
    parts.append("</svg>")
    if len(names) > 1:
        legend = "".join(
            f'<li><span class="key s{n % 6}"></span>{escape(name)}</li>'
            for n, name in enumerate(names)
        )
        parts.append(f'<ul class="legend">{legend}</ul>')
    return Markup("".join(parts))


def week_bars(counts: Sequence[int], *, target: int, title: str) -> Markup:
    """Small bars, one per week, with a dashed line at the weekly target."""
    top = max([target, *counts, 1])
    bar_w = 24
    gap = 8
    width = max(len(counts), 1) * (bar_w + gap) + gap
    height = 60
    parts = [
        f'<svg class="bars" viewBox="0 0 {width} {height + 14}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(', '.join(str(c) for c in counts))}</desc>",
    ]
    for i, c in enumerate(counts):
        h = height * c / top
        x = gap + i * (bar_w + gap)
        parts.append(
            f'<rect class="bar{" met" if c >= target else ""}" x="{x}" y="{height - h:.1f}" '
            f'width="{bar_w}" height="{h:.1f}" rx="3"/>'
        )
        parts.append(
            f'<text x="{x + bar_w / 2}" y="{height + 11}" font-size="9" text-anchor="middle" '
            f'fill="#666">{c}</text>'
        )
    ty = height - height * target / top
    parts.append(
        f'<line class="target" x1="0" x2="{width}" y1="{ty:.1f}" y2="{ty:.1f}" '
        'stroke="#999" stroke-dasharray="3 3"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))
