// The overview's live part: fetched again from the server, which renders and escapes it, every few seconds while
// the page is visible (a console plugin holds no request open; see OverviewPage). The URL is built on the page's
// origin, which carries no login even when the address bar does (the Fetch standard refuses URLs with credentials).
(function () {
    'use strict';
    var live = document.getElementById('homeward-live');
    if (!live) {
        return;
    }
    var source = new URL(live.getAttribute('data-source'), window.location.origin).href;
    var period = 3000;

    function schedule() {
        window.setTimeout(refresh, period);
    }

    function refresh() {
        if (document.visibilityState === 'hidden') {
            schedule();
            return;
        }
        window.fetch(source, {credentials: 'same-origin', cache: 'no-store'}).then(function (response) {
            if (!response.ok) {
                throw new Error('the console answered ' + response.status);
            }
            return response.text();
        }).then(function (html) {
            live.innerHTML = html;
            live.removeAttribute('data-stale');
        }).catch(function (error) {
            live.setAttribute('data-stale', 'Not updated since ' + new Date().toLocaleTimeString() + ': '
                + error.message);
        }).then(schedule);
    }

    schedule();
}());
