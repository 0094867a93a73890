package dev.cfsign.bench;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.Policy;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;
import software.amazon.awssdk.services.cloudfront.model.CustomSignerRequest;
import software.amazon.awssdk.services.cloudfront.utils.SigningHashAlgorithm;

/**
 * Signing one URL (or one cookie set), side by side: cfsign on the JDK provider, cfsign on the Corretto provider, the
 * AWS SDK for Java v2, and the raw {@code Signature.sign()} of each provider over the same policy bytes (the ceiling).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignUrlBenchmark {
    @Param({"RSA", "EC"})
    public String key;

    @Param({"SHA1", "SHA256"})
    public String hash;

    private CloudFrontSigner cfsignJdk;
    private CloudFrontSigner cfsignCorretto;
    private CloudFrontSigner cfsignCached;
    private CloudFrontUtilities sdk;
    private CannedSignerRequest sdkCanned;
    private CustomSignerRequest sdkCustom;
    private CustomPolicy customPolicy;
    private Instant expiry;
    byte[] policyBytes;
    KeyPair pair;
    HashAlgorithm algorithm;

    @Setup
    public void setup() {
        pair = Fixtures.keyPair(key);
        algorithm = HashAlgorithm.valueOf(hash);
        expiry = Fixtures.expiry();
        cfsignJdk = Fixtures.signer(pair, algorithm, Fixtures.jdkProvider(key, algorithm));
        cfsignCorretto = Fixtures.signer(pair, algorithm, Fixtures.corretto());
        cfsignCached = Fixtures.cachingSigner(pair, algorithm, Fixtures.corretto());
        sdk = CloudFrontUtilities.create();
        SigningHashAlgorithm sdkHash = SigningHashAlgorithm.valueOf(hash);
        sdkCanned = CannedSignerRequest.builder().resourceUrl(Fixtures.URL).privateKey(pair.getPrivate())
                .keyPairId(Fixtures.KEY_ID).expirationDate(expiry).hashAlgorithm(sdkHash).build();
        sdkCustom = CustomSignerRequest.builder().resourceUrl(Fixtures.URL).resourceUrlPattern(Fixtures.RESOURCE)
                .privateKey(pair.getPrivate()).keyPairId(Fixtures.KEY_ID).expirationDate(expiry).hashAlgorithm(sdkHash).build();
        customPolicy = CustomPolicy.builder().resource(Fixtures.RESOURCE).expiresAt(expiry).build();
        policyBytes = Policy.canned(Fixtures.URL, expiry).toJson().getBytes(StandardCharsets.UTF_8);
        // Same inputs, same outputs: fail fast if the contenders do not compute the same thing.
        if (key.equals("RSA") && !cfsignCorretto.signUrl(Fixtures.URL, expiry).url().equals(sdk.getSignedUrlWithCannedPolicy(sdkCanned).url())) {
            throw new IllegalStateException("cfsign and the AWS SDK disagree on the canned URL");
        }
    }

    /** Per-thread raw signers: the ceiling is one provider call, nothing else. */
    @State(Scope.Thread)
    public static class Raw {
        Signature jdk;
        Signature corretto;
        byte[] message;

        @Setup
        public void setup(SignUrlBenchmark b) {
            String alg = b.algorithm.jcaAlgorithm(b.key);
            jdk = Fixtures.rawSigner(b.pair, alg, Fixtures.jdkProvider(b.key, b.algorithm));
            corretto = Fixtures.rawSigner(b.pair, alg, Fixtures.corretto());
            message = b.policyBytes;
        }
    }

    @Benchmark
    public String cannedUrl_cfsignJdk() {
        return cfsignJdk.signUrl(Fixtures.URL, expiry).url();
    }

    @Benchmark
    public String cannedUrl_cfsignCorretto() {
        return cfsignCorretto.signUrl(Fixtures.URL, expiry).url();
    }

    @Benchmark
    public String cannedUrl_awsSdk() {
        return sdk.getSignedUrlWithCannedPolicy(sdkCanned).url();
    }

    @Benchmark
    public byte[] ceiling_rawJdk(Raw raw) throws SignatureException {
        raw.jdk.update(raw.message);
        return raw.jdk.sign();
    }

    @Benchmark
    public byte[] ceiling_rawCorretto(Raw raw) throws SignatureException {
        raw.corretto.update(raw.message);
        return raw.corretto.sign();
    }

    @Benchmark
    public String customUrl_cfsignCorretto() {
        return cfsignCorretto.signUrl(Fixtures.URL, customPolicy).url();
    }

    @Benchmark
    public String customUrl_awsSdk() {
        return sdk.getSignedUrlWithCustomPolicy(sdkCustom).url();
    }

    @Benchmark
    public String cannedCookies_cfsignCorretto() {
        return cfsignCorretto.signCookies(Fixtures.URL, expiry).toCookieHeader();
    }

    @Benchmark
    public String cannedCookies_awsSdk() {
        return sdk.getCookiesForCannedPolicy(sdkCanned).signatureHeaderValue();
    }

    /** The same URL again and again within one expiry window: served from the signature cache. */
    @Benchmark
    public String cachedUrl_cfsignCorretto() {
        return cfsignCached.signUrl(Fixtures.URL, Duration.ofHours(1)).url();
    }
}
