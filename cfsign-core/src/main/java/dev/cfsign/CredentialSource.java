package dev.cfsign;

/**
 * Where the signing parameters of a request were found. Signed-URL parameters take precedence; cookies are read
 * only when the URL carries none.
 *
 * @since 0.1
 */
public enum CredentialSource {
    /** Query parameters {@code Expires}/{@code Policy}, {@code Signature}, {@code Key-Pair-Id}, {@code Hash-Algorithm}. */
    URL,
    /** Cookies {@code CloudFront-Expires}/{@code CloudFront-Policy}, {@code CloudFront-Signature}, ... */
    COOKIES
}
