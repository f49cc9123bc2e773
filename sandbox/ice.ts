// Keeps every ICE candidate the sandbox relays on loopback, so tests never send traffic elsewhere.
// This also discards the SDK's fake public srflx/relay candidates.

export interface IceCandidateInit {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

/** The connection address of a candidate line ("candidate:…" or "a=candidate:…"). */
export function candidateAddress(line: string): string | null {
  const m = /^(?:a=)?candidate:\S+\s+\S+\s+\S+\s+\S+\s+(\S+)\s+\d+\s+typ\s/i.exec(line.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export function isLoopbackAddress(addr: string): boolean {
  const a = addr.replace(/^\[|\]$/g, '').toLowerCase();
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a)) return true;
  return a === '::1' || a === '0:0:0:0:0:0:0:1' || a === '::ffff:127.0.0.1';
}

export function isLoopbackCandidate(line: string): boolean {
  const addr = candidateAddress(line);
  return addr !== null && isLoopbackAddress(addr);
}

/** Removes a=candidate lines that are not loopback; other lines are kept byte for byte. */
export function stripNonLoopbackCandidates(sdp: string): string {
  return sdp
    .split(/(?<=\n)/)
    .filter((line) => !/^a=candidate:/i.test(line) || isLoopbackCandidate(line))
    .join('');
}

/**
 * Validates a candidate object from a 27 frame and keeps it only if it is loopback.
 * The SDK's RTCIceCandidate constructor needs sdpMid or sdpMLineIndex, so both-missing is rejected.
 */
export function loopbackCandidate(data: unknown): IceCandidateInit | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.candidate !== 'string' || !isLoopbackCandidate(d.candidate)) return null;
  const out: IceCandidateInit = { candidate: d.candidate };
  if (typeof d.sdpMid === 'string') out.sdpMid = d.sdpMid;
  if (typeof d.sdpMLineIndex === 'number' && Number.isInteger(d.sdpMLineIndex) && d.sdpMLineIndex >= 0) {
    out.sdpMLineIndex = d.sdpMLineIndex;
  }
  return out.sdpMid === undefined && out.sdpMLineIndex === undefined ? null : out;
}
