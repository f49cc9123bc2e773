import { contactFromDraft, newContactId } from '../draft';
import { contactTitle, foldText } from '../text';
import type { Contact } from '../types';
import { parseContactsCsv } from './csv';
import type { ImportCandidate, ImportReport } from './types';
import { parseVCards } from './vcard';

export type { ImportReport, SkippedRow, SkipReason } from './types';
export { decodeFile } from './decode';

export interface ImportResult {
  contacts: Contact[];
  report: ImportReport;
}

/** vCard when the name says so or the text starts like one; CSV otherwise. */
export function detectFormat(fileName: string, text: string): 'csv' | 'vcard' {
  if (/\.(vcf|vcard)$/i.test(fileName)) return 'vcard';
  if (/^\uFEFF?\s*BEGIN:VCARD/i.test(text)) return 'vcard';
  return 'csv';
}

/** Same person: same name (or one side unnamed) and a number in common; without numbers, same e-mail. */
function sameContact(a: Contact, b: Contact): boolean {
  const na = foldText(a.name);
  const nb = foldText(b.name);
  if (na && nb && na !== nb) return false;
  const ea = new Set(a.phones.map((p) => p.e164).filter(Boolean));
  if (ea.size || b.phones.some((p) => p.e164)) return b.phones.some((p) => p.e164 && ea.has(p.e164));
  return !!na && foldText(a.email) === foldText(b.email);
}

function dedupePhones(c: Contact): Contact {
  const seen = new Set<string>();
  const phones = c.phones.filter((p) => {
    const key = p.e164 ?? p.number.replace(/\D/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...c, phones };
}

/**
 * Checks the file's rows against the list and each other. Pure: the caller stores `contacts`.
 * A row is skipped when it has neither a name nor a number, when it has numbers and none of
 * them can be called, or when it repeats a contact; uncallable numbers beside callable ones are
 * kept as written and listed in the report.
 */
export function importContacts(
  text: string,
  fileName: string,
  existing: readonly Contact[],
  opts: { now?: number; newId?: () => string } = {},
): ImportResult {
  const now = opts.now ?? Date.now();
  const newId = opts.newId ?? newContactId;
  const format = detectFormat(fileName, text);
  const report: ImportReport = { format, total: 0, imported: 0, skipped: [], partial: [] };
  if (!text.replace(/^\uFEFF/, '').trim()) return { contacts: [], report: { ...report, error: 'empty' } };
  const candidates: ImportCandidate[] = format === 'vcard' ? parseVCards(text) : parseContactsCsv(text);
  if (format === 'vcard' && !candidates.length) return { contacts: [], report: { ...report, error: 'unknownFormat' } };
  report.total = candidates.length;
  const added: Contact[] = [];
  for (const cand of candidates) {
    const contact = dedupePhones(contactFromDraft(cand, newId(), now));
    const label = contactTitle(contact);
    if (!contact.name && !contact.phones.length) {
      report.skipped.push({ row: cand.row, label: contact.email || contact.company, reason: 'noNameNoPhone' });
      continue;
    }
    const bad = contact.phones.filter((p) => !p.e164).map((p) => p.number);
    if (contact.phones.length && bad.length === contact.phones.length) {
      report.skipped.push({ row: cand.row, label, reason: 'badPhone', numbers: bad });
      continue;
    }
    if (existing.some((c) => sameContact(c, contact))) {
      report.skipped.push({ row: cand.row, label, reason: 'duplicate' });
      continue;
    }
    if (added.some((c) => sameContact(c, contact))) {
      report.skipped.push({ row: cand.row, label, reason: 'duplicateInFile' });
      continue;
    }
    if (bad.length) report.partial.push({ row: cand.row, label, numbers: bad });
    added.push(contact);
  }
  report.imported = added.length;
  return { contacts: added, report };
}
