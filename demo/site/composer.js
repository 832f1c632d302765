// The fictional social network's composer: a contenteditable textbox, a Post button outside
// any form, and Ctrl+Enter (Cmd+Enter on a Mac) to post, like the big networks. Posting moves
// the text into the feed below; nothing leaves the page.
(function () {
  'use strict';

  const composer = document.getElementById('composer');
  const postButton = document.getElementById('post-button');
  const feed = document.getElementById('feed');

  function currentText() {
    return composer.innerText.replace(/\u00a0/g, ' ').trim();
  }

  function updateButton() {
    postButton.disabled = currentText().length === 0;
  }

  function post() {
    const text = currentText();
    if (!text) return;
    const article = document.createElement('article');
    article.className = 'card post';
    article.dataset.posted = 'true';

    const avatar = document.createElement('div');
    avatar.className = 'avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.textContent = 'HL';

    const content = document.createElement('div');
    const author = document.createElement('strong');
    author.textContent = 'Harbor Light Counseling';
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = 'Just now · Everyone';
    const body = document.createElement('div');
    body.className = 'body';
    body.textContent = text;
    content.append(author, meta, body);

    article.append(avatar, content);
    feed.prepend(article);
    composer.replaceChildren();
    updateButton();
    composer.focus();
  }

  postButton.addEventListener('click', post);
  composer.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      post();
    }
  });
  composer.addEventListener('input', updateButton);
  updateButton();
})();
