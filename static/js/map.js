/*
 * Maps of cities and city-to-city pilot links.
 *
 * Every element with a data-geojson-url attribute becomes a map of that GeoJSON (a Point per city
 * with {name, slug, url, clusters: [{slug, colour}]}, a LineString per pilot link with
 * {title, slug, url, roles}). With Leaflet on the page (the /map/ page loads it) the map pans and
 * zooms, with tiles only when data-tile-url is set; without Leaflet (the home page keeps its first
 * visit light) a small static SVG map is drawn instead. Either way nothing is fetched from another
 * host unless a tile URL was configured, and the server-rendered tables stay as the text
 * alternative.
 *
 * No inline script anywhere: configuration comes from data- attributes.
 */
(function () {
  "use strict";

  var DEFAULT_COLOUR = "#4f5b66";
  var LINK_COLOUR = "#0b3d6e";
  var HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

  function cityColour(feature) {
    var clusters = (feature.properties && feature.properties.clusters) || [];
    var colour = clusters.length ? clusters[0].colour : "";
    return HEX_COLOUR.test(colour || "") ? colour : DEFAULT_COLOUR;
  }

  function isLine(feature) {
    return feature.geometry && feature.geometry.type === "LineString";
  }

  function sortedFeatures(data) {
    // Lines first, so the city dots are drawn on top of them.
    var features = (data && data.features) || [];
    return features.filter(isLine).concat(features.filter(function (f) { return !isLine(f); }));
  }

  function withCluster(url, slug) {
    var parsed = new URL(url, window.location.href);
    if (slug) {
      parsed.searchParams.set("cluster", slug);
    } else {
      parsed.searchParams.delete("cluster");
    }
    return parsed.pathname + parsed.search;
  }

  function fetchGeoJSON(url) {
    return fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/geo+json, application/json" },
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("GeoJSON request failed with status " + response.status);
      }
      return response.json();
    });
  }

  function featureLabel(feature) {
    var props = feature.properties || {};
    return isLine(feature) ? props.title || "" : props.name || "";
  }

  function cityNames(data) {
    var names = {};
    ((data && data.features) || []).forEach(function (feature) {
      if (!isLine(feature) && feature.properties) {
        names[feature.properties.slug] = feature.properties.name;
      }
    });
    return names;
  }

  function linkRoles(feature, names) {
    var props = feature.properties || {};
    var ends = [props.from_city, props.to_city].filter(Boolean);
    if (ends.length) {
      return ends.map(function (end) {
        return (names[end.slug] || end.slug) + " (" + end.role + ")";
      }).join(" — ");
    }
    if (props.roles) {
      return Object.keys(props.roles).map(function (city) {
        return city + " (" + props.roles[city] + ")";
      }).join(" — ");
    }
    return "";
  }

  // Text goes in through textContent only: names come from editors, never trusted as HTML.
  function popupContent(feature, names) {
    var props = feature.properties || {};
    var wrapper = document.createElement("div");
    var heading = document.createElement(props.url ? "a" : "strong");
    heading.textContent = featureLabel(feature);
    if (props.url) {
      heading.href = props.url;
    }
    wrapper.appendChild(heading);
    var roles = isLine(feature) ? linkRoles(feature, names) : "";
    if (roles) {
      var line = document.createElement("p");
      line.textContent = roles;
      wrapper.appendChild(line);
    }
    return wrapper;
  }

  function leafletRenderer(canvas, element) {
    var tileUrl = element.dataset.tileUrl || "";
    var map = window.L.map(canvas, {
      attributionControl: Boolean(tileUrl),
      worldCopyJump: true,
      zoomSnap: 0.25,
    });
    if (tileUrl) {
      window.L.tileLayer(tileUrl, {
        attribution: element.dataset.tileAttribution || "",
        maxZoom: 18,
      }).addTo(map);
    } else {
      canvas.classList.add("map-plain");
    }
    map.setView([15, 40], 2);
    var layer = null;
    return function show(data) {
      if (layer) {
        layer.remove();
      }
      var names = cityNames(data);
      layer = window.L.geoJSON({ type: "FeatureCollection", features: sortedFeatures(data) }, {
        // GeoJSON applies `style` to points too; only lines take the link style.
        style: function (feature) {
          if (!isLine(feature)) {
            return {};
          }
          return {
            color: LINK_COLOUR,
            weight: 3,
            opacity: 0.85,
            dashArray: "6 4",
            className: "map-pilot-link",
          };
        },
        pointToLayer: function (feature, latlng) {
          return window.L.circleMarker(latlng, {
            radius: 7,
            color: "#ffffff",
            weight: 2,
            fillColor: cityColour(feature),
            fillOpacity: 1,
            className: "map-city",
          });
        },
        onEachFeature: function (feature, featureLayer) {
          featureLayer.bindTooltip(featureLabel(feature));
          featureLayer.bindPopup(popupContent(feature, names));
        },
      }).addTo(map);
      var bounds = layer.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
      }
    };
  }

  var SVG_NS = "http://www.w3.org/2000/svg";

  function svgElement(name, attributes) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attributes).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    return node;
  }

  // An equirectangular sketch: enough to see where cities are and which ones work together.
  function svgRenderer(element, label) {
    return function show(data) {
      var features = sortedFeatures(data);
      var names = cityNames(data);
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
        x: minX, y: minY, width: width, height: height, fill: "#eef3f7",
      }));
      for (var lon = -180; lon <= 180; lon += 30) {
        svg.appendChild(svgElement("line", {
          x1: lon + 180, y1: 0, x2: lon + 180, y2: 180,
          stroke: "#d5dee7", "stroke-width": 0.3 * scale,
        }));
      }
      for (var lat = -60; lat <= 60; lat += 30) {
        svg.appendChild(svgElement("line", {
          x1: 0, y1: 90 - lat, x2: 360, y2: 90 - lat,
          stroke: "#d5dee7", "stroke-width": 0.3 * scale,
        }));
      }
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
          shape = svgElement("circle", {
            cx: point[0] + 180,
            cy: 90 - point[1],
            r: 1.1 * scale,
            fill: cityColour(feature),
            stroke: "#ffffff",
            "stroke-width": 0.35 * scale,
            class: "map-city",
          });
        }
        var title = svgElement("title", {});
        var roles = isLine(feature) ? linkRoles(feature, names) : "";
        title.textContent = featureLabel(feature) + (roles ? ": " + roles : "");
        shape.appendChild(title);
        svg.appendChild(shape);
      });
      element.replaceChildren(svg);
    };
  }

  function announce(element, data) {
    var status = element.dataset.statusId && document.getElementById(element.dataset.statusId);
    if (!status) {
      return;
    }
    var features = (data && data.features) || [];
    var links = features.filter(isLine).length;
    status.textContent = (features.length - links) + " " + (element.dataset.labelCities || "cities")
      + " · " + links + " " + (element.dataset.labelLinks || "pilot links");
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

  function initialise(element) {
    element.hidden = false;
    // Draw in a child of its own, so a server-rendered list inside the element stays readable.
    var canvas = document.createElement("div");
    canvas.className = "map-canvas";
    element.insertBefore(canvas, element.firstChild);
    if (window.L) {
      canvas.style.height = element.dataset.height || "28rem";
    }
    var show = window.L ? leafletRenderer(canvas, element) : svgRenderer(canvas, element.getAttribute("aria-label") || "");
    var load = function (url, options) {
      element.setAttribute("aria-busy", "true");
      return fetchGeoJSON(url)
        .then(function (data) {
          show(data);
          announce(element, data);
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

  function connectFilter(form, element, load) {
    var select = form.querySelector("select[name=cluster]");
    if (!select) {
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
      var load = initialise(element);
      document.querySelectorAll('form[data-map-filter="' + element.id + '"]').forEach(
        function (form) { connectFilter(form, element, load); }
      );
    });
    document.querySelectorAll(".map-swatch[data-colour]").forEach(function (swatch) {
      if (HEX_COLOUR.test(swatch.dataset.colour)) {
        // Set from script rather than a style attribute, which a strict CSP would refuse.
        swatch.style.backgroundColor = swatch.dataset.colour;
        swatch.style.display = "inline-block";
        swatch.style.width = "0.9em";
        swatch.style.height = "0.9em";
        swatch.style.borderRadius = "50%";
        swatch.style.marginInlineEnd = "0.4em";
        swatch.style.verticalAlign = "middle";
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
