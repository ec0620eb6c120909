// The console page: everything it shows comes from the feed (server-sent events) or the services' APIs,
// and every string from them goes into the page as text, never as markup.
'use strict';

const KEPT = 300;
const state = { messages: [], outbox: [], keys: new Set(), owners: {} };

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

// A count and its noun as a person writes it ("1 consumer", "2 consumers"; "– consumers" where unknown):
// the page's one way to print a count. The Java side's is dev.troupe.Plural.
function count(value, noun, plural = noun + 's') {
  return `${number(value)} ${value === 1 ? noun : plural}`;
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
  if (queue.owner) state.owners[queue.name] = queue.owner;
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
      el('svg:text', { x: 488, y: y + 17 }, `${queue.name} · ${number(queue.depth)} waiting · ${count(queue.consumers, 'consumer')}`));
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
      el('td', { class: 'num' }, time(message.at), ' ',
        button('trace', () => showTrace(message.correlation_id || message.message_id),
          { 'aria-label': `Trace of ${message.routing_key} ${message.message_id || ''}` })),
      el('td', { class: 'code' }, message.routing_key),
      el('td', { class: 'code' }, message.user_id || ''),
      el('td', {}, message.email || ''),
      el('td', { class: 'code' }, message.message_id || ''),
      el('td', { class: 'code' }, message.correlation_id || ''),
      el('td', { class: 'num' }, String(message.bytes)))));
}

// ---- trace ----
const TRACE_ATTRIBUTES = { listener: 'spring.rabbit.listener.id', queue: 'messaging.destination.name',
  type: 'troupe.message.type', outcome: 'troupe.outcome', exists: 'troupe.user.exists' };

async function showTrace(id) {
  if (!id) return;
  document.getElementById('trace-id').value = id;
  const outcome = document.getElementById('trace-outcome');
  outcome.textContent = 'looking…';
  const traces = await json('GET', `/console/traces?id=${encodeURIComponent(id)}`);
  document.getElementById('trace-list').replaceChildren(...traces.slice(1).map(traceButton));
  if (!traces.length) {
    outcome.textContent = `No trace of ${id} in this process yet (spans arrive about a second after they end).`;
    document.querySelector('#trace-steps tbody').replaceChildren();
    return;
  }
  outcome.textContent = traces.length > 1 ? `${count(traces.length, 'trace')} carry ${id}; the newest is shown, the others below.`
    : `One trace carries ${id}.`;
  drawTrace(traces[0]);
  document.getElementById('trace').scrollIntoView({ block: 'start' });
}

function traceButton(trace) {
  return el('li', {}, button(`${time(trace.start)} · ${trace.spans[0].name} · ${count(trace.spans.length, 'step')} · `
    + `${number(trace.duration_micros / 1000, 1)} ms${trace.error ? ' · failed' : ''}`, () => showTrace(trace.trace_id)));
}

async function recentTraces() {
  const recent = await json('GET', '/console/traces/recent');
  document.getElementById('trace-outcome').textContent = recent.length ? 'The newest traces of this process:' : 'No trace yet.';
  document.getElementById('trace-list').replaceChildren(...recent.map(summary => el('li', {},
    button(`${time(summary.start)} · ${summary.name} · ${count(summary.spans, 'step')} · ${number(summary.duration_micros / 1000, 1)} ms`
      + (summary.error ? ' · failed' : ''), () => showTrace(summary.trace_id)))));
}

function drawTrace(trace) {
  document.getElementById('trace-which').textContent = `(trace ${trace.trace_id}, ${number(trace.duration_micros / 1000, 1)} ms)`;
  const depth = {}, where = {};
  const total = Math.max(trace.duration_micros, 1);
  document.querySelector('#trace-steps tbody').replaceChildren(...trace.spans.map(span => {
    depth[span.span_id] = span.parent_id in depth ? depth[span.parent_id] + 1 : 0;
    where[span.span_id] = placeOf(span, where[span.parent_id]);
    const bar = el('span', { class: span.error ? 'failed' : '', title: `${number(span.duration_micros / 1000, 1)} ms` });
    bar.style.marginLeft = `${100 * span.start_micros / total}%`;
    bar.style.width = `${100 * span.duration_micros / total}%`;
    const step = el('td', {}, stepOf(span));
    step.style.paddingLeft = `${0.4 + depth[span.span_id]}rem`;
    return el('tr', { class: span.error ? 'failed' : '' }, step, el('td', {}, where[span.span_id]),
      el('td', { class: 'num' }, number(span.start_micros / 1000, 1)),
      el('td', { class: 'num' }, number(span.duration_micros / 1000, 1)),
      el('td', {}, outcomeOf(span)), el('td', { class: 'bar' }, bar));
  }));
}

