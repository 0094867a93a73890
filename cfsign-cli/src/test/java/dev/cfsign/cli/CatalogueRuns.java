package dev.cfsign.cli;

import dev.cfsign.BadInputs;
import dev.cfsign.BadInputs.Input;
import dev.cfsign.keys.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The CLI invocations for one row of core's bad-input catalogue ({@link BadInputs}, from core's tests jar): each
 * row's {@link Input} goes through every way the CLI takes it — a key as a file, on stdin, in
 * {@code AWS_CLOUDFRONT_PRIVATE_KEY} and through {@code --private-key-env}; configuration as the environment; URLs,
 * times, policies and object keys as arguments and options, and through bulk signing on stdin; requests through
 * {@code verify} and {@code explain}. {@link #secrets(BadInputs.Case)} lists what none of their
 * output may contain.
 */
final class CatalogueRuns {
    private CatalogueRuns() {}

    /** One CLI run: the whole environment it sees, its stdin and its arguments. */
    record Run(String how, Map<String, String> env, byte[] stdin, List<String> args) {
        @Override
        public String toString() {
            return how;
        }
    }

    static final String URL = "https://cdn.example.com/a.txt";
    static final String NOW = BadInputs.NOW.toString();

    /** Every run for {@code c}; files go to {@code dir}. */
    static List<Run> runs(BadInputs.Case c, Path dir) {
        List<Run> runs = new ArrayList<>();
        Path rsa = write(dir, "rsa.pem", BadInputs.RSA_PEM.getBytes(StandardCharsets.US_ASCII));
        Path rsaPub = write(dir, "rsa.pub.pem", BadInputs.RSA_PUB.getBytes(StandardCharsets.US_ASCII));
        List<String> rsaKey = List.of("--private-key", rsa.toString(), "--key-pair-id", BadInputs.ID, "--now", NOW);
        Input in = c.input();
        if (in instanceof Input.PrivateKey k) {
            Path file = write(dir, "key.pem", k.text().getBytes(StandardCharsets.UTF_8));
            runs.add(run("sign --private-key FILE", Map.of(), null, "sign", "--private-key", file.toString(),
                    "--key-pair-id", BadInputs.ID, "--now", NOW, URL));
            runs.add(run("sign --private-key - (stdin)", Map.of(), k.text().getBytes(StandardCharsets.UTF_8),
                    "sign", "--private-key", "-", "--key-pair-id", BadInputs.ID, "--now", NOW, URL));
            runs.add(run("sign with AWS_CLOUDFRONT_PRIVATE_KEY", Map.of("AWS_CLOUDFRONT_PRIVATE_KEY", k.text(),
                    "AWS_CLOUDFRONT_KEY_ID", BadInputs.ID), null, "sign", "--now", NOW, URL));
            runs.add(run("sign --private-key-env", Map.of("MY_KEY", k.text()), null, "sign", "--private-key-env",
                    "MY_KEY", "--key-pair-id", BadInputs.ID, "--now", NOW, URL));
            runs.add(run("env --private-key FILE", Map.of(), null, "env", "--private-key", file.toString()));
        } else if (in instanceof Input.PrivateKeyDer k) {
            Path file = write(dir, "key.der", k.der());
            runs.add(run("sign --private-key FILE.der", Map.of(), null, "sign", "--private-key", file.toString(),
                    "--key-pair-id", BadInputs.ID, "--now", NOW, URL));
            runs.add(run("sign --private-key - (DER on stdin)", Map.of(), k.der(), "sign", "--private-key", "-",
                    "--key-pair-id", BadInputs.ID, "--now", NOW, URL));
            runs.add(run("env --private-key FILE.der", Map.of(), null, "env", "--private-key", file.toString()));
        } else if (in instanceof Input.EncryptedPrivateKey k) {
            Path file = write(dir, "key.pem", k.pem().getBytes(StandardCharsets.UTF_8));
            Path pass = write(dir, "passphrase.txt", (k.passphrase() + "\n").getBytes(StandardCharsets.UTF_8));
            runs.add(run("sign --private-key FILE (encrypted, no passphrase)", Map.of(), null, "sign",
                    "--private-key", file.toString(), "--key-pair-id", BadInputs.ID, "--now", NOW, URL));
            runs.add(run("sign --private-key FILE --passphrase-file", Map.of(), null, "sign", "--private-key",
                    file.toString(), "--passphrase-file", pass.toString(), "--key-pair-id", BadInputs.ID, "--now", NOW,
                    URL));
            runs.add(run("sign --private-key-env --passphrase-env", Map.of("MY_KEY", k.pem(), "MY_PASS",
                    k.passphrase()), null, "sign", "--private-key-env", "MY_KEY", "--passphrase-env", "MY_PASS",
                    "--key-pair-id", BadInputs.ID, "--now", NOW, URL));
            runs.add(run("env --private-key FILE --passphrase-file", Map.of(), null, "env", "--private-key",
                    file.toString(), "--passphrase-file", pass.toString()));
        } else if (in instanceof Input.PublicKey k) {
            Path file = write(dir, "public.pem", k.text().getBytes(StandardCharsets.UTF_8));
            for (String command : List.of("verify", "explain")) {
                runs.add(run(command + " --public-key FILE", Map.of(), null, command, "--public-key",
                        file.toString(), "--key-pair-id", BadInputs.ID, "--now", NOW, BadInputs.SIGNED));
            }
            runs.add(run("env --public-key FILE", Map.of(), null, "env", "--private-key", rsa.toString(),
                    "--public-key", file.toString()));
        } else if (in instanceof Input.KeyPair k) {
            Path priv = write(dir, "key.pem", k.privatePem().getBytes(StandardCharsets.UTF_8));
            Path pub = write(dir, "public.pem", k.publicPem().getBytes(StandardCharsets.UTF_8));
            runs.add(run("env --private-key --public-key", Map.of(), null, "env", "--private-key", priv.toString(),
                    "--public-key", pub.toString()));
            runs.add(run("sign with AWS_CLOUDFRONT_PUBLIC_KEY", Map.of("AWS_CLOUDFRONT_PRIVATE_KEY", k.privatePem(),
                    "AWS_CLOUDFRONT_PUBLIC_KEY", k.publicPem(), "AWS_CLOUDFRONT_KEY_ID", BadInputs.ID), null, "sign",
                    "--now", NOW, URL));
        } else if (in instanceof Input.Environment e) {
            runs.add(run("sign OBJECT-KEY with the environment", e.variables(), null, "sign", "--now", NOW,
                    "a.txt"));
            runs.add(run("cookies OBJECT-KEY with the environment", e.variables(), null, "cookies", "--now", NOW,
                    "a.txt"));
        } else if (in instanceof Input.SignUrl s) {
            String expires = s.expires() != null ? String.valueOf(s.expires().getEpochSecond())
                    : "-" + s.validity().negated().toMinutes() + "m";
            runs.add(run("sign URL --expires", Map.of(), null, concat(List.of("sign"), rsaKey,
                    List.of("--expires", expires, s.url()))));
            runs.add(run("sign --input - (bulk, stdin)", Map.of(), (s.url() + "\n").getBytes(StandardCharsets.UTF_8),
                    concat(List.of("sign"), rsaKey, List.of("--expires", expires, "--input", "-"))));
        } else if (in instanceof Input.Policy p) {
            List<String> options = policyOptions(p);
            String url = p.url() != null ? p.url() : URL;
            runs.add(run("sign with policy options", Map.of(), null, concat(List.of("sign"), rsaKey, options,
                    List.of(url))));
            runs.add(run("cookies with policy options", Map.of(), null, concat(List.of("cookies"), rsaKey, options,
                    List.of(url))));
            runs.add(run("policy with policy options", Map.of(), null, concat(List.of("policy", "--now", NOW),
                    options, List.of(url))));
        } else if (in instanceof Input.Cookies k) {
            runs.add(run("cookies without URL", Map.of(), null, concat(List.of("cookies"), rsaKey,
                    policyOptions(k.policy()))));
        } else if (in instanceof Input.ObjectKey o) {
            runs.add(run("sign --base-url OBJECT-KEY", Map.of(), null, concat(List.of("sign"), rsaKey,
                    List.of("--base-url", o.base(), o.key()))));
            runs.add(run("sign OBJECT-KEY with AWS_CLOUDFRONT_CUSTOM_DOMAIN",
                    Map.of("AWS_CLOUDFRONT_CUSTOM_DOMAIN", o.base()), null, concat(List.of("sign"), rsaKey,
                    List.of(o.key()))));
        } else if (in instanceof Input.KeyPairId k) {
            runs.add(run("sign --key-pair-id", Map.of(), null, "sign", "--private-key", rsa.toString(),
                    "--key-pair-id", k.id(), "--now", NOW, URL));
            runs.add(run("sign with AWS_CLOUDFRONT_KEY_ID", Map.of("AWS_CLOUDFRONT_KEY_ID", k.id(),
                    "AWS_CLOUDFRONT_PRIVATE_KEY", BadInputs.RSA_PEM), null, "sign", "--now", NOW, URL));
        } else if (in instanceof Input.Request r) {
            List<String> request = new ArrayList<>();
            if (r.cookieHeader() != null) {
                request.addAll(List.of("--cookie", r.cookieHeader()));
            }
            if (r.viewerIp() != null) {
                request.addAll(List.of("--ip", r.viewerIp()));
            }
            request.add(r.url());
            for (String command : List.of("verify", "explain")) {
                runs.add(run(command, Map.of(), null, concat(List.of(command, "--public-key", rsaPub.toString(),
                        "--key-pair-id", BadInputs.ID, "--now", NOW), request)));
            }
        } else {
            throw new IllegalArgumentException("no CLI form for " + in);
        }
        return runs;
    }

    private static List<String> policyOptions(Input.Policy p) {
        List<String> o = new ArrayList<>(List.of("--custom"));
        if (p.resource() != null) {
            o.addAll(List.of("--policy-resource", p.resource()));
        }
        if (p.activeFrom() != null) {
            o.addAll(List.of("--starts", epoch(p.activeFrom())));
        }
        if (p.expires() != null) {
            o.addAll(List.of("--expires", epoch(p.expires())));
        }
        if (p.ipRange() != null) {
            o.addAll(List.of("--ip", p.ipRange()));
        }
        return o;
    }

    private static String epoch(Instant t) {
        return String.valueOf(t.getEpochSecond());
    }

    /**
     * What the CLI's output must never hold for {@code c}: the catalogue's secrets (key bodies, signatures, signed
     * URLs' and cookies' credentials) and the body of every private key in this row's input.
     */
    static List<String> secrets(BadInputs.Case c) {
        List<String> s = new ArrayList<>(BadInputs.SECRETS);
        Input in = c.input();
        List<String> texts = in instanceof Input.PrivateKey k ? List.of(k.text())
                : in instanceof Input.EncryptedPrivateKey k ? List.of(k.pem())
                : in instanceof Input.PublicKey k ? List.of(k.text())
                : in instanceof Input.KeyPair k ? List.of(k.privatePem(), k.publicPem())
                : in instanceof Input.Environment e ? List.copyOf(e.variables().values())
                : List.of();
        for (String t : texts) {
            if (t.contains("PRIVATE KEY")) {
                String body = Fixtures.body(t);
                s.add(body);
                s.add(Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)));
            }
        }
        s.add(Fixtures.body(Cli.read(Cli.RSA_PEM)));
        s.add(Fixtures.body(Cli.read(Cli.EC_PEM)));
        return s;
    }

    /** The first 16-character window of any of {@code secrets} found in {@code text}, or null. */
    static String leak(String text, List<String> secrets) {
        for (String secret : secrets) {
            for (int i = 0; i + 16 <= secret.length(); i++) {
                String w = secret.substring(i, i + 16);
                if (text.contains(w)) {
                    return w;
                }
            }
        }
        return null;
    }

    private static Run run(String how, Map<String, String> env, byte[] stdin, String... args) {
        return new Run(how, env, stdin == null ? new byte[0] : stdin, List.of(args));
    }

    private static Run run(String how, Map<String, String> env, byte[] stdin, List<String> args) {
        return new Run(how, env, stdin == null ? new byte[0] : stdin, args);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
