/*
 * Maps of cities and city-to-city pilot links, on a world drawn from Natural Earth.
 *
 * Two kinds of element become maps:
 *   - [data-geojson-url]: the /map/ page; the features come from the map API (a Point per city
 *     with {name, slug, url, country_name, clusters: [{slug, name, colour, url}], pilots: [{slug,
 *     title, url, role_label}]}, a LineString per pilot link with {title, slug, url, from_city,
 *     to_city}). A ?cluster=<slug> in that URL (or chosen in the page's filter) draws only that
 *     cluster's cities, in its colour.
 *   - [data-map-features]: the small maps of a city or pilot page; the features are in the page,
 *     in the JSON script element whose id the attribute names.
 *
 * With Leaflet on the page the map pans and zooms over the countries of data-countries-url
 * (world-atlas TopoJSON, turned into GeoJSON by topojson-client): land on a sea-coloured
 * background, so no tile server is needed. data-tile-url adds tiles on top of the countries, which
 * stay visible wherever a tile is missing. Without Leaflet a static SVG sketch is drawn instead.
 * Nothing is fetched from another host unless a tile URL was configured, and the page's own text
 * (the tables of /map/, the lists of a city or pilot page) stays the text alternative.
 *
 * No inline script and no style attribute anywhere: configuration comes from data- attributes,
 * data from JSON script elements, and popup text goes into the DOM through textContent only.
 */
