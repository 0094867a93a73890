package dev.cfsign.spring;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.HashAlgorithm;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code cfsign.*} properties. When neither {@code cfsign.key-pair-id} nor {@code cfsign.private-key} is set, the
 * signing key, its ID and the domain come from the seed's {@code AWS_CLOUDFRONT_*} variables instead (see
 * {@link dev.cfsign.CloudFrontEnvironment}); the other properties apply either way.
 *
 * <p>Read by the auto-configuration with every problem collected into one start-up failure, not bound as a bean.
 *
 * @since 0.1
 */
@ConfigurationProperties(prefix = CfsignProperties.PREFIX)
public class CfsignProperties {
    /** The prefix of every property. */
    public static final String PREFIX = "cfsign";

    /** The ID CloudFront shows for the public key (Public keys page), e.g. K2JCJMDEHXQW5F. */
    private String keyPairId;

    /**
     * The private key: a file path such as /run/secrets/cloudfront.pem, a Spring resource location such as
     * classpath:cloudfront.pem (PEM or DER), or the PEM text itself (one line with \n is fine).
     */
    private String privateKey;

    /** The distribution's own host (d111111abcdef8.cloudfront.net), used when no custom domain is set. */
    private String domain;

    /** The alternate domain object links are made on, e.g. cdn.example.com. Wins over cfsign.domain. */
    private String customDomain;

    /** How long links from CloudFrontLinks are valid when no expiry is given. */
    private Duration defaultExpiry = CloudFrontSigner.DEFAULT_OBJECT_VALIDITY;

    /** The digest inside signatures: SHA1 (CloudFront's default) or SHA256 (adds Hash-Algorithm=SHA256). */
    private HashAlgorithm hashAlgorithm = HashAlgorithm.SHA1;

    /**
     * Opt-in: round expiries up to a multiple of this and cache signatures, so a link repeated within one window is
     * signed once. Links then live up to this much longer than asked.
     */
    private Duration expiryGranularity;

    /**
     * Public keys to verify with, by key pair ID: cfsign.trust.K2JCJMDEHXQW5F=classpath:public_key.pem (a file path,
     * resource location or the PEM text). Setting any creates a CloudFrontVerifier bean.
     */
    private Map<String, String> trust = new LinkedHashMap<>();

    public String getKeyPairId() {
        return keyPairId;
    }

    public void setKeyPairId(String keyPairId) {
        this.keyPairId = keyPairId;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getCustomDomain() {
        return customDomain;
    }

    public void setCustomDomain(String customDomain) {
        this.customDomain = customDomain;
    }

    public Duration getDefaultExpiry() {
        return defaultExpiry;
    }

    public void setDefaultExpiry(Duration defaultExpiry) {
        this.defaultExpiry = defaultExpiry;
    }

    public HashAlgorithm getHashAlgorithm() {
        return hashAlgorithm;
    }

    public void setHashAlgorithm(HashAlgorithm hashAlgorithm) {
        this.hashAlgorithm = hashAlgorithm;
    }

    public Duration getExpiryGranularity() {
        return expiryGranularity;
    }

    public void setExpiryGranularity(Duration expiryGranularity) {
        this.expiryGranularity = expiryGranularity;
    }

    public Map<String, String> getTrust() {
        return trust;
    }

    public void setTrust(Map<String, String> trust) {
        this.trust = trust;
    }

    @Override
    public String toString() {
        return "CfsignProperties[key-pair-id=" + keyPairId + ", private-key=" + (privateKey == null ? "unset" : "(set)")
                + ", trust=" + trust.keySet() + "]";
    }
}
