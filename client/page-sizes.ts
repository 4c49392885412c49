/** Page sizes and default counts, for the client and both shells: one home for each number. */

/** remote.it serves at most 1000 entries a page, devices and events alike (docs/remoteit-api.md §3). */
export const MAX_PAGE_SIZE = 1000;

/** Devices a "Get Many" returns when no limit is given (the n8n Limit field's default, Node-RED's empty Limit). */
export const DEFAULT_DEVICE_LIMIT = 50;

/** Devices per service-picker page: enough to fill a dropdown, small enough to answer fast. */
export const PICKER_PAGE_SIZE = 50;

/** Events `listEvents` returns when no size is given. */
export const DEFAULT_EVENT_COUNT = 100;
