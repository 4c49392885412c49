/**
 * remote.it's tag mutations (docs/remoteit-api.md §3a): addTag and removeTag on devices or services, setTag,
 * renameTag, deleteTag. `accountId` names an organisation; only the caller's own account exists here.
 */
import { GraphQLError } from 'graphql';
import type { ServiceRecord } from '../state-types';
import { addTags, deleteTags, removeTags, renameTag, setTags } from '../tags';
import type { Scope } from './views';

/** Emulator-defined: remote.it's wording for a blank tag name is not published (emulator/README.md). */
function tagNames(names: string[]): string[] {
	if (names.length === 0 || names.some((name) => name.trim() === ''))
		throw new GraphQLError('Tag name must not be empty');
	return [...new Set(names)];
}

/** A device id stands for the device (its Bulk Service), as in the Postman samples; any other id for a service. */
function servicesNamed(scope: Scope, ids: string[]): ServiceRecord[] {
	return ids.map((id) => {
		const found = scope.emulator.accounts.findService(scope.user, id);
		if (!found) throw new GraphQLError('Service not found');
		return found.service;
	});
}

export interface TagTargets {
	name: string[];
	serviceId: string[];
}

export const tagMutations = {
	addTag: (args: TagTargets, scope: Scope): boolean => {
		addTags(
			scope.user,
			tagNames(args.name),
			servicesNamed(scope, args.serviceId),
			scope.emulator.clock.now(),
		);
		return true;
	},
	removeTag: (args: TagTargets, scope: Scope): boolean => {
		removeTags(tagNames(args.name), servicesNamed(scope, args.serviceId));
		return true;
	},
	setTag: (
		args: { tag: Array<{ name: string; color?: number | null }> },
		scope: Scope,
	): boolean => {
		tagNames(args.tag.map((t) => t.name));
		setTags(scope.user, args.tag, scope.emulator.clock.now());
		return true;
	},
	renameTag: (args: { from: string; to: string }, scope: Scope): boolean => {
		const [to] = tagNames([args.to]);
		if (!renameTag(scope.user, args.from, to))
			throw new GraphQLError(`Cannot rename tag "${args.from}" to "${to}"`);
		return true;
	},
	deleteTag: (args: { name: string[] }, scope: Scope): boolean => {
		deleteTags(scope.user, args.name);
		return true;
	},
};
