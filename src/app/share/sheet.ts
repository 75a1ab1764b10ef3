/**
 * A stylesheet owned by a component, written through the CSSOM (a constructed CSSStyleSheet in
 * document.adoptedStyleSheets) rather than a <style> element, so that a Content-Security-Policy
 * with `style-src 'self'` (no inline styles) still lets it apply.
 */
import { useEffect, useMemo } from 'react';

export function useSheet(css: string): void {
  const sheet = useMemo(() => new CSSStyleSheet(), []);
  useEffect(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  useEffect(() => {
    sheet.replaceSync(css);
  }, [sheet, css]);
}
