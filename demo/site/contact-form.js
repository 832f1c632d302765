// The fictional agency's contact form. The page handles the submit itself and shows "Sent!";
// nothing is transmitted.
(function () {
  'use strict';

  const form = document.getElementById('contact-form');
  const sent = document.getElementById('sent');

  if (location.hash === '#sent') sent.hidden = false;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sent.hidden = false;
  });

  // Editing after sending starts a new message.
  form.addEventListener('input', () => {
    sent.hidden = true;
  });
})();
