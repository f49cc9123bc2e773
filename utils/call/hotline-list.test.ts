import { describe, expect, it } from 'vitest';
import { activeHotlines, manualHotline, mergeFetched, withCarrier, type HotlineEntry } from './hotline-list';
import type { Hotline } from './types';

const listed = (number: string, carrier: Hotline['carrier'], telco = `${carrier} (mobile number)`): Hotline => ({ number, carrier, telco });
const entry = (number: string, over: Partial<HotlineEntry> = {}): HotlineEntry => ({
  number,
  label: '',
  carrier: 'Viettel',
  telco: 'Viettel (mobile number)',
  carrierByUser: false,
  enabled: true,
  origin: 'list',
  ...over,
});

describe('mergeFetched', () => {
  it('a first fetch switches every listed number on', () =>
    expect(mergeFetched([], [listed('84966000111', 'Viettel')])).toEqual([entry('84966000111')]));
  it('keeps the user’s label, switch and carrier for numbers still listed', () => {
    const mine = [entry('84966000111', { label: 'Sales', enabled: false, carrier: 'Vinaphone', carrierByUser: true })];
    expect(mergeFetched(mine, [listed('84966000111', 'Viettel')])).toEqual(mine);
  });
  it('takes the list’s carrier when the user never set one', () =>
    expect(mergeFetched([entry('84966000111', { carrier: undefined })], [listed('84966000111', 'Viettel')])[0]!.carrier).toBe('Viettel'));
  it('drops numbers the list no longer has, keeps hotlines entered by hand', () => {
    const mine = [entry('84966000111'), entry('842873001234', { origin: 'manual', carrier: undefined, telco: '' })];
    expect(mergeFetched(mine, []).map((e) => e.number)).toEqual(['842873001234']);
  });
  it('a hand-entered number the list now has becomes listed, edits kept', () =>
    expect(mergeFetched([entry('84966000111', { origin: 'manual', label: 'CSKH', telco: '' })], [listed('84966000111', 'Viettel')])).toEqual([
      entry('84966000111', { label: 'CSKH' }),
    ]));
  it('keeps the user’s order and adds new numbers after', () =>
    expect(mergeFetched([entry('84906000333'), entry('84966000111')], [listed('84966000111', 'Viettel'), listed('84916000222', 'Vinaphone'), listed('84906000333', 'Mobifone')]).map((e) => e.number)).toEqual([
      '84906000333',
      '84966000111',
      '84916000222',
    ]));
});

describe('activeHotlines', () => {
  it('offers switched-on hotlines only, with their label', () =>
    expect(activeHotlines([entry('84966000111', { label: 'Sales' }), entry('84916000222', { enabled: false })])).toEqual([
      { number: '84966000111', carrier: 'Viettel', telco: 'Viettel (mobile number)', label: 'Sales' },
    ]));
});

describe('manualHotline', () => {
  it.each<[string, object]>([
    ['0966 000 111', { number: '84966000111', carrier: 'Viettel' }],
    ['+84 916 000 222', { number: '84916000222', carrier: 'Vinaphone' }],
    ['028 7300 1234', { number: '842873001234', carrier: undefined }],
    ['1900 6868', { number: '8419006868', carrier: undefined }],
  ])('%s is a hotline', (input, fields) => expect(manualHotline(input, ' Sales ', [])).toEqual({ ok: true, entry: expect.objectContaining({ ...fields, label: 'Sales', origin: 'manual', enabled: true }) }));
  it.each<[string, string]>([
    ['12345', 'invalidNumber'],
    ['hotline', 'invalidNumber'],
    ['+1 650 253 0000', 'notVietnamese'],
  ])('%s is refused: %s', (input, error) => expect(manualHotline(input, '', [])).toEqual({ ok: false, error }));
  it('refuses a number already in the list', () => expect(manualHotline('0966000111', '', [entry('84966000111')])).toEqual({ ok: false, error: 'duplicate' }));
});

describe('withCarrier', () => {
  it('marks the carrier as the user’s', () => expect(withCarrier(entry('84966000111'), 'Mobifone')).toMatchObject({ carrier: 'Mobifone', carrierByUser: true }));
});
