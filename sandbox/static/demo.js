// Renders the sandbox legend (users, hotlines, phone behaviours) from GET /config.
(function () {
  'use strict';
  function el(tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function table(headers, rows) {
    var t = el('table');
    var tr = el('tr');
    headers.forEach(function (h) { tr.appendChild(el('th', h)); });
    t.appendChild(el('thead')).appendChild(tr);
    var tb = t.appendChild(el('tbody'));
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c) { row.appendChild(el('td', String(c))); });
      tb.appendChild(row);
    });
    return t;
  }
  function describe(b, ringTimeoutSec) {
    switch (b.kind) {
      case 'answer':
        return 'answers after ' + b.afterSec + ' s' + (b.hangupAfterSec !== undefined ? ', hangs up ' + b.hangupAfterSec + ' s later' : '');
      case 'busy':
        return 'busy (486) after ' + (b.afterSec === undefined ? 1 : b.afterSec) + ' s';
      case 'noAnswer':
        return 'rings for ' + ringTimeoutSec + ' s, then 480';
      case 'unreachable':
        return 'unreachable (404), no ringing';
      default:
        return JSON.stringify(b);
    }
  }
  // A customer's phone calls a hotline that rings agent1 (POST /admin/phones/call).
  document.getElementById('call-agent1').onclick = function () {
    var status = document.getElementById('incoming-status');
    status.textContent = 'calling…';
    fetch('/admin/phones/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: '84987654321', to: 'agent1' }),
    })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        status.textContent = res.callId ? ' ' + res.callId + ' (see /calls; nobody signed in as agent1 → unreachable)' : ' ' + res.error;
      })
      .catch(function (e) { status.textContent = ' failed: ' + e; });
  };
  fetch('/config')
    .then(function (r) { return r.json(); })
    .then(function (cfg) {
      var box = document.getElementById('legend');
      document.getElementById('legend-status').textContent =
        'SDK server ' + cfg.wsUrl + ' · API key ' + cfg.apiKeySid + ' · tokens from ' + cfg.httpUrl + '/token?userId=agent1';
      box.appendChild(el('h3', 'Agents (internal calls: dial the userId or the extension)'));
      box.appendChild(table(['userId', 'name', 'extension'], cfg.users.map(function (u) { return [u.userId, u.displayName, u.extension]; })));
      box.appendChild(el('h3', 'Hotlines (caller IDs for outbound calls)'));
      box.appendChild(table(['number', 'carrier'], cfg.hotlines.map(function (h) { return [h.number, h.telcoName]; })));
      box.appendChild(el('h3', 'Simulated phones'));
      var rows = cfg.demoPhones.map(function (p) { return [p.number, p.carrier, describe(p.behaviour, cfg.ringTimeoutSec)]; });
      rows.push(['any other 84xxxxxxxxx', '–', describe(cfg.defaultPhoneBehaviour, cfg.ringTimeoutSec)]);
      box.appendChild(table(['number', 'carrier', 'behaviour'], rows));
      box.appendChild(el('p', 'Numbers must reach the SDK as 84… (no +, no leading 0); anything else is refused.'));
    })
    .catch(function (e) {
      document.getElementById('legend-status').textContent = 'Could not load /config: ' + e;
    });
})();
