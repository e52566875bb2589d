// The graph view: a node's neighbourhood, from this server's GraphQL API (POST /graphql).
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

const NEIGHBOURS = `
  query Neighbours($id: ID!) {
    node(id: $id) {
      __typename id
      ... on Person { name affiliations { role organisation { id name } } statements(first: 20) { nodes { ...statement } } }
      ... on Organisation { name partOf { id name } members(first: 20) { nodes { role person { id name } } } statements(first: 20) { nodes { ...statement } } }
      ... on Place { name containedIn { id name } contains(first: 20) { nodes { id name } } statementsAbout(includeContainedPlaces: false, first: 20) { nodes { ...statement } } }
      ... on Statement {
        ...statement
        speaker { __typename ... on Person { id name } ... on Organisation { id name } }
        saidAt { id name }
        about { id name }
        negotiation { id name }
        respondsTo { ...statement }
        responses(first: 20) { nodes { ...statement } }
        evidence { article { id title publisher } }
      }
      ... on Negotiation { name venue { id name } parties { id name } statements(first: 20) { nodes { ...statement } } }
      ... on Article { title publisher statements(first: 20) { nodes { ...statement } } }
    }
  }
  fragment statement on Statement { id kind text }`;

const EVIDENCE = `
  query Evidence($id: ID!) {
    node(id: $id) { ... on Statement { kind text evidence { start end text article { id title publisher text } } } }
  }`;

const COLOURS = { Person: '#4e79a7', Organisation: '#f28e2b', Place: '#59a14f', Statement: '#e15759', Negotiation: '#b07aa1', Article: '#9c755f' };
const SHAPES = { Person: 'ellipse', Organisation: 'round-rectangle', Place: 'diamond', Statement: 'ellipse', Negotiation: 'hexagon', Article: 'rectangle' };

function short(text) {
  return text.length > 48 ? text.slice(0, 45) + '…' : text;
}

function labelOf(type, item) {
  if (type === 'Statement') {
    return `${item.kind}: ${short(item.text)}`;
  }
  if (type === 'Article') {
    return item.title || item.publisher || 'Article';
  }
  return item.name;
}

// The neighbours of a node as [type, item, relationship, direction] (direction: 'out' from the node).
function neighbours(node) {
  const n = [];
  const add = (type, item, label, direction) => item && n.push([type, item, label, direction]);
  switch (node.__typename) {
    case 'Person':
      node.affiliations.forEach(a => add('Organisation', a.organisation, a.role || 'member of', 'out'));
      node.statements.nodes.forEach(s => add('Statement', s, 'said by', 'in'));
      break;
    case 'Organisation':
      add('Organisation', node.partOf, 'part of', 'out');
      node.members.nodes.forEach(m => add('Person', m.person, m.role || 'member of', 'in'));
      node.statements.nodes.forEach(s => add('Statement', s, 'said by', 'in'));
      break;
    case 'Place':
      add('Place', node.containedIn, 'contained in', 'out');
      node.contains.nodes.forEach(p => add('Place', p, 'contained in', 'in'));
      node.statementsAbout.nodes.forEach(s => add('Statement', s, 'about', 'in'));
      break;
    case 'Statement':
      if (node.speaker) add(node.speaker.__typename, node.speaker, 'said by', 'out');
      add('Place', node.saidAt, 'said at', 'out');
      node.about.forEach(p => add('Place', p, 'about', 'out'));
      add('Negotiation', node.negotiation, 'in negotiation', 'out');
      add('Statement', node.respondsTo, 'responds to', 'out');
      node.responses.nodes.forEach(s => add('Statement', s, 'responds to', 'in'));
      node.evidence.forEach(e => add('Article', e.article, 'evidenced by', 'out'));
      break;
    case 'Negotiation':
      add('Place', node.venue, 'held at', 'out');
      node.parties.forEach(o => add('Organisation', o, 'party', 'out'));
      node.statements.nodes.forEach(s => add('Statement', s, 'in negotiation', 'in'));
      break;
    case 'Article':
      node.statements.nodes.forEach(s => add('Statement', s, 'evidenced by', 'in'));
      break;
    default:
      break;
  }
  return n;
}

let cy = null;
const expanded = new Set();

function ensureNode(type, item) {
  if (cy.getElementById(item.id).empty()) {
    cy.add({ group: 'nodes', data: { id: item.id, type, label: labelOf(type, item) } });
  }
}

async function expand(id) {
  if (expanded.has(id)) {
    return;
  }
  const node = (await gql(NEIGHBOURS, { id })).node;
  if (!node) {
    throw new Error(`No node has the id ${id}.`);
  }
  expanded.add(id);
  ensureNode(node.__typename, node);
  cy.getElementById(id).data('expanded', 'yes');
  for (const [type, item, label, direction] of neighbours(node)) {
    ensureNode(type, item);
    const [source, target] = direction === 'out' ? [id, item.id] : [item.id, id];
    const edge = `${source}|${label}|${target}`;
    if (cy.getElementById(edge).empty()) {
      cy.add({ group: 'edges', data: { id: edge, source, target, label } });
    }
  }
  cy.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, padding: 20 }).run();
  document.body.dataset.expanded = String(expanded.size);
}

async function showEvidence(id) {
  const statement = (await gql(EVIDENCE, { id })).node;
  const panel = document.getElementById('evidence');
  document.getElementById('selected').textContent = `${statement.kind}: ${statement.text}`;
  panel.replaceChildren();
  for (const e of statement.evidence) {
    const text = e.article.text;
    const heading = document.createElement('h3');
    heading.textContent = e.article.title || e.article.publisher || 'Article';
    const article = document.createElement('div');
    article.className = 'article';
    const mark = document.createElement('mark');
    mark.textContent = text.slice(e.start, e.end);
    article.append(text.slice(0, e.start), mark, text.slice(e.end));
    panel.append(heading, article);
    mark.scrollIntoView({ block: 'center' });
  }
  document.body.dataset.evidence = id;
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

run((async () => {
  if (typeof cytoscape === 'undefined') {
    throw new Error('The graph cannot be drawn: Cytoscape.js was not installed when the API was built (it needs npm).');
  }
  let start = new URLSearchParams(location.search).get('node');
  if (!start) {
    const first = (await gql('{ statements(first: 1) { nodes { id } } }')).statements.nodes[0];
    start = first && first.id;
  }
  if (!start) {
    throw new Error('The store holds nothing to explore.');
  }
  cy = cytoscape({
    container: document.getElementById('graph'),
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        'background-color': ele => COLOURS[ele.data('type')] || '#999', shape: ele => SHAPES[ele.data('type')] || 'ellipse',
        label: 'data(label)', 'font-size': 9, 'text-wrap': 'wrap', 'text-max-width': 140, 'text-valign': 'bottom', 'text-margin-y': 3, width: 22, height: 22 } },
      { selector: 'node[expanded = "yes"]', style: { 'border-width': 3, 'border-color': '#222' } },
      { selector: 'edge', style: { width: 1.2, 'line-color': '#aab', 'target-arrow-color': '#aab', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 7, color: '#667' } },
    ],
  });
  cy.on('tap', 'node', event => {
    const node = event.target;
    run((async () => {
      await expand(node.id());
      if (node.data('type') === 'Statement') {
        await showEvidence(node.id());
      }
    })());
  });
  await expand(start);
  if (cy.getElementById(start).data('type') === 'Statement') {
    await showEvidence(start);
  }
  document.getElementById('status').textContent = 'Loaded from /graphql. Click a node to expand it.';
  document.body.dataset.ready = 'true';
})());
