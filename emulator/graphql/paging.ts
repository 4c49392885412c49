/** from/size paging shared by devices and events: default 100, at most 1000 (docs/remoteit-api.md §3). */
import { GraphQLError } from 'graphql';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface Page<T> {
	total: number;
	hasMore: boolean;
	items: T[];
}

export function pageOf<T>(
	all: T[],
	from: number | null | undefined,
	size: number | null | undefined,
): Page<T> {
	const start = from ?? 0;
	const count = size ?? DEFAULT_PAGE_SIZE;
	if (!Number.isInteger(start) || start < 0)
		throw new GraphQLError('from must be a non-negative integer');
	if (!Number.isInteger(count) || count < 0 || count > MAX_PAGE_SIZE) {
		throw new GraphQLError(`size must be between 0 and ${MAX_PAGE_SIZE}`);
	}
	const items = all.slice(start, start + count);
	return { total: all.length, hasMore: start + items.length < all.length, items };
}
