package dev.cfsign;

/**
 * One CloudFront cookie ({@code CloudFront-Policy}, {@code CloudFront-Signature}, ...). The value is a credential:
 * {@link #toString()} shows only the name.
 *
 * @since 0.1
 */
public final class SignedCookie {
    private final String name;
    private final String value;

    SignedCookie(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** {@code name=value}, as in a {@code Cookie} request header. */
    public String pair() {
        return name + "=" + value;
    }

    @Override
    public String toString() {
        return name + "=<redacted>";
    }
}
