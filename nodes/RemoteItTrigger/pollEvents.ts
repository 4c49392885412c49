import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	LABELLED_BY_SHELL,
	latestMatchingEvent,
	tagFilterOf,
	pollEvents as pollEventLog,
	readCursor,
	storedCursor,
	type EventFilter,
} from '../../client';
import { toNodeError } from '../shared/errors';
import { createClientForExecution } from '../shared/transport';
import { eventSelectionFor } from './eventSelection';

interface TriggerFilters {
	deviceNameContains?: string;
	tags?: unknown;
	tagMatch?: unknown;
}

/**
 * One poll (client/account/event-watch.ts): events after the cursor kept in the workflow's static data, one item each,
 * oldest first. The first poll after activation only places the cursor; a manual run ("Fetch Test Event") returns
 * the latest matching event and leaves the cursor alone.
 */
export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	try {
		const filter = readFilter(this);
		const client = await createClientForExecution(this);
		if (this.getMode() === 'manual') {
			const latest = await latestMatchingEvent(client, filter);
			return latest ? [this.helpers.returnJsonArray([{ ...latest }])] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const poll = await pollEventLog(client, filter, readCursor(staticData, filter));
		if (poll.overflowed) {
			this.logger.warn(
				'remote.it Trigger: more events since the last poll than one poll reads; the oldest are skipped',
			);
		}
		// Written only once the poll succeeded: a failed poll is retried from the same place next time.
		Object.assign(staticData, storedCursor(poll.cursor));
		return poll.items.length === 0
			? null
			: [this.helpers.returnJsonArray(poll.items.map((item) => ({ ...item })))];
	} catch (error) {
		throw toNodeError(this, error, 0);
	}
}

function readFilter(context: IPollFunctions): EventFilter {
	const value = context.getNodeParameter('event') as string;
	const selection = eventSelectionFor(value);
	if (!selection)
		throw new NodeOperationError(
			context.getNode(),
			`Event: "${value}" is not an event this trigger knows`,
		);
	const filters = context.getNodeParameter('filters', {}) as TriggerFilters;
	const tags = tagFilterOf(filters.tags, filters.tagMatch, LABELLED_BY_SHELL);
	return {
		kind: selection.value,
		deviceNameContains: filters.deviceNameContains ?? '',
		...(tags ? { tags } : {}),
	};
}
