// The inspectors' dashboard (issue #28; API.md, "Reports"). It reads the public API only, with the bearer token the
// user pastes (kept in sessionStorage: gone with the tab), exactly as any other caller: what the token's role and
// region allow is what it shows. An inspection reads top-down: the rollup (score, rank, the heat table of children ×
// requirements, the trend), then the follow-up list (督办清单) and its evidence, then the rectifications and the
// reports. Files are fetched with the token and saved from a Blob, since a link cannot carry an Authorization header.
'use strict';
(() => {
  const TOKEN_KEY = 'luoshi.token';
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const PAGE_SIZE = 20;
  const STATUS = {
    COMPLIANT: '已落实', PENDING: '未到期', NON_COMPLIANT: '未落实', NO_DATA: '缺数据', NOT_APPLICABLE: '不适用',
  };
  const REASON = {
    LEVEL: '不属于适用层级', OUTSIDE_ISSUER: '不在发文单位辖区内', NO_THRESHOLD: '无适用的标准值', WAIVED: '已豁免',
    NO_TERM: '无党委任期', NO_FACTS: '缺少数据',
  };
  const MISSING = {
    POPULATION: '人口', UNION_FEES: '工会经费', LEADER: '负责人', ASSESSMENT: '满意度测评', VILLAGES: '村（社区）',
  };
  const RECTIFICATION = { OPEN: '待整改', SUBMITTED: '已提交待核验', VERIFIED: '已核验', REJECTED: '已退回' };
  const OPEN_RECTIFICATIONS = ['OPEN', 'SUBMITTED', 'REJECTED'];
  const COUNTRY = '000000';

  const $ = id => document.getElementById(id);
  const state = { region: null, year: null, page: 0, requirements: [], titles: new Map(), names: new Map(), chart: null };
  state.names.set(COUNTRY, '全国');

  // --- the token -------------------------------------------------------------------------------------------------
  const token = () => sessionStorage.getItem(TOKEN_KEY);

  /** The claims of a JWT, read (not verified: the gateway verifies it) to greet the user and choose a first region. */
  function claims(jwt) {
    const parts = (jwt || '').split('.');
    if (parts.length !== 3) {
      return null;
    }
    try {
      const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), c => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return null;
    }
  }

  const ROLE = { viewer: '查看', assessor: '评估', operator: '操作', admin: '管理' };

  function showSignedIn() {
    const c = claims(token());
    const signedIn = c !== null;
    $('sign-in').hidden = signedIn;
    $('sign-out').hidden = !signedIn;
    $('intro').hidden = signedIn;
    $('board').hidden = !signedIn;
    if (signedIn) {
      const roles = (c.groups || []).map(g => ROLE[g] || g).join('、');
      $('who').textContent = `${c.sub || '用户'}（${roles || '无角色'}，地区 ${c.region || '—'}）`;
    } else {
      $('who').textContent = '未登录';
    }
    return c;
  }

  // --- the sign-in dialog: labelled, modal, focus kept inside, closed by Escape ------------------------------------
  const dialog = $('sign-in-dialog');
  let opener = null;

  function openSignIn(message) {
    opener = document.activeElement;
    $('token-error').textContent = message || '';
    $('token').value = '';
    if (!dialog.open) {
      dialog.showModal();
    }
    $('token').focus();
  }

  function focusables() {
    return [...dialog.querySelectorAll('button, textarea, input, select, [href], [tabindex]:not([tabindex="-1"])')]
      .filter(e => !e.disabled && !e.hidden);
  }

  dialog.addEventListener('keydown', e => {
    if (e.key === 'Tab') {
      const all = focusables();
      const first = all[0];
      const last = all[all.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      dialog.close();
    }
  });
  dialog.addEventListener('close', () => {
    if (opener && typeof opener.focus === 'function' && document.contains(opener) && !opener.hidden) {
      opener.focus();
    } else {
      $('main').focus();
    }
  });
  $('sign-in-cancel').addEventListener('click', () => dialog.close());
  $('sign-in-form').addEventListener('submit', e => {
    e.preventDefault();
    const pasted = $('token').value.trim().replace(/^Bearer\s+/i, '');
    const c = claims(pasted);
    if (c === null) {
      $('token-error').textContent = '这不是一个令牌（JWT 由三段以“.”分隔的 Base64 组成）。';
      return;
    }
    if (typeof c.exp === 'number' && c.exp * 1000 < Date.now()) {
      $('token-error').textContent = '令牌已过期，请重新申请。';
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, pasted);
    opener = null;
    dialog.close();
    start();
  });
  $('sign-in').addEventListener('click', () => openSignIn());
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignedIn();
    $('sign-in').focus();
  });

  // --- the API ---------------------------------------------------------------------------------------------------
  class ApiError extends Error {
  }

  async function call(path, accept) {
    const response = await fetch(path, {
      headers: { Authorization: 'Bearer ' + token(), Accept: accept || 'application/json', 'Accept-Language': 'zh-CN' },
    });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showSignedIn();
      openSignIn('令牌无效或已过期，请重新登录。');
      throw new ApiError('需要重新登录。');
    }
    if (!response.ok) {
      let detail = `${response.status}`;
      try {
        const problem = await response.json();
        detail = [problem.title, problem.detail].filter(Boolean).join('：');
      } catch (e) {
        // not a problem document: the status says enough
      }
      throw new ApiError(detail);
    }
    return response;
  }

  const json = async path => (await call(path)).json();

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== null && v !== undefined && v !== '') {
        q.set(k, v);
      }
    }
    return q.toString();
  }

  /** At most {@code limit} calls at once: a country's 31 provinces are not 31 simultaneous rollups. */
  async function pooled(inputs, limit, task) {
    const results = new Array(inputs.length);
    let next = 0;
    const worker = async () => {
      while (next < inputs.length) {
        const i = next++;
        results[i] = await task(inputs[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
    return results;
  }

  // --- regions ---------------------------------------------------------------------------------------------------
  /** The parent a code must have (RegionCode.parentOf): null for the country. */
  function parentOf(code) {
    if (code === COUNTRY) {
      return null;
    }
    if (code.length === 12) {
      return code.slice(0, 9);
    }
    if (code.length === 9) {
      return code.slice(0, 6);
    }
    if (code.endsWith('0000')) {
      return COUNTRY;
    }
    return code.endsWith('00') ? code.slice(0, 2) + '0000' : code.slice(0, 4) + '00';
  }

  /** Whether {@code code} lies in the subtree of {@code ancestor} (the token's region). */
  function within(ancestor, code) {
    for (let c = code; c !== null; c = parentOf(c)) {
      if (c === ancestor) {
        return true;
      }
    }
    return false;
  }

  const nameOf = code => state.names.get(code) || code;
  const percent = rate => rate === null || rate === undefined ? '—' : `${(Number(rate) * 100).toFixed(1)}%`;
  const titleOf = id => state.titles.get(id) || id;

  function cell(row, text, tag) {
    const c = document.createElement(tag || 'td');
    c.textContent = text === null || text === undefined || text === '' ? '—' : String(text);
    row.appendChild(c);
    return c;
  }

  function say(message, error) {
    $('status').textContent = message;
    $('status').classList.toggle('error', !!error);
  }

  // --- what is shown -----------------------------------------------------------------------------------------------
  function years() {
    const select = $('year');
    const now = new Date().getFullYear();
    for (let y = now; y >= 2016; y--) {
      const o = document.createElement('option');
      o.value = String(y);
      o.textContent = `${y} 年`;
      select.appendChild(o);
    }
  }

  async function catalog() {
    if (state.requirements.length > 0) {
      return;
    }
    const list = await json('/api/v1/requirements');
    state.requirements = list.items.map(r => ({ id: r.id, title: r.titleZh || r.title }));
    const select = $('filter-requirement');
    for (const r of state.requirements) {
      state.titles.set(r.id, r.title);
      const o = document.createElement('option');
      o.value = r.id;
      o.textContent = r.title;
      select.appendChild(o);
    }
  }

  function trail() {
    const top = (claims(token()) || {}).region || COUNTRY;
    const chain = [];
    for (let c = state.region; c !== null; c = parentOf(c)) {
      chain.unshift(c);
      if (c === top) {
        break;
      }
    }
    const list = document.createElement('ol');
    chain.forEach((code, i) => {
      const li = document.createElement('li');
      if (i === chain.length - 1) {
        li.textContent = nameOf(code);
        li.setAttribute('aria-current', 'page');
      } else {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = nameOf(code);
        b.addEventListener('click', () => go(code));
        li.appendChild(b);
      }
      list.appendChild(li);
    });
    $('trail').replaceChildren(list);
    const parent = parentOf(state.region);
    $('up').hidden = parent === null || !within(top, parent);
  }

  function summary(rollup, evaluation, rectifications) {
    $('score').textContent = evaluation.score === null ? '—' : Number(evaluation.score).toFixed(1);
    $('rank').textContent = evaluation.rank === null || evaluation.rank === undefined ? '—'
      : `第 ${evaluation.rank} 名 / 共 ${evaluation.of}`;
    $('rate').textContent = percent(rollup.complianceRate);
    $('non-compliant').textContent = String(rollup.counts.NON_COMPLIANT);
    $('no-data').textContent = String(rollup.counts.NO_DATA);
    $('open-rectifications').textContent = String(rectifications.length);
  }

  /** A light tint from red (0) through yellow to green (1): dark text on it keeps its contrast. */
  function tint(rate) {
    const r = Math.max(0, Math.min(1, Number(rate)));
    return `hsl(${Math.round(r * 120)} ${r > 0.75 ? 60 : 75}% ${r > 0.75 ? 82 : 84}%)`;
  }

  /** The heat table's caption, head and body (put in place by the caller, if its load is still the current one). */
  async function heat(rollup) {
    const children = rollup.children || [];
    children.forEach(c => state.names.set(c.regionCode, c.regionName));
    if (children.length === 0) {
      const caption = document.createElement('caption');
      caption.textContent = `${nameOf(state.region)}没有下级地区。`;
      return [caption];
    }
    const rollups = await pooled(children, 6, child =>
      json(`/api/v1/compliance/${child.regionCode}/rollup?${query({ year: state.year })}`));
    const rates = rollups.map(r => new Map((r.byRequirement || []).map(b => [b.requirementId, b])));
    const shown = state.requirements.filter(req => rates.some(m => m.has(req.id) && m.get(req.id).complianceRate !== null));

    const caption = document.createElement('caption');
    caption.className = 'visually-hidden';
    caption.textContent = `${nameOf(state.region)}各下级地区（列）每项要求（行）的落实率`;
    const head = document.createElement('thead');
    const headRow = head.insertRow();
    cell(headRow, '要求', 'th').scope = 'col';
    for (const child of children) {
      const th = document.createElement('th');
      th.scope = 'col';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'drill';
      b.dataset.region = child.regionCode;
      b.textContent = child.regionName;
      b.title = `进入${child.regionName}（${child.regionCode}）`;
      b.addEventListener('click', () => go(child.regionCode));
      th.appendChild(b);
      headRow.appendChild(th);
    }
    const body = document.createElement('tbody');
    const all = body.insertRow();
    cell(all, '全部要求', 'th').scope = 'row';
    children.forEach(child => paint(cell(all, percent(child.complianceRate)), child.complianceRate, child.counts));
    for (const req of shown) {
      const row = body.insertRow();
      cell(row, req.title, 'th').scope = 'row';
      rates.forEach(m => {
        const b = m.get(req.id);
        paint(cell(row, b ? percent(b.complianceRate) : '—'), b ? b.complianceRate : null, b ? b.counts : null);
      });
    }
    return [caption, head, body];
  }

  function paint(td, rate, counts) {
    if (rate === null || rate === undefined) {
      td.classList.add('na');
      td.textContent = '—';
      td.title = '不适用或无事项';
    } else {
      td.style.backgroundColor = tint(rate);
      if (counts) {
        td.title = Object.entries(STATUS).map(([k, v]) => `${v} ${counts[k] || 0}`).join('，');
      }
    }
  }

  function trend(answer) {
    const points = answer.points || [];
    $('trend-empty').hidden = points.length > 0;
    $('trend').hidden = points.length === 0;
    if (points.length === 0) {
      return;
    }
    if (state.chart === null) {
      state.chart = echarts.init($('trend'), null, { renderer: 'canvas' });
      window.addEventListener('resize', () => state.chart.resize());
    }
    const rate = points.map(p => p.complianceRate === null ? null : Math.round(Number(p.complianceRate) * 1000) / 10);
    const score = points.map(p => p.score === null ? null : Number(p.score));
    state.chart.setOption({
      animation: false,
      color: ['#a61b1b', '#1f5fa8'],
      tooltip: { trigger: 'axis' },
      legend: { data: ['落实率（%）', '综合得分'], textStyle: { color: '#1b1b1b' } },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: points.map(p => p.date), axisLabel: { color: '#1b1b1b' } },
      // from 0, to the next ten above the highest point (at most 100): a low rate's changes stay visible
      yAxis: { type: 'value', min: 0, max: v => Math.min(100, Math.max(10, Math.ceil(v.max / 10) * 10)),
        axisLabel: { color: '#1b1b1b' } },
      series: [
        { name: '落实率（%）', type: 'line', data: rate, connectNulls: true, symbolSize: 8 },
        { name: '综合得分', type: 'line', data: score, connectNulls: true, symbolSize: 8 },
      ],
    }, true);
    state.chart.resize();
    const last = points[points.length - 1];
    $('trend').setAttribute('aria-label', `${nameOf(state.region)} ${state.year} 年的趋势：${points.length} 个快照，`
      + `${last.date} 落实率 ${percent(last.complianceRate)}，综合得分 ${last.score === null ? '—' : last.score}`);
  }

  function evidenceText(item) {
    return (item.evidence || []).map(e => [e.note, e.documentRef].filter(Boolean).join(' ')).filter(Boolean).join('；');
  }

  function reasonText(item) {
    if (!item.reason) {
      return '';
    }
    const missing = item.missing ? `：${MISSING[item.missing] || item.missing}` : '';
    return (REASON[item.reason] || item.reason) + missing;
  }

  function filters() {
    return { status: $('filter-status').value, level: $('filter-level').value, requirementId: $('filter-requirement').value };
  }

  let itemCalls = 0;

  async function items() {
    const mine = ++itemCalls;
    const page = await json(`/api/v1/compliance/${state.region}/items?${query({
      year: state.year, ...filters(), page: state.page, size: PAGE_SIZE })}`);
    if (mine !== itemCalls) {
      return;   // a later filter or page was asked for meanwhile: its answer is the one to show
    }
    const body = $('items').tBodies[0];
    const rows = page.items.map(item => {
      state.names.set(item.regionCode, item.regionName);
      const tr = document.createElement('tr');
      tr.dataset.status = item.status;
      cell(tr, `${item.regionName}（${item.regionCode}）`).className = 'nowrap';
      cell(tr, item.title || titleOf(item.requirementId)).className = 'title';
      cell(tr, STATUS[item.status] || item.status).className = 'nowrap status-' + item.status;
      cell(tr, item.expected);
      cell(tr, item.actual);
      cell(tr, item.dueDate).className = 'nowrap';
      cell(tr, evidenceText(item));
      cell(tr, reasonText(item)).className = 'reason';
      cell(tr, item.rectification
        ? `${RECTIFICATION[item.rectification.status] || item.rectification.status}，${item.rectification.dueDate} 前` : '');
      return tr;
    });
    if (rows.length === 0) {
      const tr = document.createElement('tr');
      const td = cell(tr, '没有符合条件的事项。');
      td.colSpan = 9;
      rows.push(tr);
    }
    body.replaceChildren(...rows);
    $('items').dataset.shown = [state.region, state.year, filters().status, filters().level, filters().requirementId,
      state.page].join('/');
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    $('items-count').textContent = `共 ${page.total} 条事项` + (page.incomplete && page.incomplete.length
      ? `（${page.incomplete.join('、')} 未应答，不完整）` : '');
    $('items-page').textContent = `第 ${state.page + 1} / ${pages} 页`;
    $('items-previous').disabled = state.page === 0;
    $('items-next').disabled = state.page + 1 >= pages;
  }

  async function openRectifications() {
    const lists = await Promise.all(OPEN_RECTIFICATIONS.map(status =>
      json(`/api/v1/rectifications?${query({ regionCode: state.region, status, year: state.year, size: 100 })}`)));
    return lists.flatMap(l => l.items).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }

  function rectificationRows(list) {
    const body = $('rectifications').tBodies[0];
    const rows = list.map(r => {
      const tr = document.createElement('tr');
      cell(tr, `${nameOf(r.regionCode)}（${r.regionCode}）`).className = 'nowrap';
      cell(tr, titleOf(r.requirementId)).className = 'title';
      cell(tr, RECTIFICATION[r.status] || r.status).className = 'nowrap';
      cell(tr, r.dueDate).className = 'nowrap';
      cell(tr, r.description);
      cell(tr, [r.expected, r.actual].map(v => v === null || v === undefined ? '—' : v).join(' / '));
      return tr;
    });
    if (rows.length === 0) {
      const tr = document.createElement('tr');
      cell(tr, '没有在办的整改。').colSpan = 6;
      rows.push(tr);
    }
    body.replaceChildren(...rows);
  }

  // --- loading a region and year --------------------------------------------------------------------------------
  let loading = 0;

  async function load() {
    const mine = ++loading;
    say(`正在加载 ${nameOf(state.region)} ${state.year} 年……`);
    document.body.setAttribute('aria-busy', 'true');
    document.body.dataset.loaded = '';
    try {
      await catalog();
      const y = query({ year: state.year });
      const [rollup, evaluation, trendAnswer, rectifications] = await Promise.all([
        json(`/api/v1/compliance/${state.region}/rollup?${y}`),
        json(`/api/v1/evaluation/${state.region}?${y}`),
        json(`/api/v1/compliance/${state.region}/trend?${y}`),
        openRectifications(),
      ]);
      if (mine !== loading) {
        return;
      }
      state.names.set(state.region, rollup.regionName);
      trail();
      summary(rollup, evaluation, rectifications);
      trend(trendAnswer);
      const [table] = await Promise.all([heat(rollup), items()]);
      if (mine !== loading) {
        return;
      }
      $('heat').replaceChildren(...table);
      rectificationRows(rectifications);
      const missing = [...new Set([...rollup.incomplete, ...evaluation.incomplete])];
      say(`${rollup.regionName}（${state.region}）${state.year} 年` + (missing.length
        ? `：${missing.join('、')} 未应答，数据不完整。` : ''), missing.length > 0);
      document.body.dataset.loaded = `${state.region}/${state.year}`;
    } catch (e) {
      say(`加载失败：${e.message}`, true);
    } finally {
      if (mine === loading) {
        document.body.removeAttribute('aria-busy');
      }
    }
  }

  function go(code) {
    $('region').value = code;
    state.region = code;
    state.page = 0;
    history.replaceState(null, '', `#${code}/${state.year}`);
    load().then(() => $('heat-title').scrollIntoView({ block: 'nearest' }));
  }

  $('chooser').addEventListener('submit', e => {
    e.preventDefault();
    const code = $('region').value.trim();
    if (!/^([0-9]{6}|[0-9]{9}|[0-9]{12})$/.test(code)) {
      say('地区代码为 6、9 或 12 位数字，如 330600。', true);
      $('region').focus();
      return;
    }
    state.year = Number($('year').value);
    go(code);
  });
  $('up').addEventListener('click', () => go(parentOf(state.region)));
  $('filters').addEventListener('change', () => {
    state.page = 0;
    items().catch(e => say(`加载失败：${e.message}`, true));
  });
  $('items-previous').addEventListener('click', () => {
    state.page = Math.max(0, state.page - 1);
    items().catch(e => say(`加载失败：${e.message}`, true));
  });
  $('items-next').addEventListener('click', () => {
    state.page += 1;
    items().catch(e => say(`加载失败：${e.message}`, true));
  });

  // --- files: fetched with the token, saved from a Blob -------------------------------------------------------------
  const DOWNLOADS = {
    'items-csv': () => [`/api/v1/compliance/${state.region}/items?${query({ year: state.year, ...filters() })}`, 'text/csv'],
    'items-xlsx': () => [`/api/v1/compliance/${state.region}/items?${query({ year: state.year, ...filters() })}`, XLSX],
    'report-xlsx': () => [`/api/v1/compliance/${state.region}/report?${query({ year: state.year })}`, XLSX],
    'report-pdf': () => [`/api/v1/compliance/${state.region}/report?${query({ year: state.year })}`, 'application/pdf'],
  };

  async function download(button) {
    const [path, accept] = DOWNLOADS[button.dataset.download]();
    button.disabled = true;
    say(`正在生成“${button.textContent}”……`);
    try {
      const response = await call(path, accept);
      const disposition = response.headers.get('Content-Disposition') || '';
      const name = (/filename="?([^";]+)"?/.exec(disposition) || [])[1] || button.dataset.download;
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      const incomplete = response.headers.get('Luoshi-Incomplete');
      say(`已下载 ${name}` + (incomplete ? `（${incomplete} 未应答，不完整）` : ''), !!incomplete);
    } catch (e) {
      say(`下载失败：${e.message}`, true);
    } finally {
      button.disabled = false;
    }
  }

  document.querySelectorAll('[data-download]').forEach(b => b.addEventListener('click', () => download(b)));

  // --- start -------------------------------------------------------------------------------------------------------
  function start() {
    const c = showSignedIn();
    if (c === null) {
      return;
    }
    const [code, year] = location.hash.slice(1).split('/');
    state.region = /^[0-9]{6,12}$/.test(code || '') ? code : (c.region || COUNTRY);
    state.year = Number(year) || Number($('year').value);
    $('region').value = state.region;
    $('year').value = String(state.year);
    load();
  }

  years();
  start();
})();
