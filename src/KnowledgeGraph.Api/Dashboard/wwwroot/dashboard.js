// The dashboard: every figure comes from this server's GraphQL API (POST /graphql).
'use strict';

async function gql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) {
    throw new Error(body.errors.map(e => e.message).join('; '));
  }
  return body.data;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function explore(id, text) {
  return el('a', { href: '/explore?node=' + encodeURIComponent(id) }, text);
}

function chart(id) {
  if (typeof echarts === 'undefined') {
    document.getElementById(id).append(el('p', { class: 'error' }, 'Charts cannot be drawn: Apache ECharts was not installed when the API was built (it needs npm).'));
    return null;
  }
  return echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
}

const REGIONS_PER_WEEK = `
  query RegionsPerWeek {
    statementStats(groupBy: [PLACE, TIME, KIND], placeLevel: REGION, timeBucket: WEEK,
                   order: [{ time: ASC }, { place: ASC }, { kind: ASC }], first: 100) {
      totalCount
      nodes { count kind bucket { startDate } place { id name } }
    }
  }`;

async function regionsPerWeek() {
  const rows = (await gql(REGIONS_PER_WEEK)).statementStats.nodes;
  const categories = [];
  const index = new Map();
  const kinds = [];
  for (const row of rows) {
    const label = `${row.place.name} · ${row.bucket.startDate}`;
    if (!index.has(label)) {
      index.set(label, categories.length);
      categories.push(label);
    }
    if (!kinds.includes(row.kind)) {
      kinds.push(row.kind);
    }
  }
  kinds.sort();
  const series = kinds.map(kind => {
    const data = categories.map(() => 0);
    for (const row of rows.filter(r => r.kind === kind)) {
      data[index.get(`${row.place.name} · ${row.bucket.startDate}`)] += row.count;
    }
    return { name: kind, type: 'bar', stack: 'kind', data, emphasis: { focus: 'series' } };
  });
  const c = chart('regions');
  if (c) {
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, bottom: 90, top: 40 },
      xAxis: { type: 'category', data: categories, axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, name: 'statements' },
      series,
    });
  }
  // The region with the most statements opens the timeline.
  const totals = new Map();
  for (const row of rows) {
    totals.set(row.place.id, (totals.get(row.place.id) || 0) + row.count);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const TOP_SPEAKERS = `
  query TopSpeakers {
    statementStats(groupBy: [SPEAKER], order: [{ count: DESC }], first: 10) {
      nodes { count speaker { __typename ... on Person { id name } ... on Organisation { id name } } }
    }
  }`;

async function topSpeakers() {
  const rows = (await gql(TOP_SPEAKERS)).statementStats.nodes;
  const c = chart('speakers');
  if (c) {
    c.setOption({
      animation: false,
      tooltip: {},
      grid: { left: 230, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map(r => r.speaker.name) },
      series: [{ name: 'statements', type: 'bar', data: rows.map(r => r.count), label: { show: true, position: 'right' } }],
    });
  }
}

const REGIONS = `
  query Regions { places(where: { kind: { eq: REGION } }, order: [{ name: ASC }], first: 100) { nodes { id name } } }`;

// Answers are always statements, so only the top level asks for rounds: the query stays
// within the API's default cost limit (MAX_COMPLEXITY_EXCEEDED otherwise).
const TIMELINE = `
  query Timeline($node: ID!) {
    timeline(node: $node, first: 50) {
      totalCount
      nodes { ...entry round { number venue { name } } negotiation { name } responses { ...entry responses { ...entry } } }
    }
  }
  fragment entry on TimelineEntry {
    date
    statement { id kind text speaker { ... on Person { name } ... on Organisation { name } } }
  }`;

function entryItem(entry) {
  const item = el('li', {});
  item.append(el('span', { class: 'date' }, entry.date || 'undated'));
  if (entry.statement) {
    const s = entry.statement;
    item.append(el('span', { class: 'kind' }, s.kind));
    item.append((s.speaker ? s.speaker.name : 'unnamed') + ': ');
    item.append(explore(s.id, s.text));
  } else {
    item.append(el('span', { class: 'round' }, `Round ${entry.round.number ?? ''} of ${entry.negotiation.name}${entry.round.venue ? ' in ' + entry.round.venue.name : ''}`));
  }
  if (entry.responses && entry.responses.length) {
    item.append(el('ol', { class: 'responses' }, ...entry.responses.map(entryItem)));
  }
  return item;
}

async function timeline(node) {
  const list = document.getElementById('timeline');
  const data = await gql(TIMELINE, { node });
  list.replaceChildren(...data.timeline.nodes.map(entryItem));
}

async function regions(selected) {
  const select = document.getElementById('region');
  const places = (await gql(REGIONS)).places.nodes;
  select.replaceChildren(...places.map(p => el('option', { value: p.id }, p.name)));
  if (selected) {
    select.value = selected;
  }
  select.addEventListener('change', () => run(timeline(select.value)));
  if (select.value) {
    await timeline(select.value);
  }
}

const SEARCH = `
  query Search($text: String!) {
    search(text: $text, first: 10) {
      nodes {
        field
        snippet
        node {
          __typename
          ... on Node { id }
          ... on Statement { kind }
        }
      }
    }
  }`;

// A snippet holds escaped text with the matched words in <em>: only text and <em> are kept,
// built as DOM nodes, never inserted as markup.
function highlighted(snippet) {
  const template = document.createElement('template');
  template.innerHTML = snippet;
  return [...template.content.childNodes].map(node =>
    node.nodeName === 'EM' ? el('em', {}, node.textContent) : document.createTextNode(node.textContent));
}

async function search(text) {
  const results = document.getElementById('search-results');
  const data = await gql(SEARCH, { text });
  const items = data.search.nodes.map(hit => {
    const label = hit.node.__typename === 'Statement' ? hit.node.kind : hit.node.__typename.toUpperCase();
    const link = explore(hit.node.id, '');
    link.replaceChildren(...highlighted(hit.snippet));
    return el('li', {}, el('span', { class: 'kind' }, label), link);
  });
  results.replaceChildren(...(items.length ? items : [el('li', {}, 'Nothing found.')]));
  results.dataset.count = String(items.length);
  results.dataset.query = text;
}

async function run(promise) {
  try {
    await promise;
  } catch (e) {
    const status = document.getElementById('status');
    status.textContent = 'Error: ' + e.message;
    status.className = 'error';
  }
}

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  const text = document.getElementById('search-text').value.trim();
  if (text) {
    run(search(text));
  }
});

run((async () => {
  const [top] = await Promise.all([regionsPerWeek(), topSpeakers()]);
  await regions(top);
  document.getElementById('status').textContent = 'Loaded from /graphql.';
  document.body.dataset.ready = 'true';
})());
