import { describe, expect, it } from 'vitest';
import { decideRoute, type RoutingDirectory } from './routing.js';

const dir: RoutingDirectory = {
  isKnownUser: (id) => ['agent1', 'agent2', 'agent3', 'guest-7', '84900000000'].includes(id),
  userForExtension: (ext) => ({ '101': 'agent1', '102': 'agent2', '103': 'agent3' })[ext],
  isHotline: (n) => ['84966000111', '842873001234'].includes(n),
};

describe('decideRoute', () => {
  it.each([
    ['agent1', 'agent2', { kind: 'internal', calleeUserId: 'agent2' }],
    ['agent1', 'agent1', { kind: 'internal', calleeUserId: 'agent1' }],
    ['anything', 'guest-7', { kind: 'internal', calleeUserId: 'guest-7' }],
    ['agent1', '102', { kind: 'internal', calleeUserId: 'agent2' }],
    ['84966000111', '103', { kind: 'internal', calleeUserId: 'agent3' }],
    // A userId wins over the PSTN rule even when it looks like a number.
    ['agent1', '84900000000', { kind: 'internal', calleeUserId: '84900000000' }],
    ['84966000111', '84987654321', { kind: 'external', toNumber: '84987654321', hotline: '84966000111' }],
    ['842873001234', '842838000006', { kind: 'external', toNumber: '842838000006', hotline: '842873001234' }],
    ['84966000111', '8498765432', { kind: 'refused', r: 2 }], // 8 national digits: too short
    ['84966000111', '84987654321012', { kind: 'refused', r: 2 }], // too long
    ['84966000111', '0987654321', { kind: 'refused', r: 2 }],
    ['84966000111', '+84987654321', { kind: 'refused', r: 2 }],
    ['84966000111', '84 98 765 4321', { kind: 'refused', r: 2 }],
    ['84966000111', '104', { kind: 'refused', r: 2 }],
    ['84966000111', 'nobody', { kind: 'refused', r: 2 }],
    ['84966000111', '', { kind: 'refused', r: 2 }],
    ['84966000111', undefined, { kind: 'refused', r: 2 }],
    ['84999999999', '84987654321', { kind: 'refused', r: 3 }],
    ['agent1', '84987654321', { kind: 'refused', r: 3 }],
    [undefined, '84987654321', { kind: 'refused', r: 3 }],
  ])('%s → %s', (from, to, expected) => {
    expect(decideRoute(from, to, dir)).toMatchObject(expected);
  });

  it('explains refusals in the message', () => {
    const r = decideRoute('84999999999', '84987654321', dir);
    expect(r.kind === 'refused' && r.message).toMatch(/FROM_NUMBER.*84999999999/);
  });
});
