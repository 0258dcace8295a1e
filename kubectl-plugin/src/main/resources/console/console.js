// KubeStellar console: renders /api/state and refreshes whenever /api/events says something changed.
"use strict";

const $ = (id) => document.getElementById(id);
let selected = null; // {group, resource, namespace, name, cluster}
let refreshing = false;
let again = false;

function text(tag, value, cls) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (cls) el.className = cls;
  return el;
}

function fillSelect(select, values) {
  const current = select.value;
  const known = new Set(Array.from(select.options).map((o) => o.value));
  for (const v of values) {
    if (!known.has(v)) select.appendChild(text("option", v));
  }
  select.value = current;
}

function renderPolicies(policies) {
  const body = $("policies").tBodies[0];
  body.replaceChildren();
  for (const p of policies) {
    const row = document.createElement("tr");
    row.dataset.policy = p.name;
    row.appendChild(text("td", p.name));
    const conditions = document.createElement("td");
    for (const c of p.conditions) {
      const span = text("span", `${c.type}=${c.status} (${c.reason || ""}) `, `cond-${c.status}`);
      span.title = c.message || "";
      conditions.appendChild(span);
    }
    row.appendChild(conditions);
    row.appendChild(text("td", (p.errors || []).join("; ")));
    body.appendChild(row);
  }
}

function renderMatrix(matrix) {
  const table = $("matrix");
  const head = document.createElement("tr");
  head.appendChild(text("th", "Object"));
  head.appendChild(text("th", "Policies"));
  for (const c of matrix.clusters) head.appendChild(text("th", c));
  table.tHead.replaceChildren(head);
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const r of matrix.rows) {
    const row = document.createElement("tr");
    row.dataset.object = r.object;
    row.appendChild(text("td", r.object));
    row.appendChild(text("td", r.policies.join(", ")));
    for (const cluster of matrix.clusters) {
      const cell = r.cells[cluster];
      if (!cell) {
        row.appendChild(text("td", "-", "none"));
        continue;
      }
      const td = text("td", cell.state, `cell ${cell.state}`);
      td.dataset.object = r.object;
      td.dataset.cluster = cluster;
      td.dataset.state = cell.state;
      td.title = cell.detail || cell.work || "";
      const key = { group: r.group, resource: r.resource, namespace: r.namespace, name: r.name, cluster };
      if (selected && sameCell(selected, key)) td.classList.add("selected");
      td.addEventListener("click", () => select(key));
      row.appendChild(td);
    }
    body.appendChild(row);
  }
  $("summary").textContent = matrix.summary;
}

function sameCell(a, b) {
  return a.group === b.group && a.resource === b.resource && a.namespace === b.namespace
    && a.name === b.name && a.cluster === b.cluster;
}

async function refresh() {
  if (refreshing) { again = true; return; }
  refreshing = true;
  try {
    do {
      again = false;
      const query = new URLSearchParams({
        namespace: $("filter-namespace").value,
        policy: $("filter-policy").value,
        state: $("filter-state").value,
      });
      const state = await (await fetch(`api/state?${query}`)).json();
      renderPolicies(state.policies);
      fillSelect($("filter-namespace"), state.namespaces);
      fillSelect($("filter-policy"), state.policies.map((p) => p.name));
      renderMatrix(state.matrix);
      document.body.dataset.version = state.version;
      if (selected) await loadDetails();
    } while (again);
  } finally {
    refreshing = false;
  }
}

async function select(key) {
  selected = key;
  for (const td of document.querySelectorAll("td.cell.selected")) td.classList.remove("selected");
  await loadDetails();
  await refresh();
}

async function loadDetails() {
  const answer = await (await fetch(`api/cell?${new URLSearchParams(selected)}`)).json();
  $("details").hidden = false;
  $("details-title").textContent = `${answer.object} on ${answer.cluster}`;
  $("explain").textContent = answer.explain;
  $("diff").textContent = answer.diff;
}

for (const id of ["filter-namespace", "filter-policy", "filter-state"]) {
  $(id).addEventListener("change", refresh);
}

const events = new EventSource("api/events");
events.addEventListener("change", () => {
  $("live").textContent = `live · updated ${new Date().toLocaleTimeString()}`;
  refresh();
});
events.onerror = () => { $("live").textContent = "reconnecting…"; };
