import { describe, expect, it } from 'vitest';
import { siteEnabled } from './site-settings';

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
