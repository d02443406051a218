/**
 * Benchmark 1: campaign launch rate against the minimal-workflow ceiling measured in the same run.
 * Each size is one campaign of (size / 10) agencies x 10 tasks; "started" means its
 * AssignmentAssigned event is in the events collection (the assignment exists and is durable).
 */
import type { BenchStack } from './benchStack';
import { campaignLaunchRate, minimalWorkflowRate } from './launchRate';
import { round } from './stats';

export interface LaunchResult {
  ceilingPerSecond: number;
  campaigns: { key: string; assignments: number; seconds: number; perSecond: number; ratioToCeiling: number }[];
}

export async function launchBench(stack: BenchStack, sizes: number[], onCampaign?: (openTotal: number, key: string) => Promise<void>): Promise<LaunchResult> {
  const ceilingPerSecond = await minimalWorkflowRate(stack, 1_000);
  const campaigns: LaunchResult['campaigns'] = [];
  let open = 0;
  for (const size of sizes) {
    const run = await campaignLaunchRate(stack, Math.ceil(size / 10), 10);
    open += run.assignments;
    campaigns.push({ ...run, seconds: round(run.seconds), perSecond: round(run.perSecond), ratioToCeiling: round(run.perSecond / ceilingPerSecond, 2) });
    console.log(`  launch ${run.assignments}: ${round(run.perSecond)}/s (ceiling ${round(ceilingPerSecond)}/s)`);
    await onCampaign?.(open, run.key);
  }
  return { ceilingPerSecond: round(ceilingPerSecond), campaigns };
}
