"""The chat report's own stylesheet and script, inlined into the page so it works offline."""

from __future__ import annotations

CSS = """
:root { --ink:#22262b; --muted:#5d6670; --line:#dfe3e8; --bg:#fbfaf7; --card:#fff;
  --accent:#3b6ea8; --warn:#9a5b00; --good:#e4f2ea; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:var(--ink); background:var(--bg); }
header, main, footer { max-width: 980px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 0 0 8px; }
h3 { font-size: 1rem; margin: 12px 0 6px; }
.sub { color: var(--muted); margin: 0 0 12px; }
nav { display:flex; flex-wrap:wrap; gap:6px; margin: 12px 0; }
nav a { color: var(--accent); text-decoration:none; border:1px solid var(--line);
  border-radius: 99px; padding: 2px 10px; font-size: .85rem; background: var(--card); }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 16px; margin: 14px 0; }
.lead { margin: 0 0 10px; }
.stats { display:grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap:10px;
  margin: 8px 0 12px; }
.stat { border:1px solid var(--line); border-radius: 8px; padding: 8px 10px; }
.stat .num { display:block; font-size: 1.5rem; font-weight: 650; }
.stat .label { color: var(--muted); font-size: .85rem; }
details.why { margin-top: 4px; font-size: .82rem; color: var(--muted); }
details.why summary { cursor: pointer; color: var(--accent); }
details.why p { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: 6px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
svg.chart { width: 100%; height: auto; display:block; margin: 6px 0; }
svg .grid { stroke: var(--line); }
svg .tick, svg .rowlabel { font-size: 10px; fill: var(--muted); }
svg .rowlabel { font-size: 12px; fill: var(--ink); }
svg .inbar { font-size: 11px; fill: #fff; pointer-events: none; }
svg rect:hover, svg circle:hover { opacity: .75; }
svg .shade { fill: #eef0f6; }
svg .track { fill: #f4e4e1; }
svg .good { fill: var(--good); }
svg .anchor { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 3 2; }
svg .marker { fill: var(--accent); stroke: #fff; stroke-width: 2; }
svg .series.off { display: none; }
.legend { display:flex; flex-wrap: wrap; gap: 6px; }
.legend .lg { font: inherit; font-size: .8rem; border: 1px solid var(--line);
  background: var(--card);  border-radius: 99px; padding: 1px 8px; cursor: pointer; }
svg.sw { margin-right: 5px; vertical-align: -1px; }
.legend .lg[aria-pressed="false"] { opacity: .45; text-decoration: line-through; }
.note { background: #f6f3ea; border-left: 4px solid #d9c48f; padding: 8px 12px;
  border-radius: 6px; }
.safety { background: #fdf0ec; border-left: 4px solid #b04c4c; padding: 10px 14px;
  border-radius: 6px; margin: 12px 0; }
.examples { list-style: none; padding: 0; margin: 4px 0 8px; }
.examples li { border-left: 3px solid var(--line); padding: 2px 8px; margin: 4px 0; }
.examples q { font-style: italic; }
.examples .meta { color: var(--muted); font-size: .8rem; }
footer { color: var(--muted); font-size: .85rem; padding-bottom: 32px; }
@media print { nav, .legend { display: none; } details.why { display: block; } }
"""

#: Legend buttons hide and show a chart's series; everything else works without script.
SCRIPT = """
document.addEventListener('click', function (ev) {
  var b = ev.target.closest('button.lg');
  if (!b) return;
  var on = b.getAttribute('aria-pressed') !== 'true';
  b.setAttribute('aria-pressed', on ? 'true' : 'false');
  var svg = document.getElementById(b.dataset.chart);
  if (!svg) return;
  svg.querySelectorAll('.series[data-series="' + b.dataset.series + '"]').forEach(function (g) {
    g.classList.toggle('off', !on);
  });
});
"""
