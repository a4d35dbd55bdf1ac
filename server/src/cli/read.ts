// Decoding article bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, or, for invalid UTF-8, Windows-1252 with a warning.
export interface DecodedArticle {
  readonly text: string;
  /** Set when the bytes were not clean UTF-8 text (what was done about it). */
  readonly warning?: string;
  /** Binary data (NUL bytes): not an article. */
  readonly binary: boolean;
}

export function decodeArticle(bytes: Uint8Array): DecodedArticle {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), binary: false };
  }
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { text: '', binary: true, warning: 'binary data (NUL bytes): not analysed' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), binary: false };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      binary: false,
      warning: 'not valid UTF-8; read as Windows-1252',
    };
  }
}
