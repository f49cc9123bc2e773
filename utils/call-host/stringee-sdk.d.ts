// The parts of the Stringee web SDK 2.9.3 (npm `stringee`, untyped CommonJS) the call host uses.
declare module 'stringee' {
  export interface AuthenResult {
    r: number;
    message?: string;
    userId?: string;
  }
  export interface SignalingState {
    code: number;
    reason?: string;
    sipCode?: number;
    sipReason?: string;
  }
  export class StringeeClient {
    constructor(serverAddrs?: string[], restBaseUrl?: string | null);
    userId: string | undefined;
    connect(token: string): void;
    disconnect(): void;
    on(event: 'connect' | 'disconnect' | 'requestnewtoken', handler: () => void): void;
    on(event: 'authen', handler: (res: AuthenResult) => void): void;
    on(event: 'incomingcall', handler: (call: StringeeCall) => void): void;
    on(event: string, handler: (...args: never[]) => void): void;
  }
  export class StringeeCall {
    constructor(client: StringeeClient, from: string, to: string, isVideoCall?: boolean);
    callId: string;
    custom: string;
    fromNumber: string;
    toNumber: string;
    fromInternal?: boolean;
    isVideoCall?: boolean;
    answer(cb: (res: { r: number }) => void): void;
    reject(cb?: (res: { r: number }) => void): void;
    isOnHold: boolean;
    ended: boolean;
    /** Set by a 38 CALL_STATE 200: another device of this user answered. */
    answeredOnAnotherDevice?: boolean;
    _pc: RTCPeerConnection | null | undefined;
    makeCall(cb: (res: { r: number; message?: string }) => void): void;
    hangup(cb?: (res: { r: number }) => void): void;
    sendDtmf(digits: string, cb?: (res: { r: number }) => void): void;
    mute(muted: boolean): void;
    enableLocalVideo(enabled: boolean): boolean;
    sendHold(musicOnHold: boolean, cb: (res: { r: number }) => void): void;
    sendUnHold(cb: (res: { r: number }) => void): void;
    on(event: 'signalingstate', handler: (s: SignalingState) => void): void;
    on(event: 'mediastate', handler: (s: { code: number; reason: string }) => void): void;
    on(event: 'addremotestream' | 'addlocalstream', handler: (s: MediaStream | undefined) => void): void;
    on(event: 'error', handler: (e: { code?: number; reason?: string; message?: string }) => void): void;
    on(event: string, handler: (...args: never[]) => void): void;
  }
}
