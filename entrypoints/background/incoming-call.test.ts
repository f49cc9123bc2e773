import { describe, expect, it } from 'vitest';
import { translator } from '@/utils/i18n';
import { incomingNotice } from './incoming-call';

describe('incomingNotice', () => {
  it.each([
    ['en', { from: 'agent2', mode: 'video' }, undefined, 'Incoming video call from agent2', 'Free video call · Answering opens the video window.'],
    ['vi', { from: 'agent2', mode: 'video' }, undefined, 'Cuộc gọi video đến từ agent2', 'Free video call · Trả lời sẽ mở cửa sổ gọi video.'],
    ['en', { from: 'agent2', mode: 'voice' }, undefined, 'Incoming call from agent2', 'Free voice call'],
    ['en', { from: '84912777888', mode: 'callout' }, 'Lê Văn C', 'Incoming call from Lê Văn C (0912 777 888)', 'Call out'],
  ] as const)('%s %j', (lang, call, name, title, message) => {
    const n = incomingNotice(call, translator(lang), name);
    expect(n).toMatchObject({ title, message });
    expect(n.buttons?.length).toBe(2);
  });
  it('says to click the notification where there are no buttons (Firefox)', () => {
    const n = incomingNotice({ from: '84912777888', mode: 'callout' }, translator('vi'), undefined, false);
    expect(n).toEqual({ title: 'Cuộc gọi đến từ 0912 777 888', message: 'Call out (Gọi ra) · Bấm để trả lời' });
  });
});
