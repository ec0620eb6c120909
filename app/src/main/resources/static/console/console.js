// The console page: everything it shows comes from the feed (server-sent events) or the services' APIs,
// and every string from them goes into the page as text, never as markup.
'use strict';

const KEPT = 300;
const state = { messages: [], outbox: [], keys: new Set() };

function el(tag, attributes, ...children) {
  const node = document.createElementNS(tag.startsWith('svg:') ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml',
    tag.replace('svg:', ''));
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  return node;
}

function number(value, digits = 0) {
  return value < 0 ? '–' : Number(value).toFixed(digits);
}

function time(value) {
  const at = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return at.toLocaleTimeString([], { hour12: false }) + '.' + String(at.getMilliseconds()).padStart(3, '0');
}

// ---- system map ----
function drawMap(map) {
  const queues = map.queues.map(entry => ({ ...entry.queue, rate: entry.rate }));
  const byName = Object.fromEntries(queues.map(queue => [queue.name, queue]));
  const main = queues.filter(queue => !queue.parking);
  const rows = document.querySelector('#queues tbody');
  rows.replaceChildren();
  for (const queue of main) {
    rows.append(queueRow(queue, byName[queue.name + '.parked']));
  }
  drawDiagram(map.exchanges, main, byName);
}

function queueRow(queue, parking) {
  const waiting = queue.depth > 0 ? 'num waiting' : 'num';
  return el('tr', {},
    el('th', { scope: 'row', class: 'code' }, queue.name),
    el('td', { class: 'code' }, queue.routing_keys.length ? queue.exchange + ': ' + queue.routing_keys.join(', ')
      : 'default exchange (request/reply)'),
    el('td', {}, queue.owner || '(another process)'),
    el('td', { class: waiting }, number(queue.depth)),
    el('td', { class: 'num' }, number(queue.consumers)),
    el('td', { class: 'num' }, number(queue.rate.in, 1)),
    el('td', { class: 'num' }, number(queue.rate.out, 1)),
    el('td', { class: parking && parking.depth > 0 ? 'num waiting' : 'num' }, parking ? number(parking.depth) : '–'));
}

function drawDiagram(exchanges, queues, byName) {
  const keys = [];
  for (const queue of queues) for (const key of queue.routing_keys) if (!keys.includes(key)) keys.push(key);
  const rowHeight = 34;
  const height = Math.max(queues.length, keys.length, 1) * rowHeight + 20;
  const svg = el('svg:svg', { viewBox: `0 0 1000 ${height}`, 'aria-hidden': 'true' });
  const keyY = key => 20 + keys.indexOf(key) * (height - 20) / Math.max(keys.length, 1);
  const queueY = index => 20 + index * rowHeight;
  exchanges.forEach((exchange, index) => {
    svg.append(el('svg:rect', { x: 5, y: height / 2 - 20 + index * 44, width: 150, height: 36, rx: 6, class: 'box' }),
      el('svg:text', { x: 15, y: height / 2 + 3 + index * 44 }, exchange));
  });
  for (const key of keys) {
    svg.append(el('svg:path', { d: `M155 ${height / 2 - 2} C 220 ${height / 2}, 220 ${keyY(key)}, 260 ${keyY(key)}`, class: 'edge' }),
      el('svg:text', { x: 265, y: keyY(key) + 4 }, key));
  }
  queues.forEach((queue, index) => {
    const y = queueY(index);
    for (const key of queue.routing_keys) {
      svg.append(el('svg:path', { d: `M390 ${keyY(key)} C 440 ${keyY(key)}, 440 ${y + 12}, 480 ${y + 12}`, class: 'edge' }));
    }
    const busy = queue.depth > 0 ? 'busy' : 'box';
    svg.append(el('svg:rect', { x: 480, y: y, width: 360, height: 26, rx: 4, class: busy }),
      el('svg:text', { x: 488, y: y + 17 }, `${queue.name} · ${number(queue.depth)} waiting · ${number(queue.consumers)} consumers`));
    const parking = byName[queue.name + '.parked'];
    if (parking) {
      svg.append(el('svg:rect', { x: 850, y: y, width: 145, height: 26, rx: 4, class: parking.depth > 0 ? 'busy' : 'box' }),
        el('svg:text', { x: 856, y: y + 17 }, `parked: ${number(parking.depth)}`));
    }
    if (queue.owner) svg.append(el('svg:title', {}, queue.owner));
  });
  document.getElementById('diagram').replaceChildren(svg);
}

