// Typesets lesson formulas with MathJax 3 into SVG that QtSvg can draw.
//   node render.cjs IN.json OUT.json
// IN is a list of {"tex": "...", "display": true|false}; OUT gets one result per formula, in
// order: {"ok": true, "svg": "<svg…>", "width": em, "ascent": em, "descent": em} or
// {"ok": false, "error": "MathJax's message"}. The exit status is 0 whenever OUT was written
// (formula errors are results, for the caller to report with their file and line), 2 otherwise.
//
// What QtSvg needs, and MathJax does not do by itself:
// - an unknown macro or a syntax error is an error, never red text in the output (no
//   'noundefined' or 'noerrors' package, and formatError rethrows);
// - equation numbers (\tag) lay out on a full-width line: refused;
// - nested <svg> elements (stretchy arrows, braces) are ignored by QtSvg: rewritten as
//   <g transform="…"> with the same placement;
// - text in \text{…} (Chinese) uses the UI's font, not a generic serif.
'use strict';

const fs = require('fs');
const {mathjax} = require('mathjax-full/js/mathjax.js');
const {TeX} = require('mathjax-full/js/input/tex.js');
const {SVG} = require('mathjax-full/js/output/svg.js');
const {liteAdaptor} = require('mathjax-full/js/adaptors/liteAdaptor.js');
const {RegisterHTMLHandler} = require('mathjax-full/js/handlers/html.js');
require('mathjax-full/js/input/tex/base/BaseConfiguration.js');
require('mathjax-full/js/input/tex/ams/AmsConfiguration.js');
require('mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js');
require('mathjax-full/js/input/tex/color/ColorConfiguration.js');
require('mathjax-full/js/input/tex/cancel/CancelConfiguration.js');
require('mathjax-full/js/input/tex/mathtools/MathtoolsConfiguration.js');

const PACKAGES = ['base', 'ams', 'boldsymbol', 'color', 'cancel', 'mathtools'];
const REFUSED = {
  '\\tag': 'equation numbers (\\tag) are not supported; number equations in the text',
  '\\label': 'labels (\\label) are not supported; refer to equations in the text',
  '\\eqref': 'equation references (\\eqref) are not supported',
  '\\ref': 'equation references (\\ref) are not supported',
  '\\newcommand': 'macro definitions are not supported; write the macro out',
  '\\renewcommand': 'macro definitions are not supported; write the macro out',
  '\\def': 'macro definitions are not supported; write the macro out',
  '\\require': '\\require is not supported; lessons use a fixed set of packages',
};
const TEXT_FONT = 'Noto Sans CJK SC';

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
const tex = new TeX({
  packages: PACKAGES,
  formatError: (jax, error) => { throw error; },
});
// Every glyph as its own path (no <defs> and <use>): the plainest SVG for QtSvg to draw.
const svg = new SVG({fontCache: 'none'});
const html = mathjax.document('', {InputJax: tex, OutputJax: svg});

function refused(source) {
  for (const match of source.matchAll(/\\[A-Za-z]+/g)) {
    if (REFUSED[match[0]]) return REFUSED[match[0]];
  }
  return null;
}

function numbers(text) {
  return String(text).trim().split(/[\s,]+/).map(Number);
}

// <svg x y width height viewBox preserveAspectRatio> inside the root → <g transform>.
function flattenNestedSvg(node, isRoot) {
  if (!node || node.kind === '#text' || node.kind === '#comment' || !node.children) return;
  if (node.kind === 'svg' && !isRoot) {
    const a = node.attributes;
    const x = Number(a.x || 0), y = Number(a.y || 0);
    let transform = `translate(${x},${y})`;
    if (a.viewBox !== undefined) {
      const [vx, vy, vw, vh] = numbers(a.viewBox);
      const w = a.width !== undefined ? Number(a.width) : vw;
      const h = a.height !== undefined ? Number(a.height) : vh;
      let sx = vw > 0 ? w / vw : 1, sy = vh > 0 ? h / vh : 1;
      let tx = 0, ty = 0;
      const par = String(a.preserveAspectRatio || 'xMidYMid meet').trim();
      if (!par.startsWith('none')) {
        const s = par.includes('slice') ? Math.max(sx, sy) : Math.min(sx, sy);
        const align = par.split(/\s+/)[0];
        const fx = align.includes('xMid') ? 0.5 : align.includes('xMax') ? 1 : 0;
        const fy = align.includes('YMid') ? 0.5 : align.includes('YMax') ? 1 : 0;
        tx = (w - vw * s) * fx;
        ty = (h - vh * s) * fy;
        sx = sy = s;
      }
      transform += ` translate(${tx},${ty}) scale(${sx},${sy}) translate(${-vx},${-vy})`;
    }
    const kept = {};
    for (const [k, v] of Object.entries(a)) {
      if (!['x', 'y', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'overflow'].includes(k)) kept[k] = v;
    }
    kept.transform = transform;
    node.kind = 'g';
    node.attributes = kept;
  }
  if (node.kind === 'text' && node.attributes) {
    node.attributes['font-family'] = TEXT_FONT;
  }
  for (const child of node.children) flattenNestedSvg(child, false);
}

function typeset(item) {
  const source = String(item.tex);
  const display = Boolean(item.display);
  const problem = refused(source);
  if (problem) return {ok: false, error: problem};
  let container;
  try {
    container = html.convert(source, {display, em: 16, ex: 8, containerWidth: 1280});
  } catch (error) {
    return {ok: false, error: String(error && error.message ? error.message : error)};
  }
  const root = adaptor.firstChild(container);
  const markup = adaptor.outerHTML(root);
  if (markup.includes('data-mml-node="merror"')) {
    return {ok: false, error: 'MathJax reported an error in this formula'};
  }
  const [vx, vy, vw, vh] = numbers(adaptor.getAttribute(root, 'viewBox'));
  if (![vx, vy, vw, vh].every(Number.isFinite) || vw <= 0 || vh <= 0) {
    return {ok: false, error: 'MathJax produced no drawable output (empty formula?)'};
  }
  if (String(adaptor.getAttribute(root, 'width')).includes('%')) {
    return {ok: false, error: 'this formula needs the full line width (an equation number?), which is not supported'};
  }
  flattenNestedSvg(root, true);
  // Sizes in em; the app scales to its font. QtSvg reads plain numbers, not ex units.
  adaptor.removeAttribute(root, 'style');
  adaptor.setAttribute(root, 'width', String(vw / 1000 * 16));
  adaptor.setAttribute(root, 'height', String(vh / 1000 * 16));
  return {
    ok: true,
    svg: adaptor.outerHTML(root),
    width: vw / 1000,
    ascent: -vy / 1000,
    descent: (vy + vh) / 1000,
  };
}

function main() {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write('usage: node render.cjs IN.json OUT.json\n');
    return 2;
  }
  let items;
  try {
    items = JSON.parse(fs.readFileSync(input, 'utf8'));
  } catch (error) {
    process.stderr.write(`render.cjs: ${input}: ${error.message}\n`);
    return 2;
  }
  if (!Array.isArray(items)) {
    process.stderr.write(`render.cjs: ${input}: expected a list of formulas\n`);
    return 2;
  }
  const results = items.map(typeset);
  fs.writeFileSync(output, JSON.stringify(results));
  return 0;
}

process.exitCode = main();
