import css from './styles.css';

/** Inline on the host element: !important inline rules beat anything the host page's CSS says about it. */
export const HOST_STYLE =
  'all:initial!important;display:block!important;position:fixed!important;inset:0!important;z-index:2147483647!important';

/** The stylesheet for the shadow root (minified by build.mjs). */
export const CSS: string = css;
