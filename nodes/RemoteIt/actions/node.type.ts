import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Each resource's operations, by the `value` of its Operation option (`<Resource>.resource.ts`). */
export interface RemoteItOperations {
	connection: 'connect' | 'disconnect' | 'getAll';
	device: 'addTags' | 'get' | 'getAll' | 'removeTags';
}

export type Resource = keyof RemoteItOperations;

/** A resource's Operation parameter: an option whose value the type above does not name is a compile error. */
export type OperationParameter<R extends Resource> = INodeProperties & {
	options: Array<INodePropertyOptions & { value: RemoteItOperations[R] }>;
};
