package io.homeward.fileshare.internal;

import java.io.IOException;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.homeward.kit.html.Html;

/**
 * The shared directory as the HTTP server sees it: a request path resolves to a file or directory inside it or to
 * nothing. No path leaves the directory: {@code ..} segments, encoded slashes, NUL and backslashes are refused, and
 * a symbolic link is followed only when its target is inside the directory too.
 */
final class SharedFiles {
    /** A directory listing shows at most this many entries, so a huge directory makes no huge page. */
    static final int MAX_LISTED = 1000;

    private final Path root;

    SharedFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * The file or directory a request target names, or empty when it is outside the share, malformed, absent or
     * not readable.
     */
    Optional<Path> resolve(String target) throws IOException {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (path.contains("%2f") || path.contains("%2F") || path.contains("%5c") || path.contains("%5C")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Path resolved = root;
        for (String segment : decoded.split("/")) {
            if (segment.equals("..") || segment.indexOf('\0') >= 0 || segment.indexOf('\\') >= 0) {
                return Optional.empty();
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                resolved = resolved.resolve(segment);
            }
        }
        if (!Files.isReadable(resolved)) {
            return Optional.empty();
        }
        Path real = resolved.toRealPath();
        return real.startsWith(root.toRealPath()) && Files.isReadable(real) ? Optional.of(real) : Optional.empty();
    }

    /** The path of a file relative to the share, with a leading slash, for logs and listings. */
    String shareName(Path file) throws IOException {
        String relative = root.toRealPath().relativize(file).toString().replace('\\', '/');
        return "/" + relative;
    }

    /** A simple HTML page listing the directory's entries, sorted, each escaped and linked. */
    String listing(Path directory) throws IOException {
        String name = shareName(directory);
        List<String> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            children.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "")).sorted()
                    .limit(MAX_LISTED).forEach(entries::add);
        }
        StringBuilder html = new StringBuilder(256 + entries.size() * 64);
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(Html.escape(name))
                .append("</title></head><body><h1>").append(Html.escape(name)).append("</h1><ul>\n");
        if (!name.equals("/")) {
            html.append("<li><a href=\"../\">../</a></li>\n");
        }
        for (String entry : entries) {
            html.append("<li><a href=\"").append(Html.escape(encode(entry))).append("\">").append(Html.escape(entry))
                    .append("</a></li>\n");
        }
        return html.append("</ul></body></html>\n").toString();
    }

    /** The media type by the file name's extension; octets when unknown. */
    static String contentType(Path file) {
        String guessed = URLConnection.guessContentTypeFromName(file.getFileName().toString());
        if (guessed == null) {
            return "application/octet-stream";
        }
        return guessed.startsWith("text/") ? guessed + "; charset=utf-8" : guessed;
    }

    /** A relative link to an entry: every octet but unreserved ones and the trailing slash percent-encoded. */
    private static String encode(String entry) {
        StringBuilder s = new StringBuilder();
        byte[] octets = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < octets.length; i++) {
            int b = octets[i] & 0xff;
            boolean trailingSlash = b == '/' && i == octets.length - 1;
            if (trailingSlash || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
                    || "-._~".indexOf(b) >= 0) {
                s.append((char) b);
            } else {
                s.append('%').append(String.format("%02X", b));
            }
        }
        return s.toString();
    }
}
