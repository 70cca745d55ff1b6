const form = document.getElementById('q'), out = document.getElementById('out');
const base = document.body.dataset.base;
for (const b of document.querySelectorAll('button[data-query]')) {
  b.addEventListener('click', () => { form.query.value = b.dataset.query; });
}
function cell(t) {
  const td = document.createElement('td');
  if (!t) return td;
  if (t.type === 'uri') {
    const a = document.createElement('a');
    a.textContent = t.value;
    if (t.value.startsWith(base + '/')) a.href = t.value.slice(base.length);
    else if (/^https?:/.test(t.value)) a.href = t.value;
    td.appendChild(a);
  } else {
    td.textContent = t.value + (t['xml:lang'] ? ' @' + t['xml:lang'] : '');
  }
  return td;
}
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  out.textContent = 'Running…';
  const t0 = performance.now();
  try {
    const r = await fetch('sparql', {method: 'POST',
      body: new URLSearchParams({query: form.query.value}),
      headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}});
    const type = r.headers.get('Content-Type') || '', text = await r.text();
    const info = document.createElement('p');
    info.className = 'm';
    info.textContent = r.status + ' · ' + Math.round(performance.now() - t0) + ' ms';
    if (r.headers.get('X-Result-Truncated') === 'true')
      info.textContent += ' · truncated at ' + r.headers.get('X-Result-Row-Cap') + ' rows';
    out.replaceChildren(info);
    if (!r.ok) {
      const p = document.createElement('p'); p.className = 'error'; p.textContent = text;
      out.appendChild(p);
    } else if (type.startsWith('application/sparql-results+json')) {
      const data = JSON.parse(text);
      if ('boolean' in data) {
        out.appendChild(document.createTextNode(String(data.boolean)));
        return;
      }
      const table = document.createElement('table'), head = table.insertRow();
      for (const v of data.head.vars) {
        const th = document.createElement('th'); th.textContent = v; head.appendChild(th);
      }
      for (const b of data.results.bindings) {
        const tr = table.insertRow();
        for (const v of data.head.vars) tr.appendChild(cell(b[v]));
      }
      info.textContent += ' · ' + data.results.bindings.length + ' rows';
      out.appendChild(table);
    } else {
      const pre = document.createElement('pre'); pre.textContent = text; out.appendChild(pre);
    }
  } catch (e) { out.textContent = 'Request failed: ' + e; }
});
const shared = new URLSearchParams(location.search).get('query');
if (shared) { form.query.value = shared; form.requestSubmit(); }  // links like /?query=...
