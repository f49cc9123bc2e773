import { describe, expect, it } from 'vitest';
import type { SiteSettings } from './items';
import { detectionEnabled, withSite } from './site-rules';

const base: SiteSettings = { disabledSites: [], allowOnly: false, allowedSites: [], telLinks: true };

describe('detectionEnabled', () => {
  it.each<[string, Partial<SiteSettings>, string, boolean]>([
    ['on everywhere by default', {}, 'crm.example.com', true],
    ['off on a denied site', { disabledSites: ['crm.example.com'] }, 'crm.example.com', false],
    ['a denied domain covers subdomains', { disabledSites: ['example.com'] }, 'crm.example.com', false],
    ['"*.example.com" is the same', { disabledSites: ['*.example.com'] }, 'a.example.com', false],
    ['no partial-name matches', { disabledSites: ['ample.com'] }, 'example.com', true],
    ['case does not matter', { disabledSites: ['CRM.Example.com'] }, 'crm.example.com', false],
    ['allow-only: listed site on', { allowOnly: true, allowedSites: ['example.com'] }, 'crm.example.com', true],
    ['allow-only: other site off', { allowOnly: true, allowedSites: ['example.com'] }, 'mail.other.vn', false],
    ['deny wins over allow', { allowOnly: true, allowedSites: ['example.com'], disabledSites: ['crm.example.com'] }, 'crm.example.com', false],
  ])('%s', (_, patch, host, enabled) => {
    expect(detectionEnabled({ ...base, ...patch }, host)).toBe(enabled);
  });
});

describe('withSite', () => {
  it('turns a site off and on again', () => {
    const off = withSite(base, 'crm.example.com', false);
    expect(detectionEnabled(off, 'crm.example.com')).toBe(false);
    expect(detectionEnabled(off, 'mail.example.com')).toBe(true);
    const on = withSite(off, 'crm.example.com', true);
    expect(detectionEnabled(on, 'crm.example.com')).toBe(true);
  });

  it('in allow-only mode, turning a site on adds it to the allowed list', () => {
    const s = withSite({ ...base, allowOnly: true }, 'crm.example.com', true);
    expect(detectionEnabled(s, 'crm.example.com')).toBe(true);
  });
});
