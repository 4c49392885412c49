/**
 * One message per entry, like the core split node: each copy keeps the input's properties and says where it
 * belongs (msg.parts), so a join node can rebuild the array.
 */
import type { NodeMessage, NodeRedRuntime } from './node-red-api';

export function onePerEntry(
	RED: NodeRedRuntime,
	msg: NodeMessage,
	entries: unknown[],
): NodeMessage[] {
	return entries.map((entry, index) => {
		const copy = RED.util.cloneMessage(msg);
		copy.payload = entry;
		copy.parts = { id: msg._msgid, type: 'array', index, count: entries.length, len: 1 };
		return copy;
	});
}
