import { describe, expect, it } from 'vitest';
import { contactFromDraft } from './draft';
import { contactByNumber, matchesContact, searchContacts } from './search';
import { contactTitle, foldText, makePhone } from './text';
import type { Contact } from './types';

let seq = 0;
function contact(name: string, numbers: string[] = [], extra: Partial<Contact> = {}): Contact {
  const c = contactFromDraft(
    { name, phones: numbers.map((number) => ({ label: '', number })), company: '', email: '', note: '' },
    `id${++seq}`,
    seq,
  );
  return { ...c, ...extra };
}

const list = [
  contact('Nguyễn Văn A', ['0912 345 678']),
  contact('Trần Thị Đào', ['+84 987 654 321'], { company: 'Công ty Đông Á' }),
  contact('Lê Đức Anh', ['024 3812 3456 máy lẻ 103'], { email: 'anh.le@example.vn' }),
  contact('John Smith', ['+1 415 555 0100']),
  contact('', ['0903 111 222']),
];

describe('foldText', () => {
  it.each([
    ['Nguyễn Văn A', 'nguyen van a'],
    ['ĐÀO  Đức', 'dao duc'],
    ['Phạm Thị Hồng Nhung', 'pham thi hong nhung'],
    // Decomposed input (as macOS file names and code page 1258 give it) folds the same.
    ['Nguye\u0302\u0303n', 'nguyen'],
  ])('%s → %s', (input, folded) => expect(foldText(input)).toBe(folded));
});

describe('searchContacts', () => {
  const names = (q: string) => searchContacts(list, q).map((c) => c.name || c.phones[0]!.number);
  it.each<[string, string[]]>([
    ['nguyen van a', ['Nguyễn Văn A']],
    ['NGUYEN', ['Nguyễn Văn A']],
    ['Nguyễn', ['Nguyễn Văn A']],
    ['dao', ['Trần Thị Đào']],
    ['đào', ['Trần Thị Đào']],
    ['duc anh', ['Lê Đức Anh']],
    ['anh le', ['Lê Đức Anh']], // words in any order
    ['dong a', ['Trần Thị Đào']], // company
    ['example.vn', ['Lê Đức Anh']], // e-mail
    ['0912345678', ['Nguyễn Văn A']],
    ['0912 345', ['Nguyễn Văn A']],
    ['345 678', ['Nguyễn Văn A']],
    ['+84 912 345 678', ['Nguyễn Văn A']],
    ['84912345678', ['Nguyễn Văn A']],
    ['0987-654-321', ['Trần Thị Đào']],
    ['38123456', ['Lê Đức Anh']],
    ['4155550100', ['John Smith']],
    ['0903', ['0903 111 222']],
    ['xyz', []],
    ['99999', []],
  ])('"%s" finds %j', (q, expected) => expect(names(q)).toEqual(expected));

  it('lists everyone for an empty query, by Vietnamese name order, unnamed last', () => {
    expect(names('')).toEqual(['John Smith', 'Lê Đức Anh', 'Nguyễn Văn A', 'Trần Thị Đào', '0903 111 222']);
  });
});

describe('contactByNumber', () => {
  it('finds the contact of a Stringee number (84…) or E.164', () => {
    expect(contactByNumber(list, '84912345678')?.name).toBe('Nguyễn Văn A');
    expect(contactByNumber(list, '+84987654321')?.name).toBe('Trần Thị Đào');
    expect(contactByNumber(list, '84900000000')).toBeUndefined();
    expect(contactByNumber(list, '103')).toBeUndefined();
  });
});

describe('phones', () => {
  it('keeps the number as typed and adds E.164 when it parses', () => {
    expect(makePhone(' mobile ', ' 0912 345 678 ')).toEqual({ label: 'mobile', number: '0912 345 678', e164: '+84912345678' });
    expect(makePhone('', '103')).toEqual({ label: '', number: '103' });
  });
  it('titles an unnamed contact with its number', () => {
    expect(contactTitle(list[4]!)).toBe('0903 111 222');
    expect(matchesContact(list[0]!, '  ')).toBe(true);
  });
});
