/**
 * Why no usable access token could be had, in terms the user can act on. A module of its own:
 * the softphone reads these codes back from the call host's error (connection-test.ts) and must
 * not pull in the token signing code.
 */
export const TOKEN_ERRORS = [
  'network', // the token URL could not be reached
  'http', // it answered with an error status
  'noToken', // its reply carries no token
  'notJwt', // what we got is not a token
  'expired', // a pasted token past its expiry
  'otherUser', // a token for another user id
  'secretLost', // a sealed secret this profile cannot open
] as const;
export type TokenError = (typeof TOKEN_ERRORS)[number];
