/** How much of a receiver's answer is kept per attempt (bytes). */
export const RESPONSE_BODY_MAX_BYTES = 2048;

/** Cuts UTF-8 bytes to at most `max` without splitting a character. */
function cutAtBoundary(buf: Buffer, max: number): Buffer {
  if (buf.length <= max) return buf;
  let end = max;
  // Step back over continuation bytes (10xxxxxx) to the start of the character that straddles `max`.
  while (end > 0 && ((buf[end] as number) & 0xc0) === 0x80) end--;
  return buf.subarray(0, end);
}

/**
 * The stored form of a receiver's answer: at most `max` bytes of UTF-8 text, never a split
 * character. Invalid bytes become U+FFFD and NUL becomes U+FFFD (PostgreSQL text cannot hold NUL);
 * since that can lengthen the text, the limit is applied again to the result. Untrusted text:
 * whoever shows it escapes it.
 */
export function storedResponseBody(raw: Buffer, max = RESPONSE_BODY_MAX_BYTES): string {
  const text = cutAtBoundary(raw, max).toString('utf8').replace(/\0/g, '\uFFFD');
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= max ? text : cutAtBoundary(bytes, max).toString('utf8');
}
