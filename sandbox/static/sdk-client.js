// Test harness around the unmodified Stringee SDK: window.sdk is what playwright drives.
// Every SDK callback and event is recorded in sdk.events as plain JSON.
(function () {
  'use strict';
  var S = window.Stringee;
  var params = new URLSearchParams(location.search);
  var audio = document.getElementById('remote');
  var events = [];
  var client = null;
  var clientUrl = null;
  var call = null;
  var lastStats = { packetsReceived: 0, packetsSent: 0, bytesReceived: 0, totalAudioEnergy: 0 };
  var st = {
    connected: false,
    authenticated: false,
    userId: null,
    clientId: null,
    lastAuthen: null,
    autoAnswer: params.get('autoanswer') === '1',
    autoAnswerDelayMs: Number(params.get('answerDelayMs') || 300),
  };
  var callState = null;

  function plain(x) {
    if (x === undefined) return null;
    try {
      return JSON.parse(JSON.stringify(x));
    } catch (e) {
      return String(x);
    }
  }

  function record(type, data) {
    events.push({ type: type, data: plain(data), at: Date.now() });
    render();
  }

  function render() {
    var c = callState;
    document.getElementById('status').textContent =
      (st.authenticated ? 'authenticated as ' + st.userId : st.connected ? 'connected' : 'not connected') +
      (c ? ' | call ' + (c.callId || '?') + ' ' + (c.signaling ? c.signaling.reason : '') + (c.media ? ' / ' + c.media.reason : '') : '');
    document.getElementById('log').textContent = events
      .slice(-80)
      .map(function (e) {
        return new Date(e.at).toISOString().slice(11, 23) + ' ' + e.type + ' ' + (e.data === null ? '' : JSON.stringify(e.data));
      })
      .join('\n');
  }

  function waitForEvent(type, since) {
    return new Promise(function (resolve) {
      var timer = setInterval(function () {
        for (var i = since; i < events.length; i++) {
          if (events[i].type === type) {
            clearInterval(timer);
            resolve(events[i].data);
            return;
          }
        }
      }, 20);
    });
  }

  function ensureClient(wsUrl) {
    if (client && clientUrl === wsUrl) return client;
    if (client) {
      try {
        client.disconnect();
      } catch (e) {}
    }
    client = new S.StringeeClient([wsUrl]);
    clientUrl = wsUrl;
    // The SDK keeps only the first handler per event, so register once per client object.
    client.on('connect', function () {
      st.connected = true;
      record('connect');
    });
    client.on('authen', function (res) {
      st.lastAuthen = plain(res);
      st.authenticated = res.r === 0;
      if (res.r === 0) {
        st.userId = res.userId;
        st.clientId = client.getClientId ? client.getClientId() : null;
      }
      record('authen', res);
    });
    client.on('disconnect', function () {
      st.connected = false;
      st.authenticated = false;
      record('disconnect');
    });
    client.on('requestnewtoken', function () {
      record('requestnewtoken');
    });
    client.on('otherdeviceauthen', function (d) {
      record('otherdeviceauthen', d);
    });
    client.on('custommessage', function (d) {
      record('custommessage', d);
    });
    client.on('incomingcall', function (c) {
      adopt(c, true);
      record('incomingcall', {
        callId: c.callId,
        fromNumber: c.fromNumber,
        toNumber: c.toNumber,
        fromInternal: c.fromInternal,
        isVideoCall: !!c.isVideoCall,
        customDataFromYourServer: c.customDataFromYourServer,
      });
      if (st.autoAnswer) setTimeout(function () { api.answer(); }, st.autoAnswerDelayMs);
    });
    return client;
  }

  function adopt(c, incoming) {
    call = c;
    lastStats = { packetsReceived: 0, packetsSent: 0, bytesReceived: 0, totalAudioEnergy: 0 };
    callState = { callId: c.callId || null, incoming: incoming, signaling: null, media: null, remoteStreams: 0, localStream: false, ended: false };
    c.on('signalingstate', function (s) {
      if (c === call) {
        callState.signaling = plain(s);
        if (s.code === 5 || s.code === 6) callState.ended = true;
      }
      record('signalingstate', Object.assign({ callId: c.callId }, s));
    });
    c.on('mediastate', function (s) {
      if (c === call) callState.media = plain(s);
      record('mediastate', Object.assign({ callId: c.callId }, s));
    });
    c.on('addlocalstream', function () {
      if (c === call) callState.localStream = true;
      record('addlocalstream', { callId: c.callId });
    });
    c.on('addremotestream', function (stream) {
      if (c === call) callState.remoteStreams++;
      // Re-assigning restarts playback when a renegotiation replaced the remote track.
      audio.srcObject = null;
      audio.srcObject = stream || null;
      if (audio.play) audio.play().catch(function () {});
      record('addremotestream', { callId: c.callId, hasStream: !!stream });
    });
    c.on('info', function (info) {
      record('info', { callId: c.callId, info: info });
    });
    c.on('otherdevice', function (d) {
      record('otherdevice', Object.assign({ callId: c.callId }, d));
    });
    c.on('error', function (e) {
      record('callerror', Object.assign({ callId: c.callId }, e));
    });
  }

  function cb(name, resolve) {
    return function (res) {
      record(name, res);
      resolve(plain(res));
    };
  }

  async function readStats() {
    if (!call || !call._pc) return lastStats;
    var report = await call._pc.getStats();
    var s = { packetsReceived: 0, packetsSent: 0, bytesReceived: 0, totalAudioEnergy: 0 };
    report.forEach(function (r) {
      if (r.kind && r.kind !== 'audio') return;
      if (r.type === 'inbound-rtp') {
        s.packetsReceived += r.packetsReceived || 0;
        s.bytesReceived += r.bytesReceived || 0;
        // Non-zero only if the decoded audio is not silence.
        s.totalAudioEnergy += r.totalAudioEnergy || 0;
      }
      if (r.type === 'outbound-rtp') s.packetsSent += r.packetsSent || 0;
    });
    lastStats = s;
    return s;
  }

  var api = {
    events: events,
    /** Creates the client on first use; later calls reuse it (the SDK ignores connect() until disconnect). */
    connect: function (wsUrl, token) {
      var since = events.length;
      ensureClient(wsUrl).connect(token);
      return waitForEvent('authen', since);
    },
    disconnect: function () {
      if (client) client.disconnect();
    },
    makeCall: function (from, to, video, custom) {
      var c = new S.StringeeCall(client, from, to, !!video);
      if (custom !== undefined) c.custom = typeof custom === 'string' ? custom : JSON.stringify(custom);
      adopt(c, false);
      return new Promise(function (resolve) {
        c.makeCall(function (res) {
          if (c === call) callState.callId = c.callId || null;
          record('makecall', res);
          resolve(plain(res));
        });
      });
    },
    answer: function () {
      var c = call;
      return new Promise(function (resolve) {
        c.answer(cb('answer', resolve));
      });
    },
    reject: function () {
      var c = call;
      return new Promise(function (resolve) {
        c.reject(cb('reject', resolve));
      });
    },
    /** No callback on purpose: hangup(cb) sends nothing before the peer connection exists. */
    hangup: function () {
      if (call && call.callId) call.hangup();
      if (callState) callState.ended = true;
    },
    sendDtmf: function (digits) {
      var c = call;
      return new Promise(function (resolve) {
        c.sendDtmf(digits, cb('dtmf', resolve));
      });
    },
    sendInfo: function (info) {
      var c = call;
      return new Promise(function (resolve) {
        c.sendInfo(info, cb('sendinfo', resolve));
      });
    },
    sendHold: function (hold) {
      var c = call;
      return new Promise(function (resolve) {
        if (hold === false) c.sendUnHold(cb('unhold', resolve));
        else c.sendHold(null, cb('hold', resolve));
      });
    },
    hold: function () {
      return call ? call.hold() : false;
    },
    unhold: function () {
      return call ? call.unhold() : false;
    },
    setAutoAnswer: function (on, delayMs) {
      st.autoAnswer = !!on;
      if (delayMs !== undefined) st.autoAnswerDelayMs = delayMs;
    },
    stats: readStats,
    state: function () {
      // pendingRemoteSdps: remote SDPs the SDK holds but has not applied yet (an incoming PSTN call's
      // offer waits for answer()).
      var pending = call && call._remoteSdps && call._remoteSdps.size ? call._remoteSdps.size() : 0;
      return plain({ client: st, call: callState, pendingRemoteSdps: pending, remoteAudio: { hasSrcObject: !!audio.srcObject, paused: audio.paused } });
    },
    clearEvents: function () {
      events.length = 0;
      render();
    },
  };
  window.sdk = api;

  // Manual use of the page (for people, not tests).
  document.getElementById('autoanswer').checked = st.autoAnswer;
  document.getElementById('autoanswer').onchange = function (e) {
    st.autoAnswer = e.target.checked;
  };
  document.getElementById('connect').onclick = async function () {
    var user = document.getElementById('user').value.trim();
    var res = await fetch('/token?userId=' + encodeURIComponent(user)).then(function (r) { return r.json(); });
    var cfg = await fetch('/config').then(function (r) { return r.json(); });
    api.connect(cfg.wsUrl, res.token);
  };
  document.getElementById('disconnect').onclick = api.disconnect;
  document.getElementById('call').onclick = function () {
    api.makeCall(document.getElementById('from').value.trim(), document.getElementById('to').value.trim(), false);
  };
  document.getElementById('answer').onclick = api.answer;
  document.getElementById('reject').onclick = api.reject;
  document.getElementById('hangup').onclick = api.hangup;
  document.getElementById('senddtmf').onclick = function () {
    api.sendDtmf(document.getElementById('dtmf').value);
  };
  render();
})();
