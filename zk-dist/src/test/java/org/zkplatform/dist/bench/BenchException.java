package org.zkplatform.dist.bench;

/** A benchmark that cannot go on (a server that does not start, a setup that fails): reported, then exit 1. */
final class BenchException extends Exception {

    private static final long serialVersionUID = 1L;

    BenchException(String message) {
        super(message);
    }
}
