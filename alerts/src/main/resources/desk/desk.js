// Karaul desk page. Everything that came from the web is put into the page as text nodes (textContent,
// createTextNode), never as HTML, and links are kept only when they are http(s).
'use strict';

(function () {
  const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'];
  const alerts = [];          // newest first
  const seen = new Set();
  const marks = new Map();    // development id -> its latest triage mark
  const MARKS = { confirmed: 'confirmed', false_positive: 'false positive', duplicate: 'duplicate', handled: 'handled' };
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
    if (country && !(alert.countries || []).includes(country)) return false;
    const triage = $('f-triage').value;
    const mark = marks.get(alert.developmentId);
    if (triage === 'unmarked') return !mark;
    return !triage || (mark && mark.mark === triage);
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
      const mark = marks.get(a.developmentId);
      if (mark) li.appendChild(el('span', 'mark mark-' + mark.mark, MARKS[mark.mark] || mark.mark));
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
    renderDetail(event.data, null);
    renderList();
    fetch('/developments/' + encodeURIComponent(event.data.developmentId), { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((dev) => { if (dev && selectedId === id) renderDetail(event.data, dev); })
      .catch(() => { /* the alert's own copy stays shown */ });
  }

  /** The alert, with the development's latest timeline, sources and evidence when {@code dev} is known. */
  function renderDetail(a, dev) {
    const latest = dev || a;
    const words = terms(latest);
    const detail = $('detail');
    const h2 = el('h2', 'detail-title');
    h2.appendChild(highlight(latest.title, words));
    const state = el('p', 'state', dev ? 'Development ' + dev.status + ' · ' + dev.itemCount + ' item(s) · '
      + dev.independentSources + ' independent source(s) · last seen ' + when(dev.lastSeen) : 'Alert ' + a.type);
    const summary = el('p', 'summary');
    summary.appendChild(highlight(a.summary, words));
    const facts = el('p', 'facts', latest.severity + ' · ' + (latest.categories || []).join(', ') + ' · '
      + (latest.countries || []).join(', ') + ((latest.groups || []).length ? ' · groups: ' + latest.groups.join(', ') : '')
      + ' · first seen ' + when(latest.firstSeen) + ' · rule ' + ((a.lineage || {}).ruleId || '-'));
    const s = latest.spike;
    const spike = s ? el('p', 'spike', 'Spike: ' + s.observed + ' new stories in the window ' + when(s.windowStart) + ' – '
      + when(s.windowEnd) + ', expected ' + Number(s.expected).toFixed(1) + ' (z ' + Number(s.zScore).toFixed(1) + ')')
      : document.createTextNode('');
    const timeline = section('Timeline', (latest.timeline || []).map((t) => {
      const li = el('li', 'timeline-entry', when(t.at) + ' · ' + t.status + ' · ' + t.sourceId + ' · ');
      const link = safeLink(t.url, '');
      link.appendChild(highlight(t.title, words));
      li.appendChild(link);
      return li;
    }));
    const sources = section('Sources', (latest.sources || []).map((src) => {
      const li = el('li', 'source');
      li.appendChild(safeLink(src.url, src.sourceId + (src.grade ? ' (grade ' + src.grade + ')' : '')));
      return li;
    }));
    const evidence = section('Evidence', (latest.evidence || []).map((label) => {
      const li = el('li', 'evidence', label.id + ' · ' + label.severity + ' · score ' + label.score + ' · ');
      (label.evidence || []).forEach((ev, i) => {
        if (i > 0) li.appendChild(document.createTextNode(', '));
        li.appendChild(el('mark', null, ev.term));
        li.appendChild(document.createTextNode(' (' + ev.field + ')'));
      });
      return li;
    }));
    detail.replaceChildren(h2, state, facts, spike, summary, triagePanel(a.developmentId), timeline, sources, evidence);
  }

  /** The development's triage mark and the controls to mark it. */
  function triagePanel(devId) {
    const box = el('section', 'triage');
    box.setAttribute('aria-label', 'Triage');
    box.appendChild(el('h3', null, 'Triage'));
    const mark = marks.get(devId);
    box.appendChild(el('p', 'triage-state', mark
      ? 'Marked ' + (MARKS[mark.mark] || mark.mark) + (mark.duplicateOf ? ' of ' + mark.duplicateOf : '') + ' by ' + mark.by
        + ' · ' + when(mark.at) + (mark.note ? ' · ' + mark.note : '')
      : 'Not marked yet.'));
    const note = el('textarea', 'triage-note');
    note.maxLength = 2000;
    note.placeholder = 'Note (optional)';
    const dup = el('select', 'triage-duplicate');
    dup.appendChild(el('option', null, 'duplicate of…'));
    dup.options[0].value = '';
    const others = new Map();
    alerts.forEach((e) => { if (e.data.developmentId !== devId) others.set(e.data.developmentId, e.data.title); });
    others.forEach((title, id) => {
      const o = el('option', null, title);
      o.value = id;
      dup.appendChild(o);
    });
    const error = el('p', 'triage-error');
    const buttons = el('div', 'triage-buttons');
    Object.keys(MARKS).forEach((m) => {
      const b = el('button', 'triage-' + m, MARKS[m]);
      b.type = 'button';
      b.dataset.mark = m;
      b.addEventListener('click', () => sendMark(devId, m, dup.value, note.value, error));
      buttons.appendChild(b);
    });
    box.append(buttons, dup, note, error);
    return box;
  }

  function sendMark(devId, mark, duplicateOf, note, error) {
    const by = $('who').value.trim();
    if (!by) { error.textContent = 'Give your name first (top right).'; $('who').focus(); return; }
    if (mark === 'duplicate' && !duplicateOf) { error.textContent = 'Choose the development it repeats.'; return; }
    const body = { developmentId: devId, mark: mark, by: by };
    if (mark === 'duplicate') body.duplicateOf = duplicateOf;
    if (note.trim()) body.note = note.trim();
    error.textContent = 'saving…';
    fetch('/triage', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body) })
      .then((r) => r.json().then((j) => ({ ok: r.ok, j: j })))
      .then((res) => {
        if (!res.ok) { error.textContent = res.j.error || 'not saved'; return; }
        error.textContent = '';
        onMarkData(res.j);
      })
      .catch(() => { error.textContent = 'not saved: the desk service did not answer'; });
  }

  function onMarkData(mark) {
    if (!mark || !mark.developmentId) return;
    const before = marks.get(mark.developmentId);
    if (before && before.at > mark.at) return;
    marks.set(mark.developmentId, mark);
    renderList();
    const event = alerts.find((e) => e.id === selectedId);
    if (event && event.data.developmentId === mark.developmentId) select(selectedId);
  }

  function onMark(message) {
    onMarkData(JSON.parse(message.data));
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

  /** Each webhook subscription's delivery state (from /subscriptions), as text. */
  function renderSubscriptions(list) {
    const items = (list || []).map((s) => {
      let text = s.id + ': ' + s.state;
      if (s.since) text += ' since ' + when(s.since);
      if (s.failures) text += ' (' + s.failures + ' failed attempts)';
      text += ', lag ' + s.lag;
      if (s.restarts) text += ', restarted ' + s.restarts + 'x';
      if (s.lastError) text += ', last error: ' + s.lastError;
      return el('li', 'subscription state-' + s.state, text);
    });
    $('subscription-list').replaceChildren(...items);
    $('subscriptions').hidden = items.length === 0;
  }

  function pollSubscriptions() {
    fetch('/subscriptions', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((list) => { if (list) renderSubscriptions(list); })
      .catch(() => { /* shown again on the next poll */ });
  }

  function start() {
    pollSubscriptions();
    setInterval(pollSubscriptions, 10000);
    ['f-severity', 'f-category', 'f-country', 'f-triage'].forEach((id) => $(id).addEventListener('change', renderList));
    $('who').value = localStorage.getItem('karaul.who') || '';
    $('who').addEventListener('change', () => localStorage.setItem('karaul.who', $('who').value.trim()));
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    const source = new EventSource('/events');
    source.addEventListener('alert', onAlert);
    source.addEventListener('mark', onMark);
    source.onopen = () => { $('status').textContent = 'live'; };
    source.onerror = () => { $('status').textContent = 'reconnecting…'; };
  }

  document.addEventListener('DOMContentLoaded', start);
}());
