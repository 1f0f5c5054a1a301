// The explorer's script (render/html.h). It reads the view's works and links
// from the page's JSON block and gives the SVG's nodes and edges classes:
// nothing is fetched, and text from the data is only ever set with
// textContent, never parsed as markup.
//
// Ancestry and paths follow the influence links of the view, as
// `lineage ancestors`, `descendants` and `path --all` do by default, among
// the works the filters and the year leave in place.
(function () {
  'use strict';

  const WORDS = {
    en: {
      search: 'Search', pathTo: 'Path to…', asOf: 'As known in',
      language: 'Language', fit: 'Fit', clear: 'Clear', filters: 'Filters',
      kinds: 'Kinds', eras: 'Eras', relations: 'Relations',
      influenceOnly: 'Influence links only', noEra: 'no era',
      help: 'Click a work to select it; shift-click a second one for the ' +
        'paths between them. Drag to pan, wheel or +/− to zoom, 0 to fit, ' +
        'Esc to clear. Tab reaches every work; Enter selects it.',
      intro: '{works} works and {links} links. Select a work to see where ' +
        'it came from and what came of it.',
      undated: 'undated', people: 'People', organizations: 'Organization',
      paper: 'Paper', source: 'Link', ancestors: 'ancestors',
      descendants: 'descendants',
      counts: 'Ancestors: {a} · descendants: {d}',
      rank: 'Works building on it directly: {n} (rank {r} of {of})',
      asOfNote: 'as known in {year}', from: 'Comes from', to: 'Led to',
      none: 'none', paths: '{n} paths from {a} to {b}',
      pathsOne: '1 path from {a} to {b}', pathsMore: ' (the first {n} shown)',
      noPath: 'No influence path between {a} and {b}.',
      reversed: '{b} came first: the paths run from it to {a}.',
      pathN: 'Path {i}: {n} links', citation: 'source',
      matches: '{n} matches', noMatch: 'No work matches.',
      select: 'Select', selectWork: 'Select {name}',
    },
    zh: {
      search: '搜索', pathTo: '路径至…', asOf: '截至年份', language: '语言',
      fit: '适应', clear: '清除', filters: '筛选', kinds: '类型',
      eras: '时代', relations: '关系', influenceOnly: '只显示影响关系',
      noEra: '无时代',
      help: '点击作品以选中；按住 Shift 再点击另一作品，显示二者之间的路径。' +
        '拖动平移，滚轮或 +/− 缩放，0 适应窗口，Esc 清除。' +
        'Tab 可到达每个作品，Enter 选中。',
      intro: '{works} 个作品，{links} 条关系。选中一个作品，查看它的来源与影响。',
      undated: '无日期', people: '人物', organizations: '机构', paper: '论文',
      source: '链接', ancestors: '祖先', descendants: '后代',
      counts: '{a} 个祖先 · {d} 个后代',
      rank: '被 {n} 个作品直接继承：在 {of} 个作品中排第 {r}',
      asOfNote: '截至 {year} 年', from: '来源', to: '影响', none: '无',
      paths: '从 {a} 到 {b} 的 {n} 条路径',
      pathsOne: '从 {a} 到 {b} 的 1 条路径', pathsMore: '（显示前 {n} 条）',
      noPath: '{a} 与 {b} 之间没有影响路径。',
      reversed: '{b} 在先：路径由它通向 {a}。',
      pathN: '路径 {i}：{n} 条关系', citation: '出处',
      matches: '{n} 个匹配', noMatch: '没有匹配的作品。',
      select: '选中', selectWork: '选中 {name}',
    },
  };
  // The most paths listed in the panel, as `lineage path --all` stops at.
  const MAX_PATHS = 100;
  // Classes this script sets (and clears) on works and links.

  const data = JSON.parse(document.getElementById('lineage-data').textContent);
  const works = data.works;
  const links = data.links;
  const N = works.length;
  const index = new Map();
  works.forEach(function (w, i) {
    index.set(w.id, i);
    w.year = w.date ? parseInt(w.date.slice(0, 4), 10) : null;
  });
  // Influence links by work: parents (links into it) and children.
  const inLinks = works.map(function () { return []; });
  const outLinks = works.map(function () { return []; });
  const allIn = works.map(function () { return []; });
  const allOut = works.map(function () { return []; });
  links.forEach(function (l, k) {
    l.p = index.get(l.from);
    l.c = index.get(l.to);
    l.svgId = 'link-' + l.to + '-' + l.relation + '-' + l.from;
    allIn[l.c].push(k);
    allOut[l.p].push(k);
    if (l.influence) {
      inLinks[l.c].push(k);
      outLinks[l.p].push(k);
    }
  });
  const years = works.map(function (w) { return w.year; })
    .filter(function (y) { return y !== null; });
  const minYear = years.length ? Math.min.apply(null, years) : 0;
  const maxYear = years.length ? Math.max.apply(null, years) : 0;

  // What the reader chose: the whole of it is in the URL fragment.
  const state = {
    select: -1, to: -1, asOf: maxYear, lang: data.language,
    hideKinds: new Set(), hideEras: new Set(), hideRels: new Set(),
    influenceOnly: false,
  };

  const $ = function (id) { return document.getElementById(id); };
  const canvas = $('canvas');
  const details = $('details');
  const search = $('search');
  const pathTo = $('path-to');
  const asOf = $('as-of');
  const asOfValue = $('as-of-value');
  const langSelect = $('lang');

  // --- text -----------------------------------------------------------------
  function words() { return WORDS[state.lang] || WORDS.en; }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) {
      return String(values[k]);
    });
  }
  // A field given per language, in the reader's language if it has it.
  function local(value) {
    if (value === undefined || value === null) return '';
    if (typeof value !== 'object' || Array.isArray(value)) return value;
    if (value[state.lang] !== undefined && value[state.lang] !== '' &&
        !(Array.isArray(value[state.lang]) && !value[state.lang].length)) {
      return value[state.lang];
    }
    return value[data.language] !== undefined ? value[data.language] :
      value[Object.keys(value)[0]];
  }
  function nameOf(i) { return local(works[i].name) || works[i].id; }
  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  // --- the diagram ------------------------------------------------------------
  // The SVG of each language: the one shown sits in #canvas, the others
  // wait outside the document (so their ids never clash).
  const diagrams = new Map();
  let svg = null;
  let nodeEls = [];
  let linkEls = [];
  let baseNode = [];
  let baseLink = [];
  let lastNode = [];
  let lastLink = [];
  let home = null;  // The viewBox that fits the diagram.
  let view = null;  // The viewBox shown: [x, y, w, h].

  // The classes an element was drawn with (kept aside the first time, as
  // this script rewrites the class attribute).
  function drawnClass(g) {
    if (!g.hasAttribute('data-drawn')) {
      g.setAttribute('data-drawn', g.getAttribute('class') || '');
    }
    return g.getAttribute('data-drawn');
  }

  function bindDiagram() {
    svg = canvas.querySelector('svg');
    nodeEls = new Array(N);
    baseNode = new Array(N);
    lastNode = new Array(N).fill('');
    works.forEach(function (w, i) {
      const g = document.getElementById('work-' + w.id);
      nodeEls[i] = g;
      if (!g) return;
      baseNode[i] = drawnClass(g);
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', fill(words().selectWork, {
        name: nameOf(i) + (w.date ? ' (' + w.date + ')' : ''),
      }));
      g.querySelectorAll('a').forEach(function (a) {
        a.setAttribute('tabindex', '-1');
      });
    });
    linkEls = new Array(links.length);
    baseLink = new Array(links.length);
    lastLink = new Array(links.length).fill('');
    links.forEach(function (l, k) {
      const g = document.getElementById(l.svgId);
      linkEls[k] = g;
      if (g) {
        baseLink[k] = drawnClass(g);
        g.querySelectorAll('a').forEach(function (a) {
          a.setAttribute('tabindex', '-1');
        });
      }
    });
    const box = (svg.getAttribute('viewBox') || '0 0 100 100').split(/[\s,]+/)
      .map(Number);
    home = box;
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    setView(home.slice());
  }

  function setupDiagrams() {
    diagrams.set(data.language, canvas.querySelector('svg'));
    document.querySelectorAll('template.diagram').forEach(function (t) {
      const s = document.importNode(t.content, true).querySelector('svg');
      if (s) diagrams.set(t.getAttribute('data-lang'), s);
    });
  }

  function showDiagram(lang) {
    const next = diagrams.get(lang) || diagrams.get(data.language);
    if (next !== svg) {
      canvas.replaceChild(next, svg);
      bindDiagram();
      for (let i = 0; i < N; ++i) lastNode[i] = null;
    }
  }

  // --- reach ------------------------------------------------------------------
  let active = new Uint8Array(N);     // Not filtered out, not in the future.
  let followed = new Uint8Array(links.length);  // Traced by ancestry.
  let shown = new Uint8Array(links.length);     // Drawn.

  function computeActive() {
    active = new Uint8Array(N);
    for (let i = 0; i < N; ++i) {
      const w = works[i];
      const future = w.year !== null && w.year > state.asOf;
      active[i] = !future && !state.hideKinds.has(w.kind) &&
        !state.hideEras.has(w.era || '') ? 1 : 0;
    }
    followed = new Uint8Array(links.length);
    shown = new Uint8Array(links.length);
    links.forEach(function (l, k) {
      const ends = active[l.p] && active[l.c];
      const rel = !state.hideRels.has(l.relation);
      followed[k] = ends && rel && l.influence ? 1 : 0;
      shown[k] = ends && rel && (l.influence || !state.influenceOnly) ? 1 : 0;
    });
  }

  // The works reached from `start` along followed influence links, up
  // (ancestors) or down (descendants); `start` itself is not included
  // unless a cycle leads back to it.
  function reach(start, up) {
    const seen = new Uint8Array(N);
    const queue = [start];
    const adjacency = up ? inLinks : outLinks;
    for (let head = 0; head < queue.length; ++head) {
      const v = queue[head];
      const list = adjacency[v];
      for (let j = 0; j < list.length; ++j) {
        const k = list[j];
        if (!followed[k]) continue;
        const u = up ? links[k].p : links[k].c;
        if (!seen[u]) {
          seen[u] = 1;
          queue.push(u);
        }
      }
    }
    return seen;
  }

  // Every simple path from a to b inside `on` (the works on some path),
  // shortest first, at most MAX_PATHS of them.
  function enumeratePaths(a, b, on) {
    const found = [];
    const stack = [a];
    const used = [];
    const visiting = new Uint8Array(N);
    visiting[a] = 1;
    let steps = 0;
    let truncated = false;
    (function walk(v) {
      if (found.length >= MAX_PATHS * 10 || ++steps > 200000) {
        truncated = true;
        return;
      }
      if (v === b) {
        found.push(used.slice());
        return;
      }
      const list = outLinks[v];
      for (let j = 0; j < list.length; ++j) {
        const k = list[j];
        const u = links[k].c;
        if (!followed[k] || !on[u] || visiting[u]) continue;
        visiting[u] = 1;
        stack.push(u);
        used.push(k);
        walk(u);
        used.pop();
        stack.pop();
        visiting[u] = 0;
      }
    })(a);
    found.sort(function (x, y) { return x.length - y.length; });
    if (found.length > MAX_PATHS) {
      found.length = MAX_PATHS;
      truncated = true;
    }
    return { paths: found, truncated: truncated };
  }

  // --- classes ------------------------------------------------------------------
  let result = null;  // What the panel shows: computed with the classes.

  function apply() {
    const started = performance.now();
    computeActive();
    const sel = state.select >= 0 && active[state.select] ? state.select : -1;
    let anc = null, desc = null, onPath = null, path = null;
    if (sel >= 0) {
      anc = reach(sel, true);
      desc = reach(sel, false);
      const to = state.to >= 0 && state.to !== sel && active[state.to] ?
        state.to : -1;
      if (to >= 0) {
        // As `lineage explain`: from the older to the newer, whichever way.
        let from = sel, end = to, reversed = false;
        if (!desc[to] && anc[to]) {
          from = to;
          end = sel;
          reversed = true;
        }
        const down = from === sel ? desc : reach(from, false);
        const up = end === sel ? anc : reach(end, true);
        onPath = new Uint8Array(N);
        if (down[end]) {
          for (let i = 0; i < N; ++i) onPath[i] = down[i] && up[i] ? 1 : 0;
          onPath[from] = 1;
          onPath[end] = 1;
        }
        path = { from: from, to: end, reversed: reversed, on: onPath };
      }
    }
    for (let i = 0; i < N; ++i) {
      const g = nodeEls[i];
      if (!g) continue;
      let c = baseNode[i];
      const w = works[i];
      if (w.year !== null && w.year > state.asOf) c += ' future';
      else if (!active[i]) c += ' filtered';
      if (sel >= 0) {
        c = c.replace(/(^| )(faded|highlight)(?= |$)/g, '');
        if (i === sel) c += ' selected';
        if (path) {
          if (path.on[i]) c += ' on-path';
          if (i === state.to) c += ' path-end';
          if (!path.on[i] && i !== sel && i !== state.to) c += ' faded';
        } else if (i !== sel) {
          if (anc[i]) c += ' ancestor';
          if (desc[i]) c += ' descendant';
          if (!anc[i] && !desc[i]) c += ' faded';
        }
      }
      if (c !== lastNode[i]) {
        g.setAttribute('class', c);
        lastNode[i] = c;
      }
    }
    for (let k = 0; k < links.length; ++k) {
      const g = linkEls[k];
      if (!g) continue;
      const l = links[k];
      let c = baseLink[k];
      const fw = works[l.p].year, fc = works[l.c].year;
      if ((fw !== null && fw > state.asOf) || (fc !== null && fc > state.asOf)) {
        c += ' future';
      } else if (!shown[k]) {
        c += ' filtered';
      }
      if (sel >= 0) {
        c = c.replace(/(^| )(faded|highlight)(?= |$)/g, '');
        if (path) {
          if (followed[k] && path.on[l.p] && path.on[l.c]) c += ' on-path';
          else c += ' faded';
        } else {
          const isAnc = followed[k] && (anc[l.c] || l.c === sel) && anc[l.p];
          const isDesc = followed[k] && (desc[l.p] || l.p === sel) && desc[l.c];
          if (isAnc) c += ' ancestor';
          if (isDesc) c += ' descendant';
          if (!isAnc && !isDesc) c += ' faded';
        }
      }
      if (c !== lastLink[k]) {
        g.setAttribute('class', c);
        lastLink[k] = c;
      }
    }
    result = { sel: sel, anc: anc, desc: desc, path: path };
    window.lineageExplorer.lastApplyMs = performance.now() - started;
  }

  // --- the panel ------------------------------------------------------------------
  function workButton(i) {
    const b = el('button', nameOf(i), 'work-link');
    b.type = 'button';
    b.setAttribute('data-work', works[i].id);
    return b;
  }

  function linkItem(k, other) {
    const l = links[k];
    const li = el('li');
    li.appendChild(el('span', local(data.relations[l.relation].name) + ' ',
      'relation'));
    li.appendChild(workButton(other));
    const evidence = local(l.evidence);
    if (evidence) li.appendChild(el('span', evidence, 'evidence'));
    if (l.citation) {
      li.appendChild(document.createTextNode(' '));
      li.appendChild(safeLink(l.citation, words().citation));
    }
    return li;
  }

  // An ordinary link that opens on click; only web and mail addresses.
  function safeLink(url, text) {
    if (!/^(https?:|mailto:)/i.test(url)) return el('span', text || url);
    const a = el('a', text || url);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  function fact(dl, term, value) {
    if (!value || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el('dt', term));
    const dd = el('dd');
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = Array.isArray(value) ? value.join(', ') : value;
    dl.appendChild(dd);
  }

  function eraName(id) {
    for (const era of data.eras) if (era.id === id) return local(era.name);
    return id || '';
  }

  function renderPanel() {
    const W = words();
    details.textContent = '';
    const sel = result.sel;
    const current = state.asOf < maxYear ?
      ' (' + fill(W.asOfNote, { year: state.asOf }) + ')' : '';
    if (sel < 0) {
      let shownWorks = 0;
      for (let i = 0; i < N; ++i) shownWorks += active[i];
      let shownLinks = 0;
      for (let k = 0; k < links.length; ++k) shownLinks += shown[k];
      details.appendChild(el('p', fill(W.intro,
        { works: shownWorks, links: shownLinks }) + current));
      return;
    }
    const w = works[sel];
    details.appendChild(el('h2', nameOf(sel)));
    const kind = data.kinds[w.kind] ? local(data.kinds[w.kind]) : w.kind;
    details.appendChild(el('p', [kind, w.date || W.undated,
      eraName(w.era)].filter(Boolean).join(' · '), 'meta'));
    const summary = local(w.summary);
    if (summary) details.appendChild(el('p', summary, 'summary'));
    const dl = el('dl');
    fact(dl, W.people, w.people);
    fact(dl, W.organizations, local(w.organizations));
    if (w.paper || w.arxiv || w.url) {
      const url = w.url || (w.arxiv ? 'https://arxiv.org/abs/' + w.arxiv : '');
      fact(dl, W.paper, url ? safeLink(url, w.paper || url) : w.paper);
    }
    details.appendChild(dl);
    let ancestors = 0, descendants = 0;
    for (let i = 0; i < N; ++i) {
      ancestors += result.anc[i] && i !== sel ? 1 : 0;
      descendants += result.desc[i] && i !== sel ? 1 : 0;
    }
    details.appendChild(el('p', fill(W.counts,
      { a: ancestors, d: descendants }) + current, 'counts'));
    // Rank by the works that build on it directly, among those in place.
    const direct = new Array(N).fill(0);
    let inPlace = 0;
    for (let i = 0; i < N; ++i) inPlace += active[i];
    links.forEach(function (l, k) { if (followed[k]) direct[l.p] += 1; });
    let rank = 1;
    for (let i = 0; i < N; ++i) if (active[i] && direct[i] > direct[sel]) ++rank;
    details.appendChild(el('p', fill(W.rank,
      { n: direct[sel], r: rank, of: inPlace }), 'rank'));
    if (result.path) renderPaths(W);
    for (const [heading, list, up] of [[W.from, allIn[sel], true],
      [W.to, allOut[sel], false]]) {
      details.appendChild(el('h3', heading));
      const ul = el('ul', null, 'links');
      list.forEach(function (k) {
        if (!shown[k]) return;
        ul.appendChild(linkItem(k, up ? links[k].p : links[k].c));
      });
      if (!ul.children.length) ul.appendChild(el('li', W.none));
      details.appendChild(ul);
    }
  }

  function renderPaths(W) {
    const p = result.path;
    const a = nameOf(p.from), b = nameOf(p.to);
    const section = el('section', null, 'paths');
    if (!p.on[p.from] || !p.on[p.to]) {
      section.appendChild(el('h3', fill(W.noPath,
        { a: nameOf(state.select), b: nameOf(state.to) })));
      details.appendChild(section);
      return;
    }
    const found = enumeratePaths(p.from, p.to, p.on);
    let heading = fill(found.paths.length === 1 ? W.pathsOne : W.paths,
      { n: found.paths.length + (found.truncated ? '+' : ''), a: a, b: b });
    if (found.truncated) heading += fill(W.pathsMore, { n: found.paths.length });
    section.appendChild(el('h3', heading));
    if (p.reversed) {
      section.appendChild(el('p', fill(W.reversed,
        { a: nameOf(state.select), b: nameOf(state.to) })));
    }
    const ol = el('ol');
    found.paths.forEach(function (ks, n) {
      const li = el('li');
      li.appendChild(el('span', fill(W.pathN, { i: n + 1, n: ks.length }),
        'path-title'));
      const steps = el('ul', null, 'links');
      ks.forEach(function (k) {
        const item = linkItem(k, links[k].c);
        item.insertBefore(workButton(links[k].p), item.firstChild);
        item.insertBefore(document.createTextNode(' → '), item.children[1]);
        steps.appendChild(item);
      });
      li.appendChild(steps);
      ol.appendChild(li);
    });
    section.appendChild(ol);
    details.appendChild(section);
  }

  // --- search ---------------------------------------------------------------------
  // A name as the CLI keys it: case, spaces and punctuation ignored (a
  // trailing "+" after a letter reads "plus", as in "DALL-E+").
  function normalize(text) {
    let t = text.normalize('NFKD').replace(/([A-Za-z0-9])(\++)(?![A-Za-z0-9])/g,
      function (_, c, plus) { return c + 'plus'.repeat(plus.length); });
    t = t.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
    return t.normalize('NFC');
  }

  // The works whose keys match, best first: an exact key, then a key that
  // starts with the text, then one that holds it; earlier works first.
  function matches(text) {
    const q = normalize(text);
    if (!q) return [];
    const found = [];
    works.forEach(function (w, i) {
      let best = 3;
      for (const key of w.keys) {
        if (key === q) best = 0;
        else if (best > 1 && key.startsWith(q)) best = 1;
        else if (best > 2 && key.indexOf(q) >= 0) best = 2;
      }
      if (best < 3) found.push([best, w.year === null ? 1e9 : w.year, i]);
    });
    found.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
    return found.map(function (f) { return f[2]; });
  }

  function showMatches(input, list, pick) {
    const found = matches(input.value);
    list.textContent = '';
    if (!input.value.trim()) {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      return found;
    }
    if (!found.length) list.appendChild(el('li', words().noMatch, 'none'));
    found.slice(0, 12).forEach(function (i, n) {
      const li = el('li', null, n === 0 ? 'best' : '');
      li.setAttribute('role', 'option');
      const b = workButton(i);
      b.addEventListener('click', function () { pick(i); });
      li.appendChild(b);
      if (works[i].date) li.appendChild(el('span', ' ' + works[i].date, 'date'));
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    return found;
  }

  function closeMatches() {
    for (const [input, list] of [[search, $('matches')], [pathTo, $('path-matches')]]) {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }
  }

  // --- state -------------------------------------------------------------------
  function update(push) {
    apply();
    renderPanel();
    if (push !== false) writeFragment();
  }

  function selectWork(i, to) {
    if (to) {
      if (state.select < 0) state.select = i;
      else state.to = i === state.select ? -1 : i;
    } else {
      state.select = i;
      state.to = -1;
    }
    closeMatches();
    update();
    reveal(i);
  }

  function clearSelection() {
    state.select = -1;
    state.to = -1;
    closeMatches();
    update();
  }

  function writeFragment() {
    const parts = [];
    if (state.select >= 0) parts.push('select=' + encodeURIComponent(works[state.select].id));
    if (state.to >= 0) parts.push('to=' + encodeURIComponent(works[state.to].id));
    if (state.asOf < maxYear) parts.push('as-of=' + state.asOf);
    const sets = [['hide-kind', state.hideKinds], ['hide-era', state.hideEras],
      ['hide-rel', state.hideRels]];
    for (const [key, set] of sets) {
      if (set.size) parts.push(key + '=' + Array.from(set).sort().map(encodeURIComponent).join(','));
    }
    if (state.influenceOnly) parts.push('influence-only=1');
    if (state.lang !== data.language) parts.push('lang=' + state.lang);
    const hash = parts.length ? '#' + parts.join('&') : '';
    if (hash !== location.hash && !(hash === '' && location.hash === '#')) {
      history.replaceState(null, '', hash || location.pathname + location.search);
    }
  }

  function readFragment() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const work = function (key) {
      const id = params.get(key);
      return id !== null && index.has(id) ? index.get(id) : -1;
    };
    state.select = work('select');
    state.to = state.select >= 0 ? work('to') : -1;
    const year = parseInt(params.get('as-of'), 10);
    state.asOf = isNaN(year) ? maxYear : Math.min(maxYear, Math.max(minYear, year));
    const set = function (key) {
      const v = params.get(key);
      return new Set(v ? v.split(',').filter(Boolean) : []);
    };
    state.hideKinds = set('hide-kind');
    state.hideEras = set('hide-era');
    state.hideRels = set('hide-rel');
    state.influenceOnly = params.get('influence-only') === '1';
    const lang = params.get('lang');
    state.lang = lang && data.languages.indexOf(lang) >= 0 ? lang : data.language;
  }

  // The controls showing the state (after reading the fragment).
  function syncControls() {
    asOf.value = String(state.asOf);
    asOfValue.textContent = String(state.asOf);
    langSelect.value = state.lang;
    document.querySelectorAll('#filters input[data-set]').forEach(function (box) {
      const set = state[box.getAttribute('data-set')];
      box.checked = !set.has(box.value);
    });
    $('influence-only').checked = state.influenceOnly;
  }

  function setLanguage(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    showDiagram(lang);
    translateChrome();
    buildFilters();
    syncControls();
  }

  function translateChrome() {
    const W = words();
    document.querySelectorAll('[data-word]').forEach(function (e) {
      e.textContent = W[e.getAttribute('data-word')];
    });
    $('title').textContent = local(data.title);
    document.title = local(data.title);
  }

  // --- filters --------------------------------------------------------------------
  function buildFilters() {
    const W = words();
    const box = $('filters');
    box.textContent = '';
    const group = function (title, setName, entries) {
      const fs = el('fieldset');
      fs.appendChild(el('legend', title));
      entries.forEach(function (e) {
        const label = el('label');
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.value = e[0];
        input.setAttribute('data-set', setName);
        input.addEventListener('change', function () {
          if (input.checked) state[setName].delete(e[0]);
          else state[setName].add(e[0]);
          update();
        });
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + e[1]));
        fs.appendChild(label);
      });
      box.appendChild(fs);
    };
    const kinds = Object.keys(data.kinds).sort();
    group(W.kinds, 'hideKinds', kinds.map(function (k) {
      return [k, local(data.kinds[k])];
    }));
    const eraIds = new Set(works.map(function (w) { return w.era || ''; }));
    const eras = data.eras.filter(function (e) { return eraIds.has(e.id); })
      .map(function (e) { return [e.id, local(e.name)]; });
    if (eraIds.has('')) eras.push(['', W.noEra]);
    group(W.eras, 'hideEras', eras);
    const rels = Object.keys(data.relations).sort();
    group(W.relations, 'hideRels', rels.map(function (r) {
      return [r, local(data.relations[r].name)];
    }));
    const label = el('label', null, 'toggle');
    const only = document.createElement('input');
    only.type = 'checkbox';
    only.id = 'influence-only';
    only.addEventListener('change', function () {
      state.influenceOnly = only.checked;
      update();
    });
    label.appendChild(only);
    label.appendChild(document.createTextNode(' ' + W.influenceOnly));
    box.appendChild(label);
  }

  // --- pan and zoom -------------------------------------------------------------------
  function setView(v) {
    view = v;
    svg.setAttribute('viewBox', v.join(' '));
  }

  // The point of the diagram under a point of the screen.
  function toDiagram(x, y) {
    const m = svg.getScreenCTM();
    if (!m) return [view[0] + view[2] / 2, view[1] + view[3] / 2];
    const p = new DOMPoint(x, y).matrixTransform(m.inverse());
    return [p.x, p.y];
  }

  // Zooms about a point of the screen; without one, about the selected
  // work if there is one in view, else about the middle.
  function zoom(factor, cx, cy) {
    let at = null;
    if (cx !== undefined) {
      at = toDiagram(cx, cy);
    } else if (state.select >= 0 && nodeEls[state.select]) {
      at = centreOf(nodeEls[state.select]);
      if (at && (at[0] < view[0] || at[0] > view[0] + view[2] ||
          at[1] < view[1] || at[1] > view[1] + view[3])) at = null;
    }
    if (!at) {
      const r = canvas.getBoundingClientRect();
      at = toDiagram(r.left + r.width / 2, r.top + r.height / 2);
    }
    const w = Math.min(home[2] * 20, Math.max(home[2] / 200, view[2] * factor));
    const f = w / view[2];
    setView([at[0] - (at[0] - view[0]) * f, at[1] - (at[1] - view[1]) * f,
      view[2] * f, view[3] * f]);
  }

  function pan(dx, dy) {
    const m = svg.getScreenCTM();
    const scale = m ? m.a : 1;
    setView([view[0] - dx / scale, view[1] - dy / scale, view[2], view[3]]);
  }

  // The middle of an element, in the diagram's coordinates; null when it
  // is not rendered.
  function centreOf(g) {
    if (!g.getBBox) return null;
    const b = g.getBBox();
    const m = svg.getScreenCTM(), n = g.getScreenCTM();
    if (!m || !n) return null;
    const c = new DOMPoint(b.x + b.width / 2, b.y + b.height / 2)
      .matrixTransform(m.inverse().multiply(n));
    return [c.x, c.y];
  }

  // Brings a work into view when it lies outside it.
  function reveal(i) {
    const c = nodeEls[i] ? centreOf(nodeEls[i]) : null;
    if (!c) return;
    if (c[0] < view[0] || c[0] > view[0] + view[2] || c[1] < view[1] ||
        c[1] > view[1] + view[3]) {
      setView([c[0] - view[2] / 2, c[1] - view[3] / 2, view[2], view[3]]);
    }
  }

  let drag = null;
  canvas.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
  });
  canvas.addEventListener('pointermove', function (e) {
    if (!drag || drag.id !== e.pointerId) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) canvas.setPointerCapture(e.pointerId);
    drag.moved = true;
    pan(dx, dy);
    drag.x = e.clientX;
    drag.y = e.clientY;
  });
  const endDrag = function (e) {
    if (drag && drag.moved) {
      canvas.releasePointerCapture(e.pointerId);
      drag.ended = true;
    }
    if (drag && !drag.moved) drag = null;
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    // A pinch on a touchpad comes as a wheel with ctrlKey; a two-finger
    // swipe as a wheel with small pixel steps: pan it; a mouse wheel zooms.
    const pixels = e.deltaMode === 0;
    if (!e.ctrlKey && pixels && (Math.abs(e.deltaX) > 0 ||
        Math.abs(e.deltaY) < 50)) {
      pan(-e.deltaX, -e.deltaY);
      return;
    }
    const delta = pixels ? e.deltaY : e.deltaY * 40;
    zoom(Math.exp(delta * (e.ctrlKey ? 0.01 : 0.002)), e.clientX, e.clientY);
  }, { passive: false });

  // --- events ---------------------------------------------------------------------
  canvas.addEventListener('click', function (e) {
    const g = e.target.closest ? e.target.closest('g.work') : null;
    if (drag && drag.moved) {
      drag = null;
      e.preventDefault();
      return;
    }
    drag = null;
    if (!g) return;
    // Ctrl- or Cmd-click opens the work's paper, as a link does; a plain
    // click selects.
    if (e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const i = index.get(g.id.slice(5));
    if (i !== undefined) selectWork(i, e.shiftKey);
  });
  canvas.addEventListener('keydown', function (e) {
    const g = e.target.closest ? e.target.closest('g.work') : null;
    if (!g || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    const i = index.get(g.id.slice(5));
    if (i !== undefined) selectWork(i, e.shiftKey);
  });
  details.addEventListener('click', function (e) {
    const b = e.target.closest('button[data-work]');
    if (b) selectWork(index.get(b.getAttribute('data-work')), e.shiftKey);
  });
  search.addEventListener('input', function () {
    showMatches(search, $('matches'), function (i) { selectWork(i, false); });
  });
  search.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      const found = showMatches(search, $('matches'),
        function (i) { selectWork(i, false); });
      if (!found.length) return;
      selectWork(found[0], false);
      if (found.length > 1) {
        // The others stay listed.
        $('matches').hidden = false;
        search.setAttribute('aria-expanded', 'true');
      }
    } else if (e.key === 'Escape') {
      search.value = '';
      closeMatches();
    }
  });
  pathTo.addEventListener('input', function () {
    showMatches(pathTo, $('path-matches'), function (i) { selectWork(i, true); });
  });
  pathTo.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      const found = matches(pathTo.value);
      if (found.length) selectWork(found[0], true);
    } else if (e.key === 'Escape') {
      pathTo.value = '';
      closeMatches();
    }
  });
  asOf.addEventListener('input', function () {
    state.asOf = parseInt(asOf.value, 10);
    asOfValue.textContent = asOf.value;
    update();
  });
  langSelect.addEventListener('change', function () {
    setLanguage(langSelect.value);
    update();
  });
  $('zoom-in').addEventListener('click', function () { zoom(1 / 1.25); });
  $('zoom-out').addEventListener('click', function () { zoom(1.25); });
  $('fit').addEventListener('click', function () { setView(home.slice()); });
  $('clear').addEventListener('click', clearSelection);
  document.addEventListener('keydown', function (e) {
    const typing = e.target.matches && e.target.matches('input, select, textarea');
    if (e.key === 'Escape') {
      if (!typing) clearSelection();
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = 60;
    switch (e.key) {
      case '+': case '=': zoom(1 / 1.25); break;
      case '-': case '_': zoom(1.25); break;
      case '0': setView(home.slice()); break;
      case 'ArrowLeft': pan(step, 0); break;
      case 'ArrowRight': pan(-step, 0); break;
      case 'ArrowUp': pan(0, step); break;
      case 'ArrowDown': pan(0, -step); break;
      default: return;
    }
    e.preventDefault();
  });
  window.addEventListener('hashchange', function () {
    const lang = state.lang;
    readFragment();
    if (state.lang !== lang) setLanguage(state.lang);
    syncControls();
    update(false);
  });

  // --- start ----------------------------------------------------------------------
  window.lineageExplorer = {
    lastApplyMs: 0,
    select: function (id) { selectWork(index.get(id), false); },
    state: state,
  };
  asOf.min = String(minYear);
  asOf.max = String(maxYear);
  // No dates, no time to move through; one language, nothing to switch.
  asOf.closest('.field').hidden = !years.length;
  data.languages.forEach(function (lang) {
    const o = el('option', lang === 'zh' ? '中文' : 'English');
    o.value = lang;
    langSelect.appendChild(o);
  });
  langSelect.closest('.field').hidden = data.languages.length < 2;
  setupDiagrams();
  bindDiagram();
  readFragment();
  setLanguage(state.lang);
  update(false);
  if (state.select >= 0) reveal(state.select);
})();
