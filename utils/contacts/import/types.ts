/** One contact as read from a file row or a vCard, before checks and ids. */
export interface ImportCandidate {
  /** CSV: the spreadsheet row (1 = first line); vCard: the card's position (1 = first card). */
  row: number;
  name: string;
  phones: { label: string; number: string }[];
  company: string;
  email: string;
  note: string;
}

export type SkipReason =
  | 'noNameNoPhone' // nothing to identify or call
  | 'badPhone' // it has numbers, none of which is a phone number we can call
  | 'duplicate' // same name and number as a contact already in the list
  | 'duplicateInFile'; // same as an earlier row of this file

export interface SkippedRow {
  row: number;
  /** The row's name, or its first number, to help the user find it. */
  label: string;
  reason: SkipReason;
  /** The numbers that did not parse (badPhone). */
  numbers?: string[];
}

export interface ImportReport {
  format: 'csv' | 'vcard';
  /** Rows or cards read (empty lines not counted). */
  total: number;
  imported: number;
  skipped: SkippedRow[];
  /** Imported, but some numbers are kept as written because they are not callable. */
  partial: { row: number; label: string; numbers: string[] }[];
  /** Set when the file could not be read at all. */
  error?: 'unknownFormat' | 'empty';
}
