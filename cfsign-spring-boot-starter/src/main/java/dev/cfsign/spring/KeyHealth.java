package dev.cfsign.spring;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The health of the signing key, independent of Actuator's API (which moved between Boot 3.5 and 4.0): loaded, of a
 * type CloudFront key groups accept, and matching its public key (the one trusted under the same ID, else the one
 * derived from the private key). Details are public facts only: ID, type, fingerprint.
 */
record KeyHealth(boolean up, Map<String, Object> details) {
    static KeyHealth of(CloudFrontSigner signer, CloudFrontVerifier verifier) {
        SigningKey key = signer.signingKey();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyPairId", signer.keyPairId());
        details.put("keyType", key.keyType().displayName());
        details.put("acceptedByKeyGroups", key.isAcceptedByKeyGroups());
        Optional<VerificationKey> trusted = verifier == null ? Optional.empty()
                : verifier.trustedKeys().find(signer.keyPairId());
        Optional<VerificationKey> publicKey = trusted.or(key::verificationKey);
        publicKey.ifPresent(p -> details.put("publicKey", p.fingerprint()));
        details.put("publicKeySource", trusted.isPresent() ? "trusted" : publicKey.isPresent() ? "derived" : "none");
        boolean matches = publicKey.map(key::matches).orElse(false);
        details.put("publicKeyMatches", matches);
        details.put("hashAlgorithm", signer.hashAlgorithm().parameterValue());
        return new KeyHealth(key.isAcceptedByKeyGroups() && matches, Map.copyOf(details));
    }
}
