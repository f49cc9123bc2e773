import { describe, expect, it } from 'vitest';
import { contactFromDraft } from '../draft';
import { decodeFile, detectFormat, importContacts } from './index';

const existing = [
  contactFromDraft(
    { name: 'Nguyễn Văn A', phones: [{ label: '', number: '0912 345 678' }], company: '', email: '', note: '' },
    'old',
    1,
  ),
];

function run(text: string, fileName = 'contacts.csv') {
  let n = 0;
  return importContacts(text, fileName, existing, { now: 5, newId: () => `new${++n}` });
}

describe('importContacts', () => {
  it('imports good rows and says why each other row was skipped', () => {
    const csv = [
      'Họ tên,Số điện thoại,Công ty',
      'Trần Thị B,0987 654 321,ACME', // 2 imported
      ',,ACME only', // 3 no name, no phone
      'Lê C,12345', // 4 not a callable number
      'nguyen van a,+84912345678', // 5 already in the contacts (same name folded, same number)
      'Trần Thị B,0987654321', // 6 repeats row 2
      'Phạm D,0903 111 222 / 103', // 7 imported, 103 kept but not callable
      'Công ty E tổng đài,0912 345 678', // 8 same number, other name: a different contact
      'Chỉ tên', // 9 a name without number is a contact too
    ].join('\n');
    const { contacts, report } = run(csv);
    expect(contacts.map((c) => c.name)).toEqual(['Trần Thị B', 'Phạm D', 'Công ty E tổng đài', 'Chỉ tên']);
    expect(contacts[0]).toEqual({
      id: 'new1',
      name: 'Trần Thị B',
      phones: [{ label: '', number: '0987 654 321', e164: '+84987654321' }],
      company: 'ACME',
      email: '',
      note: '',
      createdAt: 5,
      updatedAt: 5,
    });
    expect(report).toEqual({
      format: 'csv',
      total: 8,
      imported: 4,
      skipped: [
        { row: 3, label: 'ACME only', reason: 'noNameNoPhone' },
        { row: 4, label: 'Lê C', reason: 'badPhone', numbers: ['12345'] },
        { row: 5, label: 'nguyen van a', reason: 'duplicate' },
        { row: 6, label: 'Trần Thị B', reason: 'duplicateInFile' },
      ],
      partial: [{ row: 7, label: 'Phạm D', numbers: ['103'] }],
    });
  });

  it('drops a number written twice in one row', () => {
    const { contacts } = run('Name,Mobile,Phone\nX,0912000111,+84 912 000 111\n');
    expect(contacts[0]!.phones).toHaveLength(1);
  });

  it('imports vCards and numbers skipped cards', () => {
    const vcf = 'BEGIN:VCARD\nFN:Nguyễn Văn A\nTEL:0912345678\nEND:VCARD\nBEGIN:VCARD\nFN:Mới\nTEL:0987654321\nEND:VCARD\n';
    const { contacts, report } = run(vcf, 'export.vcf');
    expect(contacts.map((c) => c.name)).toEqual(['Mới']);
    expect(report).toMatchObject({ format: 'vcard', total: 2, imported: 1, skipped: [{ row: 1, reason: 'duplicate' }] });
  });

  it.each([
    ['', 'a.csv', 'empty'],
    ['\uFEFF  \n', 'a.csv', 'empty'],
    ['hello', 'a.vcf', 'unknownFormat'],
  ])('reports unreadable files (%j, %s)', (text, name, error) => {
    expect(run(text, name).report.error).toBe(error);
  });

  it.each([
    ['x.VCF', 'Name', 'vcard'],
    ['contacts.txt', '\uFEFFBEGIN:VCARD', 'vcard'],
    ['x.csv', 'Name,Phone', 'csv'],
  ])('detects %s as %s', (name, text, format) => expect(detectFormat(name, text)).toBe(format));
});

describe('decodeFile', () => {
  const enc = new TextEncoder();
  it.each<[string, Uint8Array]>([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Đào')])],
    ['UTF-8', enc.encode('Đào')],
    ['UTF-16LE (Excel "Unicode text")', new Uint8Array([0xff, 0xfe, 0x10, 0x01, 0xe0, 0x00, 0x6f, 0x00])],
    // Code page 1258: Đ = D0, à = E0, o.
    ['Windows-1258', new Uint8Array([0xd0, 0xe0, 0x6f])],
  ])('%s', (_, bytes) => expect(decodeFile(bytes)).toBe('Đào'));
});
