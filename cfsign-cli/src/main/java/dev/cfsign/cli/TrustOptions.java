package dev.cfsign.cli;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.TrustedKeys;
import dev.cfsign.ViewerRequest;
import dev.cfsign.keys.VerificationKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The request and trusted public keys for {@code verify} and {@code explain}. */
final class TrustOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Parameters(paramLabel = "URL", arity = "1", description = "The URL as the viewer requests it (quote it).")
    String url;

    @Option(names = "--cookie", paramLabel = "COOKIES",
            description = "The viewer's Cookie header value ('CloudFront-Policy=…; CloudFront-Signature=…; …').")
    String cookie;

    @Option(names = "--ip", paramLabel = "ADDRESS", description = "The viewer's IP address (for policies with an IP"
            + " range).")
    String ip;

    @Option(names = "--public-key", paramLabel = "FILE", description = "Public key file (SPKI PEM) for --key-pair-id.")
    Path publicKey;

    @Option(names = "--key-pair-id", paramLabel = "ID", description = "The key pair ID that --public-key is under.")
    String keyPairId;

    /** A list, not a map: picocli's map would keep only the last of two keys given for one ID. */
    @Option(names = "--trust", paramLabel = "ID=FILE", description = "Another trusted key of the key group;"
            + " repeatable, once per key pair ID.")
    List<String> trust;

    /**
     * The trusted keys: {@code --public-key} with {@code --key-pair-id} and every {@code --trust}; without any of them,
     * the environment's key ({@link CloudFrontEnvironment#forVerifying}), as {@code sign} and {@code serve} read it.
     */
    TrustedKeys trusted(Context ctx) {
        TrustedKeys.Builder b = TrustedKeys.builder();
        Map.Entry<String, VerificationKey> expected = expected(ctx);
        if (expected != null) {
            b.add(expected.getKey(), expected.getValue());
        }
        if (trust != null) {
            for (String t : trust) {
                int eq = t.indexOf('=');
                if (eq <= 0 || eq == t.length() - 1) {
                    throw new ParameterException(mixee.commandLine(), "--trust takes ID=FILE, e.g."
                            + " K2JCJMDEHXQW5F=public_key.pem.");
                }
                String id = t.substring(0, eq);
                try {
                    b.add(id, KeyFiles.publicKey(Path.of(t.substring(eq + 1))));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(mixee.commandLine(), "--trust " + Redact.oneLine(id) + "=…: "
                            + e.getMessage() + ". Give each key pair ID once; every key of a key group has its own"
                            + " ID.");
                }
            }
        }
        TrustedKeys keys = b.build();
        if (keys.size() == 0) {
            throw new ParameterException(mixee.commandLine(), "No trusted key: give --public-key FILE --key-pair-id ID"
                    + " (or --trust ID=FILE, repeatable), or set " + CloudFrontEnvironment.KEY_ID + " with "
                    + CloudFrontEnvironment.PUBLIC_KEY + " (or " + CloudFrontEnvironment.PRIVATE_KEY
                    + "), or pass --env-file FILE.");
        }
        return keys;
    }

    /**
     * The key the URL is expected to be signed with: {@code --key-pair-id} with {@code --public-key}; else, when no
     * {@code --trust} is given either, the environment's; else {@code null}.
     */
    Map.Entry<String, VerificationKey> expected(Context ctx) {
        if ((publicKey == null) != (keyPairId == null)) {
            throw new ParameterException(mixee.commandLine(), "Give --public-key FILE and --key-pair-id ID together.");
        }
        if (publicKey != null) {
            return Map.entry(keyPairId, KeyFiles.publicKey(publicKey));
        }
        if (trust != null) {
            return null;
        }
        return CloudFrontEnvironment.forVerifying(ctx.env())
                .map(e -> Map.entry(e.keyPairId(), e.verificationKey().orElseThrow()))
                .orElse(null);
    }

    ViewerRequest request() {
        ViewerRequest.Builder b;
        try {
            b = ViewerRequest.builder().url(url);
        } catch (IllegalArgumentException e) {
            throw CliException.invalid(e.getMessage() + " (give the whole URL the viewer requests, quoted).");
        }
        if (cookie != null) {
            b.cookieHeader(cookie);
        }
        if (ip != null) {
            if (!ip.matches("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}")) {
                throw new ParameterException(mixee.commandLine(), "--ip takes an IPv4 or IPv6 address (203.0.113.7).");
            }
            try {
                b.viewerIp(InetAddress.getByName(ip)); // a literal: no DNS lookup
            } catch (UnknownHostException e) {
                throw new ParameterException(mixee.commandLine(), "--ip: not an IP address.");
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw CliException.invalid(e.getMessage());
        }
    }

}
