package dev.cfsign.spring;

import dev.cfsign.ConfigurationException.Problem;
import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads a key property: a file path or a Spring resource location ({@code file:}, {@code classpath:}) holding PEM or
 * DER, or the PEM text itself. Problems name the property, never the value unless it is a location.
 */
final class KeySources {
    /** Shorter than any key; a longer value without a location prefix is key text (e.g. base64 of a whole PEM). */
    private static final int MAX_LOCATION_LENGTH = 200;

    private final ResourceLoader loader;

    KeySources(ResourceLoader loader) {
        this.loader = loader;
    }

    SigningKey signingKey(String property, String value, List<Problem> problems) {
        return read(property, value, problems, SigningKey::fromPem, SigningKey::fromDer);
    }

    VerificationKey verificationKey(String property, String value, List<Problem> problems) {
        return read(property, value, problems, VerificationKey::fromPem, VerificationKey::fromDer);
    }

    private <K> K read(String property, String value, List<Problem> problems, Function<String, K> fromPem,
            Function<byte[], K> fromDer) {
        try {
            if (isKeyText(value)) {
                return fromPem.apply(value);
            }
            String location = value.strip();
            // A plain path is a file, as in Boot's own SSL bundles; otherwise a context would look on the class path.
            Resource resource = hasScheme(location) ? loader.getResource(location) : new FileSystemResource(location);
            if (!resource.exists()) {
                problems.add(new Problem(property, "no key at " + shown(location) + ": give a file path, a"
                        + " resource location such as classpath:cloudfront.pem, or the PEM text."));
                return null;
            }
            byte[] bytes;
            try (InputStream in = resource.getInputStream()) {
                bytes = in.readAllBytes();
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return text.contains("-----BEGIN") ? fromPem.apply(text) : fromDer.apply(bytes);
        } catch (KeyFormatException e) {
            problems.add(new Problem(property, e.getMessage()));
        } catch (IOException e) {
            problems.add(new Problem(property, "cannot read " + shown(value.strip()) + ": "
                    + e.getClass().getSimpleName()));
        }
        return null;
    }

    /**
     * A location with a scheme is named; a bare value is not, since a short base64 DER key (which core also accepts)
     * cannot be told from a path.
     */
    private static String shown(String location) {
        return hasScheme(location) ? location : "the path given (" + location.length() + " characters)";
    }

    private static boolean isKeyText(String value) {
        if (value.contains("-----BEGIN")) {
            return true;
        }
        return !hasScheme(value.strip()) && value.length() > MAX_LOCATION_LENGTH;
    }

    /** {@code classpath:}, {@code file:}, {@code https:} …; a Windows drive letter is a path, not a scheme. */
    private static boolean hasScheme(String value) {
        return value.matches("(?s)[A-Za-z][A-Za-z0-9+.-]+:.*");
    }
}
