// Inline SVG charts. Colours come from CSS classes (bar-TYPE, line-TYPE); geometry from presentation
// attributes, which the CSP allows (no style attributes). Every chart has a <title>/<desc> and a table twin.
import { el, formatDate, formatScore, svg } from './dom.js';
import { t, txAttr } from './i18n.js';

export const TYPES = ['CONTEXTUAL', 'RELATIONAL', 'PHYSIOLOGICAL', 'IDENTITY'];
// Colour is never the only signal: each type also has its own marker shape and dash pattern.
const MARKERS = { CONTEXTUAL: 'circle', RELATIONAL: 'square', PHYSIOLOGICAL: 'triangle', IDENTITY: 'diamond' };
const DASHES = { CONTEXTUAL: null, RELATIONAL: '7 4', PHYSIOLOGICAL: '2 3', IDENTITY: '9 3 2 3' };
const SAFETY_MARK = { CLEAR: '✓', REFER: '⚠', URGENT: '!' };

let chartCount = 0;

function niceMax(value) {
  if (value <= 4) return 4;
  if (value <= 10) return Math.ceil(value / 2) * 2;
  return Math.ceil(value / 5) * 5;
}

function score(scores, type) {
  const v = scores ? scores[type] : undefined;
  return typeof v === 'number' ? v : 0;
}

/** Horizontal bars of the four type scores; the primary one is outlined and marked in words. */
export function typeBarChart(scores, primary) {
  const id = `typechart-${++chartCount}`;
  const width = 640;
  const rowH = 40;
  const top = 8;
  const labelW = 150;
  const valueW = 130;
  const plotW = width - labelW - valueW;
  const values = TYPES.map((type) => score(scores, type));
  const lo = Math.min(0, ...values);
  const hi = niceMax(Math.max(1, ...values));
  const x = (v) => labelW + ((v - lo) / (hi - lo)) * plotW;
  const height = top + TYPES.length * rowH + 8;

  const description = TYPES.map((type, i) => `${t('type.' + type)} ${formatScore(values[i])}`).join(', ');
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart chart-bars', role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`, focusable: 'false'
  },
  svg('title', { id: `${id}-title`, text: t('chart.typeTitle') }),
  svg('desc', { id: `${id}-desc`, text: t('chart.typeDesc', { list: description }) }));

  chart.append(svg('line', {
    x1: x(0), x2: x(0), y1: top - 4, y2: height - 4, class: 'axis'
  }));
  TYPES.forEach((type, i) => {
    const y = top + i * rowH;
    const v = values[i];
    const isPrimary = type === primary;
    const label = t('type.' + type);
    chart.append(
      svg('text', {
        x: labelW - 10, y: y + rowH / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle',
        class: isPrimary ? 'label label-primary' : 'label', text: label
      }),
      svg('rect', {
        x: Math.min(x(0), x(v)), y: y + 7, width: Math.max(Math.abs(x(v) - x(0)), 2), height: rowH - 14,
        rx: 3, class: `bar bar-${type}${isPrimary ? ' bar-primary' : ''}`
      }),
      svg('text', {
        x: Math.max(x(0), x(v)) + 8, y: y + rowH / 2, 'dominant-baseline': 'middle', class: 'value',
        text: formatScore(v) + (isPrimary ? ' ' + t('chart.primaryMark') : '')
      }));
  });

  const table = el('table', { class: 'visually-hidden chart-table' },
    el('caption', { text: t('chart.typeTitle') }),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: t('chart.type') }),
      el('th', { scope: 'col', text: t('chart.score') }))),
    el('tbody', {}, TYPES.map((type, i) => el('tr', {},
      el('th', { scope: 'row', text: t('type.' + type) + (type === primary ? ' ' + t('chart.primaryMark') : '') }),
      el('td', { text: formatScore(values[i]) })))));
  return el('div', { class: 'chart-box' }, chart, table);
}

