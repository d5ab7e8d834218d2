
/* Homeward console guard: stopping or uninstalling a bundle asks first (BundleActionConfirmation). */
(function () {
    var change = changeDataEntryState;
    var asks = {
        stop: 'Stop bundle "{0}"? Whatever it provides stops at once: a Homeward bundle\'s capability goes away until it is started again.',
        uninstall: 'Uninstall bundle "{0}"? It is removed from this runtime; getting it back means installing it again.'
    };
    changeDataEntryState = function (id, action) {
        if (asks[action]) {
            var name = $('#entry' + id + ' td:eq(1)').text() || ('#' + id);
            if (!confirm(asks[action].replace('{0}', $.trim(name)))) {
                return false;
            }
        }
        return change(id, action);
    };
})();
