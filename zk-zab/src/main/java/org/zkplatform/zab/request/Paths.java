package org.zkplatform.zab.request;

/** ZooKeeper's path rules (PathUtils.validatePath). */
public final class Paths {

    private Paths() {
    }

    /** Whether {@code path} is a valid znode path. */
    public static boolean isValid(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        int length = path.length();
        if (length == 1) {
            return true;
        }
        if (path.charAt(length - 1) == '/') {
            return false;
        }
        char last = '/';
        for (int i = 1; i < length; last = path.charAt(i), i++) {
            char c = path.charAt(i);
            if (c == 0) {
                return false;
            } else if (c == '/' && last == '/') {
                return false;
            } else if (c == '.' && last == '.') {
                if (path.charAt(i - 2) == '/' && (i + 1 == length || path.charAt(i + 1) == '/')) {
                    return false;
                }
            } else if (c == '.') {
                if (path.charAt(i - 1) == '/' && (i + 1 == length || path.charAt(i + 1) == '/')) {
                    return false;
                }
            } else if (c > '\u0000' && c <= '\u001f' || c >= '\u007f' && c <= '\u009f'
                    || c >= '\ud800' && c <= '\uf8ff' || c >= '\ufff0') {
                return false;
            }
        }
        return true;
    }
}
