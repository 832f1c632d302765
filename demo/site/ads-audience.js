// The fictional ad platform's customer-list uploader. It behaves like the real ones: the
// styled button opens a hidden file input, a drop zone accepts files, the page reads the file
// when the input fires `change` and reports its name, columns and row count, and identifiers
// can also be pasted one per line. Nothing is sent anywhere: Continue only reports what a real
// platform would have received.
(function () {
  'use strict';

  const form = document.getElementById('audience-form');
  const input = document.getElementById('file-input');
  const uploadButton = document.getElementById('upload-button');
  const dropzone = document.getElementById('dropzone');
  const summary = document.getElementById('file-summary');
  const identifiers = document.getElementById('identifiers');
  const pasteCount = document.getElementById('paste-count');
  const status = document.getElementById('form-status');

  /** What the page has read from a file: { name, rows } or null. */
  let received = null;

  function lines(text) {
    return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  }

  function looksLikeHeader(line) {
    return !/@/.test(line) && !/\d/.test(line);
  }

  function splitRow(line) {
    return line.split(line.includes('\t') ? '\t' : ',').map((cell) => cell.trim());
  }

  function showFile(name, text) {
    const all = lines(text);
    const header = all.length > 0 && looksLikeHeader(all[0]) ? splitRow(all[0]) : null;
    const rows = header ? all.slice(1) : all;
    received = { name, rows: rows.length };

    summary.replaceChildren();
    const title = document.createElement('div');
    const strong = document.createElement('strong');
    strong.textContent = name;
    title.append(strong, ` · ${rows.length} ${rows.length === 1 ? 'row' : 'rows'} ready to match`);
    summary.append(title);
    if (header) {
      const columns = document.createElement('div');
      columns.className = 'muted';
      columns.textContent = `Columns found: ${header.join(', ')}`;
      summary.append(columns);
    }
    if (rows.length > 0) {
      const table = document.createElement('table');
      if (header) {
        const tr = table.createTHead().insertRow();
        for (const cell of header) {
          const th = document.createElement('th');
          th.textContent = cell;
          tr.append(th);
        }
      }
      const body = table.createTBody();
      for (const row of rows.slice(0, 3)) {
        const tr = body.insertRow();
        for (const cell of splitRow(row)) tr.insertCell().textContent = cell;
      }
      summary.append(table);
      if (rows.length > 3) {
        const more = document.createElement('div');
        more.className = 'muted';
        more.textContent = `…and ${rows.length - 3} more`;
        summary.append(more);
      }
    }
    status.textContent = '';
    status.className = 'status';
  }

  async function readFile(file) {
    if (!file) return;
    if (!/\.(csv|txt)$/i.test(file.name)) {
      summary.textContent = `${file.name}: only .csv and .txt files can be uploaded.`;
      received = null;
      return;
    }
    summary.textContent = `Reading ${file.name}…`;
    showFile(file.name, await file.text());
  }

  uploadButton.addEventListener('click', () => input.click());

  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    if (file) {
      readFile(file);
    } else {
      received = null;
      summary.textContent = 'No file selected.';
    }
  });

  dropzone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropzone.classList.add('over');
  });
  dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropzone.classList.remove('over');
    const file = event.dataTransfer && event.dataTransfer.files[0];
    readFile(file);
  });

  function updateCount() {
    const n = lines(identifiers.value).filter((line) => !looksLikeHeader(line)).length;
    pasteCount.textContent = `${n} ${n === 1 ? 'identifier' : 'identifiers'}`;
  }
  identifiers.addEventListener('input', updateCount);
  updateCount();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = lines(identifiers.value).filter((line) => !looksLikeHeader(line)).length;
    const total = (received ? received.rows : 0) + pasted;
    if (total === 0) {
      status.textContent = 'Add a customer list first: upload a file or paste identifiers.';
      status.className = 'status error';
      return;
    }
    const name = document.getElementById('audience-name').value || 'Untitled audience';
    status.textContent = `Audience "${name}" created with ${total} people. (Demo: nothing left this computer.)`;
    status.className = 'status ok';
  });
})();