// What a span is, in words: the names are Spring AMQP's and Troupe's observations (MessageObservations).
function stepOf(span) {
  const a = span.attributes, type = a[TRACE_ATTRIBUTES.type];
  if (span.kind === 'SERVER') return span.name.replace(/^http (\w+)/, (all, method) => 'HTTP ' + method.toUpperCase());
  if (span.name === 'user check') return 'user checked before mailing';
  if (span.name === 'welcome mail send') return 'welcome mail sent over SMTP';
  if (span.name.endsWith(' outbox write')) return `${type} written to the outbox, in the same transaction`;
  if (span.name.endsWith(' relay')) return `${type} relayed from the outbox`;
  if (span.name.endsWith(' reply')) return `answer sent to the waiting client by ${a[TRACE_ATTRIBUTES.listener]}`;
  if (span.name.endsWith(' failure')) return `failure settled by ${a[TRACE_ATTRIBUTES.listener]}: retry later, or park`;
  if (span.name.endsWith(' send')) {
    const to = span.name.replace(/ send$/, '');
    return to.startsWith('/') ? `answer published to ${to.slice(1)}` : `${type || 'message'} published to ${to}`;
  }
  if (span.name.endsWith(' receive')) return `${type} handled by ${a[TRACE_ATTRIBUTES.listener] || 'a listener'}`;
  return span.name;
}

function placeOf(span, parentPlace) {
  const queue = span.attributes[TRACE_ATTRIBUTES.queue];
  if (span.name.endsWith(' receive') && queue) return state.owners[queue] || span.attributes[TRACE_ATTRIBUTES.listener] || queue;
  if (span.name.endsWith(' relay')) return 'outbox relay';
  if (/ (reply|failure)$/.test(span.name)) return span.attributes[TRACE_ATTRIBUTES.listener];
  if (span.kind === 'SERVER') return span.name.includes('/external_users') ? 'gateway' : 'HTTP API';
  return parentPlace || '';
}

