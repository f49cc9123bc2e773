import { describe, expect, it } from 'vitest';
import { parsePhone, parseWithLibrary } from './parse';

describe('parsePhone', () => {
  it.each([
    // input, stringee form, kind, carrier
    ['0912 345 678', '84912345678', 'mobile', 'Vinaphone'],
    ['0912.345.678', '84912345678', 'mobile', 'Vinaphone'],
    ['0912-345-678', '84912345678', 'mobile', 'Vinaphone'],
    ['(+84) 912 345 678', '84912345678', 'mobile', 'Vinaphone'],
    ['+84912345678', '84912345678', 'mobile', 'Vinaphone'],
    ['84912345678', '84912345678', 'mobile', 'Vinaphone'],
    ['0987654321', '84987654321', 'mobile', 'Viettel'],
    ['0368 111 222', '84368111222', 'mobile', 'Viettel'],
    ['0903 111 222', '84903111222', 'mobile', 'Mobifone'],
    ['0703 111 222', '84703111222', 'mobile', 'Mobifone'],
    ['0921 111 222', '84921111222', 'mobile', 'Vietnamobile'],
    ['0598 111 222', '84598111222', 'mobile', 'Gmobile'],
    ['0877 111 222', '84877111222', 'mobile', 'iTel'],
    // Allocated to carriers, though libphonenumber's data accepts only 0896-0899 and 0559.
    ['0892.765.198', '84892765198', 'mobile', 'Mobifone'],
    ['0552 111 222', '84552111222', 'mobile', 'Reddi'],
    ['0527 111 222', '84527111222', 'mobile', 'Vietnamobile'],
    ['(028) 3822 1234', '842838221234', 'fixed', undefined],
    ['024.3826.1234', '842438261234', 'fixed', undefined],
    ['1900 6868', '8419006868', 'premium', undefined],
    ['1800 1234', '8418001234', 'tollFree', undefined],
    ['+1 415 555 2671', '14155552671', 'fixed', undefined],
    ['+44 20 7946 0958', '442079460958', 'fixed', undefined],
  ])('%s → %s (%s, %s)', (input, stringee, kind, carrier) => {
    const p = parsePhone(input);
    expect(p).not.toBeNull();
    expect(p!.stringee).toBe(stringee);
    expect(p!.e164).toBe(`+${stringee}`);
    expect(kind === 'fixed' ? ['fixed', 'other'] : [kind]).toContain(p!.kind);
    expect(p!.carrier).toBe(carrier);
  });

  it.each([
    ['0912 345 678 ext 103', '103'],
    ['0912 345 678 máy lẻ 12', '12'],
    ['(028) 3822 1234 x 5', '5'],
  ])('keeps the extension of %s for DTMF', (input, ext) => {
    expect(parsePhone(input)?.extension).toBe(ext);
  });

  it.each(['', '103', 'agent1', '12.345.678', '0912 345', '1.200.000đ', '192.168.1.1', '0101234567x', 'abc 0912345678'])(
    'refuses %j',
    (input) => {
      expect(parsePhone(input)).toBeNull();
    },
  );

  it('formats Vietnamese numbers nationally for display', () => {
    expect(parsePhone('+84912345678')?.display).toBe('0912 345 678');
    expect(parsePhone('+84892765198')?.display).toBe('0892 765 198');
  });

  // Plain mobiles skip libphonenumber (parse.ts says why): every two-digit prefix, carrier's or
  // not, in every way of writing it, must come out as the library's way would have it.
  const forms = (p: string): string[] => [
    `0${p}1 234 567`, `0${p}1234567`, `0${p}1.234.567`, `0${p}1-234-567`, `(0${p}) 1234 567`, `0${p} 12 34 56 7`,
    `+84${p}1234567`, `+84 ${p}1 234 567`, `(+84) ${p}1 234 567`, `84${p}1234567`, `84 ${p}1 234 567`, `(84) ${p}1234567`,
    `+84 0${p}1 234 567`, `0${p}123456`, `0${p}12345678`, `84${p}12345678`, `0084 ${p}1 234 567`,
  ];
  const inputs = Array.from({ length: 90 }, (_, i) => forms(String(i + 10))).flat();
  it(`gives the library's result for ${inputs.length} ways of writing mobiles`, () => {
    let shortcut = 0;
    for (const input of inputs) {
      const expected = parseWithLibrary(input, input.replace(/\D/g, ''), undefined);
      const got = parsePhone(input);
      expect(got, input).toEqual(expected);
      if (got?.kind === 'mobile') shortcut++;
    }
    // The table must reach mobiles, or the comparison proves nothing.
    expect(shortcut).toBeGreaterThan(300);
  });
});

