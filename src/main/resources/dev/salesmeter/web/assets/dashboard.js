/*
 * Salesmeter's dashboard: draws each figure's chart from its JSON (/dashboard/charts/...) with
 * ECharts, and on a wall screen (?tv) shows one figure at a time. Served from the jar under a
 * strict Content-Security-Policy: no inline code, no eval; data comes from fetches and data-
 * attributes only.
 */
(function () {
  'use strict';

  var SLIDE_SECONDS = 10;
  var charts = [];

  function formatters(data) {
    var number = new Intl.NumberFormat(data.locale || 'en', { maximumFractionDigits: 1 });
    var money = new Intl.NumberFormat(data.locale || 'en', {
      style: 'currency',
      currency: data.currency || 'EUR',
      notation: 'compact',
      maximumFractionDigits: 1
    });
    return function (value) {
      if (data.unit === 'money') {
        return money.format(value);
      }
      if (data.unit === 'percent') {
        return number.format(value) + '%';
      }
      return number.format(value);
    };
  }

  /**
   * A series' colour as a class (dashboard.css has one per colour of the palette): ECharts' own
   * markers carry style attributes, which the Content-Security-Policy refuses.
   */
  function swatch(colour) {
    return '<span class="swatch swatch-' + String(colour).replace('#', '').toLowerCase() + '"></span>';
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** The tooltip of a chart over categories: the category, then each series' value as written. */
  function categoryTooltip(data) {
    return function (params) {
      var list = Array.isArray(params) ? params : [params];
      if (list.length === 0) {
        return '';
      }
      var index = list[0].dataIndex;
      var lines = [escapeHtml(data.categories[index])];
      list.forEach(function (p) {
        var series = data.series[p.seriesIndex];
        var label = series.labels ? series.labels[index] : p.value;
        if (label !== '' && label !== null && label !== undefined) {
          lines.push(swatch(series.colour) + escapeHtml(series.name) + ': <b>' + escapeHtml(label) + '</b>');
        }
      });
      return lines.join('<br>');
    };
  }

  function pointTooltip(data) {
    return function (p) {
      var series = data.series[p.seriesIndex];
      var point = series.points && series.points[p.dataIndex];
      if (!point) {
        return '';
      }
      var title = point.name ? escapeHtml(point.name) + '<br>' : '';
      return title + swatch(series.colour) + escapeHtml(series.name) + ': <b>' + escapeHtml(point.label) + '</b>';
    };
  }

  function markLine(data) {
    if (!data.markers || data.markers.length === 0) {
      return undefined;
    }
    return {
      silent: true,
      symbol: 'none',
      data: data.markers.map(function (m) {
        var line = m.axis === 'x' ? { xAxis: m.value } : { yAxis: m.value };
        line.name = m.name;
        line.lineStyle = { color: m.colour, type: 'dashed', width: 2 };
        line.label = { formatter: m.name, color: '#1F2933', position: m.axis === 'x' ? 'end' : 'insideEndTop' };
        return line;
      })
    };
  }

  function option(data) {
    var format = formatters(data);
    var valueAxis = { type: 'value', axisLabel: { formatter: format }, splitLine: { lineStyle: { color: '#E4E7EB' } } };
    var base = {
      animation: false,
      textStyle: { fontFamily: 'inherit', color: '#1F2933' },
      grid: { left: 8, right: 28, top: 44, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, data: data.series.map(function (s) { return s.name; }) },
      tooltip: {}
    };
    var categoryAxis = { type: 'category', data: data.categories, axisTick: { show: false } };
    if (data.type === 'bar' || data.type === 'hbar') {
      base.tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: categoryTooltip(data) };
      if (data.type === 'hbar') {
        categoryAxis.inverse = true;
        base.xAxis = valueAxis;
        base.yAxis = categoryAxis;
      } else {
        categoryAxis.axisLabel = { interval: 0, hideOverlap: true };
        base.xAxis = categoryAxis;
        base.yAxis = valueAxis;
      }
      base.series = data.series.map(function (s) {
        return { type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.colour }, barMaxWidth: 48 };
      });
      return base;
    }
    if (data.type === 'line' && data.categories && data.categories.length > 0) {
      base.tooltip = { trigger: 'axis', formatter: categoryTooltip(data) };
      categoryAxis.boundaryGap = false;
      base.xAxis = categoryAxis;
      base.yAxis = valueAxis;
      base.series = data.series.map(function (s, i) {
        return {
          type: 'line', name: s.name, data: s.values, showSymbol: false, connectNulls: false,
          lineStyle: { color: s.colour, width: i === 0 ? 4 : 3, type: i === 0 ? 'solid' : 'dashed' },
          itemStyle: { color: s.colour }
        };
      });
      return base;
    }
    // Lines over numbers (lifetime value) and scatters (order value): each series has points.
    base.tooltip = { trigger: 'item', formatter: pointTooltip(data) };
    // Room on the right for the names written beside the points.
    base.xAxis = { type: 'value', name: data.xName || '', nameLocation: 'middle', nameGap: 28, min: 0,
      boundaryGap: ['0%', '15%'], splitLine: { lineStyle: { color: '#E4E7EB' } } };
    base.yAxis = valueAxis;
    if (data.yName) {
      base.yAxis.name = data.yName;
    }
    base.grid.bottom = 32;
    base.series = data.series.map(function (s) {
      var points = (s.points || []).map(function (p) { return [p.x, p.y]; });
      if (data.type === 'scatter') {
        return {
          type: 'scatter', name: s.name, data: points, symbolSize: 14, itemStyle: { color: s.colour },
          label: { show: true, position: 'right', color: '#1F2933', formatter: function (p) { return s.points[p.dataIndex].name; } }
        };
      }
      return { type: 'line', name: s.name, data: points, showSymbol: true, symbolSize: 8,
        lineStyle: { color: s.colour, width: 4 }, itemStyle: { color: s.colour } };
    });
    if (base.series.length > 0) {
      base.series[0].markLine = markLine(data);
    }
    return base;
  }

  function draw(element) {
    if (element.dataset.drawn) {
      return;
    }
    element.dataset.drawn = 'yes';
    fetch(element.dataset.chart, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (data.type === 'none' || !data.series) {
          element.remove();
          return;
        }
        if (data.type === 'hbar' && !document.body.classList.contains('tv')) {
          // A row per name, so that every name can be read.
          element.style.height = Math.max(260, 70 + data.categories.length * 34) + 'px';
        }
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        chart.setOption(option(data));
        charts.push(chart);
      })
      .catch(function () {
        element.textContent = element.dataset.failed || '';
        element.classList.add('failed');
      });
  }

  function resizeAll() {
    charts.forEach(function (chart) {
      chart.resize();
    });
  }

  /** TV mode: one slide at a time; where it was is kept across the page's refresh each minute. */
  function cycle() {
    var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
    if (slides.length === 0) {
      return;
    }
    document.body.classList.add('cycling');
    var stored = parseInt(window.sessionStorage.getItem('salesmeter.slide') || '0', 10);
    var index = isNaN(stored) ? 0 : stored % slides.length;
    function show() {
      slides.forEach(function (slide, i) {
        slide.classList.toggle('current', i === index);
      });
      var chart = slides[index].querySelector('.chart[data-chart]');
      if (chart) {
        draw(chart);
      }
      resizeAll();
      window.sessionStorage.setItem('salesmeter.slide', String(index));
    }
    show();
    window.setInterval(function () {
      index = (index + 1) % slides.length;
      show();
    }, SLIDE_SECONDS * 1000);
  }

  function start() {
    if (document.body.classList.contains('tv')) {
      cycle();
    } else {
      Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart]'), draw);
    }
    window.addEventListener('resize', resizeAll);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
