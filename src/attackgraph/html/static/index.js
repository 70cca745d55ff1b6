// The event index: filters (year, country, actor, type), a search box, pages of rows,
// a map of the shown events and a timeline of events per year. Reads the JSON in
// <script id="events-data">: [{row, year, country, actors, types, text, points}].
(function () {
  const events = JSON.parse(document.getElementById('events-data').textContent);
  const byRow = new Map(events.map((e) => [e.row, e]));
  const form = document.getElementById('filters');
  const table = document.getElementById('events');
  const pager = document.getElementById('pager');
  const timeline = document.getElementById('timeline');
  const mapEl = document.getElementById('events-map');
  const size = Number(table.dataset.pageSize || 50);
  const map = mapEl && window.agMap ? window.agMap(mapEl, []) : null;
  let page = 0;
  form.hidden = false;
  const fill = (name, values) => {
    const select = form.elements[name];
    for (const v of [...new Set(values)].sort()) {
      const o = document.createElement('option');
      o.value = o.textContent = v;
      select.appendChild(o);
    }
  };
  fill('year', events.map((e) => e.year).filter(Boolean));
  fill('country', events.map((e) => e.country).filter(Boolean));
  fill('actor', events.flatMap((e) => e.actors));
  fill('type', events.flatMap((e) => e.types));
  const matches = (e, skipYear) => {
    const f = form.elements, q = f.q.value.trim().toLowerCase();
    return (skipYear || !f.year.value || e.year === f.year.value)
      && (!f.country.value || e.country === f.country.value)
      && (!f.actor.value || e.actors.includes(f.actor.value))
      && (!f.type.value || e.types.includes(f.type.value))
      && (!q || e.text.includes(q));
  };
  const drawTimeline = () => {
    const counts = new Map();
    for (const e of events) if (e.year && matches(e, true)) counts.set(e.year, (counts.get(e.year) || 0) + 1);
    const years = [...counts.keys()].sort(), top = Math.max(1, ...counts.values());
    timeline.replaceChildren();
    for (const y of years) {
      const bar = document.createElement('button');
      bar.type = 'button';
      bar.className = 'bar' + (form.elements.year.value === y ? ' on' : '');
      bar.title = y + ': ' + counts.get(y) + ' events';
      bar.style.height = (8 + 72 * counts.get(y) / top) + 'px';
      bar.dataset.year = y;
      const label = document.createElement('span');
      label.textContent = y;
      bar.appendChild(label);
      bar.addEventListener('click', () => {
        form.elements.year.value = form.elements.year.value === y ? '' : y;
        page = 0; apply();
      });
      timeline.appendChild(bar);
    }
  };
  function apply() {
    const rows = [...table.tBodies[0].rows];
    const shown = rows.filter((r) => matches(byRow.get(r.id)));
    const pages = Math.max(1, Math.ceil(shown.length / size));
    page = Math.min(page, pages - 1);
    const visible = new Set(shown.slice(page * size, (page + 1) * size));
    for (const r of rows) r.hidden = !visible.has(r);
    pager.replaceChildren();
    const info = document.createElement('span');
    info.textContent = shown.length + ' events · page ' + (page + 1) + ' of ' + pages + ' ';
    pager.appendChild(info);
    for (const [label, to] of [['previous', page - 1], ['next', page + 1]]) {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = label; b.disabled = to < 0 || to >= pages;
      b.addEventListener('click', () => { page = to; apply(); });
      pager.appendChild(b);
    }
    if (map) map.show(shown.flatMap((r) => byRow.get(r.id).points));
    drawTimeline();
  }
  form.addEventListener('input', () => { page = 0; apply(); });
  form.addEventListener('submit', (ev) => ev.preventDefault());
  table.tHead.addEventListener('click', () => setTimeout(apply));
  apply();
})();
