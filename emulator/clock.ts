/** The emulator's clock: real time plus an offset the control API can shift (tests of expiry and skew). */
export class EmulatorClock {
	private offsetMs = 0;

	now(): Date {
		return new Date(this.nowMs());
	}

	nowMs(): number {
		return Date.now() + this.offsetMs;
	}

	get offsetSeconds(): number {
		return this.offsetMs / 1000;
	}

	advance(seconds: number): void {
		this.offsetMs += seconds * 1000;
	}

	setOffset(seconds: number): void {
		this.offsetMs = seconds * 1000;
	}

	/** Sets the offset so that "now" is the given instant. */
	setNow(instant: Date): void {
		this.offsetMs = instant.getTime() - Date.now();
	}
}
