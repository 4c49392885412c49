/** HTTP header names are case-insensitive: the one lookup by name, and the one reading of a transport's headers. */

/** The value of header `name` (lower case) in headers of any spelling; undefined when absent. */
export function headerValue(
	headers: Record<string, string> | undefined,
	name: string,
): string | undefined {
	const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : String(headers?.[key]);
}

/**
 * Response headers as the client reads them: lower-case names, one string each (repeated headers joined).
 * Shared by every transport (axios for Node-RED, n8n's request helpers), whatever shape their library returns.
 */
export function flattenHeaders(headers: unknown): Record<string, string> {
	const flat: Record<string, string> = {};
	if (typeof headers !== 'object' || headers === null) return flat;
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || value === null) continue;
		flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return flat;
}
