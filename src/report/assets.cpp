// The report page's inline style sheet and script (src/report/page.cpp writes
// them into <style> and <script>). Constants, so the page needs no network and
// the same inputs give the same bytes.
#include "report/internal.hpp"

namespace quotegraph::report::detail {

// Layout: one article with panels beside it, or several articles in columns
// that stack on a phone-width screen. Highlights: content = tinted background
// with a bottom rule, speaker = bold with a thick underline, cue = dashed box,
// all in the speaker's colour (--c, tint --t; one class per speaker, written by
// page.cpp). Print: no tooltip, columns stacked, highlight colours kept.
const char* const kStyleSheet = R"CSS(
:root { --ink: #1b1b1b; --muted: #5f6368; --rule: #d0d4d9; --paper: #ffffff; --panel: #f6f7f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: #0b57d0; }
.qg-skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 20; }
.qg-skip:focus { left: .5rem; }
.qg-header, main, .qg-footer { max-width: 96rem; margin: 0 auto; padding: 0 1.25rem; }
.qg-header { padding-top: 1rem; border-bottom: 1px solid var(--rule); }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .25rem 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.qg-meta, .qg-note { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
.qg-legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; font-size: .9rem;
  margin: .5rem 0 .75rem; }
.qg-legend .qg-help { color: var(--muted); }
.qg-sample { --c: #44546a; --t: #e3e7ec; }
.qg-layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 2rem; }
.qg-columns { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(20rem, 1fr); gap: 1.5rem;
  overflow-x: auto; }
.qg-article h2 { margin-top: 1rem; }
.qg-article .qg-meta { margin-bottom: .75rem; }
.qg-headline { font-weight: 600; margin: .25rem 0 0; }
.qg-meta a { color: inherit; overflow-wrap: anywhere; }
.qg-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif;
  font-size: 1.05rem; line-height: 1.75; margin: 0; }
