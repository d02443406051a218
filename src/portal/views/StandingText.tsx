/** Where an assignment stands against its deadline, in working days. */
import type { Standing } from '../../services/portalQueries';

export function standingText(standing: Standing): string {
  switch (standing.kind) {
    case 'daysLeft':
      return standing.workingDays === 0 ? 'Hôm nay là hạn cuối' : `Còn ${standing.workingDays} ngày làm việc`;
    case 'overdue':
      return `Quá hạn ${standing.workingDays} ngày làm việc`;
    case 'closed':
      return 'Đã kết thúc';
  }
}

export function StandingText({ standing }: { standing: Standing }) {
  return <span class={standing.kind === 'overdue' ? 'standing standing--overdue' : 'standing'}>{standingText(standing)}</span>;
}
