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
})();
