import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import { RemoteIt } from '../../../nodes/RemoteIt/RemoteIt.node';

/** The type name n8n gives a community node: `<package name>.<node name>`. */
export const REMOTE_IT_NODE_TYPE = 'n8n-nodes-remoteit.remoteIt';

/** n8n's node registry for these tests: it serves our real node class and nothing else. */
export class PackageNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>([[REMOTE_IT_NODE_TYPE, new RemoteIt()]]);

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.get(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		return this.get(nodeType);
	}

	getKnownTypes() {
		return {};
	}

	private get(nodeType: string): INodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type "${nodeType}"`);
		return type;
	}
}
