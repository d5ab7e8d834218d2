package io.homeward.launcher;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much log the data directory keeps: {@code homeward.log} is renamed {@code homeward.1.log} once it reaches
 * {@code fileBytes} (the older ones move up by one), and at most {@code files} files are kept, so the log never
 * takes more than about {@code files × fileBytes} of the disk the journal needs.
 *
 * @param fileBytes size at which the current file is rolled over
 * @param files     files kept, the current one included
 */
record LogRotation(long fileBytes, int files) {
    static final LogRotation DEFAULT = new LogRotation(10L << 20, 5);
    static final int MIN_FILES = 2;
    /** The most logback's fixed window renames (20 rolled files). */
    static final int MAX_FILES = 21;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(kb|mb|gb)", Pattern.CASE_INSENSITIVE);

    LogRotation withFileSize(String value) throws UsageException {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException("--log-file-size must be a size such as 512KB, 10MB or 1GB, not '" + value + "'");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> 10;
            case "mb" -> 20;
            default -> 30;
        };
        return new LogRotation(Long.parseLong(m.group(1)) << shift, files);
    }

    LogRotation withFiles(String value) throws UsageException {
        try {
            int count = Integer.parseInt(value);
            if (count >= MIN_FILES && count <= MAX_FILES) {
                return new LogRotation(fileBytes, count);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--log-files must be a number from " + MIN_FILES + " to " + MAX_FILES + ", not '"
                + value + "'");
    }
}
