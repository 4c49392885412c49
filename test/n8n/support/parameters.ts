import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

/** Demo-seed ids under the name the n8n suites know them by (test/support/demo.ts). */
export { DEMO_IDS as SEED } from '../../support/demo';

export const fromList = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'list',
	value,
});
export const byId = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'id',
	value,
});
export const byName = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'name',
	value,
});

export function connectParameters(
	service: INodeParameterResourceLocator,
	extra: INodeParameters = {},
): INodeParameters {
	return { resource: 'connection', operation: 'connect', service, ...extra };
}

/** Disconnect with its defaults, which read `id` and `serviceId` from the incoming item. */
export const disconnectParameters: INodeParameters = {
	resource: 'connection',
	operation: 'disconnect',
};
