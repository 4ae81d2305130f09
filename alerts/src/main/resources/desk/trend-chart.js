// Karaul desk page: trends. Each of the busiest category × country cells is a row of bars, items per bin (the
// range's bins, oldest left), with a dot over each bin where developments opened and a shaded band over a spike's
// window (its observed and expected counts in the band's tooltip). The counts come from the alerts service
// (/trends); nothing is counted here. SVG is built with createElementNS and text nodes only.
'use strict';

window.KaraulTrends = (function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const WIDTH = 240;
  const HEIGHT = 40;
  const TOP = 8;

  function node(tag, attrs) {
    const n = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => n.setAttribute(k, String(v)));
    return n;
  }

  function titled(n, text) {
    const title = node('title');
    title.textContent = String(text);
    n.appendChild(title);
    return n;
  }

  /** The bins a spike's window covers, as [first, last] indexes, or null when it is outside the range. */
  function span(bins, binMillis, spike) {
    const from = Date.parse(spike.windowStart);
    const to = Date.parse(spike.windowEnd);
    let first = -1;
    let last = -1;
    bins.forEach((b, i) => {
      const start = Date.parse(b);
      if (start < to && start + binMillis > from) {
        if (first < 0) first = i;
        last = i;
      }
    });
    return first < 0 ? null : [first, last];
  }

  /** One cell's chart. */
  function chart(series, trends, text) {
    const n = trends.binStart.length;
    const step = WIDTH / n;
    const binMillis = n > 1 ? Date.parse(trends.binStart[1]) - Date.parse(trends.binStart[0]) : 3600000;
    const peak = Math.max(1, ...series.items);
    const svg = node('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, preserveAspectRatio: 'none', class: 'trend-chart',
      role: 'img' });
    svg.setAttribute('aria-label', text('trends.chart', { category: series.category, country: series.country }));
    trends.spikes.filter((s) => s.category === series.category && s.country === series.country).forEach((s) => {
      const covered = span(trends.binStart, binMillis, s);
      if (!covered) return;
      svg.appendChild(titled(node('rect', { x: (covered[0] * step).toFixed(1), y: 0,
        width: ((covered[1] - covered[0] + 1) * step).toFixed(1), height: HEIGHT, class: 'trend-spike',
        'data-dev': s.developmentId }), text('trends.spike', { observed: s.observed,
        expected: Number(s.expected).toFixed(1) })));
    });
    series.items.forEach((count, i) => {
      if (count > 0) {
        const h = Math.max(1.5, (HEIGHT - TOP) * count / peak);
        svg.appendChild(titled(node('rect', { x: (i * step + 0.5).toFixed(1), y: (HEIGHT - h).toFixed(1),
          width: Math.max(1, step - 1).toFixed(1), height: h.toFixed(1), class: 'trend-bar' }),
        text('trends.bin', { at: trends.binStart[i].slice(0, 16).replace('T', ' '), items: count,
          developments: series.developments[i] })));
      }
      if (series.developments[i] > 0) {
        svg.appendChild(node('circle', { cx: (i * step + step / 2).toFixed(1), cy: 3.5, r: 2.5, class: 'trend-opened' }));
      }
    });
    return svg;
  }

  /**
   * Draws {@code trends} (the JSON of /trends) into {@code target}; {@code text(key, values)} gives the
   * interface's words.
   */
  function draw(target, trends, text) {
    const rows = trends.series.map((s) => {
      const row = document.createElement('div');
      row.className = 'trend';
      row.dataset.cell = s.category + '|' + s.country;
      row.dataset.totalItems = String(s.totalItems);
      row.dataset.totalDevelopments = String(s.totalDevelopments);
      const label = document.createElement('span');
      label.className = 'trend-label';
      label.textContent = s.category + ' · ' + s.country;
      const totals = document.createElement('span');
      totals.className = 'trend-totals';
      totals.textContent = text('trends.totals', { items: s.totalItems, developments: s.totalDevelopments });
      row.append(label, chart(s, trends, text), totals);
      return row;
    });
    if (rows.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'hint';
      empty.textContent = text('trends.empty');
      rows.push(empty);
    }
    target.replaceChildren(...rows);
  }

  return { draw: draw };
}());
