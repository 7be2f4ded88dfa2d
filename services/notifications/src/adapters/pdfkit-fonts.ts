import { registerHooks } from 'node:module';
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
import HelveticaBold from 'pdfkit/standard-fonts/HelveticaBold';

/**
 * pdfkit's Node build loads a standard font's metrics when a document first uses it, with a
 * run-time `require('#standard-fonts/<name>')` that resolves inside its own package. A bundle has
 * no such package beside it (esbuild cannot follow that require), so every font would be "Cannot
 * find module". Its browser build takes the fonts as imports instead, but a Node bundle never
 * selects it. So the two fonts the tickets use are imported here, and so bundled, and that one
 * require is answered with them by a module resolution hook (Node's `module.registerHooks`, for
 * this thread only). Any other specifier resolves as usual.
 */
const FONTS: Record<string, unknown> = { Helvetica, HelveticaBold };
const SCHEME = 'mytabs-pdfkit-font:';
const GLOBAL = Symbol.for('mytabs.pdfkitFonts');

let registered = false;

/** Call before the first PDFDocument: afterwards pdfkit finds Helvetica and Helvetica-Bold. */
export const bundledPdfFonts = () => {
  if (registered) return;
  registered = true;
  (globalThis as Record<symbol, unknown>)[GLOBAL] = FONTS;
  registerHooks({
    resolve(specifier, context, next) {
      const name = /^#standard-fonts\/(\w+)$/.exec(specifier)?.[1];
      if (name && name in FONTS) return { url: `${SCHEME}${name}`, shortCircuit: true };
      return next(specifier, context);
    },
    load(url, context, next) {
      if (!url.startsWith(SCHEME)) return next(url, context);
      const name = JSON.stringify(url.slice(SCHEME.length));
      return {
        format: 'commonjs',
        source: `module.exports = globalThis[Symbol.for('mytabs.pdfkitFonts')][${name}];`,
        shortCircuit: true,
      };
    },
  });
};
