import { describe, expect, it } from 'vitest';
import { candidateAddress, isLoopbackCandidate, loopbackCandidate, stripNonLoopbackCandidates } from './ice.js';

const FAKE_SRFLX =
  'candidate:1289619645 1 udp 1686052607 115.78.95.208 47279 typ srflx raddr 10.151.102.246 rport 53870 generation 1 ufrag abcd network-id 1';
const FAKE_RELAY =
  'candidate:3052053315 1 udp 41688831 103.35.64.216 32028 typ relay raddr 113.185.51.218 rport 31251 generation 0 ufrag abcd network-id 2 network-cost 10';

describe('candidate filtering', () => {
  it.each([
    ['candidate:1 1 udp 2122260223 127.0.0.1 33961 typ host generation 0', '127.0.0.1', true],
    ['a=candidate:1 1 udp 2122260223 127.0.1.1 33961 typ host', '127.0.1.1', true],
    ['candidate:1 1 udp 2122267903 ::1 47526 typ host generation 0 network-id 2', '::1', true],
    ['candidate:1 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active', '127.0.0.1', true],
    ['candidate:1 1 udp 2122260223 192.168.1.20 33961 typ host', '192.168.1.20', false],
    ['candidate:1 1 udp 2122260223 10.0.0.5 33961 typ host', '10.0.0.5', false],
    ['candidate:1 1 udp 2122260223 0f3c2a1e-aaaa-bbbb-cccc-123456789abc.local 5000 typ host', '0f3c2a1e-aaaa-bbbb-cccc-123456789abc.local', false],
    ['candidate:1 1 udp 2122260223 fe80::1 33961 typ host', 'fe80::1', false],
    ['candidate:1 1 udp 2122260223 128.0.0.1 33961 typ host', '128.0.0.1', false],
    [FAKE_SRFLX, '115.78.95.208', false],
    [FAKE_RELAY, '103.35.64.216', false],
    ['garbage', null, false],
    ['', null, false],
  ])('%s', (line, addr, loopback) => {
    expect(candidateAddress(line)).toBe(addr);
    expect(isLoopbackCandidate(line)).toBe(loopback);
  });

  it.each([
    [{ candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 }, { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 }],
    [{ candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0' }, { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0' }],
    [{ candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: null, sdpMLineIndex: 1 }, { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMLineIndex: 1 }],
    [{ candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' }, null], // neither sdpMid nor sdpMLineIndex
    [{ candidate: FAKE_SRFLX, sdpMid: '0', sdpMLineIndex: 0 }, null],
    [{ candidate: 42, sdpMid: '0' }, null],
    [null, null],
    ['candidate:1 1 udp 1 127.0.0.1 9 typ host', null],
  ])('loopbackCandidate(%j)', (input, expected) => {
    expect(loopbackCandidate(input)).toEqual(expected);
  });

  it('strips non-loopback a=candidate lines from SDP and keeps everything else', () => {
    const sdp = [
      'v=0',
      'm=audio 9 UDP/TLS/RTP/SAVPF 111',
      'a=candidate:1 1 udp 2122260223 127.0.0.1 33961 typ host generation 0',
      'a=candidate:2 1 udp 2122260223 192.168.1.2 33962 typ host generation 0',
      `a=${FAKE_SRFLX}`,
      'a=candidate:3 1 udp 2122267903 ::1 47526 typ host',
      'a=sendrecv',
      '',
    ].join('\r\n');
    expect(stripNonLoopbackCandidates(sdp)).toBe(
      [
        'v=0',
        'm=audio 9 UDP/TLS/RTP/SAVPF 111',
        'a=candidate:1 1 udp 2122260223 127.0.0.1 33961 typ host generation 0',
        'a=candidate:3 1 udp 2122267903 ::1 47526 typ host',
        'a=sendrecv',
        '',
      ].join('\r\n'),
    );
  });
});
