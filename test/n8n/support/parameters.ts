import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

/** Demo-seed ids (emulator/seed/demo.json). */
export const SEED = {
	gatewayDevice: '80:00:00:00:01:00:00:01',
	gatewaySsh: '80:00:00:00:01:00:00:02',
	gatewayWebUi: '80:00:00:00:01:00:00:03',
	gatewayPostgres: '80:00:00:00:01:00:00:04',
	nvrHttps: '80:00:00:00:01:00:00:21',
	offlineSensorSsh: '80:00:00:00:01:00:00:31',
	piSsh: '80:00:00:00:01:00:00:41',
	unknownService: '80:00:00:00:0F:0F:0F:0F',
} as const;

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
