// GET /v1/number in the shape of Stringee's REST number list, built from the configured hotlines.
import { HOTLINES, PROJECT, type Hotline } from '../config.js';

export const ACCOUNT_SID = 'ACsandboxC2CLocalAccount01';

export function hotlineToNumber(h: Hotline) {
  return {
    id: h.id,
    phone_number: h.number,
    phone_number_no_country_code: h.number.slice(2),
    country_code: '84',
    voice_enabled: 1,
    sms_enabled: 0,
    project_id: PROJECT.id,
    project_name: PROJECT.name,
    telco_name: h.telcoName,
  };
}

export function numberList(page = 1, limit = 100) {
  const size = Math.min(100, Math.max(1, Math.floor(limit) || 100));
  const totalCount = HOTLINES.length;
  const totalPages = Math.max(1, Math.ceil(totalCount / size));
  const activePage = Math.min(totalPages, Math.max(1, Math.floor(page) || 1));
  const numbers = HOTLINES.slice((activePage - 1) * size, activePage * size).map(hotlineToNumber);
  return { r: 0, message: 'Success', account_sid: ACCOUNT_SID, data: { numbers, totalPages, totalCount, activePage } };
}
