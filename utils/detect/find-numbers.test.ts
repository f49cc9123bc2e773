import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from './find-numbers';

const e164s = (text: string, heading?: string): string[] =>
  findPhoneNumbers(text, heading === undefined ? {} : { heading }).map((n) => n.e164);

describe('findPhoneNumbers: Vietnamese forms', () => {
  it.each([
    ['ĐT: 0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['0912.34.56.78', '+84912345678'],
    ['(+84) 912 345 678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84 (0) 912 345 678', '+84912345678'],
    ['+840912345678', '+84912345678'],
    ['0084 912 345 678', '+84912345678'],
    ['(028) 3822 1234', '+842838221234'],
    ['028.3822.1234', '+842838221234'],
    ['(0236) 3822 123', '+842363822123'],
    ['(+84-28) 3822 1234', '+842838221234'],
    ['Hotline 1900 6868', '+8419006868'],
    ['1900.54.54.13', '+841900545413'],
    ['Miễn phí 1800 1234', '+8418001234'],
    ['1800-588-888', '+841800588888'],
    ['Gọi: 0912 . 345 . 678', '+84912345678'],
    ['ĐT: ０９１２ ３４５ ６７８', '+84912345678'],
    ['SĐT 0 9 1 2 3 4 5 6 7 8', '+84912345678'],
    ['Zalo:0912345678.', '+84912345678'],
    // Written forms seen on real pages.
    ['84.399.741.777', '+84399741777'],
    ['chị Ngân – 0892.765.198', '+84892765198'],
    ['SĐT0912345678', '+84912345678'],
    ['Liên hệ(0912345678)', '+84912345678'],
    ['Tel.0912345678', '+84912345678'],
    ['0912–345–678', '+84912345678'],
    ['0912\u2011345\u2011678', '+84912345678'],
    ['0912\u00ad345\u00ad678', '+84912345678'],
    ['0912 345\n      678', '+84912345678'],
    ['𝟎𝟗𝟏𝟐 𝟑𝟒𝟓 𝟔𝟕𝟖', '+84912345678'],
    ['𝟬𝟵𝟭𝟮𝟯𝟰𝟱𝟲𝟳𝟴', '+84912345678'],
    ['+84 ▾ | 912345678', '+84912345678'],
    ['+84 ▼ 912 345 678', '+84912345678'],
  ])('%s → %s', (text, e164) => {
    expect(e164s(text)).toEqual([e164]);
  });
});

describe('findPhoneNumbers: international numbers written with a country code', () => {
  it.each([
    ['Tel +1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['Singapore: +65 6123 4567', '+6561234567'],
    ['+86 10 1234 5678', '+861012345678'],
  ])('%s → %s', (text, e164) => {
    expect(e164s(text)).toEqual([e164]);
  });
});

describe('findPhoneNumbers: lists are several numbers', () => {
  it.each([
    ['0912345678, 0987654321', ['+84912345678', '+84987654321']],
    ['0912.345.678 - 0987.654.321', ['+84912345678', '+84987654321']],
    ['0912345678/0987654321', ['+84912345678', '+84987654321']],
    ['0912 345 678 0987 654 321', ['+84912345678', '+84987654321']],
    ['Tel: 028 3822 1234\n0912 345 678', ['+842838221234', '+84912345678']],
    ['1 | 0912345678 | 0987654321', ['+84912345678', '+84987654321']],
    ['0912345678,0987654321', ['+84912345678', '+84987654321']],
    ['Nguyễn Văn An,0912345678,0101234567,Hà Nội', ['+84912345678']],
    ['2024-01-15,0932111222,Đã gọi', ['+84932111222']],
    ['0912345678\n0987654321', ['+84912345678', '+84987654321']],
  ])('%s', (text, expected) => {
    expect(e164s(text)).toEqual(expected);
  });
});

describe('findPhoneNumbers: offsets and details', () => {
  it('gives the number as written, parentheses included', () => {
    const text = 'Văn phòng: (028) 3822 1234 (giờ hành chính)';
    const [n] = findPhoneNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe('(028) 3822 1234');
    expect(n!.kind).toBe('fixed');
  });
  it('gives offsets in the page text when digits take two UTF-16 units', () => {
    const text = 'Zalo 𝟎𝟗𝟏𝟐 𝟑𝟒𝟓 𝟔𝟕𝟖 (chị Lan)';
    const [n] = findPhoneNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe('𝟎𝟗𝟏𝟐 𝟑𝟒𝟓 𝟔𝟕𝟖');
  });
  it('gives the picker and the number as one span', () => {
    const text = 'Phone +84 ▾ | 912345678';
    const [n] = findPhoneNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe('+84 ▾ | 912345678');
  });
  it('knows the carrier of a Vietnamese mobile', () => {
    expect(findPhoneNumbers('0987 654 321')[0]).toMatchObject({ kind: 'mobile', carrier: 'Viettel' });
    expect(findPhoneNumbers('1900 6868')[0]).toMatchObject({ kind: 'premium', carrier: undefined });
  });
  it.each([
    ['0912 345 678 ext 103', '103'],
    ['(028) 3822 1234 máy lẻ 12', '12'],
    ['+1 415 555 2671 x 5', '5'],
  ])('keeps the extension of %s', (text, ext) => {
    const [n] = findPhoneNumbers(text);
    expect(n?.extension).toBe(ext);
  });
});

describe('findPhoneNumbers: not phone numbers', () => {
  it.each([
    ['date', 'Ngày 12/05/2015, lúc 08:00 – 17:30'],
    ['dotted date', 'Cập nhật 24.08.2018'],
    ['price with đ', 'Giá: 1.200.000đ'],
    ['price that strips to a mobile', 'Giá bán 854.000.000đ'],
    ['price in VND', 'Tổng: 1,200,000 VND'],
    ['shares', 'khối lượng 912.345.678 cổ phiếu'],
    ['tax code', 'MST 0101234567'],
    ['tax code in a mobile range', 'Mã số thuế: 0901234567'],
    ['tax code with branch', 'Chi nhánh 0312345678-001'],
    ['business registration', 'Giấy ĐKKD số 0105678901'],
    ['bank account', 'STK: 0912345678 tại MB Bank'],
    ['bank account, words', 'Số tài khoản 0987654321'],
    ['CCCD', 'CCCD: 001098012345'],
    ['order id', 'Đơn hàng #0912345678'],
    ['SKU', 'SKU-0912345678'],
    ['invoice id', 'INV/0912345678'],
    ['glued letters', 'DH0912345678'],
    ['IP address', 'Server 192.168.100.254'],
    ['version', 'v10.0.19045.3803'],
    ['ISBN', 'ISBN 978-604-1-12345-6'],
    ['year range', 'Nhiệm kỳ 2015-2020, 2020 – 2025'],
    ['tracking', 'Mã vận đơn: 0912345678'],
    ['M2M range', 'SIM 0140 123456'],
    ['closed range', '0951 234 567'],
    ['pre-2017 Hanoi form', 'ĐT: (04) 3825 1234'],
    ['short code', 'Gọi 113 hoặc 115'],
    ['tax code glued to its label', 'MST0101234567'],
    ['id glued to letters', 'Mã KH0912345678'],
    ['bank account glued', 'STK0912345678'],
    ['id with an en dash', 'Mã HĐ–0912345678'],
    ['tax code branch with an en dash', 'MST: 0312345678–001'],
    ['dates with en dashes', 'Ngày 15–08–2024 lúc 08:00–17:30'],
    ['amount labelled, dotted threes', 'Số tiền thanh toán: 84.912.345.678'],
    ['amount with a unit, dotted threes', 'Doanh thu: 84.399.741.777 đ'],
    ['comma thousands after 84', 'Tổng 84,912,345,678'],
    ['digits before a comma', 'Giá 1,0912345678'],
    ['an id over a line break', 'Mã đơn 1234\n5678 9012'],
    ['a number split by a blank line', '0912 345\n\n678'],
    ['bold amount', 'Giá 𝟭.𝟮𝟬𝟬.𝟬𝟬𝟬đ'],
  ])('%s: %s', (_what, text) => {
    expect(e164s(text)).toEqual([]);
  });

  it('uses a table column header', () => {
    const table = 'STT | Điện thoại | Mã\n1 | 0912345678 | 0901234567';
    expect(e164s(table)).toEqual(['+84912345678']);
  });
  it('uses a heading given by the page (a column header or field label)', () => {
    expect(e164s('0901234567', 'Mã số thuế')).toEqual([]);
    expect(e164s('0901234567', 'Số điện thoại')).toEqual(['+84901234567']);
    expect(e164s('ĐT 0901234567', 'Mã KH')).toEqual(['+84901234567']);
  });
  it('skips text without enough digits without parsing it', () => {
    expect(findPhoneNumbers('Giao hàng 2-4 ngày, 299k')).toEqual([]);
  });
});
