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
