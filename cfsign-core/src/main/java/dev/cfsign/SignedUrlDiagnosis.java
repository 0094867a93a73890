package dev.cfsign;

import dev.cfsign.internal.KeyPairIds;
import dev.cfsign.internal.PolicyEvaluation;
import dev.cfsign.internal.RequestReading;
import dev.cfsign.internal.SigningParameters;
import dev.cfsign.keys.VerificationKey;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Explains, in plain words, the first thing wrong with a signed URL or signed cookies that CloudFront rejects, and
 * how to fix it. Give it the failing request and what you believe the key pair ID and public key are; optionally
 * other keys of the key group, so "signed with another key" can be told from "tampered with".
 *
 * <pre>{@code
 * SignedUrlDiagnosis.Finding f = SignedUrlDiagnosis.builder()
 *     .keyPairId("K2JCJMDEHXQW5F").publicKey(VerificationKey.fromPem(pem))
 *     .build().diagnose(ViewerRequest.of(failingUrl));
 * System.out.println(f.explanation());
 * }</pre>
 *
 * <p>Without any public key, {@link #withoutKeys(Clock)} reports what can be checked without one (missing or repeated
 * parameters, wrong base64 alphabet, milliseconds, expiry, start, IP, custom-policy resource) and ends in
 * {@link Problem#SIGNATURE_NOT_CHECKED} rather than {@link Problem#OK} when it finds nothing.
 *
 * <p>The verdict is the verifier's: the request is read once ({@link CloudFrontVerifier} with the given keys, no clock
 * skew), and a problem is reported exactly when the verifier denies it. The diagnosis only refines the verifier's
 * {@link DenialReason} (each {@link Problem} names the reasons it can refine), trying alternatives the verifier never
 * tries (other hash, other keys, other resources). It reads unauthenticated input. Never use it to grant access. Explanations never
 * contain the signature. Immutable and thread-safe; the builder is not.
 *
 * @since 0.1
 */
public final class SignedUrlDiagnosis {

    /** The first problem found; {@link #denialReasons()} are the verifier's reasons it refines. */
    public enum Problem {
        /** Nothing wrong: the request would be allowed. */
        OK,
        /**
         * Only from {@link #withoutKeys(Clock)}: nothing wrong was found, but neither the key pair ID nor the signature
         * was checked, so CloudFront may still deny the request.
         */
        SIGNATURE_NOT_CHECKED,
        NO_CREDENTIALS(DenialReason.NO_CREDENTIALS),
        /** The path has a {@code .} or {@code ..} segment: browsers resolve it, CloudFront answers 400. */
        DOT_SEGMENT(DenialReason.DOT_SEGMENT),
        /** A signing parameter appears twice in the URL. */
        DUPLICATE_PARAMETER(DenialReason.DUPLICATE_PARAMETER),
        MISSING_KEY_PAIR_ID(DenialReason.MISSING_KEY_PAIR_ID),
        /** The key pair ID is not the one expected (nor one of the other trusted keys). */
        WRONG_KEY_PAIR_ID(DenialReason.UNKNOWN_KEY_PAIR_ID),
        /** The "key pair ID" is a PEM key, an account ID, a key group ID or a distribution ID. */
        NOT_A_KEY_PAIR_ID(DenialReason.UNKNOWN_KEY_PAIR_ID),
        BOTH_EXPIRES_AND_POLICY(DenialReason.BOTH_EXPIRES_AND_POLICY),
        MISSING_EXPIRES_OR_POLICY(DenialReason.MISSING_EXPIRES_OR_POLICY),
        MISSING_SIGNATURE(DenialReason.MISSING_SIGNATURE),
        UNSUPPORTED_HASH_ALGORITHM(DenialReason.UNSUPPORTED_HASH_ALGORITHM),
        /** Standard base64 ({@code + / =}) instead of CloudFront's ({@code - ~ _}). */
        STANDARD_BASE64(DenialReason.MALFORMED_SIGNATURE, DenialReason.MALFORMED_POLICY),
        /** URL-safe base64 ({@code /} → {@code _}) instead of CloudFront's ({@code /} → {@code ~}). */
        URL_SAFE_BASE64(DenialReason.MALFORMED_SIGNATURE, DenialReason.MALFORMED_POLICY),
        MALFORMED_SIGNATURE(DenialReason.MALFORMED_SIGNATURE),
        /** An S3 bucket or IAM policy was used as a CloudFront policy. */
        S3_BUCKET_POLICY(DenialReason.MALFORMED_POLICY),
        /** Epoch milliseconds where CloudFront wants seconds. */
        MILLISECONDS_AS_SECONDS(DenialReason.MALFORMED_EXPIRES, DenialReason.MALFORMED_POLICY),
        /** An epoch written as a quoted string. */
        QUOTED_EPOCH(DenialReason.MALFORMED_POLICY),
        MALFORMED_POLICY(DenialReason.MALFORMED_POLICY, DenialReason.MALFORMED_EXPIRES),
        /** Signed with SHA-256 but without {@code Hash-Algorithm=SHA256}. */
        SHA256_WITHOUT_HASH_PARAMETER(DenialReason.BAD_SIGNATURE),
        /** Signed with the private key of another trusted key pair ID than the one in the URL. */
        WRONG_PUBLIC_KEY(DenialReason.BAD_SIGNATURE),
        /** The canned policy that was signed contains whitespace. */
        WHITESPACE_IN_CANNED_POLICY(DenialReason.BAD_SIGNATURE),
        /** The signed resource is not the requested URL. */
        RESOURCE_MISMATCH(DenialReason.BAD_SIGNATURE, DenialReason.RESOURCE_MISMATCH),
        /** The signature matches no key and no plausible variant: tampered, or signed with an unknown key. */
        SIGNATURE_MISMATCH(DenialReason.BAD_SIGNATURE),
        EXPIRED(DenialReason.EXPIRED),
        NOT_YET_VALID(DenialReason.NOT_YET_VALID),
        IP_NOT_ALLOWED(DenialReason.IP_NOT_ALLOWED);

