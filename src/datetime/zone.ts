// Moved to calendar.ts, the one module for calendar arithmetic. This re-export remains only for
// src/features/meetings/reminder-renderers.ts; delete it once that file imports from calendar.ts.
export { localParts } from "./calendar.ts";
