// SsprTools report: sorting, filtering and expanding rows on top of a table the server already rendered, so the
// page reads and prints the same without JavaScript. It loads nothing and stores nothing.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var table = document.getElementById('predictions');
  if (!table) {
    return;
  }

  var byId = function (id) { return document.getElementById(id); };
  var textBox = byId('filter-text');
  var outcomeBox = byId('filter-outcome');
  var errorBox = byId('filter-error');
  var showing = byId('showing');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var users = Array.prototype.slice.call(table.tBodies);
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  var sortState = { column: -1, direction: 'ascending' };

  // What the text filter searches: every word of the row and its findings, read once.
  var searchText = new Map();
  users.forEach(function (user) { searchText.set(user, user.textContent.replace(/\s+/g, ' ').toLowerCase()); });

  function sortKey(user, column) {
    var cell = user.rows[0].cells[column];
    var key = cell.getAttribute('data-sort');
    return key !== null ? key : cell.textContent.trim();
  }

  function isNumber(text) {
    return text !== '' && isFinite(Number(text));
  }

  function compareKeys(a, b) {
    return isNumber(a) && isNumber(b) ? Number(a) - Number(b) : collator.compare(a, b);
  }

  // Stable: equal keys keep their current order. Empty cells go last in either direction, as spreadsheets do.
  function sortBy(column) {
    var direction = sortState.column === column && sortState.direction === 'ascending' ? 'descending' : 'ascending';
    var sign = direction === 'ascending' ? 1 : -1;
    var rows = Array.prototype.slice.call(table.tBodies).map(function (user, index) {
      return { user: user, key: sortKey(user, column), index: index };
    });
    rows.sort(function (x, y) {
      if ((x.key === '') !== (y.key === '')) {
        return x.key === '' ? 1 : -1;
      }
      return sign * compareKeys(x.key, y.key) || x.index - y.index;
    });
    var ordered = document.createDocumentFragment();
    rows.forEach(function (row) { ordered.appendChild(row.user); });
    table.appendChild(ordered);
    headers.forEach(function (header) { header.removeAttribute('aria-sort'); });
    headers[column].setAttribute('aria-sort', direction);
    sortState = { column: column, direction: direction };
  }

  // Headers become buttons: focusable, Enter and Space sort, screen readers announce them.
  headers.forEach(function (header, column) {
    var button = document.createElement('button');
    button.type = 'button';
    button.title = 'Sort by ' + header.textContent.trim();
    while (header.firstChild) {
      button.appendChild(header.firstChild);
    }
    header.appendChild(button);
    button.addEventListener('click', function () { sortBy(column); });
  });

  function applyFilters() {
    var terms = textBox.value.toLowerCase().split(/\s+/).filter(Boolean);
    var outcome = outcomeBox.value;
    var error = errorBox.value;
    var shown = 0;
    users.forEach(function (user) {
      var text = searchText.get(user);
      var visible = (!outcome || user.getAttribute('data-outcome') === outcome)
        && (!error || user.getAttribute('data-error') === error)
        && terms.every(function (term) { return text.indexOf(term) >= 0; });
      user.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    showing.textContent = 'Showing ' + shown + ' of ' + users.length + (users.length === 1 ? ' user' : ' users');
    document.querySelectorAll('.card').forEach(function (card) {
      var pressed = card.hasAttribute('data-filter-outcome')
        ? card.getAttribute('data-filter-outcome') === outcome && !error && !terms.length
        : card.getAttribute('data-filter-error') === error && !outcome;
      card.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    });
  }

  function setFilters(outcome, error) {
    outcomeBox.value = outcome;
    errorBox.value = error;
    if (!outcome && !error) {
      textBox.value = '';
    }
    applyFilters();
  }

  textBox.addEventListener('input', applyFilters);
  outcomeBox.addEventListener('change', applyFilters);
  errorBox.addEventListener('change', applyFilters);
  byId('filter-clear').addEventListener('click', function () { setFilters('', ''); });
  document.querySelectorAll('.card').forEach(function (card) {
    card.addEventListener('click', function () {
      if (card.hasAttribute('data-filter-outcome')) {
        setFilters(card.getAttribute('data-filter-outcome'), '');
      } else {
        setFilters('', card.getAttribute('data-filter-error'));
      }
    });
  });

  function setExpanded(button, expanded) {
    button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
    byId(button.getAttribute('aria-controls')).classList.toggle('open', expanded);
  }

  table.addEventListener('click', function (event) {
    var button = event.target.closest('button.expand');
    if (button) {
      setExpanded(button, button.getAttribute('aria-expanded') !== 'true');
    }
  });
  byId('expand-all').addEventListener('click', function () {
    var buttons = table.querySelectorAll('tbody:not([hidden]) button.expand');
    var expand = Array.prototype.some.call(buttons, function (b) { return b.getAttribute('aria-expanded') !== 'true'; });
    buttons.forEach(function (b) { setExpanded(b, expand); });
  });

  byId('controls').hidden = false;
  applyFilters();
})();
