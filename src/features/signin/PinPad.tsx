import { useState } from 'react';
import { applyKey, Keypad } from '../../ui/Keypad';

/**
 * Asks one person for their PIN and checks it with `verify`. Five wrong tries lock the pad for
 * 30 s so a PIN cannot be guessed at the chair.
 */
export function PinPad({
  title,
  verify,
  onCancel,
}: {
  title: string;
  verify: (pin: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [pin, setPin] = useState('');
  const [failures, setFailures] = useState(0);
  const [lockedUntil, setLockedUntil] = useState(0);
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit() {
    if (Date.now() < lockedUntil) return;
    setChecking(true);
    const ok = await verify(pin);
    setChecking(false);
    if (ok) return;
    const next = failures + 1;
    setFailures(next);
    setPin('');
    if (next >= 5) {
      setLockedUntil(Date.now() + 30_000);
      setFailures(0);
      setMessage('Too many wrong PINs. Try again in 30 seconds.');
    } else {
      setMessage('Wrong PIN. Try again.');
    }
  }

  return (
    <div className="pinpad" data-testid="pin-pad">
      <h3>{title}</h3>
      <output className="pinpad__dots" aria-label="PIN entered" data-testid="pin-dots">
        {pin.length === 0 ? 'Enter PIN' : '●'.repeat(pin.length)}
      </output>
      <Keypad label="PIN" onKey={(key) => setPin((p) => applyKey(p, key))} />
      {message ? <p role="alert">{message}</p> : null}
      <div className="row">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          data-testid="pin-submit"
          disabled={pin.length < 4 || checking}
          onClick={() => void submit()}
        >
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </div>
    </div>
  );
}
