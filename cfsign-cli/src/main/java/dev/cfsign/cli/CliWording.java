package dev.cfsign.cli;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.CloudFrontSigningException;
import dev.cfsign.ConfigurationException;
import dev.cfsign.IncompleteSetupException;
import dev.cfsign.Remedy;
import java.util.stream.Collectors;

/**
 * The one place where a library failure's fix ({@link Remedy}) is worded for a command-line user: flags instead of
 * the Java API the library's own messages name. The switch is exhaustive, so a new remedy cannot reach the CLI
 * without its wording.
 */
final class CliWording {
    private CliWording() {}

    static String advice(Remedy remedy) {
        return switch (remedy) {
            case LOAD_PRIVATE_KEY_FILE -> "Put the PEM itself in the variable, or pass the file: --private-key FILE.";
            case LOAD_PUBLIC_KEY_FILE -> "Put the PEM itself in the variable, or pass the file: --public-key FILE"
                    + " (serve: --trust ID=FILE).";
            case READ_ENVIRONMENT_VARIABLE -> "Put the PEM itself in the variable, or name the variable that holds it:"
                    + " --private-key-env NAME.";
            case GIVE_PASSPHRASE -> "Give its passphrase with --passphrase-file FILE, --passphrase-env NAME or"
                    + " --passphrase (asks on the terminal), or decrypt it once: openssl pkey -in enc.pem -out key.pem";
            case LOAD_PRIVATE_KEY -> "CloudFront keeps only the public key; pass the private key it was made from"
                    + " (--private-key FILE), and give the public key where one is asked for (--public-key FILE).";
            case DERIVE_PUBLIC_KEY -> "Derive the public key: openssl pkey -in key.pem -pubout -out public.pem."
                    + " Keep the private key secret.";
            case SET_POLICY_RESOURCE -> "Pass --policy-resource 'https://cdn.example.com/videos/*'.";
            case USE_CUSTOM_POLICY_FOR_WILDCARD -> "For a folder, use --policy-resource 'https://host/folder/*'; for a"
                    + " literal '*', encode it as %2A.";
            case SIGN_OBJECT_KEY -> "Give the whole URL, https://host/path (sign and cookies also take an S3 object"
                    + " key, put on --base-url).";
            case ENCODE_OBJECT_KEY -> "Or give an S3 object key without https:// and cfsign encodes it:"
                    + " cfsign sign --base-url https://cdn.example.com 'videos/intro 2024.mp4'.";
            case SET_ORIGIN -> "Pass --root DIR or --origin URL.";
            case TRUST_A_KEY -> "Pass --trust ID=FILE (repeatable), or set " + CloudFrontEnvironment.KEY_ID + " with "
                    + CloudFrontEnvironment.PUBLIC_KEY + " (or " + CloudFrontEnvironment.PRIVATE_KEY + "; --env-file"
                    + " FILE reads them from a file), or make every path --public.";
        };
    }

    /** {@code e}'s message with its fix in CLI terms. */
    static String message(CloudFrontSigningException e) {
        if (e instanceof ConfigurationException c) {
            return c.problems().stream().map(CliWording::problem).collect(Collectors.joining("; "));
        }
        return e.remedy().map(r -> e.problem() + " " + advice(r)).orElse(e.getMessage());
    }

    static String message(IncompleteSetupException e) {
        return e.problem() + " " + advice(e.remedy());
    }

    static String problem(ConfigurationException.Problem p) {
        return p.variable() + ": " + p.message() + (p.remedy() == null ? "" : " " + advice(p.remedy()));
    }
}
