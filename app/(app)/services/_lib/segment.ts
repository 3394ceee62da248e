/** The [name] route segment as a service name; a malformed escape is kept as typed (and then simply not found). */
export function serviceSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
