/**
 * Text a page's style sheet adds to elements of a class (`.lbl:after { content: ":" }`): a print
 * view may write its field labels bare and let the style print the colon. A browser shows it, so
 * the text a reader sees has it. Only class selectors with a quoted string are read; counters,
 * attr() and other selectors add nothing here.
 */
export interface GeneratedContent {
  before?: string;
  after?: string;
}

const RULE = /([^{}]+)\{([^{}]*)\}/g;
const CLASS_PSEUDO = /^\s*[a-z0-9]*\.([\w-]+)\s*::?(before|after)\s*$/i;
const CONTENT = /(?:^|;)\s*content\s*:\s*(["'])((?:(?!\1)[^\\]|\\.)*)\1/i;

/** The content each class's ::before / ::after adds, from a style element's text. */
export function generatedContent(css: string): Map<string, GeneratedContent> {
  const out = new Map<string, GeneratedContent>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, selectors, body] of text.matchAll(RULE)) {
    const content = CONTENT.exec(body ?? '');
    if (!content) continue;
    const value = (content[2] ?? '').replace(/\\(.)/g, '$1');
    for (const selector of (selectors ?? '').split(',')) {
      const m = CLASS_PSEUDO.exec(selector);
      if (!m) continue;
      const entry = out.get(m[1]!) ?? {};
      entry[m[2]!.toLowerCase() as 'before' | 'after'] = value;
      out.set(m[1]!, entry);
    }
  }
  return out;
}

/** What an element's classes add before and after it (the first class that adds any). */
export function contentForClasses(
  generated: ReadonlyMap<string, GeneratedContent>,
  classAttr: string | undefined,
): GeneratedContent | null {
  if (!classAttr || generated.size === 0) return null;
  const found: GeneratedContent = {};
  for (const name of classAttr.split(/\s+/)) {
    const g = generated.get(name);
    found.before ??= g?.before;
    found.after ??= g?.after;
  }
  return found.before === undefined && found.after === undefined ? null : found;
}
