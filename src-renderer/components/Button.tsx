import type { ComponentProps, MouseEvent } from 'react';

/**
 * A button that stays focusable while it cannot be used. A `disabled` button that has focus (the
 * Export button while its report builds, Next on the last page, Move up on the first exhibit)
 * drops focus to the page body, sending a keyboard user back to the top. This one is marked
 * `aria-disabled` instead and ignores clicks, and Enter in a form field, while disabled.
 */
export function Button({ disabled, onClick, ...rest }: ComponentProps<'button'>) {
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    if (disabled) {
      // Also cancels a form's implicit submission, which clicks its default button.
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  return <button {...rest} aria-disabled={disabled ? true : undefined} onClick={click} />;
}
