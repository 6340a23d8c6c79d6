package org.ferryftp.ui.search;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns what the user typed into a name pattern: a glob ({@code *}, {@code ?}, {@code [abc]}, {@code {a,b}}) or a
 * regular expression, matched against whole names without regard to case. Hand-written rather than
 * {@code FileSystem.getPathMatcher("glob:")}: that one matches local paths, and a remote name need not be a valid
 * local path (e.g. ':' on Windows).
 */
public final class NamePatterns {

    private NamePatterns() {
    }

    /** @throws IllegalArgumentException with a one-line reason when the text is not a valid pattern */
    public static Pattern compile(String text, boolean regex) {
        String t = text == null || text.isBlank() ? "*" : text.strip();
        try {
            return Pattern.compile(regex ? t : globToRegex(t), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " near position " + e.getIndex(), e);
        }
    }

    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inClass = false;
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    re.append(']');
                } else if (c == '\\' || c == '[' || c == '&' || c == '^' && re.charAt(re.length() - 1) != '[') {
                    re.append('\\').append(c);
                } else if (c == '!' && re.charAt(re.length() - 1) == '[') {
                    re.append('^');
                } else {
                    re.append(c);
                }
                continue;
            }
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    if (glob.indexOf(']', i + 1) < 0) {
                        re.append("\\[");
                    } else {
                        inClass = true;
                        re.append('[');
                    }
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new IllegalArgumentException("unclosed '{' in " + glob);
        }
        return re.toString();
    }
}