.qg-chrome { margin-top: 1rem; padding: .5rem .75rem; border-left: 4px solid #b9bec6; background: #f1f2f4;
  color: #6b7078; }
.qg-chrome-label { font: 600 .8rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em;
  margin: 0 0 .25rem; color: #5f6368; }
.qg-chrome .qg-text { font-size: .95rem; }
mark.qg-content { color: inherit; background: var(--t, #eee); border-bottom: 2px solid var(--c, #888);
  border-radius: 2px; padding: 0 1px; cursor: help;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.qg-content mark.qg-content { border-bottom-width: 3px; border-bottom-style: double; }
mark.qg-content:focus { outline: 3px solid #111; outline-offset: 2px; }
mark.qg-content:focus:not(:focus-visible) { outline: 2px solid #111; }
.qg-linked { outline: 2px dashed var(--c, #111); outline-offset: 2px; }
:target { outline: 3px solid #f0a500; outline-offset: 2px; }
[id] { scroll-margin-top: 30vh; }
.qg-speaker { font-weight: 700; border-bottom: 3px solid var(--c, #888); padding-bottom: 1px;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.qg-cue { font-style: italic; border: 1px dashed var(--c, #888); border-radius: 3px; padding: 0 2px; }
.qg-frame { text-decoration: underline wavy #b3261e; text-decoration-thickness: 1px; text-underline-offset: 4px; }
.qg-echo { border-bottom: 2px dotted #6a1b9a; }
.qg-none { --c: #8a8f98; --t: #eceef1; }
.qg-swatch { display: inline-block; width: .85em; height: .85em; border-radius: 50%; background: var(--c);
  vertical-align: -.05em; margin-right: .3em; border: 1px solid rgba(0,0,0,.25); }
.qg-panels section, .qg-column-panels section { background: var(--panel); border: 1px solid var(--rule);
  border-radius: 6px; padding: .25rem .9rem .75rem; margin: 1rem 0; }
.qg-panels h2, .qg-column-panels h2 { font-size: 1.05rem; margin: .6rem 0 .4rem; }
.qg-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; background: rgba(0,0,0,.035); }
.qg-sub { display: block; font-weight: 400; color: var(--muted); font-size: .82rem; margin-top: .15rem; }
td.qg-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.qg-share { display: flex; height: .5rem; width: 6rem; border-radius: 3px; overflow: hidden; background: #dde1e6;
  margin-top: .25rem; }
.qg-share span { display: block; height: 100%; }
.qg-share .qg-direct { background: #33415c; }
.qg-share .qg-mixed { background: #7d8aa3; }
ul.qg-list { padding-left: 1.1rem; margin: .25rem 0; }
ul.qg-list li { margin: .35rem 0; }
.qg-badge { display: inline-block; font: 600 .75rem/1.5 system-ui, sans-serif; padding: 0 .4rem; border-radius: 999px;
  background: #e8eaed; color: #202124; white-space: nowrap; }
.qg-badge.qg-finding { background: #fce8e6; color: #8c1d18; }
.qg-badge.qg-finding.qg-sev-medium { background: #fff4d6; color: #6b4e00; }
.qg-badge.qg-finding.qg-sev-low { background: #eef0f2; color: #3b4046; }
.qg-warning { border-left: 4px solid #b3261e; padding: .4rem .8rem; background: #fce8e6; }
ol.qg-top { margin: .3rem 0 1rem; }
.qg-quote { font-family: Georgia, serif; }
.qg-graph figure { margin: 0; overflow-x: auto; border: 1px solid var(--rule); border-radius: 6px; padding: .5rem; }
.qg-graph svg { max-width: 100%; height: auto; }
.qg-graph figcaption { color: var(--muted); font-size: .85rem; margin-top: .4rem; }
.qg-tip { position: absolute; z-index: 10; max-width: min(28rem, calc(100vw - 1rem)); background: #fff; color: var(--ink);
  border: 1px solid #3c4043; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.2); padding: .5rem .75rem;
  font: .88rem/1.4 system-ui, sans-serif; pointer-events: none; }
.qg-tip[hidden] { display: none; }
.qg-tip dl, .qg-tipsrc dl { display: grid; grid-template-columns: auto 1fr; gap: .15rem .75rem; margin: 0; }
.qg-tip dt { font-weight: 600; color: var(--muted); }
.qg-tip dd { margin: 0; }
.qg-footer { color: var(--muted); font-size: .85rem; padding-top: 1rem; padding-bottom: 2rem;
  border-top: 1px solid var(--rule); margin-top: 2rem; }
@media (max-width: 60rem) {
  .qg-layout { grid-template-columns: minmax(0, 1fr); gap: 0; }
}
@media (max-width: 48rem) {
  .qg-columns { grid-auto-flow: row; grid-auto-columns: auto; grid-template-columns: minmax(0, 1fr); overflow-x: visible; }
  .qg-header, main, .qg-footer { padding: 0 .75rem; }
  .qg-text { font-size: 1rem; line-height: 1.65; }
  h1 { font-size: 1.25rem; }
}
@media print {
  body { font-size: 10pt; }
  .qg-tip, .qg-skip, .qg-legend .qg-help { display: none !important; }
  .qg-layout, .qg-columns { display: block; overflow: visible; }
  .qg-columns > article { break-before: page; }
  .qg-columns > article:first-child { break-before: auto; }
  mark, .qg-cue, .qg-speaker, .qg-swatch, .qg-share span, .qg-chrome { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  tr, li, figure { break-inside: avoid; }
  .qg-graph figure, .qg-scroll { overflow: visible; }
  .qg-panels section, .qg-column-panels section { background: none; }
}
)CSS";

// Tooltip: one floating box (#qg-tip) that shows a copy of the focused or
// hovered statement's details (the hidden element its aria-describedby names);
// focusing a statement also outlines the statements aligned with it in the
// other columns. Esc hides the box. Only DOM nodes of the page are copied.
const char* const kScript = R"JS(
(function () {
  "use strict";
  var tip = document.getElementById("qg-tip");
  if (!tip) return;
  var shown = null;
  var linked = [];
  function primaryOf(node) {
    var el = node && node.closest ? node.closest("[data-qg-ref]") : null;
    return el ? document.getElementById(el.getAttribute("data-qg-ref")) : null;
  }
  function place(el) {
    var rects = el.getClientRects();
    var r = rects.length ? rects[0] : el.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, width - tip.offsetWidth - 8));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  function unlink() {
    linked.forEach(function (el) { el.classList.remove("qg-linked"); });
    linked = [];
  }
  function show(el) {
    if (!el) return;
    var src = document.getElementById(el.getAttribute("aria-describedby") || "");
    if (!src) return;
    unlink();
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    Array.prototype.forEach.call(src.childNodes, function (n) { tip.appendChild(n.cloneNode(true)); });
    tip.hidden = false;
    place(el);
    shown = el;
    var group = el.getAttribute("data-qg-group");
    if (group) {
      document.querySelectorAll("mark.qg-content[data-qg-group]").forEach(function (m) {
        if (m.getAttribute("data-qg-group") === group && m !== el) { m.classList.add("qg-linked"); linked.push(m); }
      });
    }
  }
  function hide() {
    tip.hidden = true;
    shown = null;
    unlink();
  }
  document.addEventListener("focusin", function (e) {
    var el = primaryOf(e.target);
    if (el && el === e.target) show(el); else if (shown) hide();
  });
  document.addEventListener("focusout", function (e) {
    if (shown && e.target === shown) hide();
  });
  document.addEventListener("mouseover", function (e) {
    var el = primaryOf(e.target);
    if (el) { if (el !== shown) show(el); }
    else if (shown && shown !== document.activeElement) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && shown) hide();
  });
  window.addEventListener("resize", function () { if (shown) place(shown); });
})();
)JS";

}  // namespace quotegraph::report::detail
