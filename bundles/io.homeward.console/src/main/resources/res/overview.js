// A Homeward page's live part (#homeward-live, see LivePart and LiveEvents). The server pushes it as server-sent
// events (<label>.events) whenever it renders differently; where the console streams to too many tabs already or the
// browser has no EventSource, it is fetched again (<label>.live) every few seconds while the page is visible. The
// server renders and escapes it. It is put in place only when it differs from what is shown (both as the browser
// serialises them), so a button in it stays the same element until then. The URLs are built on the page's origin,
// which carries no login even when the address bar does (the Fetch standard refuses URLs with credentials).
// data-transport says which way the page is kept current: events or poll.
(function () {
    'use strict';
    var live = document.getElementById('homeward-live');
    if (!live) {
        return;
    }
    var source = new URL(live.getAttribute('data-source'), window.location.origin).href;
    var period = 3000;

    function show(html) {
        var next = document.createElement('div');
        next.innerHTML = html;
        if (next.innerHTML.trim() !== live.innerHTML.trim()) {
            live.innerHTML = next.innerHTML;
        }
        live.removeAttribute('data-stale');
    }

    function stale(reason) {
        if (!live.hasAttribute('data-stale')) {
            live.setAttribute('data-stale', 'Not updated since ' + new Date().toLocaleTimeString() + ': ' + reason);
        }
    }

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
        }).then(show).catch(function (error) {
            stale(error.message);
        }).then(schedule);
    }

    function poll() {
        live.setAttribute('data-transport', 'poll');
        schedule();
    }

    if (typeof window.EventSource !== 'function') {
        poll();
        return;
    }
    var stream = new window.EventSource(source.replace(/\.live$/, '.events'));
    stream.onopen = function () {
        live.setAttribute('data-transport', 'events');
    };
    stream.onmessage = function (event) {
        show(event.data);
    };
    stream.onerror = function () {
        if (stream.readyState === window.EventSource.CLOSED) {
            poll();
            return;
        }
        // An ended stream (its lifetime) reconnects within a second; only a longer gap is worth a word.
        window.setTimeout(function () {
            if (stream.readyState !== window.EventSource.OPEN) {
                stale('reconnecting to the console');
            }
        }, 5000);
    };
}());
