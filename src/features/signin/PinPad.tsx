import { useCallback, useEffect, useRef, useState } from 'react';
import { now } from '../../platform/clock';
import { applyKey, Keypad } from '../../ui/Keypad';

/** Wrong PINs in a row before the pad locks, and for how long. */
export const MAX_PIN_TRIES = 5;
export const PIN_LOCKOUT_MS = 30_000;
const PIN_MAX_LENGTH = 8;
/**
 * Keys closer together than this are a keyboard-wedge scanner, not a person (people type ≥ 30 ms
 * apart; scanners 2–10 ms): a scan while the pad is open must not become PIN digits or a wrong try.
 */
const BURST_GAP_MS = 20;

/**
 * What a PIN check says: accepted, a wrong PIN, or a right PIN that may not do this (the message
 * names why, e.g. "Jordan Alvarez is not a manager"; it is not counted as a wrong try).
 */
export type PinVerdict = boolean | { refused: string };

/**
 * Asks one person for their PIN and checks it with `verify`. Five wrong tries lock the pad for
 * 30 s so a PIN cannot be guessed at the chair; the pad says how many tries are left and counts the
 * lockout down, and takes no digits meanwhile. Digits, Backspace and Enter also work from a
 * physical keyboard; a keyboard-wedge scanner's burst is ignored.
 */
export function PinPad({
  title,
  verify,
  onCancel,
  submitLabel = 'Sign in',
}: {
  title: string;
  verify: (pin: string) => Promise<PinVerdict>;
  onCancel: () => void;
  submitLabel?: string;
}) {
  const [pin, setPin] = useState('');
  const [failures, setFailures] = useState(0);
  const [lockedUntil, setLockedUntil] = useState(0);
  const [clock, setClock] = useState(() => now());
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const padRef = useRef<HTMLDivElement>(null);
  const lastKeyAt = useRef(-Infinity);
  const inBurst = useRef(false);

  const secondsLeft = Math.max(0, Math.ceil((lockedUntil - clock) / 1000));
  const locked = secondsLeft > 0;

  // Ticks once a second while locked, so the countdown and the pad's state follow the clock.
  useEffect(() => {
    if (!locked) return undefined;
    const timer = setInterval(() => setClock(now()), 1000);
    return () => clearInterval(timer);
  }, [locked]);

  const submit = useCallback(async () => {
    if (locked || checking || pin.length < 4) return;
    setChecking(true);
    const verdict = await verify(pin);
    setChecking(false);
    if (verdict === true) return;
    setPin('');
    if (typeof verdict === 'object') {
      setMessage(verdict.refused);
      return;
    }
    const next = failures + 1;
    if (next >= MAX_PIN_TRIES) {
      const at = now();
      setFailures(0);
      setLockedUntil(at + PIN_LOCKOUT_MS);
      setClock(at);
      setMessage(null);
    } else {
      setFailures(next);
      const left = MAX_PIN_TRIES - next;
      setMessage(`Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before a 30-second lock.`);
    }
  }, [checking, failures, locked, pin, verify]);

  const press = useCallback(
    (key: string) => {
      if (locked) return;
      setPin((p) => applyKey(p, key, PIN_MAX_LENGTH));
    },
    [locked],
  );

  // A physical keyboard types into the pad while it is on screen (not while another field has focus).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && target !== padRef.current && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const at = now();
      const burst = at - lastKeyAt.current < BURST_GAP_MS;
      lastKeyAt.current = at;
      if (burst && !inBurst.current) setPin('');
      inBurst.current = burst;
      if (burst) return;
      if (/^[0-9]$/.test(event.key)) press(event.key);
      else if (event.key === 'Backspace') press('⌫');
      else if (event.key === 'Enter') void submit();
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [press, submit]);

  return (
    <div className="pinpad" data-testid="pin-pad" ref={padRef}>
      <h3>{title}</h3>
      <output className="pinpad__dots" aria-label="PIN entered" data-testid="pin-dots">
        {pin.length === 0 ? 'Enter PIN' : '●'.repeat(pin.length)}
      </output>
      <fieldset className="pinpad__keys" disabled={locked} aria-disabled={locked}>
        <Keypad label="PIN" onKey={press} />
      </fieldset>
      {locked ? (
        <p role="alert" data-testid="pin-locked">
          Too many wrong PINs. Try again in {secondsLeft} s.
        </p>
      ) : message ? (
        <p role="alert">{message}</p>
      ) : null}
      <div className="row">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          data-testid="pin-submit"
          disabled={locked || pin.length < 4 || checking}
          onClick={() => void submit()}
        >
          {checking ? 'Checking…' : submitLabel}
        </button>
      </div>
    </div>
  );
}
