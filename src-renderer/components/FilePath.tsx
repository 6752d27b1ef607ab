import { Fragment } from 'react';

/**
 * A file path that wraps only between its folders (after "/"), never inside a name: "damage
 * d.pdf" in a narrow table cell read as another file's name.
 */
export function FilePath({ path }: { path: string }) {
  const parts = path.split(/(?<=\/)/);
  return (
    <span className="mono path">
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {/* Unbroken: a browser would otherwise wrap a name at its hyphens. */}
          <span className="path-part">{p}</span>
        </Fragment>
      ))}
    </span>
  );
}
