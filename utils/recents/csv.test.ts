import { describe, expect, it } from 'vitest';
import { csvField, csvTime, recentsCsvName, recentsToCsv } from './csv';
import type { RecentCall } from './types';

const at = new Date(2025, 2, 4, 9, 5, 7).getTime(); // local time

const list: RecentCall[] = [
  { id: '1', startedAt: at, direction: 'outgoing', mode: 'callout', target: '84912345678', hotline: '842471001234', contactName: 'Nguyễn Văn "A", Jr', durationSec: 65, result: 'answered' },
  { id: '2', startedAt: at, direction: 'incoming', mode: 'voice', target: '103', hotline: undefined, durationSec: 0, result: 'noAnswer' },
  { id: '3', startedAt: at, direction: 'outgoing', mode: 'callout', target: '14155550100', hotline: '842471001234', durationSec: 0, result: 'cancelled' },
];

describe('recentsToCsv', () => {
  it('writes English with a BOM, CRLF and RFC 4180 quoting', () => {
    expect(recentsToCsv(list, 'en')).toBe(
      '\uFEFFTime,Direction,Number,Contact,Hotline,Mode,Duration (s),Result\r\n' +
        '2025-03-04 09:05:07,Outgoing,0912 345 678,"Nguyễn Văn ""A"", Jr",024 7100 1234,Call out,65,Answered\r\n' +
        '2025-03-04 09:05:07,Incoming,103,,,Free voice call,0,No answer\r\n' +
        "2025-03-04 09:05:07,Outgoing,'+1 415 555 0100,,024 7100 1234,Call out,0,Cancelled\r\n",
    );
  });

  it('writes Vietnamese headers and words', () => {
    const [header, first] = recentsToCsv(list, 'vi').split('\r\n');
    expect(header).toBe('\uFEFFThời gian,Chiều gọi,Số,Liên hệ,Số hotline,Kiểu gọi,Thời lượng (giây),Kết quả');
    expect(first).toContain(',Gọi đi,');
    expect(first).toContain(',Gọi ra,65,Đã kết nối');
  });

  it('has only the header for an empty list', () => {
    expect(recentsToCsv([], 'en').split('\r\n')).toHaveLength(2);
  });
});

describe('csv helpers', () => {
  it.each<[string | number, string]>([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@cmd', "'@cmd"],
    [-5, '-5'],
  ])('%j → %s', (v, out) => expect(csvField(v)).toBe(out));

  it('names the file by date', () => {
    expect(recentsCsvName(at)).toBe('calls-2025-03-04.csv');
    expect(csvTime(at)).toBe('2025-03-04 09:05:07');
  });
});
