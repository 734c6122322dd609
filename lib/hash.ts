/** Returns the first `digits` hex digits of the SHA-256 of the UTF-8 text. */
export async function sha256Hex(text: string, digits: number): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'));
  return hex.join('').slice(0, digits);
}
