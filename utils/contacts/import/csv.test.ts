import { describe, expect, it } from 'vitest';
import { classifyHeader, parseContactsCsv, splitNumbers } from './csv';

describe('classifyHeader', () => {
  it.each([
    ['Họ tên', 'name'],
    ['Họ và tên', 'name'],
    ['HỌ TÊN', 'name'],
    ['Name', 'name'],
    ['Full name', 'name'],
    ['Display Name', 'name'],
    ['Tên khách hàng', 'name'],
    ['Họ', 'family'],
    ['Tên', 'given'],
    ['Tên đệm', 'middle'],
    ['First Name', 'given'],
    ['Last Name', 'family'],
    ['Given Name', 'given'],
    ['Family Name', 'family'],
    ['Số điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['Điện thoại di động', 'phone'],
    ['Phone', 'phone'],
    ['Mobile', 'phone'],
    ['Mobile Phone', 'phone'],
    ['Business Phone', 'phone'],
    ['Company Main Phone', 'phone'],
    ['Phone 1 - Value', 'phone'],
    ['Phone 1 - Type', 'phoneLabel'],
    ['Phone 2 - Label', 'phoneLabel'],
    ['Business Fax', 'ignore'],
    ['Công ty', 'company'],
    ['Tên công ty', 'company'],
    ['Company', 'company'],
    ['Organization 1 - Name', 'company'],
    ['Organization Name', 'company'],
    ['Organization 1 - Title', 'ignore'],
    ['Email', 'email'],
    ['E-mail Address', 'email'],
    ['E-mail 1 - Value', 'email'],
    ['E-mail 1 - Type', 'ignore'],
    ['Ghi chú', 'note'],
    ['Notes', 'note'],
    ['Name Prefix', 'ignore'],
    ['Phonetic First Name', 'ignore'],
    ['Nickname', 'ignore'],
    ['Birthday', 'ignore'],
    ['', 'ignore'],
  ])('%j → %s', (header, field) => expect(classifyHeader(header).field).toBe(field));

  it('labels numbers by their column, except plain "Phone" columns', () => {
    expect(classifyHeader('Mobile').label).toBe('Mobile');
    expect(classifyHeader('Di động').label).toBe('Di động');
    expect(classifyHeader('Số điện thoại').label).toBe('');
    expect(classifyHeader('Phone 3 - Value')).toMatchObject({ field: 'phone', group: '3', label: '' });
  });
});

describe('splitNumbers', () => {
  it.each([
    ['0912 345 678', ['0912 345 678']],
    ['0912 345 678 / 0987 654 321', ['0912 345 678', '0987 654 321']],
    ['0912345678; 0987654321', ['0912345678', '0987654321']],
    ['+84 912 345 678 ::: +84 987 654 321', ['+84 912 345 678', '+84 987 654 321']],
    ['0912345678 hoặc 0987654321', ['0912345678', '0987654321']],
    ['024 3812 3456 máy lẻ 103', ['024 3812 3456 máy lẻ 103']],
  ])('%j', (cell, numbers) => expect(splitNumbers(cell)).toEqual(numbers));
});

describe('parseContactsCsv', () => {
  const cases: [string, string, unknown[]][] = [
    [
      'Vietnamese headers, comma, BOM',
      '\uFEFFHọ tên,Số điện thoại,Công ty,Email,Ghi chú\r\nNguyễn Văn A,0912 345 678,Công ty ABC,a@abc.vn,"Gọi sau 9h, thứ 2"\r\n',
      [{ row: 2, name: 'Nguyễn Văn A', phones: [{ label: '', number: '0912 345 678' }], company: 'Công ty ABC', email: 'a@abc.vn', note: 'Gọi sau 9h, thứ 2' }],
    ],
    [
      'semicolon separated (Excel on a Vietnamese PC), several phone columns',
      'Name;Mobile;Work phone;Company\nTrần Thị B;0987654321;024 3812 3456;"X; Y"\n',
      [{ row: 2, name: 'Trần Thị B', phones: [{ label: 'Mobile', number: '0987654321' }, { label: 'Work phone', number: '024 3812 3456' }], company: 'X; Y', email: '', note: '' }],
    ],
    [
      'Họ / Tên columns, family name first',
      'Họ,Tên đệm,Tên,SĐT\nLê,Đức,Anh,0903111222\n',
      [{ row: 2, name: 'Lê Đức Anh', phones: [{ label: '', number: '0903111222' }], company: '', email: '', note: '' }],
    ],
    [
      'Outlook: First / Last name, given name first',
      'First Name,Last Name,Mobile Phone,Business Fax\nJohn,Smith,+1 415 555 0100,+1 415 555 0199\n',
      [{ row: 2, name: 'John Smith', phones: [{ label: 'Mobile Phone', number: '+1 415 555 0100' }], company: '', email: '', note: '' }],
    ],
    [
      'Google Contacts: labelled phone groups, " ::: " lists',
      'Name,Given Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Organization 1 - Name\n' +
        'Phạm Hồng,Hồng,* Mobile,+84 912 000 111 ::: +84 912 000 222,Work,024 3999 8888,Acme\n',
      [{
        row: 2,
        name: 'Phạm Hồng',
        phones: [
          { label: 'Mobile', number: '+84 912 000 111' },
          { label: 'Mobile', number: '+84 912 000 222' },
          { label: 'Work', number: '024 3999 8888' },
        ],
        company: 'Acme',
        email: '',
        note: '',
      }],
    ],
    [
      'no header row: numbers, e-mail and name found by their look; blank lines skipped',
      'Nguyễn Văn C,0912 345 679,c@x.vn\n\n,,\n0987 000 111,Đỗ D\n',
      [
        { row: 1, name: 'Nguyễn Văn C', phones: [{ label: '', number: '0912 345 679' }], company: '', email: 'c@x.vn', note: '' },
        { row: 4, name: 'Đỗ D', phones: [{ label: '', number: '0987 000 111' }], company: '', email: '', note: '' },
      ],
    ],
    [
      'tab separated, missing trailing cells',
      'Phone\tName\n0912345678\n',
      [{ row: 2, name: '', phones: [{ label: '', number: '0912345678' }], company: '', email: '', note: '' }],
    ],
  ];
  it.each(cases)('%s', (_, text, expected) => expect(parseContactsCsv(text)).toEqual(expected));
});
