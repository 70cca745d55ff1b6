// The query page: syntax highlighting, a permalink, CSV/JSON downloads and pages of
// results. The query runs with POST; the page's address becomes /sparql?query=…, which
// brings a browser back to this page with the same query (the endpoint answers a
// browser's GET with this page), and other clients to the results.
const form = document.getElementById('q'), out = document.getElementById('out');
const area = form.query, hl = document.getElementById('highlight');
const links = document.getElementById('links');
const base = document.body.dataset.base;
const PAGE = 100;
const TOKENS = new RegExp([
  '(#[^\\n]*)',                                   // 1 comment
  '("(?:[^"\\\\\\n]|\\\\.)*"|\'(?:[^\'\\\\\\n]|\\\\.)*\')', // 2 string
  '(<[^<>"{}|^`\\\\\\s]*>)',                       // 3 IRI
  '([?$][A-Za-z_0-9]+)',                            // 4 variable
  '\\b(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE|PREFIX|BASE|FILTER|OPTIONAL|UNION|MINUS|GRAPH|BIND|VALUES|' +
    'ORDER|GROUP|BY|HAVING|LIMIT|OFFSET|DISTINCT|REDUCED|AS|NOT|EXISTS|IN|FROM|NAMED|SERVICE|a)\\b', // 5 keyword
  '([A-Za-z][\\w.-]*:[\\w.-]*|:[\\w.-]+)',         // 6 prefixed name
].join('|'), 'gi');
const CLASSES = [null, 'hc', 'hs', 'hi', 'hv', 'hk', 'hp'];
function highlight() {
  const text = area.value;
  hl.replaceChildren();
  let at = 0;
  for (const m of text.matchAll(TOKENS)) {
    if (m.index > at) hl.appendChild(document.createTextNode(text.slice(at, m.index)));
    const span = document.createElement('span');
    span.className = CLASSES[m.slice(1).findIndex((g) => g !== undefined) + 1];
    span.textContent = m[0];
    hl.appendChild(span);
    at = m.index + m[0].length;
  }
  hl.appendChild(document.createTextNode(text.slice(at) + '\n'));
  hl.scrollTop = area.scrollTop;
}
area.addEventListener('input', highlight);
area.addEventListener('scroll', () => { hl.scrollTop = area.scrollTop; hl.scrollLeft = area.scrollLeft; });
for (const b of document.querySelectorAll('button[data-query]')) {
  b.addEventListener('click', () => { area.value = b.dataset.query; highlight(); });
}
function link(text, href, download) {
  const a = document.createElement('a');
  a.textContent = text; a.href = href;
  if (download) a.download = download;
  return a;
}
function showLinks(query) {
  const q = 'sparql?' + new URLSearchParams({query}).toString();
  links.replaceChildren(
    link('permalink', '/' + q), document.createTextNode(' · download '),
    link('CSV', q + '&format=csv', 'results.csv'), document.createTextNode(' · '),
    link('JSON', q + '&format=json', 'results.json'));
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
function table(data, info) {
  const vars = data.head.vars, rows = data.results.bindings;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const t = document.createElement('table'), pager = document.createElement('p');
  pager.id = 'result-pages';
  const render = (page) => {
    t.replaceChildren();
    const head = t.insertRow();
    for (const v of vars) {
      const th = document.createElement('th'); th.textContent = v; head.appendChild(th);
    }
    for (const b of rows.slice(page * PAGE, (page + 1) * PAGE)) {
      const tr = t.insertRow();
      for (const v of vars) tr.appendChild(cell(b[v]));
    }
    pager.replaceChildren(document.createTextNode(
      'rows ' + (rows.length ? page * PAGE + 1 : 0) + '–' + Math.min(rows.length, (page + 1) * PAGE) +
      ' of ' + rows.length + ' '));
    for (const [label, to] of [['previous', page - 1], ['next', page + 1]]) {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = label; b.disabled = to < 0 || to >= pages;
      b.addEventListener('click', () => render(to));
      pager.appendChild(b);
    }
  };
  render(0);
  info.textContent += ' · ' + rows.length + ' rows';
  out.append(pager, t);
}
async function run() {
  const query = area.value;
  history.replaceState(null, '', '/sparql?' + new URLSearchParams({query}).toString());
  showLinks(query);
  out.textContent = 'Running…';
  const t0 = performance.now();
  try {
    const r = await fetch('/sparql', {method: 'POST',
      body: new URLSearchParams({query}),
      headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}});
    const type = r.headers.get('Content-Type') || '', text = await r.text();
    const info = document.createElement('p');
    info.className = 'm';
    info.textContent = r.status + ' · ' + Math.round(performance.now() - t0) + ' ms';
    if (r.headers.get('X-Result-Truncated') === 'true')
      info.textContent += ' · truncated at ' + r.headers.get('X-Result-Row-Cap') + ' rows';
    out.replaceChildren(info);
    if (!r.ok) {
      const p = document.createElement('pre'); p.className = 'error'; p.textContent = text;
      out.appendChild(p);
    } else if (type.startsWith('application/sparql-results+json')) {
      const data = JSON.parse(text);
      if ('boolean' in data) out.appendChild(document.createTextNode(String(data.boolean)));
      else table(data, info);
    } else {
      const pre = document.createElement('pre'); pre.textContent = text; out.appendChild(pre);
    }
  } catch (e) { out.textContent = 'Request failed: ' + e; }
}
form.addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
const shared = new URLSearchParams(location.search).get('query');
if (shared) { area.value = shared; }
highlight();
if (shared) run();  // a permalink, or a browser's GET /sparql?query=…
