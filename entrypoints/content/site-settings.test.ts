import { describe, expect, it } from 'vitest';
import { siteEnabled, siteHost } from './site-settings';

const base = { disabledSites: [], allowOnly: false, allowedSites: [], telLinks: true };

describe('siteEnabled', () => {
  it.each([
    [base, 'crm.example.com', true],
    [{ ...base, disabledSites: ['example.com'] }, 'crm.example.com', false],
    [{ ...base, disabledSites: ['example.com'] }, 'example.com', false],
    [{ ...base, disabledSites: ['example.com'] }, 'badexample.com', true],
    [{ ...base, allowOnly: true, allowedSites: ['crm.vn'] }, 'crm.vn', true],
    [{ ...base, allowOnly: true, allowedSites: ['crm.vn'] }, 'news.vn', false],
  ])('%j on %s → %s', (settings, host, expected) => {
    expect(siteEnabled(settings, host)).toBe(expected);
  });
});

describe('siteHost', () => {
  it.each([
    ['https://crm.example.com/a?b', 'https://crm.example.com', 'crm.example.com'],
    ['about:srcdoc', 'https://crm.example.com', 'crm.example.com'],
    ['about:blank', 'http://127.0.0.1:8080', '127.0.0.1'],
    ['blob:https://mail.vn/1f2e', 'https://mail.vn', 'mail.vn'],
    ['about:blank', 'null', ''],
    ['data:text/html,x', 'null', ''],
  ])('%s (origin %s) → %s', (href, origin, expected) => {
    expect(siteHost(href, origin)).toBe(expected);
  });
});
