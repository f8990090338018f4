/**
 * The page's one stylesheet and the SVG patterns every chart shares. Colours are CSS variables
 * with a light and a dark set (prefers-color-scheme); print forces the light set on A4.
 */

/** Engineer colours: light fills take dark text, dark fills take white text (contrast >= 4.5:1). */
const ENGINEER_LIGHT = ['#8ecae6', '#ffc857', '#95d5b2', '#f4a6a6', '#c3b1e1', '#d9b38c', '#d4e157', '#7fd1c7'];
const ENGINEER_DARK = ['#1f5f8b', '#8a5a00', '#2d6a4f', '#9b2c2c', '#5b3f8c', '#7a5230', '#55600a', '#0f6e66'];
export const ENGINEER_COLOURS = ENGINEER_LIGHT.length;

const LIGHT = `--bg:#fff;--fg:#1b1b1b;--muted:#555;--line:#767676;--panel:#f3f4f6;--err:#b00020;--warn:#8a5300;--info:#0b5cad;--ok:#1d6b36;--bar-text:#111;--post:#9cc3ea;--pre:#cdb8ee;--free:#fff;--away:#fde7c4;--gap:#f8d0d0;--thin:#e2e2e2;${ENGINEER_LIGHT.map((c, i) => `--e${i}:${c}`).join(';')}`;
const DARK = `--bg:#121417;--fg:#ececec;--muted:#b4b4b4;--line:#8c8c8c;--panel:#1d2126;--err:#ff8a80;--warn:#ffc46b;--info:#8ab4f8;--ok:#81c995;--bar-text:#fff;--post:#1f5f8b;--pre:#5b3f8c;--free:#121417;--away:#5a3f12;--gap:#6b2323;--thin:#3a3a3a;${ENGINEER_DARK.map((c, i) => `--e${i}:${c}`).join(';')}`;

export const STYLES = `
:root{color-scheme:light dark;${LIGHT}}
@media (prefers-color-scheme:dark){:root{${DARK}}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1.5rem;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--info)}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .25rem}
.sub,.note{color:var(--muted)}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.5rem 0 0;list-style:none}
figure{margin:.5rem 0}
svg.chart{display:block;width:100%;height:auto;font-family:inherit}
svg.defs{position:absolute;width:0;height:0;overflow:hidden}
svg text{fill:var(--fg);font-size:12px}
svg .muted{fill:var(--muted)}
svg .on-bar{fill:var(--bar-text);font-size:11px}
svg .axis{stroke:var(--line);stroke-width:1}
svg .limit{stroke:var(--err);stroke-width:2;stroke-dasharray:6 3}
svg .frame{fill:none;stroke:var(--fg);stroke-width:1}
svg .post{fill:var(--post)}
svg .pre{fill:var(--pre)}
svg .free{fill:var(--free);stroke:var(--line)}
svg .over{fill:var(--err)}
svg .primary{fill:var(--post);stroke:var(--fg);stroke-width:1}
svg .backup{fill:var(--free);stroke:var(--fg);stroke-width:1}
svg .hatch-line{stroke:var(--fg);stroke-width:1.5}
svg .dot{fill:var(--fg)}
svg .day{fill:var(--bg);stroke:var(--line)}
svg .day.away{fill:var(--away)}
svg .day.gap{fill:var(--gap);stroke:var(--err);stroke-width:2}
svg .day.thin{stroke:var(--warn);stroke-width:3;stroke-dasharray:4 2}
svg .day.out{fill:var(--panel);stroke:none}
svg .today{fill:none;stroke:var(--fg);stroke-width:2.5}
svg .bar{stroke:var(--fg);stroke-width:.75}
svg .mark{fill:var(--bg);stroke:var(--fg);stroke-width:1.5}
svg .end-mark{stroke:var(--fg);stroke-width:2}
${ENGINEER_LIGHT.map((_, i) => `svg .e${i}{fill:var(--e${i})}`).join('\n')}
.swatch{display:inline-block;width:1.1em;height:1.1em;margin-right:.3em;vertical-align:-.2em;border:1px solid var(--fg)}
${ENGINEER_LIGHT.map((_, i) => `.swatch.e${i}{background:var(--e${i})}`).join('\n')}
.swatch.post{background:var(--post)}
.swatch.striped{background-image:repeating-linear-gradient(45deg,transparent 0 3px,var(--fg) 3px 4px)}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.25rem 0;list-style:none}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid var(--line)}
.d{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.items{list-style:none;padding:0;margin:0}
.items li{padding:.4rem .6rem;margin:.3rem 0;border-left:.35rem solid var(--line);background:var(--panel)}
.items li.error{border-left-color:var(--err)}
.items li.warning{border-left-color:var(--warn)}
.items li.info{border-left-color:var(--info)}
.sev{font-weight:700;margin-right:.4rem}
.error .sev{color:var(--err)}
.warning .sev{color:var(--warn)}
.info .sev{color:var(--info)}
.flag{font-weight:600;color:var(--err)}
.needed{font-weight:600;color:var(--warn)}
.ok{color:var(--ok)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.summary{font-size:1.1rem;font-weight:600}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@page{size:A4;margin:14mm 12mm}
@media print{
:root{color-scheme:light;${LIGHT}}
body{max-width:none;padding:0;font-size:10.5pt}
nav{display:none}
h2{break-after:avoid;margin-top:1.2rem}
figure,tr,.items li{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`;

/** Patterns referenced by url(#...) from every chart; drawn in the page's foreground colour. */
export const SVG_DEFS = `<svg class="defs" aria-hidden="true" focusable="false"><defs>
<pattern id="p-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch-line" x1="0" y1="0" x2="0" y2="6"/></pattern>
<pattern id="p-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle class="dot" cx="3" cy="3" r="1.1"/></pattern>
<pattern id="p-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><line class="hatch-line" x1="0" y1="0" x2="0" y2="8"/></pattern>
</defs></svg>`;