(function () {
  "use strict";

  var DEFAULT_COLOUR = "#4f5b66";
  var LINK_COLOUR = "#0b3d6e";
  var LAND_COLOUR = "#fbfaf6";
  var BORDER_COLOUR = "#a9b4bf";
  var HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

  function safeColour(colour) {
    return HEX_COLOUR.test(colour || "") ? colour : DEFAULT_COLOUR;
  }

  function isLine(feature) {
    return feature.geometry && feature.geometry.type === "LineString";
  }

  function clustersOf(feature) {
    return (feature.properties && feature.properties.clusters) || [];
  }

  // Whether a city belongs to the chosen cluster; every city does when none is chosen.
  function isMember(feature, clusterSlug) {
    return !clusterSlug || clustersOf(feature).some(function (c) { return c.slug === clusterSlug; });
  }

  // A city takes the colour of the chosen cluster, else of its first cluster (or the colour its
  // map gave it: a pilot's cities take the pilot's).
  function cityColour(feature, clusterSlug) {
    var clusters = clustersOf(feature);
    var chosen = clusterSlug
      ? clusters.filter(function (c) { return c.slug === clusterSlug; })[0]
      : clusters[0];
    return safeColour(chosen ? chosen.colour : feature.properties && feature.properties.colour);
  }

  function sortedFeatures(data) {
    // Lines first, so the city dots are drawn on top of them.
    var features = (data && data.features) || [];
    return features.filter(isLine).concat(features.filter(function (f) { return !isLine(f); }));
  }

  // The cluster first, then the other parameters (the API's ?lang=) as they were.
  function withCluster(url, slug) {
    var parsed = new URL(url, window.location.href);
    var params = new URLSearchParams();
    if (slug) {
      params.set("cluster", slug);
    }
    parsed.searchParams.forEach(function (value, key) {
      if (key !== "cluster") {
        params.append(key, value);
      }
    });
    var query = params.toString();
    return parsed.pathname + (query ? "?" + query : "");
  }

  function clusterOfUrl(url) {
    return new URL(url, window.location.href).searchParams.get("cluster") || "";
  }

  function fetchJSON(url, accept) {
    return fetch(url, {
      credentials: "same-origin",
      headers: { Accept: accept || "application/json" },
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + " answered with status " + response.status);
      }
      return response.json();
    });
  }

  // A ring that crosses the 180th meridian and comes back (Fiji, Chukotka) would be drawn as a
  // band around the whole world: its western points move east of 180 instead. A ring that
  // crosses once goes round a pole (Antarctica) and is drawn as it is.
  function unwrapRing(ring) {
    var jumps = 0;
    for (var i = 1; i < ring.length; i += 1) {
      if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) {
        jumps += 1;
      }
    }
    if (jumps && jumps % 2 === 0) {
      ring.forEach(function (point) {
        if (point[0] < 0) {
          point[0] += 360;
        }
      });
    }
  }

  // Antarctica has no member city, and Web Mercator would draw it larger than Africa.
  var ANTARCTICA = "010";

  function unwrapCountries(collection) {
    collection.features = collection.features.filter(function (country) {
      return country.id !== ANTARCTICA;
    });
    collection.features.forEach(function (country) {
      var geometry = country.geometry;
      if (!geometry) {
        return;
      }
      var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      polygons.forEach(function (rings) { rings.forEach(unwrapRing); });
    });
    return collection;
  }

  // The countries are the same on every map of a page: fetched once, converted once.
  var countryRequests = {};

  function loadCountries(url) {
    if (!url || !window.topojson) {
      return Promise.resolve(null);
    }
    if (!countryRequests[url]) {
      countryRequests[url] = fetchJSON(url).then(function (topology) {
        return unwrapCountries(window.topojson.feature(topology, topology.objects.countries));
      });
    }
    return countryRequests[url];
  }

  function featureLabel(feature) {
    var props = feature.properties || {};
    return isLine(feature) ? props.title || "" : props.name || "";
  }

  function cityIndex(data) {
    var cities = {};
    ((data && data.features) || []).forEach(function (feature) {
      if (!isLine(feature) && feature.properties) {
        cities[feature.properties.slug] = feature.properties;
      }
    });
    return cities;
  }

  function linkRoles(feature, cities) {
    var props = feature.properties || {};
    var ends = [props.from_city, props.to_city].filter(Boolean);
    return ends.map(function (end) {
      var city = cities[end.slug] || {};
      var pilot = (city.pilots || []).filter(function (p) { return p.slug === props.slug; })[0];
      return (city.name || end.slug) + " (" + ((pilot && pilot.role_label) || end.role) + ")";
    }).join(" — ");
  }

  // --- Popups: DOM nodes with textContent only (names come from editors, never trusted as HTML).

  function node(name, className, text) {
    var element = document.createElement(name);
    if (className) {
      element.className = className;
    }
    if (text) {
      element.textContent = text;
    }
    return element;
  }

  // Names and titles are isolated (dir="auto"), so an English title keeps its shape in an Arabic
  // sentence and the other way round.
  function linkOrText(text, url) {
    var element = node(url ? "a" : "span", "", text);
    element.dir = "auto";
    if (url) {
      element.href = url;
    }
    return element;
  }

  function swatch(colour) {
    var mark = node("span", "map-swatch");
    mark.setAttribute("aria-hidden", "true");
    // Through the CSSOM, which the Content-Security-Policy allows (a style attribute it would not).
    mark.style.backgroundColor = safeColour(colour);
    return mark;
  }

  function popupList(label, items) {
    var section = document.createDocumentFragment();
    section.appendChild(node("p", "map-popup-label", label));
    var list = node("ul", "map-popup-list");
    items.forEach(function (item) { list.appendChild(item); });
    section.appendChild(list);
    return section;
  }

  function cityPopup(feature, labels) {
    var props = feature.properties || {};
    var wrapper = node("div", "map-popup");
    var title = node("p", "map-popup-title");
    title.appendChild(linkOrText(props.name || "", props.url));
    wrapper.appendChild(title);
    var facts = [props.country_name, props.role_label].filter(Boolean).join(" · ");
    if (facts) {
      wrapper.appendChild(node("p", "map-popup-facts", facts));
    }
    var clusters = props.clusters || [];
    if (clusters.length) {
      wrapper.appendChild(popupList(labels.clusters, clusters.map(function (cluster) {
        var item = node("li");
        item.appendChild(swatch(cluster.colour));
        item.appendChild(linkOrText(cluster.name || cluster.slug, cluster.url));
        return item;
      })));
    }
    var pilots = props.pilots || [];
    if (pilots.length) {
      wrapper.appendChild(popupList(labels.pilots, pilots.map(function (pilot) {
        var item = node("li");
        item.appendChild(linkOrText(pilot.title, pilot.url));
        if (pilot.role_label) {
          item.appendChild(document.createTextNode(" (" + pilot.role_label + ")"));
        }
        return item;
      })));
    }
    return wrapper;
  }

  function linkPopup(feature, cities) {
    var props = feature.properties || {};
    var wrapper = node("div", "map-popup");
    var title = node("p", "map-popup-title");
    title.appendChild(linkOrText(featureLabel(feature), props.url));
    wrapper.appendChild(title);
    var roles = linkRoles(feature, cities);
    if (roles) {
      wrapper.appendChild(node("p", "map-popup-facts", roles));
    }
    return wrapper;
  }

  function labelsOf(element) {
    return {
      clusters: element.dataset.labelClusters || "Clusters",
      pilots: element.dataset.labelPilots || "Pilots",
    };
  }

  // --- Leaflet ------------------------------------------------------------------------------

  // Up to this many, every city dot is a tab stop that opens its popup with Enter or Space.
  // Beyond it, tabbing through the dots would take longer than reading the page's own list of
  // the same cities (the tables of /map/), which stays the keyboard's way through.
  var MAX_FOCUSABLE_CITIES = 50;

  function reachableByKeyboard(featureLayer, shape, feature) {
    var props = feature.properties || {};
    shape.setAttribute("tabindex", "0");
    shape.setAttribute("role", "button");
    shape.setAttribute("aria-label", [props.name, props.country_name].filter(Boolean).join(", "));
    shape.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") {
        return;
      }
      event.preventDefault();
      featureLayer.openPopup();
      // Into the popup, so its links come next; back to the dot when it closes (Escape).
      var popup = featureLayer.getPopup().getElement();
      var firstLink = popup && popup.querySelector(".leaflet-popup-content a");
      if (firstLink) {
        firstLink.focus();
        featureLayer.once("popupclose", function () { shape.focus(); });
      }
    });
  }

  var WORLD = [[-60, -180], [84, 180]];

  // A dot's radius at a zoom: smaller while the whole South is in view (zoom under 2, a phone's
  // map), where dots of full size hid half of the others, full size once zoomed in.
  function dotRadius(fullRadius, zoom) {
    if (zoom < 1) {
      return Math.max(3, Math.round(fullRadius * 0.55));
    }
    if (zoom < 2) {
      return Math.max(3, Math.round(fullRadius * 0.75));
    }
    return fullRadius;
  }

  function leafletRenderer(canvas, element) {
    var L = window.L;
    var tileUrl = element.dataset.tileUrl || "";
    var isSmall = element.hasAttribute("data-map-features");
    var map = L.map(canvas, {
      attributionControl: Boolean(tileUrl),
      zoomControl: false,
      zoomSnap: 0.25,
      minZoom: 0,
      maxZoom: 12,
      // A small map in the flow of a page must not catch the scroll wheel or a one-finger swipe.
      scrollWheelZoom: !isSmall,
      dragging: !(isSmall && L.Browser.mobile),
    });
    var rtl = document.documentElement.dir === "rtl";
    L.control.zoom({
      position: rtl ? "topright" : "topleft",
      zoomInTitle: element.dataset.labelZoomIn || "Zoom in",
      zoomOutTitle: element.dataset.labelZoomOut || "Zoom out",
    }).addTo(map);
    // Below the tiles (z-index 200), so a configured tile layer covers them where it loads. The
    // renderer joins the map at once, so the countries follow every move even when they arrive
    // in the middle of one.
    map.createPane("countries").style.zIndex = 150;
    var countryRenderer = L.svg({ pane: "countries" }).addTo(map);
    if (tileUrl) {
      L.tileLayer(tileUrl, {
        attribution: element.dataset.tileAttribution || "",
        maxZoom: 18,
      }).addTo(map);
    }
    map.fitBounds(WORLD);
    // Leaflet closes a popup on Escape only while the map itself has the focus; a link inside
    // the popup should close it too.
    canvas.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        map.closePopup();
      }
    });
    loadCountries(element.dataset.countriesUrl).then(function (countries) {
      if (!countries) {
        return;
      }
      L.geoJSON(countries, {
        pane: "countries",
        renderer: countryRenderer,
        interactive: false,
        style: {
          color: BORDER_COLOUR,
          weight: 0.6,
          fillColor: LAND_COLOUR,
          fillOpacity: 1,
          className: "map-country",
        },
      }).addTo(map);
    }).catch(function (error) {
      // The cities still show without the countries: a warning, not a failure.
      if (window.console) {
        window.console.warn(error);
      }
    });

    var layer = null;
    var labels = labelsOf(element);
    function resizeDots() {
      if (!layer) {
        return;
      }
      var zoom = map.getZoom();
      layer.eachLayer(function (shape) {
        if (shape.options.fullRadius) {
          shape.setRadius(dotRadius(shape.options.fullRadius, zoom));
        }
      });
    }
    map.on("zoomend", resizeDots);
    return function show(data, clusterSlug) {
      if (layer) {
        layer.remove();
      }
      var cities = cityIndex(data);
      var cityCount = Object.keys(cities).length;
      layer = L.geoJSON({ type: "FeatureCollection", features: sortedFeatures(data) }, {
        // GeoJSON applies `style` to points too; only lines take the link style.
        style: function (feature) {
          if (!isLine(feature)) {
            return {};
          }
          return {
            color: LINK_COLOUR,
            weight: isSmall ? 3 : 2.5,
            opacity: 0.85,
            dashArray: "6 4",
            className: "map-pilot-link",
          };
        },
        pointToLayer: function (feature, latlng) {
          if (!isMember(feature, clusterSlug)) {
            // The other end of one of the cluster's pilots: an outline, in no cluster's colour.
            return L.circleMarker(latlng, {
              radius: dotRadius(5, map.getZoom()),
              fullRadius: 5,
              color: DEFAULT_COLOUR,
              weight: 2,
              fillColor: "#ffffff",
              fillOpacity: 1,
              className: "map-pilot-partner",
            });
          }
          return L.circleMarker(latlng, {
            radius: dotRadius(isSmall ? 8 : 7, map.getZoom()),
            fullRadius: isSmall ? 8 : 7,
            color: "#ffffff",
            weight: 2,
            fillColor: cityColour(feature, clusterSlug),
            fillOpacity: 1,
            className: "map-city",
          });
        },
        onEachFeature: function (feature, featureLayer) {
          featureLayer.on("add", function () {
            var shape = featureLayer.getElement && featureLayer.getElement();
            if (!shape) {
              return;
            }
            // Which city or pilot a shape stands for, for scripts and tests to find it by.
            shape.setAttribute("data-slug", (feature.properties && feature.properties.slug) || "");
            if (!isLine(feature) && cityCount <= MAX_FOCUSABLE_CITIES) {
              reachableByKeyboard(featureLayer, shape, feature);
            } else {
              // Chromium puts every SVG shape with focus listeners (Leaflet's tooltips add
              // them) in the tab order: keep lines, and dots beyond the limit, out of it.
              shape.setAttribute("tabindex", "-1");
            }
          });
          featureLayer.bindTooltip(featureLabel(feature));
          featureLayer.bindPopup(
            isLine(feature) ? linkPopup(feature, cities) : cityPopup(feature, labels),
            // Taller than the map, a popup would be cut: its list scrolls instead.
            {
              maxHeight: Math.max(100, canvas.clientHeight - 140),
              // Clear of the zoom buttons in the top corner.
              autoPanPaddingTopLeft: [10, 80],
              autoPanPaddingBottomRight: [10, 10],
            }
          );
        },
      }).addTo(map);
      var bounds = layer.getBounds();
      if (bounds.isValid()) {
        var zoom = Number(element.dataset.zoom) || 6;
        // On a phone, 40 px on each side took a fifth of the map's width from the cities.
        var padding = canvas.clientWidth < 600 ? 12 : 40;
        if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
          map.setView(bounds.getCenter(), zoom, { animate: false });
        } else {
          map.fitBounds(bounds, { padding: [padding, padding], maxZoom: zoom, animate: false });
        }
      }
      resizeDots();
    };
  }

  // --- SVG sketch (no Leaflet) --------------------------------------------------------------

  var SVG_NS = "http://www.w3.org/2000/svg";

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG_NS, name);
    Object.keys(attributes).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    return element;
  }

  // Equirectangular: x = longitude + 180, y = 90 - latitude.
  function ringPath(ring) {
    return "M" + ring.map(function (p) {
      return (p[0] + 180).toFixed(2) + "," + (90 - p[1]).toFixed(2);
    }).join("L") + "Z";
  }

  function countryPath(geometry) {
    if (!geometry) {
      return "";
    }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polygons.map(function (rings) { return rings.map(ringPath).join(""); }).join("");
  }

  // Enough to see where cities are and which ones work together.
  function svgRenderer(canvas, element) {
    var label = element.getAttribute("aria-label") || "";
    var countries = null;
    var lastDraw = null;
    loadCountries(element.dataset.countriesUrl).then(function (loaded) {
      countries = loaded;
      if (lastDraw) {
        lastDraw();
      }
    }).catch(function (error) {
      if (window.console) {
        window.console.warn(error);
      }
    });
    return function show(data, clusterSlug) {
      lastDraw = function () { draw(data, clusterSlug); };
      lastDraw();
    };

    function draw(data, clusterSlug) {
      var features = sortedFeatures(data);
      var cities = cityIndex(data);
      var xs = [];
      var ys = [];
      features.forEach(function (feature) {
        var coordinates = isLine(feature)
          ? feature.geometry.coordinates
          : [feature.geometry.coordinates];
        coordinates.forEach(function (point) {
          xs.push(point[0] + 180);
          ys.push(90 - point[1]);
        });
      });
      var pad = 12;
      var minX = xs.length ? Math.max(0, Math.min.apply(null, xs) - pad) : 0;
      var maxX = xs.length ? Math.min(360, Math.max.apply(null, xs) + pad) : 360;
      var minY = ys.length ? Math.max(0, Math.min.apply(null, ys) - pad) : 0;
      var maxY = ys.length ? Math.min(180, Math.max.apply(null, ys) + pad) : 180;
      var width = maxX - minX;
      var height = Math.max(maxY - minY, width / 2.5);
      var scale = width / 120;
      // Unlabelled, the drawing is decoration beside the element's own list of cities.
      var naming = label ? { role: "img", "aria-label": label } : { "aria-hidden": "true" };
      var svg = svgElement("svg", Object.assign(naming, {
        viewBox: [minX, minY, width, height].join(" "),
        class: "map-svg",
        width: "100%",
        preserveAspectRatio: "xMidYMid meet",
      }));
      svg.appendChild(svgElement("rect", {
        x: minX, y: minY, width: width, height: height, class: "map-sea",
      }));
      ((countries && countries.features) || []).forEach(function (country) {
        svg.appendChild(svgElement("path", {
          d: countryPath(country.geometry),
          fill: LAND_COLOUR,
          stroke: BORDER_COLOUR,
          "stroke-width": 0.15 * scale,
          class: "map-country",
        }));
      });
      features.forEach(function (feature) {
        var shape;
        if (isLine(feature)) {
          shape = svgElement("polyline", {
            points: feature.geometry.coordinates
              .map(function (p) { return (p[0] + 180) + "," + (90 - p[1]); })
              .join(" "),
            fill: "none",
            stroke: LINK_COLOUR,
            "stroke-width": 0.45 * scale,
            "stroke-dasharray": 2 * scale + " " + 1.2 * scale,
            class: "map-pilot-link",
          });
        } else {
          var point = feature.geometry.coordinates;
          var member = isMember(feature, clusterSlug);
          shape = svgElement("circle", {
            cx: point[0] + 180,
            cy: 90 - point[1],
            r: (member ? 1.1 : 0.8) * scale,
            fill: member ? cityColour(feature, clusterSlug) : "#ffffff",
            stroke: member ? "#ffffff" : DEFAULT_COLOUR,
            "stroke-width": 0.35 * scale,
            class: member ? "map-city" : "map-pilot-partner",
          });
        }
        var title = svgElement("title", {});
        var roles = isLine(feature) ? linkRoles(feature, cities) : "";
        title.textContent = featureLabel(feature) + (roles ? ": " + roles : "");
        shape.appendChild(title);
        svg.appendChild(shape);
      });
      canvas.replaceChildren(svg);
    }
  }

  // --- Page wiring --------------------------------------------------------------------------

  function announce(element, data, clusterSlug) {
    var status = element.dataset.statusId && document.getElementById(element.dataset.statusId);
    if (!status) {
      return;
    }
    var features = (data && data.features) || [];
    var links = features.filter(isLine).length;
    var cities = features.filter(function (f) {
      return !isLine(f) && isMember(f, clusterSlug);
    }).length;
    // "Cities: {count}", translated whole: each language places the number and its colon.
    function counted(label, fallback, count) {
      return (label || fallback).replace("{count}", String(count));
    }
    status.textContent = counted(element.dataset.labelCities, "Cities: {count}", cities)
      + " · " + counted(element.dataset.labelLinks, "Pilot links: {count}", links);
  }

  // Keep the server-rendered tables in step with what the map shows after a client-side filter.
  function syncTables(element, data) {
    var tables = element.dataset.tablesId && document.getElementById(element.dataset.tablesId);
    if (!tables) {
      return;
    }
    var cities = {};
    var pilots = {};
    ((data && data.features) || []).forEach(function (feature) {
      var slug = feature.properties && feature.properties.slug;
      (isLine(feature) ? pilots : cities)[slug] = true;
    });
    tables.querySelectorAll("tr[data-city-slug]").forEach(function (row) {
      row.hidden = !cities[row.dataset.citySlug];
    });
    tables.querySelectorAll("tr[data-pilot-slug]").forEach(function (row) {
      row.hidden = !pilots[row.dataset.pilotSlug];
    });
  }

  function fail(element, error) {
    var canvas = element.querySelector(".map-canvas");
    if (canvas) {
      canvas.remove();
    }
    var status = element.dataset.statusId && document.getElementById(element.dataset.statusId);
    if (status && element.dataset.labelError) {
      status.textContent = element.dataset.labelError;
    }
    if (window.console) {
      window.console.warn(error);
    }
  }

  function createRenderer(element) {
    element.hidden = false;
    // Draw in a child of its own, so a server-rendered list inside the element stays readable.
    var canvas = document.createElement("div");
    canvas.className = "map-canvas";
    element.insertBefore(canvas, element.firstChild);
    if (window.L) {
      return leafletRenderer(canvas, element);
    }
    return svgRenderer(canvas, element);
  }

  function initialiseFetched(element) {
    var show = createRenderer(element);
    var load = function (url, options) {
      var clusterSlug = clusterOfUrl(url);
      element.setAttribute("aria-busy", "true");
      return fetchJSON(url, "application/geo+json, application/json")
        .then(function (data) {
          show(data, clusterSlug);
          announce(element, data, clusterSlug);
          if (options && options.syncTables) {
            syncTables(element, data);
          }
        })
        .catch(function (error) { fail(element, error); })
        .finally(function () { element.removeAttribute("aria-busy"); });
    };
    load(element.dataset.geojsonUrl);
    return load;
  }

  function initialiseEmbedded(element) {
    var source = document.getElementById(element.dataset.mapFeatures);
    if (!source) {
      return;
    }
    try {
      var data = JSON.parse(source.textContent);
      createRenderer(element)(data, "");
    } catch (error) {
      fail(element, error);
    }
  }

  function connectFilter(form, element, load) {
    var select = form.querySelector("select[name=cluster]");
    if (!select) {
      return;
    }
    // Tables that do not hold every city and link (their first rows, or one cluster's) cannot
    // be narrowed or widened here: the form's button asks for the page again.
    var tables = element.dataset.tablesId && document.getElementById(element.dataset.tablesId);
    if (tables && tables.dataset.complete === "false") {
      return;
    }
    var apply = function (event) {
      if (event) {
        event.preventDefault();
      }
      var slug = select.value;
      window.history.replaceState(null, "", withCluster(window.location.href, slug));
      load(withCluster(element.dataset.geojsonUrl, slug), { syncTables: true });
    };
    select.addEventListener("change", apply);
    form.addEventListener("submit", apply);
  }

  function start() {
    document.querySelectorAll("[data-geojson-url]").forEach(function (element) {
      var load = initialiseFetched(element);
      document.querySelectorAll('form[data-map-filter="' + element.id + '"]').forEach(
        function (form) { connectFilter(form, element, load); }
      );
    });
    document.querySelectorAll("[data-map-features]").forEach(initialiseEmbedded);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
