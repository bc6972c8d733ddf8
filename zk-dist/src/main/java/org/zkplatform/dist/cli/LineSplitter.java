package org.zkplatform.dist.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell line into words at whitespace. {@code '...'} quotes literally; {@code "..."}
 * quotes too, with {@code \"} and {@code \\} as its only escapes; {@code ""} is an empty word.
 * Backslashes elsewhere are kept as they are, as zkCli keeps them, so data such as
 * {@code C:\dir} needs no quoting.
 */
final class LineSplitter {

    private LineSplitter() {
    }

    static List<String> split(String line) throws CliException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw CliException.usage("unterminated ' quote");
                }
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the inside of a double-quoted part starting at {@code from}; returns the index after its end. */
    private static int doubleQuoted(String line, int from, StringBuilder word) throws CliException {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw CliException.usage("unterminated \" quote");
    }
}
