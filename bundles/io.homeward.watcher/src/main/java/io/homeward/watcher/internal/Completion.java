package io.homeward.watcher.internal;

/** The outcome of an asynchronous network step, delivered on the logic thread. */
interface Completion<T> {
    void succeeded(T value);

    void failed(Exception reason);
}
