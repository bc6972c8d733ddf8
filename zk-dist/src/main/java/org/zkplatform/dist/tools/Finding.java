package org.zkplatform.dist.tools;

/**
 * What a check found about one file.
 *
 * @param text the report's words for it
 * @param damaged whether it is damage
 */
record Finding(String text, boolean damaged) {

    static Finding sound(String text) {
        return new Finding(text, false);
    }

    static Finding damage(String text) {
        return new Finding(text, true);
    }
}
