// PostgreSQL text cannot hold NUL (0x00) and refuses the whole query; SQLite would store it and
// compare it oddly. No field of ours has a use for it, so it is refused at the edge on both.
const NUL_IN_URL = /%00/i;

export const NUL_MESSAGE = 'Request values must not contain NUL (\\u0000) characters.';

/** A JSON text that would decode to a string containing NUL. */
export const jsonHasNul = (text: string): boolean =>
  text.includes('\u0000') || /(^|[^\\])(\\\\)*\\u0000/i.test(text);

/** True when a request URL carries NUL, raw or percent-encoded. */
export const urlHasNul = (url: string): boolean => NUL_IN_URL.test(url) || url.includes('\u0000');
