package dev.cfsign;

/**
 * The fix for a failure, where its wording depends on the interface the user is in: a library user loads a file with
 * {@code SigningKey.fromFile}, a command-line user passes {@code --private-key FILE}. Exceptions that carry one
 * ({@link CloudFrontSigningException#remedy()}, {@link IncompleteSetupException#remedy()}) end their message with
 * {@link #advice()}, the library's wording; another interface shows {@link CloudFrontSigningException#problem()} and
 * its own wording for the constant instead.
 *
 * @since 0.1
 */
public enum Remedy {
    /** Key text that is a file path: load the private key file. */
    LOAD_PRIVATE_KEY_FILE("Pass the file's contents, or load the file: SigningKey.fromFile(Path.of(...))."),
    /** Key text that is a file path: load the public key file. */
    LOAD_PUBLIC_KEY_FILE("Pass the file's contents, or load the file: VerificationKey.fromFile(Path.of(...))."),
    /** Key text that is the name of an environment variable: read the variable. */
    READ_ENVIRONMENT_VARIABLE("Read the variable first, e.g. System.getenv(\"NAME\"), and pass the PEM it holds."),
    /** An encrypted private key: give its passphrase, or decrypt it once. */
    GIVE_PASSPHRASE("Pass its passphrase (SigningKey.fromPem(text, passphrase)) or decrypt it:"
            + " openssl pkey -in enc.pem -out key.pem"),
    /** A public key where the private key is needed. */
    LOAD_PRIVATE_KEY("CloudFront keeps only the public key; load the private key it was made from, or use"
            + " VerificationKey for the public key."),
    /** A private key where the public key is needed. */
    DERIVE_PUBLIC_KEY("Derive the public key: openssl pkey -in key.pem -pubout -out public.pem (or"
            + " SigningKey.verificationKey()). Keep the private key secret."),
    /** Signed cookies without a policy resource. */
    SET_POLICY_RESOURCE("Set CustomPolicy.builder().resource(\"https://cdn.example.com/videos/*\")."),
    /** A wildcard in a canned policy's URL. */
    USE_CUSTOM_POLICY_FOR_WILDCARD("For a folder, sign with a custom policy"
            + " (CustomPolicy.builder().resource(\"https://host/folder/*\")); for a literal '*', encode it as %2A."),
    /** Not an absolute URL: an S3 object key goes on a base URL. */
    SIGN_OBJECT_KEY("To sign an S3 object key, use ObjectUrl.of(baseUrl, key) or CloudFrontSigner.signObject(key, ...)."),
    /** A character that must be percent-encoded: object keys are encoded for you. */
    ENCODE_OBJECT_KEY("ObjectUrl does this for S3 keys."),
    /** A builder with nowhere to serve from. */
    SET_ORIGIN("Set an origin: root(folder) or origin(http://host:port)."),
    /** A verifier or edge that trusts no key. */
    TRUST_A_KEY("Trust at least one key: trust(keyPairId, verificationKey).");

    private final String advice;

    Remedy(String advice) {
        this.advice = advice;
    }

    /** The fix in the library's terms (Java API names). */
    public String advice() {
        return advice;
    }
}
