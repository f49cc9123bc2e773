import { describe, expect, it } from 'vitest';
import { encodeFrame, parseFrame, requestIdOf } from './protocol.js';

describe('parseFrame', () => {
  it.each([
    ['{"service":2,"body":{"requestId":1}}', { service: 2, body: { requestId: 1 } }],
    ['{"service":1}', { service: 1, body: {} }],
    ['{"service":26,"body":[1,2]}', { service: 26, body: {} }],
    ['{"service":26,"body":null}', { service: 26, body: {} }],
    ['{"service":0,"body":{}}', null],
    ['{"service":-3,"body":{}}', null],
    ['{"service":2.5,"body":{}}', null],
    ['{"service":"2","body":{}}', null],
    ['{"body":{}}', null],
    ['[1,2,3]', null],
    ['"hello"', null],
    ['null', null],
    ['{not json', null],
    ['', null],
  ])('%s', (raw, expected) => {
    expect(parseFrame(raw)).toEqual(expected);
  });

  it('round-trips through encodeFrame', () => {
    expect(parseFrame(encodeFrame(32, { callId: 'c', code: 200 }))).toEqual({ service: 32, body: { callId: 'c', code: 200 } });
  });

  it.each([
    [{ requestId: 7 }, 7],
    [{ requestId: 'x' }, 'x'],
    [{ requestId: null }, undefined],
    [{}, undefined],
  ])('requestIdOf(%j)', (body, id) => {
    expect(requestIdOf(body)).toBe(id);
  });
});
