/**
 * Benchmark 1: campaign launch rate against two references measured in the same run: a minimal
 * workflow of the same shape (a parent starting children that each run one activity and wait on
 * one timer), and the ceiling (no-op workflows started by the client). Each size is one campaign
 * of (size / 10) agencies x 10 tasks; "started" means its AssignmentAssigned event is in the
 * events collection (the assignment exists and is durable). The gap to the same shape is the
 * engine's own overhead.
 */
import type { BenchStack } from './benchStack';
import { campaignLaunchRate, minimalWorkflowRate, sameShapeRate } from './launchRate';
import { round } from './stats';

export interface LaunchResult {
  ceilingPerSecond: number;
  /** Same-shape children started per second (as many as the first campaign). */
  sameShapePerSecond: number;
  campaigns: { key: string; assignments: number; seconds: number; perSecond: number; ratioToCeiling: number; ratioToSameShape: number }[];
}

export async function launchBench(stack: BenchStack, sizes: number[], onCampaign?: (openTotal: number, key: string) => Promise<void>): Promise<LaunchResult> {
  const ceilingPerSecond = await minimalWorkflowRate(stack, 1_000);
  const sameShapePerSecond = await sameShapeRate(stack, sizes[0] ?? 1_000);
  console.log(`  no-op ceiling ${round(ceilingPerSecond)}/s, same-shape children ${round(sameShapePerSecond)}/s`);
  const campaigns: LaunchResult['campaigns'] = [];
  let open = 0;
  for (const size of sizes) {
    const run = await campaignLaunchRate(stack, Math.ceil(size / 10), 10);
    open += run.assignments;
    campaigns.push({ ...run, seconds: round(run.seconds), perSecond: round(run.perSecond), ratioToCeiling: round(run.perSecond / ceilingPerSecond, 2), ratioToSameShape: round(run.perSecond / sameShapePerSecond, 2) });
    console.log(`  launch ${run.assignments}: ${round(run.perSecond)}/s (${round(run.perSecond / sameShapePerSecond, 2)} of same-shape ${round(sameShapePerSecond)}/s, ceiling ${round(ceilingPerSecond)}/s)`);
    await onCampaign?.(open, run.key);
  }
  return { ceilingPerSecond: round(ceilingPerSecond), sameShapePerSecond: round(sameShapePerSecond), campaigns };
}
