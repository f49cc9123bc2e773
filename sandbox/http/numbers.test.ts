import { describe, expect, it } from 'vitest';
import { HOTLINES, PROJECT } from '../config.js';
import { numberList } from './numbers.js';

describe('GET /v1/number body', () => {
  it('lists every hotline in Stringee REST shape', () => {
    const body = numberList();
    expect(body).toMatchObject({ r: 0, message: 'Success', data: { totalPages: 1, totalCount: HOTLINES.length, activePage: 1 } });
    expect(body.data.numbers[0]).toEqual({
      id: HOTLINES[0]!.id,
      phone_number: HOTLINES[0]!.number,
      phone_number_no_country_code: HOTLINES[0]!.number.slice(2),
      country_code: '84',
      voice_enabled: 1,
      sms_enabled: 0,
      project_id: PROJECT.id,
      project_name: PROJECT.name,
      telco_name: HOTLINES[0]!.telcoName,
    });
  });

  it.each([
    ['Viettel', /^8496/],
    ['Vinaphone', /^8491/],
    ['Mobifone', /^8490/],
  ])('has a %s mobile hotline', (carrier, prefix) => {
    const n = numberList().data.numbers.find((x) => x.telco_name.startsWith(carrier) && /mobile/.test(x.telco_name));
    expect(n?.phone_number).toMatch(prefix);
  });

  it('has a landline hotline', () => {
    expect(numberList().data.numbers.some((x) => /^8428\d{8}$/.test(x.phone_number))).toBe(true);
  });

  it.each([
    [1, 2, 2, 1],
    [2, 2, 2, 2],
    [9, 2, 2, 2],
    [1, 500, HOTLINES.length, 1],
    [Number.NaN, Number.NaN, HOTLINES.length, 1],
  ])('page %d limit %d → %d numbers on page %d', (page, limit, count, active) => {
    const body = numberList(page, limit);
    expect(body.data.numbers).toHaveLength(count);
    expect(body.data.activePage).toBe(active);
  });
});
