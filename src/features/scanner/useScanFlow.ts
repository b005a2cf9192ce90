/**
 * The scanner's state for one open scanner: the catalog to match against, the session of reads
 * (de-duplication + pack flow, src/scan/session.ts), the mute setting and the success feedback.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { deviceToday, now, utcOffsetMinutes } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { Lot, Product } from '../../domain/model';
import { Feedback, MUTE_SETTING_KEY } from '../../scan/feedback';
import type { ScanOutcome, ScanSource } from '../../scan/flow';
import { EMPTY_SESSION, submitRead } from '../../scan/session';

export interface ScanFlow {
  readonly last: ScanOutcome | null;
  /** Feeds one read; camera reads are de-duplicated. Returns the outcome, or null if ignored. */
  submit(raw: string, source: ScanSource): ScanOutcome | null;
  readonly muted: boolean;
  setMuted(muted: boolean): void;
  readonly feedback: Feedback;
}

export function useScanFlow(): ScanFlow {
  const data = useData();
  const products = useObservable<Product[]>(() => data.products.watch(), [], [data]);
  const lots = useObservable<Lot[]>(() => data.lots.watch(), [], [data]);
  const [last, setLast] = useState<ScanOutcome | null>(null);
  const [muted, setMutedState] = useState(false);
  const session = useRef(EMPTY_SESSION);
  const [feedback] = useState(() => new Feedback());

  useEffect(() => {
    let live = true;
    void data.settings.read(MUTE_SETTING_KEY).then((v) => live && setMutedState(v));
    return () => {
      live = false;
    };
  }, [data]);
  useEffect(() => {
    // The scanner opens from a tap, so the page has user activation and sound may start.
    feedback.unlock();
    return () => feedback.close();
  }, [feedback]);

  const setMuted = useCallback(
    (value: boolean) => {
      setMutedState(value);
      void data.settings.write(MUTE_SETTING_KEY, value);
    },
    [data],
  );

  const submit = useCallback(
    (raw: string, source: ScanSource): ScanOutcome | null => {
      const nowMs = now();
      const ctx = {
        products,
        lots,
        nowMs,
        utcOffsetMinutes: utcOffsetMinutes(nowMs),
        today: deviceToday(),
      };
      const r = submitRead(session.current, raw, source, ctx);
      session.current = r.session;
      if (!r.outcome) return null;
      setLast(r.outcome);
      if (r.outcome.parsed.ok) feedback.success(muted);
      return r.outcome;
    },
    [products, lots, muted, feedback],
  );

  return { last, submit, muted, setMuted, feedback };
}
