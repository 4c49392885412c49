/**
 * Collects unhandled rejections and uncaught exceptions while a test file runs, so a test can assert that the code
 * under test crashed nothing in the background (bad-input batteries, chaos runs).
 */
export function collectUnexpectedFailures(): unknown[] {
	const unexpected: unknown[] = [];
	const record = (reason: unknown): void => {
		unexpected.push(reason);
	};
	beforeAll(() => {
		process.on('unhandledRejection', record);
		process.on('uncaughtException', record);
	});
	afterAll(() => {
		process.off('unhandledRejection', record);
		process.off('uncaughtException', record);
	});
	return unexpected;
}
