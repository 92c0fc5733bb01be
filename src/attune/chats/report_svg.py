"""Small inline SVG charts for the chat report: no library, no JavaScript needed to read them.

Each chart is a string of ``<svg>`` markup. Every bar and point carries a
``<title>``, which browsers show as a tooltip on hover. Series carry a
``data-series`` index so the report's legend can hide and show them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape

PALETTE = ("#3b6ea8", "#d9822b", "#3f9c6d", "#a8557a", "#7d6bb0", "#8a7a4e", "#4c9db0", "#b04c4c")
EMOTION_PALETTE = ("#d9822b", "#3b6ea8", "#b04c4c", "#3f9c6d", "#7d6bb0", "#a8557a", "#4c9db0")


def color(i: int, palette: Sequence[str] = PALETTE) -> str:
    return palette[i % len(palette)]


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def swatch(fill: str) -> str:
    """A small colour square (SVG, so the page needs no inline style attributes)."""
    return (
        '<svg class="sw" width="10" height="10" aria-hidden="true">'
        f'<rect width="10" height="10" rx="2" fill="{fill}"/></svg>'
    )


def legend(chart_id: str, names: Sequence[str], palette: Sequence[str] = PALETTE) -> str:
    """Clickable legend entries (buttons) that toggle a chart's series."""
    items = "".join(
        f'<button type="button" class="lg" data-chart="{chart_id}" data-series="{i}" '
        f'aria-pressed="true">{swatch(color(i, palette))}{escape(n)}</button>'
        for i, n in enumerate(names)
    )
    return f'<div class="legend">{items}</div>'


def _frame(chart_id: str, width: int, height: int, label: str, body: str) -> str:
    return (
        f'<svg id="{chart_id}" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" preserveAspectRatio="xMinYMin meet">{body}</svg>'
    )


