// Counts a view of the article on this page, even when the page came from a
// cache, and shows the current count. No cookie, no storage, no identifiers.
(function () {
  var story = document.querySelector('[data-article-id]');
  if (!story || !window.fetch) return;
  var id = story.getAttribute('data-article-id');
  fetch('/api/articles/' + id + '/views', { method: 'POST', keepalive: true, credentials: 'omit' })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (data) {
      var counter = story.querySelector('[data-views]');
      if (data && counter && typeof data.views === 'number')
        counter.textContent = data.views.toLocaleString('en-US');
    })
    .catch(function () {});
})();
