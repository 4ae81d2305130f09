// Karaul desk page: the map of the region. Developments are placed at their first town, region or district where the
// classifier found one (a region at its administrative seat), else at their first country's centroid, fanned out so
// they do not hide each other; sized by item count and coloured by severity; a click opens the development.
// SVG is built with createElementNS and text nodes only; titles from the web never become markup.
'use strict';

window.KaraulMap = (function () {
  const SVG = 'http://www.w3.org/2000/svg';
  let svg = null;
  let path = null;
  let projection = null;
  let centroids = new Map();   // ISO alpha-2 -> [x, y]
  let layer = null;

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

  /** Loads the borders and draws the countries into {@code target} (an svg element). */
  function init(target, ready) {
    svg = target;
    const width = 640;
    const height = 360;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    fetch('/vendor/region.geo.json', { headers: { Accept: 'application/json' } })
      .then((r) => r.json())
      .then((geo) => {
        const focus = { type: 'FeatureCollection', features: geo.features.filter((f) => f.properties.focus) };
        projection = d3.geoConicEqualArea().parallels([36, 48]).rotate([-65, 0])
          .fitExtent([[12, 12], [width - 12, height - 12]], focus);
        path = d3.geoPath(projection);
        const countries = node('g', { class: 'countries' });
        geo.features.forEach((f) => {
          const p = titled(node('path', { d: path(f), class: 'country' + (f.properties.focus ? ' focus' : ''),
            'data-country': f.id }), f.properties.name);
          countries.appendChild(p);
          centroids.set(f.id, path.centroid(f));
        });
        layer = node('g', { class: 'developments' });
        svg.replaceChildren(countries, layer);
        if (ready) ready();
      })
      .catch(() => { svg.setAttribute('data-error', 'borders not loaded'); });
  }

  /** Where a development goes: its first located place in one of its countries, else its first country's centroid. */
  function position(d) {
    const countries = (d.countries || []).filter((c) => centroids.has(c));
    const place = (d.locations || []).find((p) => countries.includes(p.country)
      && Number.isFinite(p.lat) && Number.isFinite(p.lon));
    if (place) {
      const xy = projection([place.lon, place.lat]);
      if (xy) return { key: place.id, country: place.country, place: place, xy: xy };
    }
    return countries.length ? { key: countries[0], country: countries[0], place: null, xy: centroids.get(countries[0]) } : null;
  }

  /**
   * Draws one circle per development: {@code items} are {developmentId, title, severity, countries, locations,
   * itemCount}, {@code onClick(developmentId)} opens one, {@code selected} is the open one.
   */
  function draw(items, onClick, selected) {
    if (!layer) return;
    const perSpot = new Map();
    const circles = [];
    items.forEach((d) => {
      const at = position(d);
      if (!at) return;
      const k = perSpot.get(at.key) || 0;
      perSpot.set(at.key, k + 1);
      const [cx, cy] = at.xy;
      const angle = k * 2.39996; // golden angle: a fan that does not overlap much
      const spread = k === 0 ? 0 : 7 * Math.sqrt(k);
      const circle = titled(node('circle', {
        cx: (cx + spread * Math.cos(angle)).toFixed(1), cy: (cy + spread * Math.sin(angle)).toFixed(1),
        r: (4 + 2 * Math.sqrt(Math.max(1, d.itemCount || 1))).toFixed(1),
        class: 'dev sev-' + d.severity + (d.developmentId === selected ? ' selected' : ''),
        'data-dev': d.developmentId, 'data-country': at.country, 'data-place': at.place ? at.place.id : '', tabindex: 0
      }), at.place ? d.title + ' — ' + at.place.name : d.title);
      circle.addEventListener('click', () => onClick(d.developmentId));
      circles.push(circle);
    });
    layer.replaceChildren(...circles);
  }

  return { init: init, draw: draw };
}());