def _ticks(labels: Sequence[str], x_of: Callable[[int], float], y: float, most: int = 8) -> str:
    if not labels:
        return ""
    step = max(1, -(-len(labels) // most))
    out = []
    for i in range(0, len(labels), step):
        out.append(
            f'<text class="tick" x="{_num(x_of(i))}" y="{_num(y)}" '
            f'text-anchor="middle">{escape(labels[i])}</text>'
        )
    return "".join(out)


def _axis(top: float, left: float, right: float, bottom: float, vmax: float, fmt: str) -> str:
    out = []
    for frac in (0, 0.5, 1):
        y = bottom - (bottom - top) * frac
        value = vmax * frac
        text = (
            f"{value * 100:.0f}%" if fmt == "%" else _num(value) if vmax < 10 else f"{value:,.0f}"
        )
        out.append(
            f'<line class="grid" x1="{left}" x2="{right}" y1="{_num(y)}" y2="{_num(y)}"/>'
            f'<text class="tick" x="{left - 4}" y="{_num(y + 3)}" text-anchor="end">{text}</text>'
        )
    return "".join(out)


def stacked_bars(
    chart_id: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    unit: str = "messages",
    width: int = 720,
    height: int = 220,
) -> str:
    """Bars per period, one colour per series, stacked; a tooltip per segment."""
    left, right, top, bottom = 44, width - 8, 10, height - 24
    n = max(1, len(labels))
    names = list(series)
    totals = [sum(series[s][i] for s in names) for i in range(len(labels))]
    vmax = max(totals, default=0) or 1
    slot = (right - left) / n
    bar_w = max(1.0, slot * 0.8)
    body = [_axis(top, left, right, bottom, vmax, "")]
    for si, name in enumerate(names):
        parts = []
        for i, label in enumerate(labels):
            below = sum(series[s][i] for s in names[:si])
            v = series[name][i]
            if not v:
                continue
            h = (bottom - top) * v / vmax
            y = bottom - (bottom - top) * below / vmax - h
            parts.append(
                f'<rect x="{_num(left + i * slot + (slot - bar_w) / 2)}" y="{_num(y)}" '
                f'width="{_num(bar_w)}" height="{_num(h)}"><title>{escape(label)}: '
                f"{escape(name)}, {_num(v)} {unit}</title></rect>"
            )
        body.append(f'<g class="series" data-series="{si}" fill="{color(si)}">{"".join(parts)}</g>')
    body.append(_ticks(labels, lambda i: left + (i + 0.5) * slot, height - 8))
    return _frame(chart_id, width, height, f"{unit} per period", "".join(body))


def grouped_bars(
    chart_id: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    unit: str = "messages",
    width: int = 720,
    height: int = 200,
    shade: Sequence[int] = (),
    shade_title: str = "",
) -> str:
    """Bars side by side per category (hours, weekdays); ``shade`` marks some categories."""
    left, right, top, bottom = 44, width - 8, 10, height - 24
    n = max(1, len(labels))
    names = list(series)
    vmax = max((max(v, default=0) for v in series.values()), default=0) or 1
    slot = (right - left) / n
    inner = slot * 0.84 / max(1, len(names))
    body = []
    for i in shade:
        body.append(
            f'<rect class="shade" x="{_num(left + i * slot)}" y="{top}" width="{_num(slot)}" '
            f'height="{bottom - top}"><title>{escape(shade_title)}</title></rect>'
        )
    body.append(_axis(top, left, right, bottom, vmax, ""))
    for si, name in enumerate(names):
        parts = []
        for i, label in enumerate(labels):
            v = series[name][i]
            h = (bottom - top) * v / vmax
            x = left + i * slot + slot * 0.08 + si * inner
            parts.append(
                f'<rect x="{_num(x)}" y="{_num(bottom - h)}" width="{_num(max(inner, 1))}" '
                f'height="{_num(h)}"><title>{escape(label)}: {escape(name)}, '
                f"{_num(v)} {unit}</title></rect>"
            )
        body.append(f'<g class="series" data-series="{si}" fill="{color(si)}">{"".join(parts)}</g>')
    body.append(_ticks(labels, lambda i: left + (i + 0.5) * slot, height - 8, most=12))
    return _frame(chart_id, width, height, f"{unit} per category", "".join(body))


def line_chart(
    chart_id: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    width: int = 720,
    height: int = 220,
    palette: Sequence[str] = EMOTION_PALETTE,
) -> str:
    """Lines of shares (0-1) over periods, with a dot and tooltip at every point."""
    left, right, top, bottom = 44, width - 8, 10, height - 24
    n = len(labels)
    vmax = max((max(v, default=0) for v in series.values()), default=0) or 1
    vmax = min(1.0, vmax * 1.1)

    def x_of(i: int) -> float:
        return left + (right - left) * (i + 0.5) / max(1, n)

    body = [_axis(top, left, right, bottom, vmax, "%")]
    for si, (name, values) in enumerate(series.items()):
        pts = [(x_of(i), bottom - (bottom - top) * v / vmax) for i, v in enumerate(values)]
        path = " ".join(f"{_num(x)},{_num(y)}" for x, y in pts)
        dots = "".join(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3"><title>{escape(labels[i])}: '
            f"{escape(name)} in {values[i] * 100:.1f}% of text messages</title></circle>"
            for i, (x, y) in enumerate(pts)
        )
        c = color(si, palette)
        body.append(
            f'<g class="series" data-series="{si}" stroke="{c}" fill="{c}">'
            f'<polyline fill="none" stroke-width="2" points="{path}"/>{dots}</g>'
        )
    body.append(_ticks(labels, x_of, height - 8))
    return _frame(chart_id, width, height, "share of messages per period", "".join(body))


def split_bars(
    chart_id: str,
    rows: Sequence[tuple[str, Sequence[tuple[str, float, str]]]],
    *,
    width: int = 720,
    row_h: int = 30,
    unit: str = "",
) -> str:
    """One horizontal 100% bar per row, split into labelled, coloured segments."""
    left, right = 130, width - 8
    height = max(1, len(rows)) * row_h + 6
    body = []
    for r, (label, segments) in enumerate(rows):
        y = 4 + r * row_h
        total = sum(v for _, v, _ in segments) or 1
        x = float(left)
        body.append(
            f'<text class="rowlabel" x="{left - 6}" y="{y + row_h / 2 + 1:.0f}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        for seg_label, v, c in segments:
            w = (right - left) * v / total
            if v:
                pct = 100 * v / total
                body.append(
                    f'<rect x="{_num(x)}" y="{y}" width="{_num(w)}" height="{row_h - 8}" '
                    f'fill="{c}"><title>{escape(label)}: {escape(seg_label)}, {_num(v)}{unit} '
                    f"({pct:.0f}%)</title></rect>"
                )
                if w > 34:
                    body.append(
                        f'<text class="inbar" x="{_num(x + w / 2)}" y="{y + row_h / 2 + 1:.0f}" '
                        f'text-anchor="middle">{pct:.0f}%</text>'
                    )
            x += w
    return _frame(chart_id, width, height, "shares per person", "".join(body))


def ratio_gauge(chart_id: str, ratio: float | None, anchor: float, *, width: int = 720) -> str:
    """A 0-10 scale with the measured ratio and the research anchor marked."""
    left, right, height = 20, width - 20, 64
    top = 100 / 10

    def x_of(v: float) -> float:
        return left + (right - left) * min(v, top) / top

    body = [
        f'<rect class="track" x="{left}" y="22" width="{right - left}" height="12" rx="6"/>',
        f'<rect class="good" x="{_num(x_of(anchor))}" y="22" '
        f'width="{_num(right - x_of(anchor))}" height="12" rx="6"/>',
    ]
    for v in range(0, 11):
        body.append(
            f'<text class="tick" x="{_num(x_of(v))}" y="52" text-anchor="middle">{v}:1</text>'
        )
    body.append(
        f'<line class="anchor" x1="{_num(x_of(anchor))}" x2="{_num(x_of(anchor))}" y1="14" '
        f'y2="42"><title>research anchor {_num(anchor)}:1</title></line>'
    )
    if ratio is not None:
        body.append(
            f'<circle class="marker" cx="{_num(x_of(ratio))}" cy="28" r="9">'
            f"<title>this chat during conflict: {ratio:.1f}:1</title></circle>"
        )
    return _frame(chart_id, width, height, "positive to negative ratio", "".join(body))