function marker(type, cx, cy, r = 5) {
  switch (MARKERS[type]) {
    case 'square':
      return svg('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, class: `marker marker-${type}` });
    case 'triangle':
      return svg('polygon', {
        points: `${cx},${cy - r - 1} ${cx + r + 1},${cy + r} ${cx - r - 1},${cy + r}`, class: `marker marker-${type}`
      });
    case 'diamond':
      return svg('polygon', {
        points: `${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`,
        class: `marker marker-${type}`
      });
    default:
      return svg('circle', { cx, cy, r, class: `marker marker-${type}` });
  }
}

/** A small sample of a type's line and marker, for legends. */
export function legendSwatch(type) {
  const node = svg('svg', { viewBox: '0 0 36 14', width: 36, height: 14, 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: 1, x2: 35, y1: 7, y2: 7, class: `line line-${type}`, 'stroke-dasharray': DASHES[type] }),
    marker(type, 18, 7, 4));
  return node;
}

/**
 * How big texts are when the page draws them ({width, height} each): measured in a hidden SVG with the same classes,
 * so with the same CSS, fonts and any minimum font size of the browser; estimated when the browser cannot measure.
 */
function textSizes(items) {
  const probe = svg('svg', { class: 'chart chart-probe', width: 1, height: 1, 'aria-hidden': 'true', focusable: 'false' });
  const nodes = items.map(({ text, cls }) => svg('text', { x: 0, y: 20, class: cls, text }));
  probe.append(...nodes);
  document.body.append(probe);
  try {
    return nodes.map((node, i) => {
      let width = 0;
      let height = 0;
      try {
        width = node.getComputedTextLength();
        height = node.getBBox().height;
      } catch {
        // not measurable (no layout): estimate below
      }
      return { width: width > 0 ? width : items[i].text.length * 9, height: height > 0 ? height : 16 };
    });
  } finally {
    probe.remove();
  }
}

/**
 * The four type scores over the meetings (oldest first), with the stage and safety of each meeting in
 * labelled rows under the x axis.
 */
