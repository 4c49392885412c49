/** The rule that picks "closest device names" for not-found errors. */
import fc from 'fast-check';
import { closestNames, editDistance } from '../../client/account/names';

const DEVICES = [
	'camera-nvr',
	'factory-gateway',
	'lab-raspberrypi',
	'office-desktop',
	'warehouse-sensor',
];

describe('closest device names', () => {
	it.each([
		['factory-gatway', ['factory-gateway']],
		['Factory-Gateway ', ['factory-gateway']],
		['office-dekstop', ['office-desktop']],
		['camera', ['camera-nvr']],
		['raspberrypi', ['lab-raspberrypi']],
		['printer', []],
		['', []],
	])('for "%s": %j', (typed, expected) => {
		expect(closestNames(typed, DEVICES)).toEqual(expected);
	});

	it('puts the nearest first and gives at most three', () => {
		expect(closestNames('gw-1', ['other', 'gw-200', 'gw-3', 'gw-1x', 'gw-10'])).toEqual([
			'gw-10',
			'gw-1x',
			'gw-3',
		]);
		expect(closestNames('gateway', ['gateway-2', 'gateway'])).toEqual(['gateway', 'gateway-2']);
	});

	it('only ever names names it was given, an exact match (any case) first', () => {
		fc.assert(
			fc.property(
				fc.array(fc.stringMatching(/^[a-zA-Z0-9-]{1,12}$/), { maxLength: 8 }),
				fc.nat(7),
				(names, pick) => {
					const typed = names.length > 0 ? names[pick % names.length].toUpperCase() : 'x';
					const closest = closestNames(typed, names);
					expect(closest.every((name) => names.includes(name))).toBe(true);
					expect(closest.length).toBeLessThanOrEqual(3);
					if (names.length > 0) expect(editDistance(closest[0] ?? '', typed)).toBe(0);
				},
			),
		);
	});

	it('counts edits case-insensitively', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('SSH', 'ssh')).toBe(0);
		expect(editDistance('', 'abc')).toBe(3);
	});
});
