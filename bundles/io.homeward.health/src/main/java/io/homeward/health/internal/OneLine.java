package io.homeward.health.internal;

/** Failure texts as pages show them: the first line, never a stack trace. */
final class OneLine {
    private OneLine() {
    }

    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end).strip();
    }
}
