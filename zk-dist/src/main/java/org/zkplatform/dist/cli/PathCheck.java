package org.zkplatform.dist.cli;

/**
 * Checks a znode path before it is sent, with the rules and messages of Apache ZooKeeper's
 * client ({@code PathUtils.validatePath}), so that a typo gets zkCli's explanation rather than
 * the server's bare "bad arguments".
 */
final class PathCheck {

    private PathCheck() {
    }

    /**
     * @param sequential whether the server appends a number, which makes a trailing {@code /} valid
     * @throws CliException if the path is not valid
     */
    static String validate(String path, boolean sequential) throws CliException {
        String problem = problem(sequential ? path + "1" : path);
        if (problem != null) {
            throw CliException.usage(problem);
        }
        return path;
    }

    /** What is wrong with {@code path}, or null. */
    private static String problem(String path) {
        if (path.isEmpty()) {
            return "Path length must be > 0";
        }
        if (path.charAt(0) != '/') {
            return "Path must start with / character";
        }
        if (path.length() == 1) {
            return null;
        }
        if (path.charAt(path.length() - 1) == '/') {
            return "Path must not end with / character";
        }
        String reason = null;
        char last = '/';
        for (int i = 1; i < path.length() && reason == null; last = path.charAt(i), i++) {
            char c = path.charAt(i);
            boolean endsSegment = i + 1 == path.length() || path.charAt(i + 1) == '/';
            if (c == 0) {
                reason = "null character not allowed @" + i;
            } else if (c == '/' && last == '/') {
                reason = "empty node name specified @" + i;
            } else if (c == '.' && last == '.') {
                if (path.charAt(i - 2) == '/' && endsSegment) {
                    reason = "relative paths not allowed @" + i;
                }
            } else if (c == '.') {
                if (last == '/' && endsSegment) {
                    reason = "relative paths not allowed @" + i;
                }
            } else if (c <= '\u001f' || c >= '\u007f' && c <= '\u009F' || c >= '\ud800' && c <= '\uf8ff' || c >= '\ufff0') {
                reason = "invalid character @" + i;
            }
        }
        return reason == null ? null : "Invalid path string \"" + path + "\" caused by " + reason;
    }
}
