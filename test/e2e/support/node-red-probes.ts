/**
 * Test-only additions deployed next to the example flows: a debug "probe" on the output of every remote.it
 * node (so each node's own output is observable), and extra inject nodes that feed chosen payloads into an
 * example's node (to make a flow fail on purpose).
 */
import type { FlowNode } from '../../../dev/node-red/node-red-process';

export function probeIdFor(nodeId: string): string {
	return `probe-${nodeId}`;
}

export function withProbes(flows: FlowNode[]): FlowNode[] {
	const probes: FlowNode[] = [];
	const wired = flows.map((node) => {
		if (!node.type.startsWith('remoteit-') || !Array.isArray(node.wires)) return node;
		const probe = {
			id: probeIdFor(node.id),
			type: 'debug',
			z: node.z,
			name: `probe ${node.type}`,
			active: true,
			tosidebar: true,
			console: false,
			tostatus: false,
			complete: 'payload',
			targetType: 'msg',
			wires: [],
		};
		probes.push(probe);
		const [first = [], ...rest] = node.wires as string[][];
		return { ...node, wires: [[...first, probe.id], ...rest] };
	});
	return [...wired, ...probes];
}

export function extraInject(id: string, target: FlowNode, payload: string): FlowNode {
	return {
		id,
		type: 'inject',
		z: target.z,
		name: `e2e: ${payload}`,
		props: [{ p: 'payload' }],
		repeat: '',
		crontab: '',
		once: false,
		onceDelay: 0.1,
		topic: '',
		payload,
		payloadType: 'str',
		x: 100,
		y: 400,
		wires: [[target.id]],
	};
}
