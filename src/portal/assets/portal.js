// The portal works without script; this only moves the focus to an error summary when a form
// comes back with errors, so keyboard and screen-reader users hear what to fix first.
(function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
})();
