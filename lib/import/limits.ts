// Limits of an import, shared by the server and the upload form (which refuses an oversized file before sending).
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
