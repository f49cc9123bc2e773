import type { UiLanguage } from './index';

/** Text of the hover card on web pages (its own small dictionary: the content bundle stays light). */
const en = {
  call: 'Call',
  callAria: 'Call {number}',
  hotline: 'Hotline',
  adaptive: 'Adaptive number',
  willUse: 'Uses {number}',
  viaAdaptive: 'Adaptive number → {number}',
  viaFallback: 'Adaptive number → {number} (fallback)',
  noHotline: 'No hotline on this network',
  mode: 'Mode',
  mode_callout: 'Call out',
  mode_voice: 'Free voice call',
  mode_video: 'Free video call',
  mobile: 'mobile',
  fixed: 'landline',
  tollFree: 'toll-free',
  premium: 'premium rate',
  other: 'number',
  internal: 'Stringee user or extension',
  premiumAsk: 'This is a premium-rate number: the call is charged per minute. Call anyway?',
  confirmAsk: 'Confirm the call to {number}',
  confirm: 'Yes, call',
  cancel: 'Cancel',
  calling: 'Calling…',
  notConnected: 'Not connected to Stringee: open the extension to sign in',
  callLive: 'A call is already in progress',
  failed: 'The call could not start ({error})',
  keyHint: 'Tab to reach Call · Esc to close',
};

export type PageCardKey = keyof typeof en;

const vi: Record<PageCardKey, string> = {
  call: 'Gọi điện',
  callAria: 'Gọi {number}',
  hotline: 'Số hotline',
  adaptive: 'Adaptive number',
  willUse: 'Gọi bằng {number}',
  viaAdaptive: 'Adaptive number → {number}',
  viaFallback: 'Adaptive number → {number} (số dự phòng)',
  noHotline: 'Không có hotline cùng nhà mạng',
  mode: 'Kiểu gọi',
  mode_callout: 'Call out (Gọi ra)',
  mode_voice: 'Free voice call',
  mode_video: 'Free video call',
  mobile: 'di động',
  fixed: 'cố định',
  tollFree: 'miễn phí',
  premium: 'giá cước cao',
  other: 'số',
  internal: 'Người dùng Stringee hoặc máy lẻ',
  premiumAsk: 'Đây là số dịch vụ 1900, cước tính theo phút. Vẫn gọi?',
  confirmAsk: 'Xác nhận gọi tới {number}',
  confirm: 'Gọi',
  cancel: 'Huỷ',
  calling: 'Đang gọi…',
  notConnected: 'Chưa kết nối Stringee: mở tiện ích để đăng nhập',
  callLive: 'Đang có cuộc gọi khác',
  failed: 'Không gọi được ({error})',
  keyHint: 'Nhấn Tab để tới nút Gọi · Esc để đóng',
};

const DICTS: Record<UiLanguage, Record<PageCardKey, string>> = { en, vi };

export type PageCardText = (key: PageCardKey, params?: Record<string, string>) => string;

export function pageCardText(lang: UiLanguage): PageCardText {
  const dict = DICTS[lang];
  return (key, params) => dict[key].replace(/\{(\w+)\}/g, (m, name: string) => params?.[name] ?? m);
}
