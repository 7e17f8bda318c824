import css from './styles.css';

/**
 * On the host element, as CSSOM declarations (a page's CSP governs style attributes, not CSSOM):
 * !important inline rules beat anything the host page's CSS says about it.
 */
export const HOST_STYLE =
  'all:initial!important;display:block!important;position:fixed!important;inset:0!important;z-index:2147483647!important';

let sheet: CSSStyleSheet | undefined;

/**
 * Styles a shadow root with the widget's stylesheet (minified by build.mjs). A constructed stylesheet
 * is not subject to the page's Content-Security-Policy, so it works under `style-src 'self'`; a
 * <style> element (which such a CSP blocks) is only the fallback for browsers without constructable
 * stylesheets. One sheet is shared by every mount.
 */
export function styleRoot(root: ShadowRoot): void {
  try {
    if (!sheet) {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      sheet = s;
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    // `new CSSStyleSheet()` throws (or replaceSync is missing) where constructable sheets are unsupported.
    root.prepend(Object.assign(document.createElement('style'), { textContent: css }));
  }
}
