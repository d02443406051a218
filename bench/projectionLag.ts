/**
 * Benchmark 4: projection lag. An agency acknowledges over the API (the call returns when the
 * workflow's update has returned); then the list endpoint is read at once, and again until the
 * change shows. The update commits through the recordAssignmentEvents activity before it
 * returns, so the read model already holds the change: the lag is one list request.
 */
import { createApiToken } from '../src/services/apiTokens';
import type { BenchStack } from './benchStack';
import { percentile, round } from './stats';

export interface ProjectionLag {
  updates: number;
  p50Ms: number;
  p99Ms: number;
  visibleOnFirstRead: number;
}

export async function projectionLagBench(stack: BenchStack, campaignKey: string, agencies: number, count = 100): Promise<ProjectionLag> {
  const api = stack.engine.apiUrl!;
  const lags: number[] = [];
  let firstRead = 0;
  for (let i = 0; i < Math.min(count, agencies); i++) {
    const agency = `W${String(i).padStart(4, '0')}`;
    const id = `${campaignKey}.s1.t1.${agency}`;
    const { token } = await createApiToken(stack.engine.db, { name: `lag ${agency}`, role: 'agency', agencyCode: agency });
    const headers = { Authorization: `Bearer ${token}` };
    const accepted = await fetch(`${api}/api/v1/assignments/${id}/acknowledge`, { method: 'POST', headers });
    if (!accepted.ok) throw new Error(`acknowledge ${id}: ${accepted.status} ${await accepted.text()}`);
    const acceptedAt = performance.now();
    for (let reads = 1; ; reads++) {
      const list = (await (await fetch(`${api}/api/v1/assignments?campaign=${campaignKey}&agency=${agency}&limit=50`, { headers })).json()) as {
        items: { id: string; status: string }[];
      };
      if (list.items.find((item) => item.id === id)?.status === 'acknowledged') {
        lags.push(performance.now() - acceptedAt);
        if (reads === 1) firstRead += 1;
        break;
      }
      if (performance.now() - acceptedAt > 30_000) throw new Error(`${id} never showed as acknowledged`);
    }
  }
  return { updates: lags.length, p50Ms: round(percentile(lags, 50)), p99Ms: round(percentile(lags, 99)), visibleOnFirstRead: firstRead };
}