        private final Set<DenialReason> reasons;

        Problem(DenialReason... reasons) {
            this.reasons = reasons.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(reasons[0], reasons));
        }

        /** The verifier's denial reasons this problem explains; empty for {@link #OK}. */
        public Set<DenialReason> denialReasons() {
            return reasons;
        }
    }

    /**
     * A diagnosis: the problem and an explanation with the fix.
     *
     * @param problem      the first problem found
     * @param explanation  plain words, several lines at most; never contains the signature
     * @param denialReason the verifier's reason, which {@code problem} refines; null when allowed
     */
    public record Finding(Problem problem, String explanation, DenialReason denialReason) {
        public boolean isOk() {
            return problem == Problem.OK;
        }

        /** The verifier's denial reason; empty when the request would be allowed. */
        public java.util.Optional<DenialReason> denial() {
            return java.util.Optional.ofNullable(denialReason);
        }
    }

    private final String expectedKeyPairId;
    private final VerificationKey expectedKey;
    private final Map<String, VerificationKey> keys;
    private final CloudFrontVerifier verifier;

    private SignedUrlDiagnosis(Clock clock) {
        this.expectedKeyPairId = null;
        this.expectedKey = null;
        this.keys = Map.of();
        this.verifier = CloudFrontVerifier.readingOnly(clock);
    }

    private SignedUrlDiagnosis(Builder b) {
        this.expectedKeyPairId = b.keyPairId;
        this.expectedKey = b.publicKey;
        Map<String, VerificationKey> m = new LinkedHashMap<>();
        if (b.keyPairId != null && b.publicKey != null) {
            m.put(b.keyPairId, b.publicKey);
        }
        if (b.others != null) {
            b.others.asMap().forEach(m::putIfAbsent);
        }
        this.keys = m;
        CloudFrontVerifier.Builder v = CloudFrontVerifier.builder().clock(b.clock);
        m.forEach(v::trust);
        this.verifier = v.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A diagnosis for when no public key is at hand. It reads the request and evaluates its policy as the verifier
     * does, and reports every problem found except those only a key can show (an unknown key pair ID, a signature that
     * does not verify); when it finds none, the problem is {@link Problem#SIGNATURE_NOT_CHECKED}, never
     * {@link Problem#OK}. The policy it evaluates is not authenticated: a request it finds nothing wrong with may be
     * forged.
     *
     * @param clock the clock that decides "now" for the expiry and start
     * @return a diagnosis that checks no signature
     * @since 0.1
     */
    public static SignedUrlDiagnosis withoutKeys(Clock clock) {
        return new SignedUrlDiagnosis(Objects.requireNonNull(clock, "clock"));
    }

    /** Whether this diagnosis checks the signature: false only for {@link #withoutKeys(Clock)}. */
    public boolean checksSignature() {
        return !keys.isEmpty();
    }

    public Finding diagnose(String url) {
        return diagnose(ViewerRequest.of(url));
    }

    public Finding diagnose(ViewerRequest request) {
        CloudFrontVerifier.Trace t = verifier.trace(request);
        VerificationResult result = t.result();
        if (result.isAllowed()) {
            VerifiedRequest v = result.verifiedRequest().orElseThrow();
            if (!checksSignature()) {
                return new Finding(Problem.SIGNATURE_NOT_CHECKED, "No problem found in what can be checked without a"
                        + " key: key pair ID " + KeyPairIds.forMessage(v.keyPairId()) + ", " + v.hashAlgorithm()
                        + ", valid until " + v.expiresAt() + ". The signature was not checked: no public key was given.",
                        null);
            }
            return new Finding(Problem.OK, "No problem found: signed by " + v.keyPairId() + " with "
                    + v.hashAlgorithm() + ", valid until " + v.expiresAt() + ".", null);
        }
        DenialReason reason = result.denialReason().orElseThrow();
        Finding f = refine(reason, request, t);
        return new Finding(f.problem(), f.explanation(), reason);
    }

    /** The verifier's reason in plain words, refined where a likelier cause can be shown. */
    private Finding refine(DenialReason reason, ViewerRequest request, CloudFrontVerifier.Trace t) {
        RequestReading.Reading reading = t.reading();
        String pre = reading.source() == CredentialSource.COOKIES ? SigningParameter.COOKIE_PREFIX : "";
        SigningParameters p = reading.params();
        switch (reason) {
            case NO_CREDENTIALS:
                return finding(Problem.NO_CREDENTIALS, "The request carries no signed-URL parameters (Expires/Policy,"
                        + " Signature, Key-Pair-Id) and no CloudFront-* cookies. If you use signed cookies, the browser"
                        + " did not send them: their Domain and Path must cover " + request.authority() + request.rawPath()
                        + " (cookies set by another site, or for *.cloudfront.net, are never sent), and Secure cookies"
                        + " are not sent over http. CloudFront answers MissingKey.");
            case DOT_SEGMENT:
                return finding(Problem.DOT_SEGMENT, "The path has a '.' or '..' segment (also written %2e). Browsers"
                        + " resolve these before sending, so no browser requests this URL, and CloudFront answers 400"
                        + " Bad Request. Sign and send the resolved path.");
            case DUPLICATE_PARAMETER:
                return finding(Problem.DUPLICATE_PARAMETER, "The URL carries " + p.duplicate().queryName() + " more"
                        + " than once; CloudFront denies such a request (Access denied). Was the URL signed twice, or"
                        + " were signing parameters appended to a signed URL? Sign the URL without them, exactly once.");
            case MISSING_KEY_PAIR_ID:
                return finding(Problem.MISSING_KEY_PAIR_ID, "There is no " + pre + "Key-Pair-Id (or it is empty). Add"
                        + " the public key ID of your CloudFront key group (like K2JCJMDEHXQW5F). CloudFront answers"
                        + " MissingKey.");
            case UNKNOWN_KEY_PAIR_ID:
                return unknownKey(reading.claimedKeyPairId(), pre);
            case BOTH_EXPIRES_AND_POLICY:
                return finding(Problem.BOTH_EXPIRES_AND_POLICY, "Both " + pre + "Expires and " + pre + "Policy are"
                        + " present. Send Expires for a canned policy or Policy for a custom one, never both.");
            case MISSING_EXPIRES_OR_POLICY:
                return finding(Problem.MISSING_EXPIRES_OR_POLICY, "Neither " + pre + "Expires nor " + pre + "Policy is"
                        + " present, so there is no policy to check." + (pre.isEmpty() ? "" : " With cookies, a canned"
                        + " set needs CloudFront-Expires and a custom set needs CloudFront-Policy; a canned policy cannot"
                        + " cover wildcards such as https://host/*."));
            case MISSING_SIGNATURE:
                return finding(Problem.MISSING_SIGNATURE, "There is no " + pre + "Signature (or it is empty).");
            case UNSUPPORTED_HASH_ALGORITHM:
                return finding(Problem.UNSUPPORTED_HASH_ALGORITHM, "The " + pre + "Hash-Algorithm value is not SHA1"
                        + " or SHA256 (exact, upper case). For SHA-256 signatures write " + pre + "Hash-Algorithm=SHA256.");
            case MALFORMED_SIGNATURE:
                return DiagnosisWords.malformedSignature(p.get(SigningParameter.SIGNATURE), pre);
            case MALFORMED_EXPIRES:
                return DiagnosisWords.malformedExpires(p.get(SigningParameter.EXPIRES));
            case MALFORMED_POLICY:
                return t.evaluation() == null ? DiagnosisWords.policyEncoding(p.get(SigningParameter.POLICY), pre)
                        : DiagnosisWords.malformed(t.evaluation().malformed());
            case BAD_SIGNATURE:
                return SignatureClues.signatureProblem(request, (RequestReading.Readable) reading, keys, expectedKey);
            default:
                return refinePolicy(reason, request, (RequestReading.Readable) reading, t.evaluation(), t.now());
        }
    }

    private Finding unknownKey(String id, String pre) {
        KeyPairIds.LookAlike like = KeyPairIds.lookAlike(id).orElse(null);
        if (like == KeyPairIds.LookAlike.PEM_KEY) {
            return finding(Problem.NOT_A_KEY_PAIR_ID, "The " + pre + "Key-Pair-Id holds a key, not a key ID. Use the"
                    + " ID CloudFront shows for the public key (Public keys page, like K2JCJMDEHXQW5F), not the PEM.");
        }
        if (like != null) {
            return finding(Problem.NOT_A_KEY_PAIR_ID, "The " + pre + "Key-Pair-Id " + KeyPairIds.forMessage(id)
                    + " looks like " + like.what() + ". Use " + like.instead() + " (like K2JCJMDEHXQW5F), from"
                    + " CloudFront's Public keys page.");
        }
        return finding(Problem.WRONG_KEY_PAIR_ID, "The request was signed for key pair ID " + KeyPairIds.forMessage(id)
                + ", but you expect " + (expectedKeyPairId == null ? "other keys" : expectedKeyPairId)
                + (keys.size() > 1 ? " (trusted: " + keys.keySet() + ")" : "") + ". Sign with the key ID of a public"
                + " key in the key group attached to this cache behavior, or add that key to the group."
                + " CloudFront answers InvalidKey (Unknown Key).");
    }

    /** Resource, dates and IP: the policy's own conditions, once the signature is good. */
    private static Finding refinePolicy(DenialReason reason, ViewerRequest request, RequestReading.Readable r,
                                        PolicyEvaluation e, Instant now) {
        switch (reason) {
            case RESOURCE_MISMATCH: {
                String resource = e.custom().resource();
                String q = r.remainingQuery();
                String requested = request.urlWithoutQuery() + (q == null ? "" : "?" + q);
                return finding(Problem.RESOURCE_MISMATCH, "The policy's Resource does not match the requested URL.\n"
                        + SignatureClues.sideBySide(resource, requested)
                        + SignatureClues.hint(resource, requested, request, q));
            }
            case EXPIRED:
                return finding(Problem.EXPIRED, "Expired " + DiagnosisWords.human(Duration.between(e.expiresAt(), now))
                        + " ago: the signer set the expiry (DateLessThan) to " + e.expiresAt() + " by its clock; this"
                        + " machine's clock says " + now + ". If the URL was created moments ago, the expiry is too short"
                        + " or the signer's clock is behind; give it minutes, not seconds, and keep clocks in sync (NTP).");
            case NOT_YET_VALID:
                return finding(Problem.NOT_YET_VALID, "Not valid yet: it starts after " + e.activeFrom() + " (DateGreaterThan,"
                        + " the signer's clock); this machine's clock says " + now + ", "
                        + DiagnosisWords.human(Duration.between(now, e.activeFrom())) + " earlier. If the signer set the"
                        + " start to \"now\", its clock is ahead; set the start a few minutes in the past or leave it out.");
            case IP_NOT_ALLOWED: {
                InetAddress ip = request.viewerIp().orElse(null);
                return finding(Problem.IP_NOT_ALLOWED, "The viewer IP " + (ip == null ? "(not given)" : ip.getHostAddress())
                        + " is outside the policy's IpAddress " + e.custom().sourceIpText() + "."
                        + (ip instanceof Inet6Address ? " CloudFront policies match IPv4 only: disable IPv6 on the"
                        + " distribution or drop the IP condition." : " Check which address CloudFront sees (proxies,"
                        + " NAT, VPN): it is the address that connects to CloudFront, not the one your server sees."));
            }
            default:
                throw new IllegalStateException("No words for " + reason);
        }
    }

    static Finding finding(Problem p, String text) {
        return new Finding(p, text, null);
    }

    /** Builds a {@link SignedUrlDiagnosis}. Not thread-safe. */
    public static final class Builder {
        private String keyPairId;
        private VerificationKey publicKey;
        private TrustedKeys others;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The key pair ID you believe the request should be signed with. */
        public Builder keyPairId(String keyPairId) {
            this.keyPairId = Objects.requireNonNull(keyPairId, "keyPairId");
            return this;
        }

        /** The public key you believe belongs to that key pair ID. */
        public Builder publicKey(VerificationKey publicKey) {
            this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
            return this;
        }

        /** The other keys of the key group, tried to tell "signed with another key" from "tampered". */
        public Builder otherKeys(TrustedKeys others) {
            this.others = Objects.requireNonNull(others, "others");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SignedUrlDiagnosis build() {
            if ((keyPairId == null) != (publicKey == null)) {
                throw new IllegalStateException("Give both the key pair ID and its public key");
            }
            if (keyPairId == null && others == null) {
                throw new IllegalStateException("Give the key pair ID and public key you expect (keyPairId, publicKey)");
            }
            return new SignedUrlDiagnosis(this);
        }
    }
}
