/** One number of a contact: as the user typed it, plus E.164 when the project's parser accepts it. */
export interface ContactPhone {
  /** Free text ("mobile", "work", "Di động"…); may be empty. */
  label: string;
  /** As typed or imported, kept verbatim. */
  number: string;
  /** +84912345678; absent when the number cannot be parsed (then it is kept but not callable). */
  e164?: string;
}

export interface Contact {
  id: string;
  name: string;
  phones: ContactPhone[];
  company: string;
  email: string;
  note: string;
  createdAt: number;
  updatedAt: number;
}

/** What a form or an importer produces before the store gives it an id and times. */
export type ContactDraft = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'phones'> & {
  phones: { label: string; number: string }[];
};
