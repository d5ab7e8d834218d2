package io.homeward.kit.html;

/** Escapes text for HTML element content and quoted attribute values (the five characters that can change markup). */
public final class Html {
    private Html() {
    }

    /** The escaped {@code String.valueOf(value)}, so a null shows as "null". */
    public static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
