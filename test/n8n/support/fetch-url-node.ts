/**
 * A stand-in for n8n's HTTP Request node, which lives in n8n-nodes-base (not installed for these suites): it
 * GETs its `url` parameter with n8n's own request helper, the one HTTP Request uses, and outputs `{ statusCode, data }`.
 * The e2e suite runs the real HTTP Request node in n8n 1.x and 2.x.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export const FETCH_URL_NODE_TYPE = 'test.fetchUrl';

export class FetchUrl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fetch URL',
		name: 'fetchUrl',
		group: ['transform'],
		version: 1,
		description: 'GET a URL',
		defaults: { name: 'Fetch URL' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	} as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const url = this.getNodeParameter('url', i) as string;
			const response = (await this.helpers.httpRequest({
				url,
				returnFullResponse: true,
				json: false,
			})) as { statusCode: number; body: unknown };
			output.push({
				json: { statusCode: response.statusCode, data: String(response.body) },
				pairedItem: { item: i },
			});
		}
		return [output];
	}
}
