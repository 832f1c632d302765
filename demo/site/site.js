// Shared behaviour of the demo pages. The "Copy" buttons in the hint boxes put the fictional
// sample text on the clipboard, so trying ClientGuard is one Copy and one Ctrl+V away.
(function () {
  'use strict';

  // Sample boxes show the very files the demo ships (sample-clients.csv, sample-story.txt).
  for (const box of document.querySelectorAll('[data-sample-src]')) {
    fetch(box.getAttribute('data-sample-src'))
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((text) => {
        box.textContent = text.trimEnd();
      })
      .catch(() => {
        box.textContent = '(could not load the sample file)';
      });
  }

  document.addEventListener('click', async (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const button = target.closest('[data-copy]');
    if (!button) return;
    const source = document.getElementById(button.getAttribute('data-copy') || '');
    if (!source) return;
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(source.textContent || '');
      button.textContent = 'Copied: now paste it';
    } catch (error) {
      // Clipboard access can be refused; selecting the text lets the user copy it by hand.
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      if (selection) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      button.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => {
      button.textContent = label;
    }, 2500);
  });
})();
