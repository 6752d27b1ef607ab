import type { ReactNode } from 'react';

/** A field's problem as the data forms show it: which field, and the words. */
export interface FieldProblem<F extends string = string> {
  field: F;
  text: string;
}

/**
 * A text field with its problem beside it, marked invalid and described by it (as the clinic
 * settings fields): `children` gets the attributes to spread on the input.
 */
export function FieldWithError<F extends string>({
  id,
  field,
  problem,
  children,
}: {
  id: string;
  field: F;
  problem: FieldProblem<F> | null;
  children: (invalid: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const mine = problem?.field === field;
  return (
    <span className="field-with-error">
      {children(mine ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
      {mine && (
        <span id={`${id}-error`} className="field-error" data-testid={`${field}-error`}>
          {problem.text}
        </span>
      )}
    </span>
  );
}
