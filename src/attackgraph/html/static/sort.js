for (const table of document.querySelectorAll('table.sortable')) {
  const head = table.tHead.rows[0], body = table.tBodies[0];
  [...head.cells].forEach((th, i) => {
    th.style.cursor = 'pointer';
    th.title = 'Sort by ' + th.textContent;
    th.addEventListener('click', () => {
      const up = th.dataset.dir !== 'asc';
      for (const c of head.cells) delete c.dataset.dir;
      th.dataset.dir = up ? 'asc' : 'desc';
      const num = th.dataset.type === 'num';
      const key = (row) => {
        const c = row.cells[i], v = c.dataset.sort ?? c.textContent.trim();
        return v === '' ? null : num ? Number(v) : v.toLowerCase();
      };
      const rows = [...body.rows].map((r) => [key(r), r]);
      rows.sort(([a], [b]) => {
        if (a === null || b === null) return (a === null) - (b === null);  // empty last
        const d = num ? a - b : a.localeCompare(b);
        return up ? d : -d;
      });
      body.append(...rows.map(([, r]) => r));
    });
  });
}
