import { describe, expect, it } from 'vitest';
import { urlProblem } from './urls';

describe('urlProblem', () => {
  it.each<[string, 'http' | 'ws', string | undefined]>([
    ['https://crm.example.vn/stringee/token', 'http', undefined],
    ['http://127.0.0.1:47100/token', 'http', undefined],
    ['http://localhost:8080/token', 'http', undefined],
    ['http://api.localhost/token', 'http', undefined],
    ['http://[::1]:3000/token', 'http', undefined],
    ['http://crm.example.vn/token', 'http', 'insecure'],
    ['http://10.0.0.5/token', 'http', 'insecure'],
    ['ftp://crm.example.vn/token', 'http', 'wrongScheme'],
    ['wss://v1.stringee.com:6899/', 'http', 'wrongScheme'],
    ['crm.example.vn/token', 'http', 'invalid'],
    ['wss://v1.stringee.com:6899/', 'ws', undefined],
    ['ws://127.0.0.1:47100/ws', 'ws', undefined],
    ['ws://v1.stringee.com:6899/', 'ws', 'insecure'],
    ['https://v1.stringee.com:6899/', 'ws', 'wrongScheme'],
    ['v1.stringee.com:6899', 'ws', 'wrongScheme'],
  ])('%s (%s) → %s', (url, kind, problem) => expect(urlProblem(url, kind)).toBe(problem));
});
