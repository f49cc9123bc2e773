import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, parseVCards, unescapeText, unfold } from './vcard';

const card = (lines: string[]) => `BEGIN:VCARD\r\n${lines.join('\r\n')}\r\nEND:VCARD\r\n`;

describe('parseVCards', () => {
  const cases: [string, string, unknown][] = [
    [
      'vCard 3.0 with types, ORG components and escapes',
      card([
        'VERSION:3.0',
        'N:Nguyễn;An;Văn;;',
        'FN:Nguyễn Văn An',
        'TEL;TYPE=CELL,VOICE:0912 345 678',
        'TEL;TYPE=WORK:024 3812 3456',
        'EMAIL;TYPE=INTERNET:an@abc.vn',
        'ORG:Công ty ABC;Phòng kinh doanh',
        'NOTE:Khách VIP\\, gọi buổi sáng\\nTầng 3',
      ]),
      { name: 'Nguyễn Văn An', phones: [{ label: 'mobile', number: '0912 345 678' }, { label: 'work', number: '024 3812 3456' }], company: 'Công ty ABC, Phòng kinh doanh', email: 'an@abc.vn', note: 'Khách VIP, gọi buổi sáng\nTầng 3' },
    ],
    [
      'vCard 4.0: tel: URIs with ext, quoted TYPE lists, item groups',
      card([
        'VERSION:4.0',
        'FN:Jane Doe',
        'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+84-24-3812-3456;ext=103',
        'item1.TEL;TYPE=cell:+84987654321',
        'item1.X-ABLabel:Zalo',
      ]),
      { name: 'Jane Doe', phones: [{ label: 'work', number: '+84-24-3812-3456 ext 103' }, { label: 'mobile', number: '+84987654321' }], company: '', email: '', note: '' },
    ],
    [
      'vCard 2.1 from a phone: bare types, quoted-printable UTF-8 with soft line breaks, no FN',
      card([
        'VERSION:2.1',
        'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=4E=67=75=79=E1=BB=85=6E;=41=6E;=56=C4=83=6E=',
        ';;',
        'TEL;CELL;PREF:0912345678',
        'TEL;HOME:0243 812 3456',
      ]),
      { name: 'Nguyễn Văn An', phones: [{ label: 'mobile', number: '0912345678' }, { label: 'home', number: '0243 812 3456' }], company: '', email: '', note: '' },
    ],
    [
      'folded long lines (space or tab), lower-case names, LF only',
      'begin:vcard\nversion:3.0\nfn:Trần Thị Bích Ngọc Ph\n ương\nnote:dòng một \n\tnối tiếp\ntel:0987654321\nend:vcard\n',
      { name: 'Trần Thị Bích Ngọc Phương', phones: [{ label: '', number: '0987654321' }], company: '', email: '', note: 'dòng một nối tiếp' },
    ],
    [
      'only N, not Vietnamese: given name first',
      card(['VERSION:3.0', 'N:Smith;John;;Mr.;', 'TEL:+1 415 555 0100']),
      { name: 'John Smith', phones: [{ label: '', number: '+1 415 555 0100' }], company: '', email: '', note: '' },
    ],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    expect(parseVCards(text)).toEqual([{ row: 1, ...(expected as object) }]);
  });

  it('numbers cards in file order and ignores text outside cards', () => {
    const text = `junk\r\n${card(['FN:A', 'TEL:0912345678'])}${card(['FN:B'])}`;
    expect(parseVCards(text).map((c) => [c.row, c.name])).toEqual([[1, 'A'], [2, 'B']]);
  });

  it('returns nothing for a file that is not a vCard', () => {
    expect(parseVCards('Name,Phone\nA,0912345678')).toEqual([]);
  });
});

describe('vCard helpers', () => {
  it('unfolds continuation lines', () => {
    expect(unfold('A:1\r\n 2\r\n\t3\r\nB:4')).toEqual(['A:123', 'B:4']);
  });
  it.each([
    ['=C4=90=E1=BB=97', 'utf-8', 'Đỗ'],
    ['caf=E9', 'iso-8859-1', 'café'],
    ['a=3Db', 'utf-8', 'a=b'],
  ])('quoted-printable %s (%s) → %s', (input, charset, out) => expect(decodeQuotedPrintable(input, charset)).toBe(out));
  it('unescapes text values', () => {
    expect(unescapeText('a\\,b\\;c\\\\d\\ne')).toBe('a,b;c\\d\ne');
  });
});
