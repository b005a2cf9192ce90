/**
 * The scanner's state for one open scanner: the catalog to match against, the session of reads
 * (de-duplication + pack flow, src/scan/session.ts), the mute setting and the success feedback.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { map } from 'rxjs';
import { useLocal } from '../../app/DatabaseContext';
import { deviceToday, now } from '../../app/runtime';
import { useObservable } from '../../app/useObservable';
import { getSetting, putSetting } from '../../db/repositories/settings';
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
  const session = useRef(EMPTY_SESSION);
  const [feedback] = useState(() => new Feedback());

  useEffect(() => {
    let live = true;
    void getSetting(db, MUTE_SETTING_KEY).then((v) => live && setMutedState(v === true));
    return () => {
      live = false;
    };
  }, [db]);
  useEffect(() => {
    // The scanner opens from a tap, so the page has user activation and sound may start.
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
      const ctx = {
        products,
        lots,
        nowMs,
        utcOffsetMinutes: -new Date(nowMs).getTimezoneOffset(),
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
