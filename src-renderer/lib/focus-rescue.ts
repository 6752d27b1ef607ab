import { useEffect, type RefObject } from 'react';

/**
 * Keeps keyboard focus on the screen. When the focused element leaves the page (a dialog or form
 * closes, a list item is filtered out, a loading screen is replaced by the loaded one) and nothing
 * else takes focus, the browser puts it on the page body, which sends a keyboard user back to the
 * top of the window. Watching `root` for removed nodes, this moves focus to `fallback()` instead
 * (the screen's heading), without scrolling; a screen that moves focus somewhere better afterwards
 * (the decided finding, the opener of a dialog) still does.
 */
export function useFocusRescue(
  root: RefObject<HTMLElement | null>,
  fallback: (root: HTMLElement) => HTMLElement | null,
): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let last: Element | null = null;
    const onFocusIn = (e: FocusEvent) => {
      last = e.target instanceof Element ? e.target : null;
    };
    const rescue = () => {
      // Until the browser's focus fixup runs, a removed element may still be the active one.
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      if (!last || last.isConnected) return;
      last = null;
      fallback(el)?.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(rescue);
    observer.observe(el, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [root, fallback]);
}

/** The screen's heading, made focusable (as navigation focuses it). */
export function screenHeading(root: HTMLElement): HTMLElement | null {
  const h1 = root.querySelector('h1');
  if (!(h1 instanceof HTMLElement)) return null;
  h1.tabIndex = -1;
  return h1;
}

const HEADING_AFTER_RELOAD = 'chartready.focusHeadingAfterReload';

/** Before a reload the user asked for (another database opened): focus its first screen's heading. */
export function focusHeadingAfterReload(): void {
  try {
    window.sessionStorage.setItem(HEADING_AFTER_RELOAD, '1');
  } catch {
    // Without storage the reloaded page starts as any first load does.
  }
}

/**
 * After a reload asked for with focusHeadingAfterReload: focus goes to the screen's heading once
 * it is drawn (a first load otherwise leaves it on the page body, the top of the window).
 */
export function useHeadingFocusAfterReload(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let asked = false;
    const done = () => {
      try {
        window.sessionStorage.removeItem(HEADING_AFTER_RELOAD);
      } catch {
        // Nothing to forget.
      }
    };
    try {
      asked = window.sessionStorage.getItem(HEADING_AFTER_RELOAD) === '1';
    } catch {
      return;
    }
    const el = root.current;
    if (!asked || !el) return;
    const tryFocus = () => {
      const h = screenHeading(el);
      if (!h) return false;
      h.focus();
      done();
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect();
    });
    observer.observe(el, { childList: true, subtree: true });
    // A screen that never draws a heading is not waited for.
    const stop = setTimeout(() => {
      observer.disconnect();
      done();
    }, 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [root]);
}
