// The page's behaviour. Everything from a question or an answer goes in with textContent, never
// as markup, so a question like <img src=x onerror=alert(1)> shows as the text it is.
'use strict';

(() => {
  const byId = (id) => document.getElementById(id);

  /** An element with optional text (as text, never markup) and class. */
  const element = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  const showError = (message) => {
    byId('error').textContent = message;
    byId('error').hidden = !message;
  };

  /** GETs a route of this server; a 4xx JSON error becomes an Error with the server's message. */
  const fetchFrom = async (path, params, as) => {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();
    const response = await fetch(query ? `${path}?${query}` : path);
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body && body.message ? body.message : `The server answered ${response.status}.`);
    }
    return as === 'text' ? response.text() : response.json();
  };

  /** One table per mode, as the engine groups them; narrow windows show each row as a card. */
  const renderTables = (container, view) => {
    container.replaceChildren(
      ...view.tables.map((modeTable) => {
        const table = element('table');
        table.dataset.mode = modeTable.mode;
        const rowCount = `${modeTable.rows.length} ${modeTable.rows.length === 1 ? 'rule' : 'rules'}`;
        table.createCaption().textContent = `${modeTable.title} (${rowCount})`;
        const headRow = table.createTHead().insertRow();
        for (const column of view.columns) headRow.append(Object.assign(element('th', column), { scope: 'col' }));
        const body = table.createTBody();
        for (const row of modeTable.rows) {
          const tableRow = body.insertRow();
          if (row.change) tableRow.className = `change-${row.change}`;
          row.cells.forEach((cell, index) => {
            const td = tableRow.insertCell();
            td.textContent = cell;
            td.dataset.label = view.columns[index];
          });
        }
        const wrapper = element('div', undefined, 'table-wrap');
        wrapper.append(table);
        return wrapper;
      }),
    );
  };

  /** Questions as buttons that ask them: the examples and the engine's suggestions. */
  const renderChips = (list, questions) => {
    list.replaceChildren(
      ...questions.map((question) => {
        const button = element('button', question, 'chip');
        button.type = 'button';
        button.addEventListener('click', () => ask(question));
        const item = element('li');
        item.append(button);
        return item;
      }),
    );
  };

  /**
   * The answer's flow diagram above its tables, drawn by the server from the same question (or
   * browser selection), with its downloads; hidden when the answer has no rules to draw.
   */
  const showDiagram = (figure, params, answer) => {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();
    const frame = figure.querySelector('.diagram-frame');
    figure.hidden = answer.rules.length === 0;
    // A new picture each time: a slow drawing of the previous answer never replaces this one.
    frame.replaceChildren();
    if (figure.hidden) return;
    const image = element('img');
    image.alt = `Flow diagram: ${answer.summary}`;
    image.onerror = () => {
      figure.hidden = true;
    };
    image.src = `/api/diagram.svg?${query}`;
    frame.append(image);
    for (const link of figure.querySelectorAll('a[data-format]')) link.href = `/api/diagram.${link.dataset.format}?${query}`;
  };

  /** A diagram's figure: its downloads, a size toggle, and the frame the picture scrolls in. */
  const buildDiagramFigure = (figure) => {
    const row = element('div', undefined, 'row');
    for (const format of ['svg', 'png']) {
      const link = element('a', `Download ${format.toUpperCase()}`, 'button secondary');
      link.dataset.format = format;
      link.download = `flow-diagram.${format}`;
      row.append(link);
    }
    const fit = element('button', 'Fit to width', 'secondary');
    fit.type = 'button';
    fit.dataset.fit = '';
    fit.setAttribute('aria-pressed', 'false');
    fit.addEventListener('click', () => {
      const fitted = fit.getAttribute('aria-pressed') !== 'true';
      fit.setAttribute('aria-pressed', String(fitted));
      figure.classList.toggle('fitted', fitted);
    });
    row.append(fit);
    const frame = element('div', undefined, 'diagram-frame');
    frame.tabIndex = 0;
    frame.setAttribute('aria-label', 'Flow diagram (scrolls)');
    figure.replaceChildren(row, frame);
  };

  const renderAnswer = (view) => {
    const { answer } = view;
    byId('answer').hidden = false;
    byId('answer').dataset.status = answer.status;
    byId('asked').textContent = answer.question;
    byId('understood').textContent = answer.understood ? `Understood as: ${answer.understood}` : '';
    byId('understood').hidden = !answer.understood;
    byId('answer-text').textContent = answer.summary;
    const details = byId('answer-details');
    details.replaceChildren(...(answer.details || []).flatMap((detail) => [element('dt', detail.title), element('dd', detail.body)]));
    details.hidden = details.childElementCount === 0;
    const suggestions = answer.suggestions || [];
    renderChips(byId('suggestions').querySelector('ul'), suggestions);
    byId('suggestions').hidden = suggestions.length === 0;
    renderTables(byId('answer-tables'), view);
  };

  // Answers can arrive out of order when questions follow quickly: only the latest is shown.
  let latestQuestion = 0;
  // One conversation per tab, so that "and in occasional?" follows the question before it.
  const conversation = (() => {
    const made = sessionStorage.getItem('conversation') || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + String(Math.random()).slice(2));
    sessionStorage.setItem('conversation', made);
    return made;
  })();

  const ask = async (question) => {
    const input = byId('q');
    input.value = question;
    const asked = ++latestQuestion;
    showError('');
    try {
      const view = await fetchFrom('/api/table', { q: question, conversation });
      if (asked !== latestQuestion) return;
      renderAnswer(view);
      showDiagram(byId('answer-diagram'), { q: question, conversation }, view.answer);
      history.replaceState(null, '', `?${new URLSearchParams({ q: question })}`);
    } catch (error) {
      if (asked === latestQuestion) showError(error.message);
    }
  };

  // What the browser shows now, so the copy buttons copy that and not an unsubmitted selection.
  let shown = { mode: '', component: '' };
  let latestBrowse = 0;

  const browse = async () => {
    const filter = { mode: byId('browse-mode').value, component: byId('browse-component').value };
    const requested = ++latestBrowse;
    showError('');
    try {
      const view = await fetchFrom('/api/table', filter);
      if (requested !== latestBrowse) return;
      shown = filter;
      byId('browse-result').hidden = false;
      byId('browse-summary').textContent = view.answer.summary;
      byId('copy-status').textContent = '';
      renderTables(byId('browse-tables'), view);
      showDiagram(byId('browse-diagram'), filter, view.answer);
    } catch (error) {
      showError(error.message);
    }
  };

  /** The Clipboard API needs a secure context (localhost is one); elsewhere the old way still works. */
  const copyText = async (text) => {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    const area = element('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('The browser did not allow copying.');
  };

  const copyAs = async (format, label, button) => {
    const status = byId('copy-status');
    try {
      const text = await fetchFrom('/api/browse', { ...shown, format }, 'text');
      await copyText(text);
      status.textContent = `Copied the table as ${label}.`;
    } catch (error) {
      status.textContent = `Could not copy: ${error.message}`;
    }
    button.focus();
  };

  const fillSelect = (select, options) => {
    for (const option of options) select.append(new Option(option.name, option.id));
  };

  const start = async () => {
    byId('ask-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const question = byId('q').value;
      if (question.trim()) ask(question);
    });
    byId('browse-form').addEventListener('submit', (event) => {
      event.preventDefault();
      browse();
    });
    byId('browse-mode').addEventListener('change', browse);
    byId('browse-component').addEventListener('change', browse);
    byId('copy-markdown').addEventListener('click', (event) => copyAs('markdown', 'Markdown', event.currentTarget));
    byId('copy-csv').addEventListener('click', (event) => copyAs('csv', 'CSV', event.currentTarget));
    for (const figure of document.querySelectorAll('figure.diagram')) buildDiagramFigure(figure);
    try {
      const catalog = await fetchFrom('/api/catalog', {});
      byId('product').textContent = `Which firewall ports ${catalog.product} needs, from the vendor's port matrix.`;
      renderChips(byId('examples').querySelector('ul'), catalog.examples);
      byId('examples').hidden = catalog.examples.length === 0;
      fillSelect(byId('browse-mode'), catalog.modes);
      fillSelect(byId('browse-component'), catalog.components);
    } catch (error) {
      showError(`Could not load the examples: ${error.message}`);
    }
    // A shared link (?q=...) opens with its answer.
    const linked = new URLSearchParams(location.search).get('q');
    if (linked) ask(linked);
    document.body.dataset.ready = 'true';
  };

  start();
})();
