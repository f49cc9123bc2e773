import { describe, expect, it } from 'vitest';
import { hotlinesFromNumberList } from './number-list';

const row = (phone_number: string, telco_name: string, extra: object = {}) => ({
  id: phone_number,
  phone_number,
  country_code: '84',
  voice_enabled: 1,
  telco_name,
  ...extra,
});

describe('hotlinesFromNumberList', () => {
  it('reads Stringee number rows with their carrier', () => {
    const list = hotlinesFromNumberList({
      r: 0,
      data: {
        numbers: [
          row('84929760786', 'Vietnamobile (mobile number)'),
          row('84961000111', 'Viettel (mobile number)'),
          row('842873001234', 'VNPT (fixed)'),
          row('84911000222', ''), // carrier from the prefix when the name says nothing
          row('84901000333', 'Mobifone', { voice_enabled: 0 }), // not for calls
          row('84961000111', 'Viettel'), // duplicate
          row('', 'Viettel'),
        ],
      },
    });
    expect(list.map((h) => [h.number, h.carrier])).toEqual([
      ['84929760786', 'Vietnamobile'],
      ['84961000111', 'Viettel'],
      ['842873001234', 'Vinaphone'],
      ['84911000222', 'Vinaphone'],
    ]);
  });

  it.each([null, {}, { r: 1, message: 'bad token' }, { r: 0, data: {} }])('rejects %j', (body) => {
    expect(() => hotlinesFromNumberList(body)).toThrow();
  });
});
