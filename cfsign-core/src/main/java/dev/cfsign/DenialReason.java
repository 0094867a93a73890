package dev.cfsign;

/**
 * Why a signed request was denied, more precisely than CloudFront says it. {@link #code()} gives the code CloudFront
 * itself answers with, so an edge emulator can return the same body.
 *
 * @since 0.1
 */
public enum DenialReason {
    /** The raw path has a {@code .} or {@code ..} segment ({@link PathSegments}): 400, before any signature check. */
    DOT_SEGMENT(CloudFrontError.BAD_REQUEST),
    /** No signing parameter in the URL and no {@code CloudFront-*} cookie. */
    NO_CREDENTIALS(CloudFrontError.MISSING_KEY),
    /** Signing parameters are present but the key pair ID is missing or empty. */
    MISSING_KEY_PAIR_ID(CloudFrontError.MISSING_KEY),
    /** The key pair ID is not trusted. */
    UNKNOWN_KEY_PAIR_ID(CloudFrontError.INVALID_KEY),
    /** The signature is not valid CloudFront base64 ({@code A-Z a-z 0-9 - _ ~}). */
    MALFORMED_SIGNATURE(CloudFrontError.MALFORMED_SIGNATURE),
    /** The custom policy cannot be decoded or is not a valid CloudFront policy. */
    MALFORMED_POLICY(CloudFrontError.MALFORMED_POLICY),
    /** {@code Expires} is not an integer number of seconds in 0..2147483647. */
    MALFORMED_EXPIRES(CloudFrontError.MALFORMED_POLICY),
    /** Neither {@code Expires} nor {@code Policy}: CloudFront has no policy to check ("Malformed Policy"). */
    MISSING_EXPIRES_OR_POLICY(CloudFrontError.MALFORMED_POLICY),
    /** No or empty {@code Signature}. */
    MISSING_SIGNATURE(CloudFrontError.ACCESS_DENIED),
    /** Both {@code Expires} and {@code Policy} are present. */
    BOTH_EXPIRES_AND_POLICY(CloudFrontError.ACCESS_DENIED),
    /** A signing parameter appears twice in the query string. */
    DUPLICATE_PARAMETER(CloudFrontError.ACCESS_DENIED),
    /** {@code Hash-Algorithm} is not {@code SHA1}/{@code SHA256}, or not accepted by this verifier. */
    UNSUPPORTED_HASH_ALGORITHM(CloudFrontError.ACCESS_DENIED),
    /** The signature does not verify with the key named by the key pair ID. */
    BAD_SIGNATURE(CloudFrontError.ACCESS_DENIED),
    /** The request URL is not the policy's resource (or does not match its pattern). */
    RESOURCE_MISMATCH(CloudFrontError.ACCESS_DENIED),
    /** Now is at or after {@code DateLessThan} / {@code Expires}. */
    EXPIRED(CloudFrontError.ACCESS_DENIED),
    /** Now is at or before {@code DateGreaterThan}. */
    NOT_YET_VALID(CloudFrontError.ACCESS_DENIED),
    /** The viewer IP is outside {@code IpAddress}. */
    IP_NOT_ALLOWED(CloudFrontError.ACCESS_DENIED);

    private final CloudFrontError code;

    DenialReason(CloudFrontError code) {
        this.code = code;
    }

    /** The error CloudFront answers with for this cause. */
    public CloudFrontError code() {
        return code;
    }

    /** The HTTP status CloudFront answers with: 403, or 400 for {@link #DOT_SEGMENT}. */
    public int httpStatus() {
        return code.httpStatus();
    }
}
