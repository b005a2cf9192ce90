import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** Subscribes to an RxJS observable for the component's lifetime; `deps` recreate it. */
export function useObservable<T>(factory: () => Observable<T>, initial: T, deps: readonly unknown[]): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = factory().subscribe(setValue);
    return () => subscription.unsubscribe();
    // The caller's deps decide when the observable is rebuilt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
