// Runs in every test worker (and is inherited by the processes tests start): the daily "chờ xử lý"
// email depends on the wall clock (after 16:00 on a weekday), so it stays off unless a suite turns
// it on; a suite's emails must not depend on the hour it runs. test/mail/secretariatNotices drives it.
process.env.PENDING_DIGEST ??= 'false';
