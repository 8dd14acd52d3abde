// The page's behaviour: start calls without waiting, follow them until they finish, remember
// this browser's recent calls. Plain JavaScript, no build step, nothing fetched from elsewhere.
'use strict';

const STORAGE_KEY = 'nexus-liberty.calls';
const MAX_CALLS = 20;
const POLL_MILLIS = 750;

const calls = loadCalls();
const following = new Set();

function loadCalls() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY)) || [];
  } catch (e) {
    return [];
  }
}

function saveCalls() {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(calls.slice(0, MAX_CALLS)));
}

async function readJson(response) {
  try {
    return await response.json();
  } catch (e) {
    return {};
  }
}

function problemText(body, response) {
  return body.detail || body.title || 'The application answered ' + response.status;
}

async function showConnection() {
  const line = document.getElementById('connection');
  try {
    const response = await fetch('api/connection');
    const info = await response.json();
    const server = info.embedded
      ? 'the embedded Temporal test server at ' + info.target
      : 'Temporal at ' + info.target + ' (' + info.security + ')';
    line.textContent = 'Connected to ' + server + '. Roles: ' +
      (info.roles.length ? info.roles.join(', ') : 'none') + '. Workers ' +
      (info.workersStarted ? 'polling.' : 'not started yet.');
  } catch (e) {
    line.textContent = 'The application did not say which Temporal server it uses.';
  }
}

function showResult(output, text, ok) {
  output.textContent = text;
  output.className = 'result ' + (ok ? 'ok' : 'error');
}

function showProgress(output, text) {
  output.textContent = text;
  output.className = 'result';
}

async function startCall(kind, path, body, output, button) {
  button.disabled = true;
  showProgress(output, 'Starting…');
  try {
    const response = await fetch(path + '?wait=false', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)
    });
    const answer = await readJson(response);
    if (response.status !== 202) {
      showResult(output, problemText(answer, response), false);
      return;
    }
    const call = {kind: kind, workflowId: answer.workflowId, status: 'running', output: output.id};
    calls.unshift(call);
    saveCalls();
    render();
    showProgress(output, 'Running ' + call.workflowId + '…');
    follow(call);
  } catch (e) {
    showResult(output, 'The application did not answer: ' + e.message, false);
  } finally {
    button.disabled = false;
  }
}

async function follow(call) {
  if (following.has(call.workflowId)) {
    return;
  }
  following.add(call.workflowId);
  try {
    while (call.status === 'running') {
      const response = await fetch('api/workflows/' + encodeURIComponent(call.workflowId));
      const status = await readJson(response);
      if (response.status === 404) {
        call.status = 'unknown';
      } else if (response.ok) {
        Object.assign(call, {
          status: status.status, result: status.result, failure: status.failure,
          startTime: status.startTime, closeTime: status.closeTime
        });
      }
      saveCalls();
      render();
      if (call.status === 'running') {
        await new Promise(resolve => setTimeout(resolve, POLL_MILLIS));
      }
    }
    const output = document.getElementById(call.output);
    if (output && output.textContent.indexOf(call.workflowId) >= 0) {
      if (call.status === 'completed') {
        showResult(output, call.result, true);
      } else {
        showResult(output, call.status + (call.failure ? ': ' + call.failure : ''), false);
      }
    }
  } catch (e) {
    setTimeout(() => { following.delete(call.workflowId); follow(call); }, POLL_MILLIS * 4);
    return;
  }
  following.delete(call.workflowId);
}

async function cancel(call, button) {
  button.disabled = true;
  const response = await fetch('api/workflows/' + encodeURIComponent(call.workflowId) + '/cancel',
    {method: 'POST', headers: {'Content-Type': 'application/json'}});
  if (response.status !== 202 && response.status !== 409) {
    const answer = await readJson(response);
    button.disabled = false;
    button.title = problemText(answer, response);
  }
}

function timeTaken(call) {
  if (!call.startTime || !call.closeTime) {
    return '';
  }
  const millis = new Date(call.closeTime) - new Date(call.startTime);
  return millis < 1000 ? millis + ' ms' : (millis / 1000).toFixed(1) + ' s';
}

function render() {
  const body = document.querySelector('#calls tbody');
  body.replaceChildren();
  for (const call of calls.slice(0, MAX_CALLS)) {
    const row = document.createElement('tr');
    row.dataset.workflowId = call.workflowId;
    const cells = [
      ['workflow', call.workflowId],
      ['status status-' + call.status.replace(/ /g, '-'), call.status],
      ['result', call.status === 'completed' ? call.result : (call.failure || '')],
      ['time', timeTaken(call)]
    ];
    for (const [className, text] of cells) {
      const cell = document.createElement('td');
      cell.className = className;
      cell.textContent = text || '';
      row.appendChild(cell);
    }
    const actions = document.createElement('td');
    if (call.status === 'running') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary cancel';
      button.textContent = 'Cancel';
      button.setAttribute('aria-label', 'Cancel ' + call.workflowId);
      button.addEventListener('click', () => cancel(call, button));
      actions.appendChild(button);
    }
    row.appendChild(actions);
    body.appendChild(row);
  }
  document.getElementById('no-calls').hidden = calls.length > 0;
}

document.getElementById('echo-form').addEventListener('submit', event => {
  event.preventDefault();
  startCall('echo', 'api/echo',
    {message: document.getElementById('echo-message').value},
    document.getElementById('echo-result'), event.submitter || event.target.querySelector('button'));
});

document.getElementById('hello-form').addEventListener('submit', event => {
  event.preventDefault();
  startCall('hello', 'api/hello',
    {name: document.getElementById('hello-name').value,
     language: document.getElementById('hello-language').value},
    document.getElementById('hello-result'), event.submitter || event.target.querySelector('button'));
});

showConnection();
render();
calls.filter(call => call.status === 'running').forEach(follow);
