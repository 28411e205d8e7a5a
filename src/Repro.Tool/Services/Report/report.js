window.onerror = function (m) { document.body.setAttribute('data-script', 'error: ' + m); };
// A click on a column's header sorts the runs table by it (numbers as numbers), a second click reverses.
document.querySelectorAll('table.sortable th').forEach(function (th, i) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var rows = Array.from(body.rows);
    var asc = th.dataset.asc !== '1';
    th.dataset.asc = asc ? '1' : '0';
    rows.sort(function (a, b) {
      var x = a.cells[i].dataset.v || a.cells[i].textContent, y = b.cells[i].dataset.v || b.cells[i].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
// The parallel coordinates: every metric's chart is in the page; the select shows one.
var pick = document.getElementById('pc-metric');
if (pick) {
  pick.addEventListener('change', function () {
    document.querySelectorAll('.pc-view').forEach(function (v) { v.hidden = v.dataset.pcMetric !== pick.value; });
  });
}
document.body.setAttribute('data-script', 'ok');
