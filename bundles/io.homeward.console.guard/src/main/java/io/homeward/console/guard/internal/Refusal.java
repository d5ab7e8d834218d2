package io.homeward.console.guard.internal;

/** Why the guard refused a state-changing console request. */
enum Refusal {
    CROSS_ORIGIN("sent by a page of another origin (or with neither Origin nor Referer)"),
    NO_TOKEN("sent without this login's console token (the homeward-guard cookie the console's pages set)");

    private final String text;

    Refusal(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
