// The sandbox's notion of "now" for token expiry; tests move it forward to expire tokens.
export class Clock {
  offsetSec = 0;

  nowSec(): number {
    return Date.now() / 1000 + this.offsetSec;
  }
}
