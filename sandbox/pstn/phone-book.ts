// Which behaviour a called PSTN number has: per-sandbox overrides, then the demo table, then the default.
import { DEFAULT_PHONE_BEHAVIOUR, DEMO_PHONES, PSTN_NUMBER } from '../config.js';
import type { PhoneBehaviour } from '../types.js';

export class PhoneBook {
  private readonly table = new Map<string, PhoneBehaviour>();

  constructor() {
    for (const p of DEMO_PHONES) this.table.set(p.number, p.behaviour);
  }

  set(number: string, behaviour: PhoneBehaviour): void {
    if (!PSTN_NUMBER.test(number)) throw new Error(`not an 84xxxxxxxxx number: ${number}`);
    this.table.set(number, parsePhoneBehaviour(behaviour));
  }

  get(number: string): PhoneBehaviour {
    return this.table.get(number) ?? DEFAULT_PHONE_BEHAVIOUR;
  }

  entries(): Array<{ number: string; behaviour: PhoneBehaviour }> {
    return [...this.table].map(([number, behaviour]) => ({ number, behaviour }));
  }
}

function seconds(v: unknown, name: string, optional: boolean): number | undefined {
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${name} must be a number of seconds >= 0`);
  return v;
}

/** Validates untrusted input (e.g. POST /admin/phones) into a PhoneBehaviour; throws with a readable message. */
export function parsePhoneBehaviour(input: unknown): PhoneBehaviour {
  if (typeof input !== 'object' || input === null) throw new Error('behaviour must be an object');
  const b = input as Record<string, unknown>;
  switch (b.kind) {
    case 'answer': {
      const afterSec = seconds(b.afterSec, 'afterSec', false)!;
      const hangupAfterSec = seconds(b.hangupAfterSec, 'hangupAfterSec', true);
      return hangupAfterSec === undefined ? { kind: 'answer', afterSec } : { kind: 'answer', afterSec, hangupAfterSec };
    }
    case 'busy': {
      const afterSec = seconds(b.afterSec, 'afterSec', true);
      return afterSec === undefined ? { kind: 'busy' } : { kind: 'busy', afterSec };
    }
    case 'noAnswer':
      return { kind: 'noAnswer' };
    case 'unreachable':
      return { kind: 'unreachable' };
    default:
      throw new Error('behaviour.kind must be one of answer, busy, noAnswer, unreachable');
  }
}
