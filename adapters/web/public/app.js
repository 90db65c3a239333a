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

  // The catalog (modes with their definitions), once loaded.
  let catalog = { modes: [] };

  /** Beside an answer about some of the modes: each one's definition, from the document. */
  const renderModeDefinitions = (answer) => {
    const aside = byId('mode-definitions');
    const modes = catalog.modes.filter((mode) => answer.modes.includes(mode.id));
    const show = answer.status === 'answered' && answer.intent !== 'explain' && modes.length > 0 && modes.length < catalog.modes.length;
    aside.querySelector('dl').replaceChildren(...(show ? modes.flatMap((mode) => [element('dt', mode.name), element('dd', mode.definition)]) : []));
    aside.hidden = !show;
  };

  /** Copy and download buttons for the answer's rules: the same files as `npm run export`. */
  const renderExports = (downloads) => {
    const status = byId('answer-export-status');
    status.textContent = '';
    const copyButtons = downloads
      .filter((file) => file.format !== 'powershell')
      .map((file) => {
        const button = element('button', `Copy as ${file.label}`, 'secondary');
        button.type = 'button';
        button.addEventListener('click', async () => {
          try {
            await copyText(file.content);
            status.textContent = `Copied the rules as ${file.label}.`;
          } catch (error) {
            status.textContent = `Could not copy: ${error.message}`;
          }
        });
        return button;
      });
    const downloadLinks = downloads.map((file) => {
      const link = element('a', `Download ${file.label}`, 'download');
      link.title = file.filename;
      link.href = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
      link.download = file.filename;
      link.dataset.format = file.format;
      return link;
    });
    byId('answer-copy').replaceChildren(...copyButtons);
    byId('answer-download').replaceChildren(...downloadLinks);
    byId('answer-exports').hidden = downloads.length === 0;
  };

  /** A new answer sits under the examples: on a small screen it would be out of sight, so it is brought into view. */
  const bringIntoView = (node) => {
    const { top } = node.getBoundingClientRect();
    if (top < 0 || top > window.innerHeight - 120) node.scrollIntoView({ block: 'start' });
  };

  const renderAnswer = (view) => {
    const { answer } = view;
    byId('answer').hidden = false;
    byId('took-from-previous').hidden = !view.tookFromPrevious;
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
    renderModeDefinitions(answer);
    renderExports(view.downloads || []);
    bringIntoView(byId('answer'));
  };

  // Answers can arrive out of order when questions follow quickly: only the latest is shown.
  let latestQuestion = 0;
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + String(Math.random()).slice(2));
  // One conversation per tab, so that "and in occasional?" follows the question before it.
  let conversation = sessionStorage.getItem('conversation') || newId();
  sessionStorage.setItem('conversation', conversation);

  /** Forgets the conversation: the next question stands on its own. */
  const newConversation = () => {
    conversation = newId();
    sessionStorage.setItem('conversation', conversation);
    latestQuestion += 1;
    byId('answer').hidden = true;
    byId('q').value = '';
    urlState.q = '';
    writeUrl();
    byId('conversation-status').textContent = 'New conversation: the next question stands on its own.';
  };

  // The page's state in its address, so that a link or a reload shows the same: the question, and the browser's filter.
  const urlState = { q: '', mode: '', component: '', direction: '' };
  const writeUrl = () => {
    const query = new URLSearchParams(Object.entries(urlState).filter(([, value]) => value)).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

  const ask = async (question) => {
    const input = byId('q');
    input.value = question;
    const asked = ++latestQuestion;
    showError('');
    try {
      const view = await fetchFrom('/api/table', { q: question, conversation });
      if (asked !== latestQuestion) return;
      byId('conversation-status').textContent = '';
      renderAnswer(view);
      showDiagram(byId('answer-diagram'), { q: question, conversation }, view.answer);
      urlState.q = question;
      writeUrl();
    } catch (error) {
      if (asked === latestQuestion) showError(error.message);
    }
  };

  // What the browser shows now, so the copy buttons copy that and not an unsubmitted selection.
  let shown = { mode: '', component: '', direction: '' };
  let latestBrowse = 0;

  const browse = async () => {
    // A direction only means something for one component.
    byId('browse-direction').disabled = !byId('browse-component').value;
    if (byId('browse-direction').disabled) byId('browse-direction').value = '';
    const filter = { mode: byId('browse-mode').value, component: byId('browse-component').value, direction: byId('browse-direction').value };
    const requested = ++latestBrowse;
    showError('');
    try {
      const view = await fetchFrom('/api/table', filter);
      if (requested !== latestBrowse) return;
      shown = filter;
      Object.assign(urlState, filter);
      writeUrl();
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
    byId('browse-direction').addEventListener('change', browse);
    byId('new-conversation').addEventListener('click', newConversation);
    byId('copy-markdown').addEventListener('click', (event) => copyAs('markdown', 'Markdown', event.currentTarget));
    byId('copy-csv').addEventListener('click', (event) => copyAs('csv', 'CSV', event.currentTarget));
    for (const figure of document.querySelectorAll('figure.diagram')) buildDiagramFigure(figure);
    try {
      catalog = await fetchFrom('/api/catalog', {});
      byId('product').textContent = `Which firewall ports ${catalog.product} needs, from the vendor's port matrix.`;
      renderChips(byId('examples').querySelector('ul'), catalog.examples);
      byId('examples').hidden = catalog.examples.length === 0;
      fillSelect(byId('browse-mode'), catalog.modes);
      fillSelect(byId('browse-component'), catalog.components);
    } catch (error) {
      showError(`Could not load the examples: ${error.message}`);
    }
    const linked = new URLSearchParams(location.search);
    // The browser's filter from the address: a link (or a reload) shows the same slice.
    const choose = (select, value) => {
      if (value && [...select.options].some((option) => option.value === value)) select.value = value;
    };
    choose(byId('browse-mode'), linked.get('mode'));
    choose(byId('browse-component'), linked.get('component'));
    choose(byId('browse-direction'), linked.get('direction'));
    if (byId('browse-mode').value || byId('browse-component').value) browse();
    // A shared link (?q=...) opens with its answer, in a fresh conversation: never another reader's context.
    const question = linked.get('q');
    if (question) {
      conversation = newId();
      sessionStorage.setItem('conversation', conversation);
      ask(question);
    }
    document.body.dataset.ready = 'true';
  };

  start();
})();
