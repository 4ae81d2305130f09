// Writes the desk map's boundaries (alerts/src/main/resources/desk/vendor/region.geo.json) from the world-atlas
// package (Natural Earth, public domain; packaged under ISC): the six states at 1:50m, their neighbours at 1:110m,
// as GeoJSON with ISO alpha-2 ids and coordinates rounded to 0.01 degree. Run once when the region changes:
//   npm pack world-atlas@2.0.2 topojson-client@3.1.0 && (unpack both) && node region-map.js ATLAS_DIR TOPOJSON_DIR OUT
'use strict';
const path = require('path');
const fs = require('fs');
const [atlasDir, topojsonDir, out] = process.argv.slice(2);
const topojson = require(path.resolve(topojsonDir, 'dist/topojson-client.js'));
const STATES = { '398': 'KZ', '417': 'KG', '762': 'TJ', '860': 'UZ', '795': 'TM', '004': 'AF' };
const NEIGHBOURS = { '643': 'RU', '156': 'CN', '364': 'IR', '586': 'PK', '496': 'MN', '031': 'AZ', '356': 'IN' };

function features(file, ids) {
  const world = JSON.parse(fs.readFileSync(path.resolve(atlasDir, file), 'utf8'));
  return topojson.feature(world, world.objects.countries).features
    .filter((f) => ids[f.id])
    .map((f) => ({ type: 'Feature', id: ids[f.id], properties: { name: f.properties.name, focus: ids === STATES },
      geometry: round(f.geometry) }));
}

function round(geometry) {
  const r = (c) => (Array.isArray(c[0]) ? c.map(r) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100]);
  return { type: geometry.type, coordinates: r(geometry.coordinates) };
}

const collection = { type: 'FeatureCollection',
  features: [...features('countries-110m.json', NEIGHBOURS), ...features('countries-50m.json', STATES)] };
fs.writeFileSync(out, JSON.stringify(collection));
console.log(out + ': ' + collection.features.length + ' countries, ' + fs.statSync(out).size + ' bytes');
