/** Constant-time comparison for passwords, developer keys and other secrets of unequal length. */
import { createHash, timingSafeEqual } from 'node:crypto';

export function secretsEqual(sent: string, expected: string): boolean {
	// Hashing first gives equal-length buffers, so timingSafeEqual never throws and length is not leaked.
	const a = createHash('sha256').update(sent).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}
