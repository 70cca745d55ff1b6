// Maps of the points a page lists: Leaflet (vendored) with OpenStreetMap tiles.
// Each <div class="map" data-points="ID"> reads the JSON array in <script id="ID">
// ([{name, lat, lon, href}]) and draws one circle marker per point; the number drawn
// is kept in data-markers. Without Leaflet or network the page's list of points stays.
window.agMap = function (el, points) {
  el.dataset.markers = '0';
  if (!window.L) return null;
  const map = L.map(el, {scrollWheelZoom: false});
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 18,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  }).addTo(map);
  const layer = L.featureGroup().addTo(map);
  const show = (pts) => {
    layer.clearLayers();
    for (const p of pts) {
      const a = document.createElement('a');
      a.textContent = p.name;
      if (p.href) a.href = p.href;
      L.circleMarker([p.lat, p.lon], {radius: 6, weight: 1, fillOpacity: 0.7})
        .bindPopup(a).addTo(layer);
    }
    el.dataset.markers = String(pts.length);
    if (pts.length) map.fitBounds(layer.getBounds().pad(0.3), {maxZoom: 9});
    else map.setView([15, 0], 2);
  };
  show(points);
  return {map, show};
};
for (const el of document.querySelectorAll('div.map[data-points]')) {
  const source = document.getElementById(el.dataset.points);
  if (source && !el.dataset.manual) window.agMap(el, JSON.parse(source.textContent));
}