// ---- live flow ----
function addMessages(messages) {
  for (const message of messages) {
    state.messages.unshift(message);
    if (!state.keys.has(message.routing_key)) {
      state.keys.add(message.routing_key);
      document.getElementById('key-filter').append(el('option', { value: message.routing_key }, message.routing_key));
    }
  }
  state.messages.length = Math.min(state.messages.length, KEPT);
  if (!document.getElementById('paused').checked) drawMessages();
}

function drawMessages() {
  const key = document.getElementById('key-filter').value;
  const user = document.getElementById('user-filter').value.trim().toLowerCase();
  const rows = document.querySelector('#messages tbody');
  rows.replaceChildren(...state.messages
    .filter(message => !key || message.routing_key === key)
    .filter(message => !user || [message.user_id, message.email, message.correlation_id]
      .some(value => value && value.toLowerCase().includes(user)))
    .map(message => el('tr', {},
      el('td', { class: 'num' }, time(message.at)),
      el('td', { class: 'code' }, message.routing_key),
      el('td', { class: 'code' }, message.user_id || ''),
      el('td', {}, message.email || ''),
      el('td', { class: 'code' }, message.message_id || ''),
      el('td', { class: 'code' }, message.correlation_id || ''),
      el('td', { class: 'num' }, String(message.bytes)))));
}

// ---- outbox ----
function addOutbox(sample) {
  state.outbox.push(sample);
  state.outbox = state.outbox.slice(-120);
  document.getElementById('pending').textContent = number(sample.pending);
  document.getElementById('oldest').textContent = sample.oldest_seconds < 0 ? '–' : number(sample.oldest_seconds, 1) + ' s';
  document.getElementById('published').textContent = number(sample.published_per_second, 1);
  document.getElementById('lag').textContent = sample.lag_millis < 0 ? '–' : number(sample.lag_millis, 1) + ' ms';
  drawChart();
}

function drawChart() {
  const svg = document.getElementById('outbox-chart');
  const title = svg.querySelector('title');
  const points = state.outbox;
  const most = Math.max(1, ...points.map(point => Math.max(point.pending, point.published_per_second)));
  const x = index => 600 - (points.length - 1 - index) * 5;
  const y = value => 115 - Math.max(0, value) / most * 105;
  const bars = points.map((point, index) => el('svg:rect', { x: x(index) - 4, y: y(point.published_per_second), width: 4,
    height: 115 - y(point.published_per_second), fill: '#9cc3e6' }));
  const line = el('svg:polyline', { fill: 'none', stroke: '#a04000', 'stroke-width': 2,
    points: points.map((point, index) => `${x(index)},${y(point.pending)}`).join(' ') });
  svg.replaceChildren(title, ...bars, line, el('svg:text', { x: 4, y: 12, 'font-size': 11 }, `max ${number(most)}`));
}

// ---- the feed ----
function connect() {
  const status = document.getElementById('status');
  const feed = new EventSource('/console/feed');
  feed.addEventListener('hello', event => {
    const hello = JSON.parse(event.data);
    status.textContent = 'live';
    drawMap(hello.map);
    state.outbox = [];
    hello.outbox.forEach(addOutbox);
    state.messages = [];
    addMessages(hello.messages);
  });
  feed.addEventListener('map', event => drawMap(JSON.parse(event.data)));
  feed.addEventListener('outbox', event => addOutbox(JSON.parse(event.data)));
  feed.addEventListener('messages', event => {
    const batch = JSON.parse(event.data);
    addMessages(batch.messages);
    document.getElementById('dropped').textContent = batch.dropped ? `(${batch.dropped} not shown: too many at once)` : '';
  });
  feed.onerror = () => { status.textContent = 'reconnecting…'; };
}

document.addEventListener('DOMContentLoaded', () => {
  for (const id of ['key-filter', 'user-filter', 'paused']) document.getElementById(id).addEventListener('input', drawMessages);
  connect();
});
