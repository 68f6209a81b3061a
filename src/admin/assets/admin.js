/*
 * The back office's small enhancements, one script for every page (the
 * policy allows no inline script). Each looks for its markup and does
 * nothing where there is none; every page works without it.
 */
(function () {
  'use strict';

  // Forms marked data-confirm ask before they are sent.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });

  // A "select all" box ticks every article box of its form.
  document.querySelectorAll('[data-select-all]').forEach(function (all) {
    var boxes = all.form.querySelectorAll('input[name="ids"]');
    all.addEventListener('change', function () {
      boxes.forEach(function (b) {
        b.checked = all.checked;
      });
    });
  });

  // Settings: the date example follows the format and time zone as they change.
  (function () {
    var format = document.getElementById('f-dateFormat');
    var zone = document.getElementById('f-timeZone');
    var out = document.getElementById('date-example');
    if (!format || !zone || !out) return;
    var timer;
    function update() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = new URLSearchParams({ format: format.value, timeZone: zone.value });
        fetch('/api/admin/settings/date-example?' + q, { credentials: 'same-origin' })
          .then(function (r) {
            return r.ok ? r.json() : null;
          })
          .then(function (data) {
            if (data && typeof data.example === 'string') out.textContent = data.example;
          })
          .catch(function () {});
      }, 200);
    }
    format.addEventListener('input', update);
    zone.addEventListener('change', update);
  })();

  // An author's photo: the media library's newest images, offered as buttons that fill the number field.
  document.querySelectorAll('[data-media-picker]').forEach(function (box) {
    var input = box.querySelector('input[name="photoMediaId"]');
    var library = box.querySelector('.mg-photo__library');
    if (!input || !library) return;
    fetch('/api/admin/media', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (data) {
        var items = data && Array.isArray(data.media) ? data.media.slice(0, 24) : [];
        if (!items.length) return;
        var label = document.createElement('p');
        label.className = 'hint';
        label.textContent = 'Or choose one of the newest images:';
        library.appendChild(label);
        var list = document.createElement('div');
        list.className = 'mg-photo__grid';
        items.forEach(function (m) {
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'mg-photo__pick';
          b.setAttribute('aria-pressed', String(input.value === String(m.id)));
          b.setAttribute('aria-label', 'Image ' + m.id + (m.alt ? ': ' + m.alt : ''));
          var img = document.createElement('img');
          img.src = m.variants && m.variants.length ? m.variants[0].url : m.url;
          img.alt = '';
          img.loading = 'lazy';
          b.appendChild(img);
          b.addEventListener('click', function () {
            input.value = String(m.id);
            list.querySelectorAll('button').forEach(function (o) {
              o.setAttribute('aria-pressed', String(o === b));
            });
          });
          list.appendChild(b);
        });
        library.appendChild(list);
        library.hidden = false;
      })
      .catch(function () {});
  });
})();
