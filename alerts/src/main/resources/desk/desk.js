// Karaul desk page. Everything that came from the web is put into the page as text nodes (textContent,
// createTextNode), never as HTML, and links are kept only when they are http(s).
'use strict';

(function () {
  const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'];
  const alerts = [];          // newest first
  const seen = new Set();
  let selectedId = null;

  const $ = (id) => document.getElementById(id);

  /** 2026-11-22T06:55:12.345Z as 2026-11-22 06:55 UTC. */
  function when(t) {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(String(t || ''));
    return m ? m[1] + ' ' + m[2] + ' UTC' : '';
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeLink(url, text) {
    let href = null;
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') href = u.href;
    } catch (e) { /* not a URL */ }
    if (!href) return el('span', null, text);
    const a = el('a', null, text);
    a.href = href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }

  /** The text with every matched term wrapped in <mark>, built from text nodes. */
  function highlight(text, terms) {
    const frag = document.createDocumentFragment();
    const s = String(text || '');
    const lower = s.toLowerCase();
    const wanted = terms.filter((t) => t && t.trim().length > 1).map((t) => t.toLowerCase());
    let i = 0;
    while (i < s.length) {
      let best = -1;
      let len = 0;
      for (const t of wanted) {
        const at = lower.indexOf(t, i);
        if (at >= 0 && (best < 0 || at < best || (at === best && t.length > len))) { best = at; len = t.length; }
      }
      if (best < 0) { frag.appendChild(document.createTextNode(s.slice(i))); break; }
      if (best > i) frag.appendChild(document.createTextNode(s.slice(i, best)));
      frag.appendChild(el('mark', null, s.slice(best, best + len)));
      i = best + len;
    }
    return frag;
  }

  function terms(alert) {
    const out = [];
    (alert.evidence || []).forEach((label) => (label.evidence || []).forEach((ev) => out.push(ev.term)));
    return out;
  }

  function passes(alert) {
    const min = SEVERITIES.indexOf($('f-severity').value);
    if (SEVERITIES.indexOf(alert.severity) < min) return false;
    const cat = $('f-category').value;
    if (cat && !(alert.categories || []).includes(cat)) return false;
    const country = $('f-country').value;
    return !country || (alert.countries || []).includes(country);
  }

  function addOption(select, value) {
    if ([...select.options].some((o) => o.value === value)) return;
    const option = el('option', null, value);
    option.value = value;
    select.appendChild(option);
  }

  function renderList() {
    const list = $('alerts');
    const items = [];
    for (const event of alerts) {
      const a = event.data;
      if (!passes(a)) continue;
      const li = el('li', 'alert sev-' + a.severity + (event.id === selectedId ? ' selected' : ''));
      li.dataset.id = event.id;
      li.appendChild(el('span', 'sev', a.severity));
      li.appendChild(el('span', 'time', (a.type === 'escalated' ? 'escalated · ' : '') + when(a.lastSeen || event.time)));
      li.appendChild(el('span', 'title', a.title));
      li.appendChild(el('span', 'meta', (a.categories || []).join(', ') + ' · ' + (a.countries || []).join(', ')
        + ' · ' + (a.sources || []).length + ' source(s), ' + a.independentSources + ' independent'));
      li.addEventListener('click', () => select(event.id));
      items.push(li);
    }
    list.replaceChildren(...items);
    $('count').textContent = items.length + ' of ' + alerts.length + ' alerts';
  }

  function section(title, children) {
    const frag = document.createDocumentFragment();
    frag.appendChild(el('h3', null, title));
    const ul = el('ul');
    children.forEach((c) => ul.appendChild(c));
    frag.appendChild(ul);
    return frag;
  }

  function select(id) {
    selectedId = id;
    const event = alerts.find((e) => e.id === id);
    if (!event) return;
    const a = event.data;
    const words = terms(a);
    const detail = $('detail');
    const h2 = el('h2', 'detail-title');
    h2.appendChild(highlight(a.title, words));
    const summary = el('p', 'summary');
    summary.appendChild(highlight(a.summary, words));
    const facts = el('p', 'facts', a.severity + ' · ' + (a.categories || []).join(', ') + ' · ' + (a.countries || []).join(', ')
      + ((a.groups || []).length ? ' · groups: ' + a.groups.join(', ') : '') + ' · first seen ' + when(a.firstSeen)
      + ' · last seen ' + when(a.lastSeen) + ' · rule ' + ((a.lineage || {}).ruleId || '-'));
    const spike = a.spike ? el('p', 'spike', 'Spike: ' + a.spike.observed + ' new stories in the window '
      + when(a.spike.windowStart) + ' – ' + when(a.spike.windowEnd) + ', expected ' + Number(a.spike.expected).toFixed(1)
      + ' (z ' + Number(a.spike.zScore).toFixed(1) + ')') : document.createTextNode('');
    const timeline = section('Timeline', (a.timeline || []).map((t) => {
      const li = el('li', 'timeline-entry', when(t.at) + ' · ' + t.status + ' · ' + t.sourceId + ' · ');
      const link = safeLink(t.url, '');
      link.appendChild(highlight(t.title, words));
      li.appendChild(link);
      return li;
    }));
    const sources = section('Sources', (a.sources || []).map((s) => {
      const li = el('li', 'source');
      li.appendChild(safeLink(s.url, s.sourceId + (s.grade ? ' (grade ' + s.grade + ')' : '')));
      return li;
    }));
    const evidence = section('Evidence', (a.evidence || []).map((label) => {
      const li = el('li', 'evidence', label.id + ' · ' + label.severity + ' · score ' + label.score + ' · ');
      (label.evidence || []).forEach((ev, i) => {
        if (i > 0) li.appendChild(document.createTextNode(', '));
        li.appendChild(el('mark', null, ev.term));
        li.appendChild(document.createTextNode(' (' + ev.field + ')'));
      });
      return li;
    }));
    detail.replaceChildren(h2, facts, spike, summary, timeline, sources, evidence);
    renderList();
  }

  function onAlert(message) {
    const event = JSON.parse(message.data);
    if (!event || !event.data || seen.has(event.id)) return;
    seen.add(event.id);
    alerts.unshift(event);
    (event.data.categories || []).forEach((c) => addOption($('f-category'), c));
    (event.data.countries || []).forEach((c) => addOption($('f-country'), c));
    renderList();
  }

  function start() {
    ['f-severity', 'f-category', 'f-country'].forEach((id) => $(id).addEventListener('change', renderList));
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    const source = new EventSource('/events');
    source.addEventListener('alert', onAlert);
    source.onopen = () => { $('status').textContent = 'live'; };
    source.onerror = () => { $('status').textContent = 'reconnecting…'; };
  }

  document.addEventListener('DOMContentLoaded', start);
}());