export function courseChart(meetings) {
  const id = `coursechart-${++chartCount}`;
  const n = meetings.length;
  const all = meetings.flatMap((m) => TYPES.map((type) => score(m.outcome && m.outcome.presentation
    && m.outcome.presentation.scores, type)));
  const lo = Math.min(0, ...all);
  const hi = niceMax(Math.max(1, ...all));
  const step = hi <= 6 ? 1 : hi <= 12 ? 2 : 5;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) ticks.push(v);

  const columns = meetings.map((m) => {
    const outcome = m.outcome || {};
    const stage = (outcome.stage && outcome.stage.stage) || 'UNDETERMINED';
    const safety = (outcome.safety && outcome.safety.status) || 'CLEAR';
    return {
      date: formatDate(m.date),
      stage: t('stage.' + stage),
      safety,
      safetyText: `${SAFETY_MARK[safety] || ''} ${t('safety.short.' + safety)}`
    };
  });
  const rowLabels = [t('chart.date'), t('chart.stageRow'), t('chart.safetyRow')];

  // Room from what is written, not from fixed numbers: the row titles and tick values fit left of the plot, every
  // column is wider than its widest label, and the rows are as far apart as their texts are high, so no label
  // reaches a row title, another label or the edge, whatever the font.
  const sizes = textSizes([
    ...rowLabels.map((text) => ({ text, cls: 'row-label' })),
    ...ticks.map((v) => ({ text: String(v), cls: 'tick' })),
    ...columns.flatMap((c) => [
      { text: c.date, cls: 'tick' },
      { text: c.stage, cls: 'stage-label' },
      { text: c.safetyText, cls: `safety-label safety-label-${c.safety}` }])
  ]);
  const titles = sizes.slice(0, rowLabels.length + ticks.length);
  const labels = sizes.slice(rowLabels.length + ticks.length);
  const widest = (list) => Math.max(0, ...list.map((size) => size.width));
  const highest = (list) => Math.max(0, ...list.map((size) => size.height));
  const tickH = highest(sizes.slice(rowLabels.length, rowLabels.length + ticks.length));
  const [dateH, stageH, safetyH] = [0, 1, 2].map((row) => Math.max(sizes[row].height,
    highest(labels.filter((size, i) => i % 3 === row))));
  // a row's baseline sits below the previous row's descent plus its own ascent (about 0.8 of the text's height)
  const below = (previousDescent, height, least) => Math.max(least, Math.ceil(previousDescent + 0.8 * height + 4));

  const gap = 10;        // between a row title and the plot
  const padding = 12;    // at least this much on each side of a column's widest label
  const left = Math.ceil(widest(titles) + gap + padding);
  const right = 16;
  const column = Math.max(130, Math.ceil(widest(labels) + 2 * padding));
  const top = 16;
  const plotH = 220;
  const width = Math.max(760, left + right + n * column);
  const plotW = width - left - right;
  const rowDate = top + plotH + below(tickH / 2, dateH, 22);
  const rowStage = rowDate + below(0.3 * dateH, stageH, 26);
  const rowSafety = rowStage + below(0.3 * stageH, safetyH, 24);
  const height = rowSafety + Math.max(16, Math.ceil(0.3 * safetyH + 6));
  // each meeting sits in the middle of its own column, so its labels never run into the row titles
  const x = (i) => left + ((i + 0.5) * plotW) / n;
  const y = (v) => top + plotH - ((v - lo) / (hi - lo)) * plotH;

  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width, class: 'chart chart-course', role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`, focusable: 'false'
  },
  svg('title', { id: `${id}-title`, text: t('chart.courseTitle') }),
  svg('desc', { id: `${id}-desc`, text: t('chart.courseDesc') }));

  for (const v of ticks) {
    chart.append(
      svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }),
      svg('text', {
        x: left - gap, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'tick', text: String(v)
      }));
  }
  chart.append(
    svg('text', { x: left - gap, y: rowDate, 'text-anchor': 'end', class: 'row-label', text: rowLabels[0] }),
    svg('text', { x: left - gap, y: rowStage, 'text-anchor': 'end', class: 'row-label', text: rowLabels[1] }),
    svg('text', { x: left - gap, y: rowSafety, 'text-anchor': 'end', class: 'row-label', text: rowLabels[2] }));

  columns.forEach((c, i) => {
    chart.append(
      svg('line', { x1: x(i), x2: x(i), y1: top, y2: top + plotH, class: 'grid grid-meeting' }),
      svg('text', { x: x(i), y: rowDate, 'text-anchor': 'middle', class: 'tick', text: c.date }),
      svg('text', { x: x(i), y: rowStage, 'text-anchor': 'middle', class: 'stage-label', text: c.stage }),
      svg('text', {
        x: x(i), y: rowSafety, 'text-anchor': 'middle', class: `safety-label safety-label-${c.safety}`,
        text: c.safetyText
      }));
  });

  for (const type of TYPES) {
    const points = meetings.map((m, i) => {
      const scores = m.outcome && m.outcome.presentation && m.outcome.presentation.scores;
      return [x(i), y(score(scores, type)), score(scores, type), m.date];
    });
    if (n > 1) {
      chart.append(svg('polyline', {
        points: points.map(([px, py]) => `${px},${py}`).join(' '), class: `line line-${type}`,
        'stroke-dasharray': DASHES[type], fill: 'none'
      }));
    }
    for (const [px, py, v, date] of points) {
      const dot = marker(type, px, py);
      dot.append(svg('title', { text: `${t('type.' + type)}: ${formatScore(v)} (${formatDate(date)})` }));
      chart.append(dot);
    }
  }

  const scroll = el('div', { class: 'chart-scroll', tabindex: '0', role: 'group' }, chart);
  txAttr(scroll, 'aria-label', 'chart.scrollHint');
  const legend = el('ul', { class: 'legend', 'aria-label': t('chart.legend') },
    TYPES.map((type) => el('li', {}, legendSwatch(type), ' ', t('type.' + type))));

  const table = el('table', { class: 'visually-hidden chart-table' },
    el('caption', { text: t('chart.courseTitle') }),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: t('chart.date') }),
      TYPES.map((type) => el('th', { scope: 'col', text: t('type.' + type) })),
      el('th', { scope: 'col', text: t('case.primary') }),
      el('th', { scope: 'col', text: t('chart.stageRow') }),
      el('th', { scope: 'col', text: t('chart.safetyRow') }))),
    el('tbody', {}, meetings.map((m) => {
      const outcome = m.outcome || {};
      const p = outcome.presentation || {};
      return el('tr', {},
        el('th', { scope: 'row', text: formatDate(m.date) }),
        TYPES.map((type) => el('td', { text: formatScore(score(p.scores, type)) })),
        el('td', { text: t('type.' + (p.primary || 'UNDETERMINED')) }),
        el('td', { text: t('stage.' + ((outcome.stage && outcome.stage.stage) || 'UNDETERMINED')) }),
        el('td', { text: t('safety.short.' + ((outcome.safety && outcome.safety.status) || 'CLEAR')) }));
    })));
  return el('div', { class: 'chart-box' }, scroll, legend, table);
}

// Series of the team course chart take the four type styles, then a fifth: colour, marker and dash differ each.
const SERIES_STYLES = [...TYPES, 'EXTRA'];
MARKERS.EXTRA = 'circle';
DASHES.EXTRA = '1 4';

/**
 * Shares (0-100 %) per quarter for a few signals of a unit. A quarter or figure that is not shown (too few cases)
 * leaves a gap, never a zero. series: [{ label, values: [share or null per quarter] }], at most five.
 */
export function shareCourseChart(title, quarters, series) {
  const id = `sharechart-${++chartCount}`;
  const left = 48;
  const right = 16;
  const top = 14;
  const plotH = 180;
  const column = 84;
  const width = Math.max(560, left + right + quarters.length * column);
  const height = top + plotH + 34;
  const plotW = width - left - right;
  const x = (i) => left + ((i + 0.5) * plotW) / quarters.length;
  const y = (v) => top + plotH - (v / 100) * plotH;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width, class: 'chart chart-course', role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`, focusable: 'false'
  },
  svg('title', { id: `${id}-title`, text: title }),
  svg('desc', { id: `${id}-desc`, text: t('teams.chartDesc') }));
  for (const v of [0, 25, 50, 75, 100]) {
    chart.append(
      svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }),
      svg('text', { x: left - 8, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'tick',
        text: `${v}%` }));
  }
  quarters.forEach((quarter, i) => {
    chart.append(svg('text', { x: x(i), y: top + plotH + 22, 'text-anchor': 'middle', class: 'tick', text: quarter }));
  });
  series.forEach((line, s) => {
    const style = SERIES_STYLES[s % SERIES_STYLES.length];
    // a run of shown quarters is one line; a hidden quarter breaks it
    let run = [];
    const flush = () => {
      if (run.length > 1) {
        chart.append(svg('polyline', {
          points: run.map(([px, py]) => `${px},${py}`).join(' '), class: `line line-${style}`,
          'stroke-dasharray': DASHES[style], fill: 'none'
        }));
      }
      run = [];
    };
    line.values.forEach((v, i) => {
      if (v === null || v === undefined) {
        flush();
        return;
      }
      run.push([x(i), y(v)]);
      const dot = marker(style, x(i), y(v));
      dot.append(svg('title', { text: `${line.label}: ${v}% (${quarters[i]})` }));
      chart.append(dot);
    });
    flush();
  });
  const scroll = el('div', { class: 'chart-scroll', tabindex: '0', role: 'group' }, chart);
  txAttr(scroll, 'aria-label', 'chart.scrollHint');
  const legend = el('ul', { class: 'legend', 'aria-label': t('chart.legend') },
    series.map((line, s) => el('li', {}, legendSwatch(SERIES_STYLES[s % SERIES_STYLES.length]), ' ', line.label)));
  return el('div', { class: 'chart-box' }, scroll, legend);
}
