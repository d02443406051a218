/** The engine's workflows bundled with a sleeper, to weigh one cached workflow in the engine's sandbox. */
export * from '../workflows';
export { timerLatenessWorkflow } from './benchWorkflows';
