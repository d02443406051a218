/**
 * Every workflow the engine's worker runs. Only deterministic code lives in workflows/: no I/O,
 * no Math.random or real clock (Temporal's Date.now is the workflow's own), no Node modules.
 * Side effects go through activities/.
 */
export { campaignWorkflow } from './campaign/campaignWorkflow';
export { sectionWorkflow } from './section/sectionWorkflow';
export { assignmentWorkflow } from './assignment/assignmentWorkflow';
export { broadcastCalendarWorkflow } from './calendar/broadcastCalendarWorkflow';
