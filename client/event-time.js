// Shows an event's time in the reader's own zone, when it differs from the event's zone. Without JavaScript the page shows the event's zone only.
(function () {
  var reader;
  try {
    reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  var nodes = document.querySelectorAll('.event-local[data-start][data-zone]');
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    var start = new Date(el.getAttribute('data-start'));
    if (Number.isNaN(start.getTime())) continue;
    var opts = { dateStyle: 'medium', timeStyle: 'short', timeZone: reader };
    // Same zone, or the same offset at that moment: nothing to add.
    var hereFmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: reader,
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    var thereFmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: el.getAttribute('data-zone'),
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    if (reader === el.getAttribute('data-zone') || hereFmt.format(start) === thereFmt.format(start)) continue;
    var text = new Intl.DateTimeFormat(document.documentElement.lang || undefined, opts).format(start);
    var endAttr = el.getAttribute('data-end');
    if (endAttr) {
      var end = new Date(endAttr);
      if (!Number.isNaN(end.getTime()))
        text += ' – ' + new Intl.DateTimeFormat(document.documentElement.lang || undefined, opts).format(end);
    }
    el.textContent = (el.getAttribute('data-label') || 'Your time') + ': ' + text + ' (' + reader + ')';
    el.hidden = false;
  }
})();
