// PEM markers this code looks for when it parses keys: not keys themselves.
export const PEM_HEADER = '-----BEGIN PRIVATE KEY-----';
export const EXAMPLE = '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----';
