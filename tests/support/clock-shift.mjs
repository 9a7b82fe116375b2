// Test runs only: moves this process's clock by PORTAL_TEST_CLOCK_SHIFT ("+30d", "-2d", "+365d") so
// the server, its CLIs or the whole suite can be run as if on another day. Loaded with
// `node --import ./tests/support/clock-shift.mjs` (tests/support/server.ts, scripts/test.sh);
// the application never reads the variable. Timers are untouched: only what Date says moves.
const match = /^([+-]?\d+)d$/.exec(process.env.PORTAL_TEST_CLOCK_SHIFT ?? '')
if (match && Number(match[1]) !== 0) {
  const offset = Number(match[1]) * 86_400_000
  const RealDate = Date
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...args)
    }

    static now() {
      return RealDate.now() + offset
    }
  }
  // `Date()` without `new` answers the time as a string, as the real one does.
  globalThis.Date = new Proxy(ShiftedDate, { apply: () => new ShiftedDate().toString() })
}
