/**
 * Standard font metrics decoded with Node's zlib. pdf-lib's font package inflates each standard
 * font's metrics with pako in plain JavaScript and joins the bytes a character at a time: about
 * 25 ms a font in a fresh process, which every packet the CLI writes paid three times. The same
 * data, decoded natively, fills the same `Font` objects; pdf-lib still asks through `Font.load`.
 */
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type * as StandardFonts from '@pdf-lib/standard-fonts';

const requireCjs = createRequire(import.meta.url);
const { Font } = requireCjs('@pdf-lib/standard-fonts') as typeof StandardFonts;
type Font = StandardFonts.Font;
type FontName = Parameters<typeof Font.load>[0];
// Its constructor is private in the types, but it sets the instance's lookup functions.
const NewFont = Font as unknown as new () => Font;

interface Metrics {
  CharMetrics: Array<{ N: string; WX: number }>;
  KernPairs: Array<[string, string, number]>;
}

const loaded = new Map<string, Font>();
const pakoLoad = Font.load.bind(Font);

function zlibLoad(name: FontName): Font {
  const base64 = requireCjs(`@pdf-lib/standard-fonts/lib/${name}.compressed.json`) as string;
  const json = inflateSync(Buffer.from(base64, 'base64')).toString('latin1');
  const font = Object.assign(new NewFont(), JSON.parse(json) as Metrics);
  // The lookups pdf-lib's own loader builds: widths by glyph name, kerning by glyph pair.
  const widths: Record<string, number> = {};
  for (const m of font.CharMetrics) widths[m.N] = m.WX;
  const kerning: Record<string, Record<string, number>> = {};
  for (const [left, right, width] of font.KernPairs) (kerning[left] ??= {})[right] = width;
  return Object.assign(font, { CharWidths: widths, KernPairXAmounts: kerning });
}

Font.load = (name: FontName): Font => {
  let font = loaded.get(name);
  if (!font) {
    try {
      font = zlibLoad(name);
    } catch {
      // A package layout this does not expect: pdf-lib's own loader still works.
      font = pakoLoad(name);
    }
    loaded.set(name, font);
  }
  return font;
};
