package io.dataport.internal.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into its statements at the semicolons that end them: not those inside {@code '...'}
 * strings, {@code "..."} identifiers, {@code --} and (nested) {@code /* *}{@code /} comments, PostgreSQL's
 * dollar quotes ({@code $$...$$}, {@code $body$...$body$}), or the {@code BEGIN ... END} body of a
 * {@code CREATE TRIGGER} (SQLite's trigger bodies hold statements of their own). Statements are trimmed and
 * start with their SQL (comments before it are dropped); those holding only comments are dropped.
 */
public final class ScriptSplitter {
    private ScriptSplitter() {
    }

    /** The statements of {@code script}, in order, without their terminating semicolons. */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean content = false;
        int depth = 0;
        String words = "";
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            int end;
            boolean comment = false;
            if (c == '\'' || c == '"') {
                end = closing(script, i + 1, c);
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                comment = true;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                end = blockCommentEnd(script, i);
                comment = true;
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                end = close < 0 ? n : close + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                end = i;
                while (end < n && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
                    end++;
                }
                String word = script.substring(i, end).toUpperCase(Locale.ROOT);
                if (words.length() < 40) {
                    words = words + word + " ";
                }
                if (isTrigger(words)) {
                    if (word.equals("BEGIN") || word.equals("CASE")) {
                        depth++;
                    } else if (word.equals("END") && depth > 0) {
                        depth--;
                    }
                }
            } else if (c == ';' && depth == 0) {
                if (content) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                content = false;
                words = "";
                i++;
                continue;
            } else {
                end = i + 1;
            }
            if (!comment && !Character.isWhitespace(c)) {
                content = true;
            }
            if (content) {
                // Comments and blanks before a statement are dropped: it starts with its SQL.
                current.append(script, i, end);
            }
            i = end;
        }
        if (content) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static boolean isTrigger(String words) {
        return words.startsWith("CREATE TRIGGER ") || words.startsWith("CREATE TEMP TRIGGER ")
                || words.startsWith("CREATE TEMPORARY TRIGGER ");
    }

    /** The index after the quote closing one opened before {@code from}; a doubled quote is part of the text. */
    private static int closing(String s, int from, char quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** The index after a block comment starting at {@code from}; PostgreSQL nests them. */
    private static int blockCommentEnd(String s, int from) {
        int depth = 0;
        int i = from;
        while (i < s.length() - 1) {
            if (s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** The dollar-quote tag ({@code $$}, {@code $name$}) starting at {@code from}, or null (a {@code $1} is none). */
    private static String dollarTag(String s, int from) {
        if (from > 0 && (Character.isLetterOrDigit(s.charAt(from - 1)) || s.charAt(from - 1) == '_')) {
            return null;
        }
        int i = from + 1;
        if (i < s.length() && Character.isDigit(s.charAt(i))) {
            return null;
        }
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '$' ? s.substring(from, i + 1) : null;
    }
}
