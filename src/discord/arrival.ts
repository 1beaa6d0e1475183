/**
 * When each interaction or message reached the bot, so a deferral is timed from its arrival rather than from when
 * answering began: time spent waiting before the answer (or before its delivery) counts against Discord's 3 s too.
 */
const arrivals = new WeakMap<object, number>();

/** Records that an event arrived now (called by the client as it dispatches the event). */
export function markArrival(event: object): void {
  arrivals.set(event, Date.now());
}

/** When the event arrived; now for an event nobody marked (tests calling a handler directly). */
export function arrivalOf(event: object): number {
  return arrivals.get(event) ?? Date.now();
}
