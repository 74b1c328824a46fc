// Small DOM helpers. Everything that shows data goes through textContent or setAttribute, never innerHTML:
// intake and outcome texts are health data typed by people, so markup in them must stay text.
import { getLang, tx } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * el('p', {class: 'x', id: 'y', text: 'z'}, child, ...). `text` sets textContent, `i18n` ([key, params])
 * a translated text, other keys become attributes (false/null/undefined ones are left out).
 */
export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'i18n') tx(node, value[0], value[1]);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/**
 * A text that exists in Dutch and English: shown in the current language only (the other when it lacks one),
 * marked with its lang attribute. refreshBilingual() shows the other language after a switch.
 */
export function bi(nlText, enText, { block = false, tag } = {}) {
  const node = document.createElement(tag || (block ? 'div' : 'span'));
  node.className = block ? 'bi bi-block' : 'bi';
  node.bpTexts = { nl: nlText, en: enText };
  renderBi(node);
  return node;
}

function renderBi(node) {
  const lang = getLang();
  const other = lang === 'nl' ? 'en' : 'nl';
  const block = node.classList.contains('bi-block');
  const own = node.bpTexts[lang] || '';
  clear(node);
  const partTag = block ? 'p' : 'span';
  // One language at a time: a coach reading Dutch never gets the English stacked under it.
  if (own) node.append(el(partTag, { class: 'bi-first', lang, text: own }));
  else if (node.bpTexts[other]) node.append(el(partTag, { class: 'bi-first', lang: other, text: node.bpTexts[other] }));
}

export function refreshBilingual(root = document) {
  for (const node of root.querySelectorAll('.bi')) {
    if (node.bpTexts) renderBi(node);
  }
}

/** Today as yyyy-mm-dd in local time (toISOString would give the UTC date). */
export function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A stored ISO date, written the local way (20-11-2026 / 20 Nov 2026) but unambiguous. */
export function formatDate(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso || '';
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return date.toLocaleDateString(getLang() === 'nl' ? 'nl-NL' : 'en-GB',
    { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(getLang() === 'nl' ? 'nl-NL' : 'en-GB',
    { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatScore(value) {
  if (typeof value !== 'number' || Number.isNaN(value)) return '–';
  return value.toLocaleString(getLang() === 'nl' ? 'nl-NL' : 'en-GB',
    { minimumFractionDigits: 1, maximumFractionDigits: 2 });
}

export function params() {
  return new URLSearchParams(location.search);
}
