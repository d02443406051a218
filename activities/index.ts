/**
 * Every activity the engine's worker runs: the side effects workflows ask for.
 */
export interface ActivityDependencies {}

export function createActivities(_deps: ActivityDependencies) {
  return {};
}
