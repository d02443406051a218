/** The engine's workflows plus the minimal one whose start rate is the ceiling to compare with. */
export * from '../workflows';

export async function noopWorkflow(): Promise<void> {
  // Nothing: measures what the server and worker need just to start and finish a workflow.
}
