// Tell the server the visitor's time zone so event times are shown in it (see
// portal/middleware.py). Pages work without this; they then show UTC.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  // Zone names are letters, digits and / _ + - : safe in a cookie as they are.
  if (!zone || !/^[A-Za-z0-9\/_+-]+$/.test(zone)) return;
  var current = document.cookie.match(/(?:^|;\s*)tz=([^;]*)/);
  if (current && current[1] === zone) return;
  var secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie =
    "tz=" + zone + "; path=/; max-age=31536000; samesite=lax" + secure;
  // This page was written before the server knew the zone (a first visit, or a new place): if
  // it shows times, offer to show it again in the browser's zone. A reload is the reader's
  // choice, not ours: on a slow connection a second page costs.
  var offer = document.querySelector(".time-zone-offer");
  if (!offer || offer.getAttribute("data-shown-zone") === zone) return;
  var claims = document.querySelectorAll(".time-zone-claim");
  if (!claims.length && !document.querySelector(".tz-name, .event-time, .event-visitor-time")) {
    return;
  }
  // Only if the browser kept the cookie: without it the page would come back the same.
  if (document.cookie.indexOf("tz=" + zone) === -1) return;
  offer.hidden = false;
  // "Times are shown in your time zone (UTC)" is not true of this visitor: the offer says it.
  Array.prototype.forEach.call(claims, function (claim) { claim.hidden = true; });
})();
