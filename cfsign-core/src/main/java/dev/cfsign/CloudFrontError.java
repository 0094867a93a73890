package dev.cfsign;

/**
 * The error codes CloudFront answers a failed signed request with: HTTP 403 (400 for {@link #BAD_REQUEST}), an XML
 * body, and {@code Content-Type: text/xml}. The 403 messages are CloudFront's, byte for byte.
 *
 * @since 0.1
 */
public enum CloudFrontError {
    /** Signature mismatch, expired, not yet valid, IP or resource mismatch, and every other denial. */
    ACCESS_DENIED("AccessDenied", "Access denied"),
    /** No (or an empty) {@code Key-Pair-Id} / {@code CloudFront-Key-Pair-Id}, including no credentials at all. */
    MISSING_KEY("MissingKey", "Missing Key-Pair-Id query parameter or cookie value"),
    /** The key pair ID is not one of the trusted keys. */
    INVALID_KEY("InvalidKey", "Unknown Key"),
    /** The policy cannot be decoded or is not a valid CloudFront policy. */
    MALFORMED_POLICY("MalformedPolicy", "Malformed Policy"),
    /** The signature is not valid CloudFront base64. */
    MALFORMED_SIGNATURE("MalformedSignature", "Could not unencode Signature"),
    /**
     * A request no signature can be checked for: a path with a dot segment. Status 400, answered before any
     * signature check (docs/cloudfront-rules.md §3). Since 0.2.
     */
    BAD_REQUEST("BadRequest", "Bad Request", 400);

    private final String code;
    private final String message;
    private final String xmlBody;
    private final int httpStatus;

    CloudFrontError(String code, String message) {
        this(code, message, 403);
    }

    CloudFrontError(String code, String message, int httpStatus) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.message = message;
        this.xmlBody = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
    }

    /** CloudFront's {@code <Code>}, e.g. {@code AccessDenied}. */
    public String code() {
        return code;
    }

    /** CloudFront's {@code <Message>}, e.g. {@code Access denied}. */
    public String message() {
        return message;
    }

    /** The whole response body CloudFront sends. */
    public String xmlBody() {
        return xmlBody;
    }

    /** 403, or 400 for {@link #BAD_REQUEST}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@code text/xml}. */
    public String contentType() {
        return "text/xml";
    }
}
