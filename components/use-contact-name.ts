import { useEffect, useState } from 'preact/hooks';
import { contactByNumber } from '@/utils/contacts/search';
import { contactsItem, readable } from '@/utils/contacts/store';

/** The contact's name for a Stringee number (84…), when it is in the contacts. */
export function useContactName(number: string | undefined): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!number || !/^\d{8,15}$/.test(number)) return setName(undefined);
    void contactsItem.getValue().then((list) => setName(contactByNumber(readable(list), number)?.name || undefined));
  }, [number]);
  return name;
}
