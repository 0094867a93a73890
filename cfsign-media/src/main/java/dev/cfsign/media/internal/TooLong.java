package dev.cfsign.media.internal;

import java.io.IOException;

/** A line, tag or text run over the rewriters' bound; the public layer turns it into its typed error. */
public final class TooLong extends IOException {
    private static final long serialVersionUID = 1L;

    TooLong(int max) {
        super("longer than " + max + " characters");
    }
}
