/** Vietnamese words the email views need: statuses, KPI comparators, dates and instants. */
import { DateTime } from 'luxon';
import type { AssignmentStatus } from '../domain/assignment/assignmentState';
import type { KpiTarget } from '../domain/campaign/campaign';
import { formatVietnamese, VIETNAM_ZONE, type LocalDate } from '../domain/time/localDate';

export const STATUS_WORDS: Record<AssignmentStatus, string> = {
  assigned: 'Đã giao, chưa tiếp nhận',
  acknowledged: 'Đã tiếp nhận',
  inProgress: 'Đang thực hiện',
  resultSubmitted: 'Đã gửi kết quả, chờ thẩm định',
  accepted: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

const COMPARATOR_WORDS: Record<KpiTarget['comparator'], string> = {
  lt: 'dưới',
  lte: 'không quá',
  gt: 'trên',
  gte: 'đạt tối thiểu',
  eq: 'bằng',
};

/** "Tỷ lệ hồ sơ trễ hạn: dưới 1% (năm 2021)"; decimals with a comma, as Vietnamese writes them. */
export function kpiTargetText(target: KpiTarget): string {
  const value = String(target.threshold).replace('.', ',');
  const unit = target.unit === '%' ? '%' : target.unit ? ` ${target.unit}` : '';
  return `${target.indicator}: ${COMPARATOR_WORDS[target.comparator]} ${value}${unit}${target.period ? ` (${target.period})` : ''}`;
}

export const dateText = (date: LocalDate): string => formatVietnamese(date);

/** "08:00 ngày 25/02/2022", Vietnam time. */
export function instantText(instant: number | Date | string): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  const value = DateTime.fromMillis(ms, { zone: VIETNAM_ZONE });
  return `${value.toFormat('HH:mm')} ngày ${value.toFormat('dd/MM/yyyy')}`;
}
