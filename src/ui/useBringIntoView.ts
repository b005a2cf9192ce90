import { useEffect, useRef } from 'react';

/**
 * The step that needs an answer is brought into view and focused when it appears (docs/ui.md,
 * "Layout"; SPEC [T6]): the FEFO choice after a product tap, the reason prompt, the manager's
 * approval, the amount pad. `key` re-runs it when the same element asks a new question.
 *
 * Focus goes to the element inside marked `data-autofocus`, else to the element itself (give it
 * `tabIndex={-1}`), without a second scroll. The element's `scroll-margin` keeps it clear of the
 * screen's edges (`.step` in theme.css).
 */
export function useBringIntoView<T extends HTMLElement>(key: unknown = null) {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // jsdom has no layout, so no scrollIntoView: nothing to bring into view there.
    element.scrollIntoView?.({ block: 'nearest' });
    const target = element.querySelector<HTMLElement>('[data-autofocus]') ?? element;
    target.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
