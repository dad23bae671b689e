// The report pages' enhancements. Every page works without this script: the report form then offers the mahalla
// and the address, the public page the list, a report its place in words. With it: photos are made smaller (and lose
// their metadata) before upload, and, when Leaflet is loaded, the maps: picking the point, similar reports nearby, the
// public map with its groups of reports, a report's place. No user text ever goes into HTML: only textContent.
(function () {
  'use strict';

  function format(text, args) {
    return String(text || '').replace(/\{(\d)\}/g, function (_, i) { return args[+i]; });
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  // Photos: scaled to at most 1600 px and re-encoded as JPEG in the browser, which also drops location and camera data.
  function shrinkPhotos(input) {
    if (!window.createImageBitmap || !window.DataTransfer || !window.File || !HTMLCanvasElement.prototype.toBlob) { return; }
    var status = document.getElementById('photos-status');
    var send = document.getElementById('send-report');
    var max = +input.getAttribute('data-max') || 5;
    function shrink(file) {
      return createImageBitmap(file).then(function (bitmap) {
        var scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(bitmap.width * scale));
        canvas.height = Math.max(1, Math.round(bitmap.height * scale));
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        return new Promise(function (resolve) {
          canvas.toBlob(function (blob) {
            resolve(blob ? new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' }) : file);
          }, 'image/jpeg', 0.85);
        });
      }).catch(function () { return file; });
    }
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      if (files.length === 0) { status.textContent = ''; return; }
      if (files.length > max) { status.textContent = input.getAttribute('data-text-too-many'); return; }
      status.textContent = input.getAttribute('data-text-preparing');
      if (send) { send.disabled = true; }
      Promise.all(files.map(shrink)).then(function (shrunk) {
        var list = new DataTransfer();
        shrunk.forEach(function (f) { list.items.add(f); });
        input.files = list.files;
        status.textContent = format(input.getAttribute('data-text-ready'), [shrunk.length]);
      }).then(function () { if (send) { send.disabled = false; } });
    });
  }

  var photos = document.getElementById('photos');
  if (photos) { shrinkPhotos(photos); }

  if (!window.L) { return; }

  // A map with the zoom buttons named in the page's language.
  function makeMap(id, box, options) {
    options.zoomControl = false;
    var map = L.map(id, options);
    if (box.getAttribute('data-text-zoom-in')) {
      L.control.zoom({ zoomInTitle: box.getAttribute('data-text-zoom-in'), zoomOutTitle: box.getAttribute('data-text-zoom-out') }).addTo(map);
    }
    tiles(map, box);
    return map;
  }

  function tiles(map, box) {
    var url = box.getAttribute('data-tile-url');
    if (url) {
      L.tileLayer(url, { maxZoom: 19, attribution: box.getAttribute('data-attribution') || '' }).addTo(map);
    }
  }

  function centreOf(box) {
    return [+box.getAttribute('data-lat'), +box.getAttribute('data-lon')];
  }

  // The report form: a click, a tap, a dragged marker, Enter on the map or the phone's position sets the point.
  function picker(box) {
    var lat = document.getElementById('point-lat');
    var lon = document.getElementById('point-lon');
    var source = document.getElementById('point-source');
    var status = document.getElementById('point-status');
    var clear = document.getElementById('clear-point');
    var locate = document.getElementById('use-location');
    var select = document.getElementById('territoryId');
    var form = document.getElementById('report-form');
    box.hidden = false;
    var map = makeMap('report-map', box, { center: centreOf(box), zoom: +box.getAttribute('data-zoom') || 13 });
    var marker = null;
    var nearby = similar(form, lat, lon);

    function setPoint(latlng, how, pan) {
      var p = L.latLng(latlng.lat, latlng.lng).wrap();
      lat.value = p.lat.toFixed(6);
      lon.value = p.lng.toFixed(6);
      source.value = how;
      if (marker) {
        marker.setLatLng(p);
      } else {
        marker = L.marker(p, { draggable: true, keyboard: false, alt: '' }).addTo(map);
        marker.on('dragend', function () { setPoint(marker.getLatLng(), 'map', false); });
      }
      if (pan) { map.setView(p, Math.max(map.getZoom(), 17), { animate: false }); }
      status.textContent = format(box.getAttribute('data-text-point'), [lat.value, lon.value]);
      clear.hidden = false;
      nearby();
    }

    function clearPoint() {
      lat.value = lon.value = source.value = '';
      if (marker) { map.removeLayer(marker); marker = null; }
      status.textContent = box.getAttribute('data-text-no-point');
      clear.hidden = true;
      nearby();
    }

    map.on('click', function (e) { setPoint(e.latlng, 'map', false); });
    map.getContainer().addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && e.target === map.getContainer()) {
        e.preventDefault();
        setPoint(map.getCenter(), 'map', false);
      }
    });
    clear.addEventListener('click', clearPoint);
    if (navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener('click', function () {
        status.textContent = box.getAttribute('data-text-locating');
        navigator.geolocation.getCurrentPosition(function (position) {
          setPoint({ lat: position.coords.latitude, lng: position.coords.longitude }, 'device', true);
        }, function () {
          status.textContent = box.getAttribute('data-text-location-failed');
        }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
      });
    }
    // Choosing the mahalla shows it on the map (the point, once set, stays where it is).
    if (select) {
      select.addEventListener('change', function () {
        var option = select.options[select.selectedIndex];
        if (!marker && option && option.getAttribute('data-lat')) {
          map.setView([+option.getAttribute('data-lat'), +option.getAttribute('data-lon')], 17, { animate: false });
        }
      });
    }
    if (lat.value && lon.value) { setPoint({ lat: +lat.value, lng: +lon.value }, source.value || 'map', true); }
  }

  // Open reports of the same category near the point, with "me too" and "follow" buttons in the page's own form.
  function similar(form, lat, lon) {
    var box = document.getElementById('nearby');
    var list = document.getElementById('nearby-list');
    var notice = document.getElementById('nearby-notice');
    var category = form && form.elements.categoryCode;
    var asked = 0;
    if (!box || !list || !category) { return function () {}; }

    function button(name, id, text, describedBy) {
      var b = element('button', 'button secondary', text);
      b.type = 'submit';
      b.name = name;
      b.value = id;
      b.setAttribute('aria-describedby', describedBy);
      return b;
    }

    function show(items) {
      list.textContent = '';
      items.forEach(function (item) {
        var li = element('li');
        var link = element('a', null, item.title);
        link.href = '/reports/' + encodeURIComponent(item.id);
        link.id = 'nearby-' + item.id;
        li.appendChild(link);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(element('span', 'hint', format(box.getAttribute('data-text-distance'), [Math.round(item.distanceMeters)]) + ' · '
          + format(box.getAttribute('data-text-supporters'), [item.supporters])));
        var actions = element('span', 'inline-form');
        actions.appendChild(button('support', item.id, box.getAttribute('data-text-me-too'), link.id));
        actions.appendChild(button('follow', item.id, box.getAttribute('data-text-follow'), link.id));
        li.appendChild(actions);
        list.appendChild(li);
      });
      box.hidden = items.length === 0;
      notice.textContent = items.length ? format(box.getAttribute('data-text-found'), [items.length]) : box.getAttribute('data-text-none');
    }

    return function () {
      var mine = ++asked;
      if (!lat.value || !lon.value) { notice.textContent = ''; return; }
      getJson(box.getAttribute('data-url') + '?categoryCode=' + encodeURIComponent(category.value)
        + '&latitude=' + encodeURIComponent(lat.value) + '&longitude=' + encodeURIComponent(lon.value)).then(function (items) {
        if (mine === asked && items) { show(items); }
      });
    };
  }

  // The public map: reports in view from /api/reports/map; the server groups them when there are many, and points
  // closer than a marker's width are grouped here. A group zooms in when chosen.
  function publicMap(box) {
    box.hidden = false;
    var map = makeMap('reports-map', box, { center: centreOf(box), zoom: +box.getAttribute('data-zoom') || 12 });
    var layer = L.layerGroup().addTo(map);
    var count = document.getElementById('map-count');
    var query = box.getAttribute('data-query');
    var asked = 0;
    var cellPixels = 44;

    function cluster(lat, lon, n, bounds) {
      var size = n < 10 ? 's' : n < 100 ? 'm' : 'l';
      var pixels = size === 's' ? 34 : size === 'm' ? 42 : 50;
      var icon = L.divIcon({ className: 'cluster cluster-' + size, html: '<span>' + Number(n) + '</span>', iconSize: [pixels, pixels] });
      var marker = L.marker([lat, lon], { icon: icon, title: format(box.getAttribute('data-text-cluster'), [n]), alt: '' });
      marker.on('click', function () {
        if (bounds && bounds.isValid() && !bounds.getNorthEast().equals(bounds.getSouthWest())) {
          map.fitBounds(bounds.pad(0.5), { maxZoom: 19 });
        } else {
          map.setView([lat, lon], Math.min(map.getZoom() + 2, 19));
        }
      });
      layer.addLayer(marker);
    }

    function point(p) {
      var icon = L.divIcon({ className: 'pin status-' + p.status, iconSize: [18, 18] });
      var marker = L.marker([p.latitude, p.longitude], { icon: icon, title: p.title, alt: '' });
      var content = element('div');
      var link = element('a', null, p.title);
      link.href = '/reports/' + encodeURIComponent(p.id);
      content.appendChild(link);
      content.appendChild(element('p', null, box.getAttribute('data-status-' + p.status) || p.status));
      marker.bindPopup(content);
      layer.addLayer(marker);
    }

    function groups(points) {
      var cells = {};
      var keys = [];
      points.forEach(function (p) {
        var px = map.project([p.latitude, p.longitude]);
        var key = Math.floor(px.x / cellPixels) + ':' + Math.floor(px.y / cellPixels);
        if (!cells[key]) { cells[key] = []; keys.push(key); }
        cells[key].push(p);
      });
      return keys.map(function (key) { return cells[key]; });
    }

    function draw(data) {
      layer.clearLayers();
      data.clusters.forEach(function (c) { cluster(c.latitude, c.longitude, c.count, null); });
      groups(data.reports).forEach(function (items) {
        if (items.length === 1) { point(items[0]); return; }
        var lat = 0, lon = 0;
        items.forEach(function (p) { lat += p.latitude; lon += p.longitude; });
        cluster(lat / items.length, lon / items.length, items.length,
          L.latLngBounds(items.map(function (p) { return [p.latitude, p.longitude]; })));
      });
      count.textContent = format(box.getAttribute('data-text-count'), [data.total]);
    }

    function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

    function load() {
      var b = map.getBounds();
      var bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
        .map(function (v) { return v.toFixed(6); }).join(',');
      var mine = ++asked;
      getJson(box.getAttribute('data-api') + '?bbox=' + bbox + '&zoom=' + map.getZoom() + (query ? '&' + query : '')).then(function (data) {
        if (mine === asked && data) { draw(data); }
      });
    }

    map.on('moveend', load);
    load();
  }

  // One report's place: a small map that only shows.
  function placeMap(box) {
    box.hidden = false;
    var map = makeMap('report-view-map', box, {
      center: centreOf(box), zoom: 17, dragging: false, touchZoom: false, scrollWheelZoom: false, doubleClickZoom: false,
      boxZoom: false, keyboard: false,
    });
    L.marker(centreOf(box), { keyboard: false, interactive: false, alt: '' }).addTo(map);
  }

  var box = document.getElementById('map-picker');
  if (box) { picker(box); }
  box = document.getElementById('reports-map-box');
  if (box) { publicMap(box); }
  box = document.getElementById('report-view');
  if (box) { placeMap(box); }
})();
