// Live status on the tracking page: when the request changes, reload its view in place.
// Without JavaScript (or EventSource) the page still shows the status; a reload shows news.
(function () {
  var section = document.getElementById('tracked');
  if (!section || !window.EventSource) { return; }
  var version = section.getAttribute('data-version');
  var source = new EventSource(section.getAttribute('data-stream'));
  source.addEventListener('status', function (e) {
    var view = JSON.parse(e.data);
    if (String(view.version) === version) { return; }
    version = String(view.version);
    var badge = document.getElementById('status');
    badge.className = 'badge status-' + view.status;
    badge.textContent = badge.getAttribute('data-label-' + view.status) || view.status;
    section.setAttribute('data-version', version);
    var hint = document.getElementById('live-hint');
    hint.textContent = hint.getAttribute('data-changed') || hint.textContent;
  });
})();
