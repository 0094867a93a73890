package dev.cfsign.bench;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.Policy;
import dev.cfsign.VerificationResult;
import dev.cfsign.ViewerRequest;
import dev.cfsign.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
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

/**
 * Verifying one signed canned URL as the edge does (parse, rebuild the canned policy, check the signature, check
 * the expiry), against the raw {@code Signature.verify()} of each provider over the same bytes (the ceiling).
 * The AWS SDK has no verifier, so there is no SDK column here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyUrlBenchmark {
    @Param({"RSA", "EC"})
    public String key;

    private CloudFrontVerifier verifierJdk;
    private CloudFrontVerifier verifierCorretto;
    private ViewerRequest request;
    KeyPair pair;
    byte[] policy;
    byte[] signature;
    String algorithm;

    @Setup
    public void setup() {
        pair = Fixtures.keyPair(key);
        Instant expiry = Fixtures.expiry();
        CloudFrontSigner signer = Fixtures.signer(pair, HashAlgorithm.SHA1, Fixtures.corretto());
        String url = signer.signUrl(Fixtures.URL, expiry).url();
        request = ViewerRequest.of(url);
        VerificationKey pub = VerificationKey.of(pair.getPublic());
        verifierJdk = CloudFrontVerifier.builder().trust(Fixtures.KEY_ID, pub)
                .provider(Fixtures.jdkProvider(key, HashAlgorithm.SHA1)).build();
        verifierCorretto = CloudFrontVerifier.builder().trust(Fixtures.KEY_ID, pub).provider(Fixtures.corretto()).build();
        policy = Policy.canned(Fixtures.URL, expiry).toJson().getBytes(StandardCharsets.UTF_8);
        String sig = url.substring(url.indexOf("Signature=") + 10, url.indexOf("&Key-Pair-Id="));
        signature = java.util.Base64.getDecoder().decode(sig.replace('-', '+').replace('_', '=').replace('~', '/'));
        algorithm = HashAlgorithm.SHA1.jcaAlgorithm(key);
        if (!verifierJdk.check(request).isAllowed() || !verifierCorretto.check(request).isAllowed()) {
            throw new IllegalStateException("the benchmark URL does not verify");
        }
    }

    /** Per-thread raw verifiers: the ceiling is one provider call. */
    @State(Scope.Thread)
    public static class Raw {
        Signature jdk;
        Signature corretto;

        @Setup
        public void setup(VerifyUrlBenchmark b) throws GeneralSecurityException {
            jdk = init(b, Fixtures.jdkProvider(b.key, HashAlgorithm.SHA1));
            corretto = init(b, Fixtures.corretto());
        }

        private static Signature init(VerifyUrlBenchmark b, Provider p) throws GeneralSecurityException {
            Signature s = Signature.getInstance(b.algorithm, p);
            s.initVerify(b.pair.getPublic());
            return s;
        }
    }

    @Benchmark
    public VerificationResult cannedUrl_cfsignJdk() {
        return verifierJdk.check(request);
    }

    @Benchmark
    public VerificationResult cannedUrl_cfsignCorretto() {
        return verifierCorretto.check(request);
    }

    @Benchmark
    public boolean ceiling_rawVerifyJdk(Raw raw) throws SignatureException {
        raw.jdk.update(policy);
        return raw.jdk.verify(signature);
    }

    @Benchmark
    public boolean ceiling_rawVerifyCorretto(Raw raw) throws SignatureException {
        raw.corretto.update(policy);
        return raw.corretto.verify(signature);
    }
}
