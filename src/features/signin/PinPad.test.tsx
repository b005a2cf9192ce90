// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PIN_TRIES, PinPad, type PinVerdict } from './PinPad';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function pad(verify: (pin: string) => Promise<PinVerdict>) {
  render(<PinPad title="Sign in" verify={verify} onCancel={() => undefined} />);
  return {
    submit: () => screen.getByTestId('pin-submit'),
    dots: () => screen.getByTestId('pin-dots').textContent,
    key: (name: string) => screen.getByRole('button', { name }),
  };
}

/** Keys as a person types them: 100 ms apart (the clock is faked in every test). */
async function typeOnKeyboard(keys: string[], gapMs = 100) {
  for (const key of keys) {
    await act(async () => vi.advanceTimersByTime(gapMs));
    await act(async () => fireEvent.keyDown(window, { key }));
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
});

describe('PIN pad', () => {
  it('[A3] a physical keyboard types the PIN, Backspace deletes and Enter submits', async () => {
    const verify = vi.fn(async (pin: string) => pin === '2468');
    const p = pad(verify);
    await typeOnKeyboard(['2', '4', '6', '9', 'Backspace', '8']);
    expect(p.dots()).toBe('●●●●');
    await typeOnKeyboard(['Enter']);
    expect(verify).toHaveBeenCalledWith('2468');
  });

  it('[A3] a wrong PIN says how many tries are left', async () => {
    const p = pad(async () => false);
    await typeOnKeyboard(['1', '1', '1', '1', 'Enter']);
    expect(screen.getByRole('alert').textContent).toBe(
      `Wrong PIN. ${MAX_PIN_TRIES - 1} tries left before a 30-second lock.`,
    );
    expect(p.dots()).toBe('Enter PIN');
  });

  it('[A3] after five wrong PINs the pad takes no digits, Sign in is disabled and the lock counts down', async () => {
    const verify = vi.fn(async () => false as const);
    const p = pad(verify);
    for (let i = 0; i < MAX_PIN_TRIES; i++) await typeOnKeyboard(['1', '2', '3', '4', 'Enter']);
    expect(screen.getByTestId('pin-locked').textContent).toBe('Too many wrong PINs. Try again in 30 s.');
    await typeOnKeyboard(['5', '5', '5', '5']);
    await act(async () => fireEvent.click(p.key('5')));
    expect(p.dots()).toBe('Enter PIN');
    expect(p.submit()).toHaveProperty('disabled', true);
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(screen.getByTestId('pin-locked').textContent).toBe('Too many wrong PINs. Try again in 20 s.');
    await act(async () => vi.advanceTimersByTime(20_000));
    expect(screen.queryByTestId('pin-locked')).toBeNull();
    await typeOnKeyboard(['5', '5', '5', '5']);
    expect(p.dots()).toBe('●●●●');
    expect(p.submit()).toHaveProperty('disabled', false);
    expect(verify).toHaveBeenCalledTimes(MAX_PIN_TRIES);
  });

  it('[A3] a keyboard-wedge scan while the pad is open types nothing and submits nothing', async () => {
    const verify = vi.fn(async () => false as const);
    const p = pad(verify);
    await typeOnKeyboard(['1', '2']);
    await typeOnKeyboard([...'0100361414167892', 'Enter'], 3);
    expect(p.dots()).toBe('Enter PIN');
    expect(verify).not.toHaveBeenCalled();
    await typeOnKeyboard(['2', '4', '6', '8']);
    expect(p.dots()).toBe('●●●●');
  });

  it('[A3][F4] a valid PIN that may not do this is named, and not counted as a wrong try', async () => {
    pad(async () => ({ refused: 'Jordan Alvarez, NP is not a manager. A manager must approve.' }));
    for (let i = 0; i < MAX_PIN_TRIES + 1; i++) await typeOnKeyboard(['1', '2', '3', '4', 'Enter']);
    expect(screen.getByRole('alert').textContent).toBe(
      'Jordan Alvarez, NP is not a manager. A manager must approve.',
    );
    expect(screen.queryByTestId('pin-locked')).toBeNull();
  });
});
