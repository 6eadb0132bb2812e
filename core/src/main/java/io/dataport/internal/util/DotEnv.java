package io.dataport.internal.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One variable of the twelve-factor habit: the process environment first, then a {@code .env} file in a
 * directory ({@code NAME=value} lines; {@code export NAME=value}; {@code #} comments; values optionally in single
 * or double quotes), which never overrides the environment. Values never appear in messages.
 */
public final class DotEnv {
    /** The file looked for. */
    public static final String FILE = ".env";

    private DotEnv() {
    }

    /**
     * The variable's value: from {@code environment} when set and not blank, else from {@code dir/.env}.
     *
     * @param name        the variable
     * @param environment the process environment
     * @param dir         the directory of the {@code .env} file
     * @return the value, or empty
     * @throws IllegalArgumentException for a line of the file that defines the variable but cannot be read (the
     *                                  message gives the line's number, never its value)
     */
    public static Optional<String> lookup(String name, Map<String, String> environment, Path dir) {
        String set = environment.get(name);
        if (set != null && !set.isBlank()) {
            return Optional.of(set.strip());
        }
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        String found = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq < 0 || !line.substring(0, eq).strip().equals(name)) {
                continue;
            }
            found = unquote(line.substring(eq + 1).strip(), file, i + 1, name);
        }
        return found == null || found.isBlank() ? Optional.empty() : Optional.of(found);
    }

    private static String unquote(String value, Path file, int line, String name) {
        if (value.startsWith("\"") || value.startsWith("'")) {
            char quote = value.charAt(0);
            int end = value.indexOf(quote, 1);
            if (end < 0) {
                throw new IllegalArgumentException(file.toAbsolutePath() + " line " + line + ": the value of " + name
                        + " opens a quote (" + quote + ") it does not close. Close it, or write the value without "
                        + "quotes.");
            }
            return value.substring(1, end);
        }
        int comment = value.indexOf(" #");
        return (comment < 0 ? value : value.substring(0, comment)).strip();
    }
}