function outcomeOf(span) {
  if (span.error) return `failed: ${span.error_type ? span.error_type.replace(/^.*\./, '') + ': ' : ''}${span.error_message || ''}`;
  if (span.attributes[TRACE_ATTRIBUTES.outcome] === 'duplicate') return 'duplicate, dropped by the inbox';
  if (span.attributes[TRACE_ATTRIBUTES.exists] === 'false') return 'user gone: no mail';
  const status = span.attributes.status;
  return status ? `HTTP ${status}` : 'ok';
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


// ---- what needs the admin: actions and personal data ----
function csrfToken() {
  const found = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return found ? decodeURIComponent(found[1]) : '';
}

// Every action carries the CSRF token from its cookie; a login page where an answer was expected means "log in".
async function call(method, url, body, headers = {}) {
  const response = await fetch(url, { method, credentials: 'same-origin',
    headers: { 'X-XSRF-TOKEN': csrfToken(), Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.redirected && new URL(response.url).pathname === '/login') throw new Error('log in first');
  return response;
}

async function json(method, url, body) {
  const response = await call(method, url, body);
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(parsed && parsed.detail ? parsed.detail : `${response.status} ${response.statusText}`);
  return parsed;
}

function button(label, action, attributes = {}) {
  const node = el('button', { type: 'button', ...attributes }, label);
  node.addEventListener('click', async () => {
    node.disabled = true;
    try { await action(); } catch (failure) { say(failure.message); } finally { node.disabled = false; }
  });
  return node;
}

function say(text) {
  document.getElementById('access').textContent = text;
}

async function checkAccess() {
  const response = await fetch('/console/admin/access', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const admin = response.ok && !response.redirected;
  for (const section of document.querySelectorAll('section.admin')) {
    section.classList.toggle('locked', !admin);
    section.querySelector('.locked-note')?.remove();
    if (!admin) {
      const note = response.status === 403
        ? 'Only from this machine: no admin password is configured (troupe.admin.password).'
        : 'The admin may act here and see personal data: ';
      const line = el('p', { class: 'locked-note' }, note);
      if (response.status !== 403) line.append(el('a', { href: '/login' }, 'log in'));
      section.append(line);
    }
  }
  if (admin) {
    say('');
    await Promise.allSettled([loadConsumers(), loadScenarios(), loadParked(), loadUsers(), loadMails()]);
  }
}

// pause and resume
async function loadConsumers() {
  drawConsumers(await json('GET', '/console/admin/consumers'));
}

function drawConsumers(services) {
  document.querySelector('#consumers tbody').replaceChildren(...services.map(service => el('tr', {},
    el('th', { scope: 'row' }, service.name),
    el('td', { class: 'code' }, service.queues.join(', ')),
    el('td', {}, service.running ? 'consuming' : 'paused'),
    el('td', {}, button(service.running ? `Pause ${service.name}` : `Resume ${service.name}`, async () =>
      drawConsumers(await json('POST', `/console/admin/consumers/${encodeURIComponent(service.name)}/${service.running ? 'pause' : 'resume'}`)))))));
}

// scenarios
let scenarioTimer = null;
async function loadScenarios() {
  const state = await json('GET', '/console/admin/scenarios');
  document.getElementById('scenario-note').textContent = state.available
    ? 'Each runs the seed\'s flow and Troupe\'s, 30 registrations each, every service in a process of its own (a few minutes).'
    : `Scenarios start Troupe again, one process per service, and this process cannot be started again so; ${state.how}`;
  document.getElementById('scenarios').replaceChildren(...state.scenarios.map(scenario => el('li', {},
    button(scenario.name, async () => {
      if (!confirm(`Run ${scenario.name}? It ${scenario.breaks}.`)) return;
      showRun((await json('POST', `/console/admin/scenarios/${encodeURIComponent(scenario.name)}`)).last);
    }, { title: `${scenario.breaks}; should survive: ${scenario.survives}`, ...(state.available ? {} : { disabled: '' }) }))));
  showRun(state.last);
}

function showRun(run) {
  const output = document.getElementById('scenario-output');
  if (!run) return;
  output.textContent = `${run.scenario}${run.ended ? ` ended (exit ${run.exit})` : ' running…'}\n\n${run.output}`;
  clearTimeout(scenarioTimer);
  if (!run.ended) scenarioTimer = setTimeout(async () => showRun((await json('GET', '/console/admin/scenarios')).last), 2000);
}

// parking
let parked = [];
async function loadParked() {
  const queue = document.getElementById('parking-queue').value;
  parked = await json('GET', '/console/admin/api/admin/parked' + (queue ? `?queue=${encodeURIComponent(queue)}` : ''));
  const select = document.getElementById('parking-queue');
  for (const name of new Set(parked.map(message => message.queue))) {
    if (![...select.options].some(option => option.value === name)) select.append(el('option', { value: name }, name));
  }
  document.querySelector('#parked tbody').replaceChildren(...parked.map(message => el('tr', { 'data-message-id': message.message_id || '' },
    el('td', { class: 'code' }, message.queue),
    el('td', { class: 'code' }, message.routing_key || ''),
    el('td', {}, message.reason || ''),
    el('td', { class: 'code' }, message.exception_class || ''),
    el('td', { class: 'num' }, String(message.attempts)),
    el('td', {}, message.parked_at ? new Date(message.parked_at).toLocaleString() : ''),
    el('td', {}, button('Replay', () => settle([message], 'replay')), ' ', button('Discard', () => settle([message], 'discard'))))));
}

async function settle(messages, how) {
  if (!messages.length || !confirm(`${how === 'replay' ? 'Replay' : 'Discard'} ${count(messages.length, 'parked message')}?`)) return;
  for (const message of messages) {
    if (how === 'replay') await json('POST', `/console/admin/api/admin/parked/${message.id}/replay`);
    else await json('DELETE', `/console/admin/api/admin/parked/${message.id}`);
  }
  await loadParked();
}

// users and coupons
let userPage = 0;
async function loadUsers() {
  const page = await json('GET', `/console/admin/api/users/?page=${userPage}&size=20`);
  document.getElementById('user-page').textContent = `(page ${page.page + 1} of ${Math.max(1, Math.ceil(page.total_items / page.size))}, ${page.total_items} in all)`;
  document.getElementById('users-previous').disabled = page.page === 0;
  document.getElementById('users-next').disabled = (page.page + 1) * page.size >= page.total_items;
  const rows = await Promise.all(page.items.map(async user => {
    let coupon = '';
    try {
      const coupons = await json('GET', `/console/admin/api/coupons/?user_id=${encodeURIComponent(user.id)}`);
      coupon = `${coupons.code} (${coupons.status})`;
    } catch (none) { coupon = '–'; }
    return el('tr', {}, el('td', {}, user.name), el('td', {}, user.email), el('td', { class: 'code' }, user.id),
      el('td', { class: 'code' }, coupon),
      el('td', {}, button('Delete', async () => {
        if (!confirm(`Delete ${user.name} <${user.email}>?`)) return;
        await call('DELETE', `/console/admin/api/external_users/${encodeURIComponent(user.id)}`);
        setTimeout(loadUsers, 500);
      })));
  }));
  document.querySelector('#user-list tbody').replaceChildren(...rows);
}

async function register(event) {
  event.preventDefault();
  const form = event.target;
  const outcome = document.getElementById('register-outcome');
  outcome.textContent = 'registering…';
  try {
    const response = await call('POST', '/console/admin/api/external_users/',
      { name: form.name.value, email: form.email.value }, { Prefer: 'wait=5' });
    const text = await response.text();
    const body = text ? JSON.parse(text) : {};
    outcome.textContent = response.status === 201 ? `registered: ${body.name} <${body.email}>, id ${body.id}`
      : response.status === 202 ? 'accepted; still on its way after 5 s'
      : `refused (${response.status}): ${body.detail || body.title || text}`;
    if (response.ok) { form.reset(); await loadUsers(); }
  } catch (failure) {
    outcome.textContent = failure.message;
  }
}

// mailbox
async function loadMails() {
  const mails = (await json('GET', '/mail/messages')).slice().reverse();
  document.getElementById('mails').replaceChildren(...mails.map((mail, index) => {
    const choose = el('button', { type: 'button', 'aria-pressed': 'false' },
      el('strong', {}, mail.subject || '(no subject)'), el('br'), `${(mail.to || []).join(', ')}`);
    choose.addEventListener('click', () => {
      for (const other of document.querySelectorAll('#mails button')) other.setAttribute('aria-pressed', 'false');
      choose.setAttribute('aria-pressed', 'true');
      showMail(mail);
    });
    return el('li', {}, choose);
  }));
  if (mails.length) {
    document.querySelector('#mails button').setAttribute('aria-pressed', 'true');
    showMail(mails[0]);
  }
}

function showMail(mail) {
  // sandbox="" (no scripts, no forms, no top navigation) and a policy that loads nothing from elsewhere
  const policy = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">';
  document.getElementById('mail-html').srcdoc = policy + (mail.html || `<pre>${(mail.text || '').replace(/[&<>]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c])}</pre>`);
  document.getElementById('mail-raw').textContent = mail.raw || '';
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
  document.getElementById('register').addEventListener('submit', register);
  document.getElementById('parking-refresh').addEventListener('click', () => loadParked().catch(failure => say(failure.message)));
  document.getElementById('parking-queue').addEventListener('input', () => loadParked().catch(failure => say(failure.message)));
  document.getElementById('replay-all').addEventListener('click', () => settle(parked, 'replay').catch(failure => say(failure.message)));
  document.getElementById('discard-all').addEventListener('click', () => settle(parked, 'discard').catch(failure => say(failure.message)));
  document.getElementById('users-previous').addEventListener('click', () => { userPage = Math.max(0, userPage - 1); loadUsers(); });
  document.getElementById('users-next').addEventListener('click', () => { userPage += 1; loadUsers(); });
  document.getElementById('trace-form').addEventListener('submit', event => {
    event.preventDefault();
    showTrace(document.getElementById('trace-id').value.trim()).catch(failure => say(failure.message));
  });
  document.getElementById('trace-recent').addEventListener('click', () => recentTraces().catch(failure => say(failure.message)));
  document.getElementById('mail-refresh').addEventListener('click', () => loadMails().catch(failure => say(failure.message)));
  connect();
  checkAccess();
});
