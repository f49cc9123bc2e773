// Decides where a CALL_START goes, following the sandbox's routing order:
// a user or extension → internal; an 84 number dialled from a project hotline → external; else refused.
import { PSTN_NUMBER } from './config.js';

export type RouteDecision =
  | { kind: 'internal'; calleeUserId: string }
  | { kind: 'external'; toNumber: string; hotline: string }
  | { kind: 'refused'; r: number; message: string };

export interface RoutingDirectory {
  /** A configured user, or any userId that has authenticated since the sandbox started. */
  isKnownUser(userId: string): boolean;
  userForExtension(ext: string): string | undefined;
  isHotline(number: string): boolean;
}

/** CALL_START reply codes the sandbox uses when it refuses a call (the real values are unknown). */
export const START_ERRORS = {
  notAuthenticated: { r: 1, message: 'NOT_AUTHENTICATED' },
  badToNumber: { r: 2, message: 'TO_NUMBER_INVALID' },
  fromNotOwned: { r: 3, message: 'FROM_NUMBER_NOT_BELONG_TO_YOUR_PROJECT' },
} as const;

export function decideRoute(fromNumber: unknown, toNumber: unknown, dir: RoutingDirectory): RouteDecision {
  const from = typeof fromNumber === 'string' ? fromNumber : '';
  const to = typeof toNumber === 'string' ? toNumber : '';
  if (to === '') {
    return { kind: 'refused', r: START_ERRORS.badToNumber.r, message: `${START_ERRORS.badToNumber.message}: toNumber is empty` };
  }
  if (dir.isKnownUser(to)) return { kind: 'internal', calleeUserId: to };
  const extUser = dir.userForExtension(to);
  if (extUser !== undefined) return { kind: 'internal', calleeUserId: extUser };
  if (PSTN_NUMBER.test(to)) {
    if (dir.isHotline(from)) return { kind: 'external', toNumber: to, hotline: from };
    return {
      kind: 'refused',
      r: START_ERRORS.fromNotOwned.r,
      message: `${START_ERRORS.fromNotOwned.message}: fromNumber "${from}" is not a hotline of this project`,
    };
  }
  return {
    kind: 'refused',
    r: START_ERRORS.badToNumber.r,
    message: `${START_ERRORS.badToNumber.message}: "${to}" is neither a user, an extension nor an 84xxxxxxxxx number`,
  };
}
