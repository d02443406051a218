/** The secretariat's notice that a year runs on the statutory calendar, with no decision entered. */
export function CalendarWarning({ warning }: { warning?: string }) {
  if (!warning) return null;
  return (
    <div class="notice calendar-warning" role="status">
      <p>Lưu ý về lịch nghỉ</p>
      {warning}
    </div>
  );
}
