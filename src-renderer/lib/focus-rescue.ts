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
