// Karaul desk page. Everything that came from the web is put into the page as text nodes (textContent,
// createTextNode), never as HTML, and links are kept only when they are http(s).
'use strict';

(function () {
  const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'];
  const alerts = [];          // newest first
  const seen = new Set();
  const marks = new Map();    // development id -> its latest triage mark
  const MARKS = ['confirmed', 'false_positive', 'duplicate', 'handled'];
  const WORDS = window.KARAUL_I18N;
  let lang = WORDS[localStorage.getItem('karaul.lang')] ? localStorage.getItem('karaul.lang') : 'en';
  let selectedId = null;
  let lastSources = null;
  let view = 'alerts';         // or 'developments': the open developments, alerted or not; or 'rules': their precision
  let lastRules = null;        // the latest /rules/precision answer
  let open = [];               // the open developments as alert-like entries {id: 'dev:ID', data: {...}}
  let trendRange = '24h';
  let lastTrends = null;
  let wantedDevelopment = null; // from the link: selected as soon as its alert arrives
  const FILTERS = { sev: 'f-severity', cat: 'f-category', country: 'f-country', triage: 'f-triage', q: 'f-search' };

  const $ = (id) => document.getElementById(id);

  /** The interface text for {@code key} in the chosen language, with {name} places filled from {@code values}. */
  function t(key, values) {
    const text = (WORDS[lang] && WORDS[lang][key]) || WORDS.en[key] || key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (values && values[name] !== undefined ? String(values[name]) : ''));
  }

  /** A word of the interface that names a value (severity, mark, status), or the value itself when it has none. */
  function word(prefix, value) {
    const key = prefix + '.' + value;
    return (WORDS[lang] && WORDS[lang][key]) || WORDS.en[key] || String(value);
  }

  /** Puts the chosen language's words into the page's fixed parts. */
  function translatePage() {
    document.documentElement.lang = lang;
    document.title = t('page.title');
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-aria]').forEach((node) => { node.setAttribute('aria-label', t(node.dataset.i18nAria)); });
  }

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
    const words = $('f-search').value.trim().toLowerCase().split(/\s+/).filter((w) => w);
    if (words.length) {
      const text = [alert.title, alert.summary, (alert.categories || []).join(' '), (alert.countries || []).join(' '),
        (alert.groups || []).join(' '), (alert.sources || []).map((src) => src.sourceId).join(' '),
        (alert.timeline || []).map((e) => e.title).join(' ')].join(' ').toLowerCase();
      if (!words.every((w) => text.includes(w))) return false;
    }
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
    for (const event of shownEntries()) {
      const a = event.data;
      if (!passes(a)) continue;
      const li = el('li', 'alert sev-' + a.severity + (event.id === selectedId ? ' selected' : ''));
      li.dataset.id = event.id;
      li.appendChild(el('span', 'sev', word('sev', a.severity)));
      li.appendChild(el('span', 'time', (a.type === 'escalated' ? t('list.escalated') : '') + when(a.lastSeen || event.time)));
      li.appendChild(el('span', 'title', a.title));
      const mark = marks.get(a.developmentId);
      if (mark) li.appendChild(el('span', 'mark mark-' + mark.mark, word('mark', mark.mark)));
      li.appendChild(el('span', 'meta', (a.categories || []).join(', ') + ' · ' + (a.countries || []).join(', ')
        + ' · ' + t('list.sources', { n: (a.sources || []).length, independent: a.independentSources })));
      li.addEventListener('click', () => select(event.id));
      items.push(li);
    }
    list.replaceChildren(...items);
    drawMap();
    $('count').textContent = t(view === 'alerts' ? 'list.count' : 'list.countDevelopments',
      { shown: items.length, all: shownEntries().length });
  }

  /** What the list shows: the alerts, or the open developments. */
  function shownEntries() {
    return view === 'alerts' ? alerts : open;
  }

  /** A development as the list and detail show an alert: its lead as summary, its status as type. */
  function entryOf(dev) {
    return { id: 'dev:' + dev.id, time: dev.lastSeen, data: Object.assign({}, dev, { developmentId: dev.id,
      summary: dev.lead, type: dev.status, lineage: {} }) };
  }

  function loadOpen() {
    if (view !== 'developments') return;
    fetch('/developments', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((list) => {
        if (!list || view !== 'developments') return;
        open = list.map(entryOf);
        renderList();
      })
      .catch(() => { /* shown again on the next poll */ });
  }

  function setView(next) {
    view = next;
    document.querySelectorAll('#views button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === view)));
    $('rules').hidden = view !== 'rules';
    document.querySelector('main').hidden = view === 'rules';
    document.querySelector('.map-box').hidden = view === 'rules';
    $('trends').hidden = view === 'rules';
    if (view === 'developments') loadOpen();
    if (view === 'rules') loadRules();
    renderList();
  }

  /** Each rule's precision as the alerts service computes it from the marks (GET /rules/precision). */
  function loadRules() {
    if (view !== 'rules') return;
    fetch('/rules/precision', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((answer) => { if (answer) { lastRules = answer; renderRules(answer); } })
      .catch(() => { /* shown again on the next poll */ });
  }

  /** One row per rule, worst first as served, with its false alarms as links to their developments. */
  function renderRules(answer) {
    const rows = (answer.rules || []).map((j) => {
      const tr = el('tr', 'rule-row');
      tr.dataset.rule = j.name;
      const value = j.precision === undefined ? t('rules.notJudged')
        : t('rules.value', { p: Number(j.precision).toFixed(2), low: Number(j.interval[0]).toFixed(2),
          high: Number(j.interval[1]).toFixed(2) });
      [['rule-name', j.name], ['rule-alerts', j.alerts], ['rule-developments', j.developments],
        ['rule-confirmed', j.confirmed], ['rule-handled', j.handled], ['rule-false', j.falsePositive],
        ['rule-duplicate', j.duplicate], ['rule-precision', value]].forEach(([cls, text]) => tr.appendChild(el('td', cls, text)));
      const examples = el('ul', 'rule-examples');
      (j.falseAlarms || []).forEach((e) => {
        const li = el('li', 'rule-example');
        const a = el('a', 'rule-example-link', e.title);
        a.href = '#dev=' + encodeURIComponent(e.developmentId);
        a.dataset.development = e.developmentId;
        a.addEventListener('click', (ev) => { ev.preventDefault(); openDevelopment(e.developmentId); });
        li.appendChild(a);
        if (e.note) li.appendChild(document.createTextNode(t('rules.note', { note: e.note })));
        if ((e.terms || []).length) li.appendChild(document.createTextNode(t('rules.terms', { terms: e.terms.join(', ') })));
        examples.appendChild(li);
      });
      const cell = el('td', 'rule-false-alarms');
      cell.appendChild(examples);
      tr.appendChild(cell);
      return tr;
    });
    if (!rows.length) {
      const tr = el('tr');
      const td = el('td', 'hint', t('rules.none'));
      td.colSpan = 9;
      tr.appendChild(td);
      rows.push(tr);
    }
    $('rules-body').replaceChildren(...rows);
    $('rules-summary').textContent = t('rules.summary', { marked: answer.marked || 0, rules: (answer.rules || []).length });
  }

  /** Back to the alerts with the development's latest alert selected (or selected as soon as it arrives). */
  function openDevelopment(id) {
    setView('alerts');
    const event = alerts.find((e) => e.data.developmentId === id);
    if (event) {
      select(event.id);
    } else {
      wantedDevelopment = id;
      saveState();
    }
  }

  /** The shown alerts' developments on the map, each with its latest alert. */
  function drawMap() {
    if (!window.KaraulMap) return;
    const latest = new Map();
    for (const event of shownEntries()) {
      if (passes(event.data) && !latest.has(event.data.developmentId)) latest.set(event.data.developmentId, event);
    }
    const selectedEvent = shownEntries().find((e) => e.id === selectedId);
    window.KaraulMap.draw([...latest.values()].map((e) => e.data), (dev) => select(latest.get(dev).id),
      selectedEvent ? selectedEvent.data.developmentId : null);
  }

  function section(title, children) {
    const frag = document.createDocumentFragment();
    frag.appendChild(el('h3', null, title));
    const ul = el('ul');
    children.forEach((c) => ul.appendChild(c));
    frag.appendChild(ul);
    return frag;
  }

  /** The filters and the selected development in the address (#sev=high&country=KG&dev=…), so a link can be shared. */
  function saveState() {
    const params = new URLSearchParams();
    Object.entries(FILTERS).forEach(([key, id]) => { if ($(id).value && $(id).value !== 'info') params.set(key, $(id).value); });
    const event = shownEntries().find((e) => e.id === selectedId) || alerts.find((e) => e.id === selectedId);
    const dev = event ? event.data.developmentId : wantedDevelopment;
    if (dev) params.set('dev', dev);
    history.replaceState(null, '', params.toString() ? '#' + params.toString() : location.pathname);
  }

  /** Applies the filters and selection of the address; a value not in a list yet is added to it. */
  function loadState() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    Object.entries(FILTERS).forEach(([key, id]) => {
      const value = params.get(key);
      if (value === null) return;
      if (id === 'f-category' || id === 'f-country') addOption($(id), value);
      if ($(id).tagName === 'INPUT' || [...$(id).options].some((o) => o.value === value)) $(id).value = value;
    });
    wantedDevelopment = params.get('dev');
  }

  function select(id) {
    selectedId = id;
    const event = shownEntries().find((e) => e.id === id) || alerts.find((e) => e.id === id);
    if (!event) return;
    wantedDevelopment = null;
    saveState();
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
    const state = el('p', 'state', dev ? t('detail.development', { status: word('status', dev.status), items: dev.itemCount,
      independent: dev.independentSources, seen: when(dev.lastSeen) }) : t('detail.alert', { type: word('status', a.type) }));
    const summary = el('p', 'summary');
    summary.appendChild(highlight(a.summary, words));
    const facts = el('p', 'facts', t('detail.facts', { severity: word('sev', latest.severity),
      categories: (latest.categories || []).join(', '), countries: (latest.countries || []).join(', '),
      groups: (latest.groups || []).length ? t('detail.groups', { groups: latest.groups.join(', ') }) : '',
      first: when(latest.firstSeen), rule: (a.lineage || {}).ruleId || '-' }));
    const s = latest.spike;
    const spike = s ? el('p', 'spike', t('detail.spike', { observed: s.observed, from: when(s.windowStart),
      to: when(s.windowEnd), expected: Number(s.expected).toFixed(1), z: Number(s.zScore).toFixed(1) }))
      : document.createTextNode('');
    const timeline = section(t('detail.timeline'), (latest.timeline || []).map((t) => {
      const li = el('li', 'timeline-entry', when(t.at) + ' · ' + t.status + ' · ' + t.sourceId + ' · ');
      const link = safeLink(t.url, '');
      link.appendChild(highlight(t.title, words));
      li.appendChild(link);
      return li;
    }));
    const sources = section(t('detail.sources'), (latest.sources || []).map((src) => {
      const li = el('li', 'source');
      li.appendChild(safeLink(src.url, src.sourceId + (src.grade ? t('detail.grade', { grade: src.grade }) : '')));
      return li;
    }));
    const evidence = section(t('detail.evidence'), (latest.evidence || []).map((label) => {
      const li = el('li', 'evidence', t('detail.score', { id: label.id, severity: word('sev', label.severity), score: label.score }));
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
    box.setAttribute('aria-label', t('triage.title'));
    box.appendChild(el('h3', null, t('triage.title')));
    const mark = marks.get(devId);
    box.appendChild(el('p', 'triage-state', mark
      ? t('triage.marked', { mark: word('mark', mark.mark), of: mark.duplicateOf ? t('triage.of', { id: mark.duplicateOf }) : '',
        by: mark.by, at: when(mark.at), note: mark.note ? ' · ' + mark.note : '' })
      : t('triage.none')));
    const note = el('textarea', 'triage-note');
    note.maxLength = 2000;
    note.placeholder = t('triage.note');
    const dup = el('select', 'triage-duplicate');
    dup.appendChild(el('option', null, t('triage.duplicateOf')));
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
    MARKS.forEach((m) => {
      const b = el('button', 'triage-' + m, word('mark', m));
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
    if (!by) { error.textContent = t('triage.needName'); $('who').focus(); return; }
    if (mark === 'duplicate' && !duplicateOf) { error.textContent = t('triage.needOriginal'); return; }
    const body = { developmentId: devId, mark: mark, by: by };
    if (mark === 'duplicate') body.duplicateOf = duplicateOf;
    if (note.trim()) body.note = note.trim();
    error.textContent = t('triage.saving');
    fetch('/triage', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body) })
      .then((r) => r.json().then((j) => ({ ok: r.ok, j: j })))
      .then((res) => {
        if (!res.ok) { error.textContent = res.j.error || t('triage.notSaved'); return; }
        error.textContent = '';
        onMarkData(res.j);
      })
      .catch(() => { error.textContent = t('triage.noAnswer'); });
  }

  function onMarkData(mark) {
    if (!mark || !mark.developmentId) return;
    const before = marks.get(mark.developmentId);
    if (before && before.at > mark.at) return;
    marks.set(mark.developmentId, mark);
    renderList();
    loadRules();
    const event = shownEntries().find((e) => e.id === selectedId);
    if (event && event.data.developmentId === mark.developmentId) select(selectedId);
  }

  function onMark(message) {
    onMarkData(JSON.parse(message.data));
  }

  function onAlert(message) {
    scheduleTrends();
    const event = JSON.parse(message.data);
    if (!event || !event.data || seen.has(event.id)) return;
    seen.add(event.id);
    alerts.unshift(event);
    if (wantedDevelopment && event.data.developmentId === wantedDevelopment) {
      selectedId = event.id;
      setTimeout(() => select(event.id), 0);
    }
    (event.data.categories || []).forEach((c) => addOption($('f-category'), c));
    (event.data.countries || []).forEach((c) => addOption($('f-country'), c));
    renderList();
  }

  /** Each webhook subscription's delivery state (from /subscriptions), as text. */
  function renderSubscriptions(list) {
    const items = (list || []).map((s) => {
      let text = s.id + ': ' + s.state;
      if (s.since) text += t('subs.since', { at: when(s.since) });
      if (s.failures) text += t('subs.failures', { n: s.failures });
      text += t('subs.lag', { n: s.lag });
      if (s.restarts) text += t('subs.restarts', { n: s.restarts });
      if (s.lastError) text += t('subs.error', { error: s.lastError });
      return el('li', 'subscription state-' + s.state, text);
    });
    $('subscription-list').replaceChildren(...items);
    $('subscriptions').hidden = items.length === 0;
  }

  /** The sources that are silent or broken, worst first, and a count per state; a broken source is red. */
  function renderSources(list) {
    const counts = { ok: 0, silent: 0, broken: 0, unknown: 0 };
    (list || []).forEach((st) => { counts[st.state] = (counts[st.state] || 0) + 1; });
    const order = { broken: 0, silent: 1, unknown: 2, ok: 3 };
    const shown = (list || []).filter((st) => st.state === 'broken' || st.state === 'silent')
      .sort((a, b) => order[a.state] - order[b.state] || a.sourceId.localeCompare(b.sourceId));
    $('source-list').replaceChildren(...shown.map((st) => {
      const li = el('li', 'source-state state-' + st.state, t('source.line', { id: st.sourceId, state: word('source', st.state),
        failures: st.consecutiveFailures ? t('source.failures', { n: st.consecutiveFailures }) : '',
        empty: st.consecutiveEmpty ? t('source.empty', { n: st.consecutiveEmpty }) : '',
        success: st.lastSuccess ? when(st.lastSuccess) : t('source.never'),
        item: st.lastNewItem ? when(st.lastNewItem) : t('source.never'),
        error: st.lastError ? ' · ' + st.lastError : '' }));
      li.dataset.source = st.sourceId;
      return li;
    }));
    $('sources-summary').textContent = t('sources.summary', counts);
    $('sources').hidden = !list || list.length === 0;
    $('sources').dataset.loaded = 'true';
  }

  function pollSources() {
    fetch('/sources', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((list) => { if (list) { lastSources = list; renderSources(list); } })
      .catch(() => { /* shown again on the next poll */ });
  }

  function pollSubscriptions() {
    fetch('/subscriptions', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((list) => { if (list) renderSubscriptions(list); })
      .catch(() => { /* shown again on the next poll */ });
  }

  /** j/k (or arrows) move through the list, Enter opens the first alert when none is selected, Escape closes it. */
  function onKey(e) {
    const tag = (e.target && e.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
    const shown = [...document.querySelectorAll('#alerts li.alert')].map((li) => li.dataset.id);
    const at = shown.indexOf(selectedId);
    if ((e.key === 'j' || e.key === 'ArrowDown') && shown.length) {
      select(shown[Math.min(at + 1, shown.length - 1)]);
    } else if ((e.key === 'k' || e.key === 'ArrowUp') && shown.length) {
      select(shown[Math.max(at - 1, 0)]);
    } else if (e.key === 'Enter' && at < 0 && shown.length) {
      select(shown[0]);
    } else if (e.key === 'Escape' && selectedId) {
      selectedId = null;
      $('detail').replaceChildren(el('p', 'hint', t('detail.hint')));
      renderList();
      saveState();
    } else {
      return;
    }
    e.preventDefault();
    const li = document.querySelector('#alerts li.alert.selected');
    if (li) li.scrollIntoView({ block: 'nearest' });
  }

  /** Switches the interface language, remembers it, and redraws what is shown. */
  function setLanguage(next) {
    lang = WORDS[next] ? next : 'en';
    localStorage.setItem('karaul.lang', lang);
    $('lang').value = lang;
    translatePage();
    if ($('status').dataset.state) $('status').textContent = t('status.' + $('status').dataset.state);
    renderList();
    if (lastSources) renderSources(lastSources);
    if (lastTrends) renderTrends();
    if (lastRules) renderRules(lastRules);
    if (selectedId) select(selectedId);
  }

  /** The trends of the chosen range from the alerts service, drawn by trend-chart.js. */
  function pollTrends() {
    if (!window.KaraulTrends) return;
    fetch('/trends?range=' + encodeURIComponent(trendRange), { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((trends) => {
        if (trends && trends.range !== trendRange) return;
        lastTrends = trends;
        renderTrends();
      })
      .catch(() => { /* drawn again on the next poll */ });
  }

  let trendsDue = null;
  /** A new alert means new counts: fetched once a second at most. */
  function scheduleTrends() {
    if (trendsDue) return;
    trendsDue = setTimeout(() => { trendsDue = null; pollTrends(); }, 1000);
  }

  function renderTrends() {
    if (!lastTrends) {
      $('trend-list').replaceChildren(el('p', 'hint', t('trends.unavailable')));
      return;
    }
    window.KaraulTrends.draw($('trend-list'), lastTrends, t);
  }

  function setTrendRange(next) {
    trendRange = next;
    document.querySelectorAll('#trend-ranges button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.range === next)));
    pollTrends();
  }

  function status(state) {
    $('status').dataset.state = state;
    $('status').textContent = t('status.' + state);
  }

  function start() {
    $('lang').addEventListener('change', () => setLanguage($('lang').value));
    setLanguage(lang);
    if (window.KaraulMap) window.KaraulMap.init($('map'), drawMap);
    pollSubscriptions();
    setInterval(pollSubscriptions, 10000);
    pollSources();
    setInterval(pollSources, 10000);
    loadState();
    ['f-severity', 'f-category', 'f-country', 'f-triage'].forEach((id) => $(id).addEventListener('change', () => {
      renderList();
      saveState();
    }));
    $('f-search').addEventListener('input', () => { renderList(); saveState(); });
    document.addEventListener('keydown', onKey);
    document.querySelectorAll('#views button').forEach((b) => b.addEventListener('click', () => setView(b.dataset.view)));
    setInterval(loadOpen, 10000);
    document.querySelectorAll('#trend-ranges button').forEach((b) => b.addEventListener('click', () => setTrendRange(b.dataset.range)));
    pollTrends();
    setInterval(pollTrends, 10000);
    setInterval(loadRules, 10000);
    $('who').value = localStorage.getItem('karaul.who') || '';
    $('who').addEventListener('change', () => localStorage.setItem('karaul.who', $('who').value.trim()));
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    const source = new EventSource('/events');
    source.addEventListener('alert', onAlert);
    source.addEventListener('mark', onMark);
    source.onopen = () => status('live');
    source.onerror = () => status('reconnecting');
  }

  document.addEventListener('DOMContentLoaded', start);
}());
