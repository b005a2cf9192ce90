/**
 * The scanner's state for one open scan panel: the catalog to match against, the pack flow,
 * de-duplication of camera reads, the mute setting and the success feedback.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { map } from 'rxjs';
import { useLocal } from '../app/DatabaseContext';
import { deviceToday, now } from '../app/runtime';
import { useObservable } from '../app/useObservable';
import { getSetting, putSetting } from '../db/repositories/settings';
import type { Lot, Product } from '../domain/model';
import { dedupe, EMPTY_DEDUP } from './dedup';
import { Feedback, MUTE_SETTING_KEY } from './feedback';
import { processRead } from './flow';
import type { ScanOutcome, ScanSource } from './flow';

export interface ScanFlow {
  readonly last: ScanOutcome | null;
  /** Feeds one read; camera reads are de-duplicated. Returns the outcome, or null if ignored. */
  submit(raw: string, source: ScanSource): ScanOutcome | null;
  readonly muted: boolean;
  setMuted(muted: boolean): void;
  readonly feedback: Feedback;
}

export function useScanFlow(): ScanFlow {
  const { db } = useLocal();
  const products = useObservable<Product[]>(
    () => db.products.find().$.pipe(map((d) => d.map((x) => x.toMutableJSON()))),
    [],
    [db],
  );
  const lots = useObservable<Lot[]>(
    () => db.lots.find().$.pipe(map((d) => d.map((x) => x.toMutableJSON()))),
    [],
    [db],
  );
  const [last, setLast] = useState<ScanOutcome | null>(null);
  const [muted, setMutedState] = useState(false);
  const lastRef = useRef<ScanOutcome | null>(null);
  const dedupRef = useRef(EMPTY_DEDUP);
  const [feedback] = useState(() => new Feedback());

  useEffect(() => {
    let live = true;
    void getSetting(db, MUTE_SETTING_KEY).then((v) => live && setMutedState(v === true));
    return () => {
      live = false;
    };
  }, [db]);
  useEffect(() => {
    // The panel opens from a tap, so the page has user activation and sound may start.
    feedback.unlock();
    return () => feedback.close();
  }, [feedback]);

  const setMuted = useCallback(
    (value: boolean) => {
      setMutedState(value);
      void putSetting(db, MUTE_SETTING_KEY, value);
    },
    [db],
  );

  const submit = useCallback(
    (raw: string, source: ScanSource): ScanOutcome | null => {
      const nowMs = now();
      if (source === 'camera') {
        const d = dedupe(dedupRef.current, raw, nowMs);
        dedupRef.current = d.state;
        if (!d.accept) return null;
      }
      const ctx = {
        products,
        lots,
        nowMs,
        utcOffsetMinutes: -new Date(nowMs).getTimezoneOffset(),
        today: deviceToday(),
      };
      const outcome = processRead(lastRef.current, raw, source, ctx);
      lastRef.current = outcome;
      setLast(outcome);
      if (outcome.parsed.ok) feedback.success(muted);
      return outcome;
    },
    [products, lots, muted, feedback],
  );

  return { last, submit, muted, setMuted, feedback };
}
