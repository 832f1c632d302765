// The fictional review site's reply box: submitting the form shows the reply publicly under
// the review, the way business-profile tools do. Nothing leaves the page.
(function () {
  'use strict';

  const form = document.getElementById('reply-form');
  const text = document.getElementById('reply-text');
  const replies = document.getElementById('replies');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = text.value.trim();
    if (!value) {
      text.focus();
      return;
    }
    const reply = document.createElement('div');
    reply.className = 'reply';
    reply.dataset.posted = 'true';
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = 'Response from the owner · just now';
    const body = document.createElement('div');
    body.className = 'body';
    body.textContent = value;
    reply.append(meta, body);
    replies.append(reply);
    text.value = '';
  });
})();
