package dev.cfsign.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cfsign.BadInputs;
import dev.cfsign.BadInputs.Input;
import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Core's bad-input catalogue (one catalogue, from core's tests jar) through the starter: every row whose input is a
 * key, a key pair, a key pair ID or the seed's variables is given as {@code cfsign.*} properties (key text, or a
 * {@code file:} resource) or as the variables. Each must fail start-up with a {@link ConfigurationException}, and
 * neither the exception chain nor the failure report may hold any 16-character window of a key body or signature.
 */
class StarterSecretLeakTest {
    /**
     * Straight through the settings reader and the analyzer (the bean wiring has its own tests): ~40 Spring contexts
     * would cost most of a minute on a busy machine.
     */
    @Test
    void catalogueRowsFailWithoutEchoingSecrets(@TempDir Path dir) throws IOException {
        int runs = 0;
        for (BadInputs.Case c : BadInputs.all()) {
            List<String> secrets = secrets(c);
            for (Map<String, Object> properties : properties(c, dir.resolve("row" + runs))) {
                runs++;
                StandardEnvironment environment = new StandardEnvironment();
                environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
                environment.getPropertySources().addFirst(new MapPropertySource("row", properties));
                CfsignSettings settings = CfsignSettings.bind(environment, new DefaultResourceLoader());
                boolean trustOnly = c.input() instanceof Input.PublicKey;
                Throwable failure = catchThrowable(() -> {
                    Object made = trustOnly ? settings.verifier() : settings.signer();
                    assertThat(made).isNotNull();
                });
                assertThat(failure).as("%s: %s", c, properties.keySet()).isInstanceOf(ConfigurationException.class);
                FailureAnalysis report = new CfsignFailureAnalyzer().analyze(failure);
                StringBuilder text = new StringBuilder(report.getDescription()).append(report.getAction());
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    text.append('\n').append(t);
                }
                assertThat(leak(text.toString(), secrets)).as("%s: %s", c, properties.keySet()).isNull();
            }
        }
        assertThat(runs).isGreaterThan(20);
    }

    /** The check finds what it looks for: a planted window of a key body or a signature. */
    @Test
    void theCheckCanFail() {
        List<String> secrets = secrets(BadInputs.all().get(0));
        assertThat(leak("cfsign.private-key: line 2 " + TestKeys.secretBody().substring(10, 26) + " is bad", secrets))
                .isNotNull();
        assertThat(leak("bad signature " + BadInputs.SECRETS.get(BadInputs.SECRETS.size() - 1).substring(3, 19), secrets))
                .isNotNull();
        assertThat(leak("cfsign.private-key: the value looks truncated.", secrets)).isNull();
    }

    /** The ways the starter takes a row's input; none for rows about URLs, policies or requests. */
    private static List<Map<String, Object>> properties(BadInputs.Case c, Path dir) throws IOException {
        List<Map<String, Object>> ways = new ArrayList<>();
        Input in = c.input();
        if (in instanceof Input.PrivateKey k) {
            ways.add(signer(k.text()));
            ways.add(signer("file:" + write(dir, k.text().getBytes(StandardCharsets.UTF_8))));
        } else if (in instanceof Input.PrivateKeyDer k) {
            ways.add(signer("file:" + write(dir, k.der())));
        } else if (in instanceof Input.EncryptedPrivateKey k) {
            ways.add(signer(k.pem()));
        } else if (in instanceof Input.PublicKey k) {
            ways.add(Map.of(CfsignSettings.TRUST + "." + BadInputs.ID, k.text()));
        } else if (in instanceof Input.KeyPair k) {
            Map<String, Object> both = signer(k.privatePem());
            both.put(CfsignSettings.TRUST + "." + BadInputs.ID, k.publicPem());
            ways.add(both);
        } else if (in instanceof Input.KeyPairId k) {
            Map<String, Object> id = signer(TestKeys.privatePem());
            id.put(CfsignSettings.KEY_PAIR_ID, k.id());
            ways.add(id);
        } else if (in instanceof Input.Environment e && (e.variables().containsKey(CloudFrontEnvironment.KEY_ID)
                || e.variables().containsKey(CloudFrontEnvironment.PRIVATE_KEY))) {
            ways.add(Map.copyOf(e.variables())); // with neither, the starter makes no signer (its own test)
        }
        return ways;
    }

    private static Map<String, Object> signer(String privateKey) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CfsignSettings.KEY_PAIR_ID, BadInputs.ID);
        p.put(CfsignSettings.PRIVATE_KEY, privateKey);
        p.put(CfsignSettings.DOMAIN, "d111111abcdef8.cloudfront.net");
        return p;
    }

    private static Path write(Path dir, byte[] content) throws IOException {
        Files.createDirectories(dir);
        return Files.write(Files.createTempFile(dir, "key", ".pem"), content);
    }

    /** Core's secrets, plus the body (and base64) of every key in this row's input, and the test's own key. */
    private static List<String> secrets(BadInputs.Case c) {
        List<String> s = new ArrayList<>(BadInputs.SECRETS);
        List<String> texts = new ArrayList<>(List.of(TestKeys.privatePem()));
        Input in = c.input();
        if (in instanceof Input.PrivateKey k) {
            texts.add(k.text());
        } else if (in instanceof Input.EncryptedPrivateKey k) {
            texts.add(k.pem());
        } else if (in instanceof Input.KeyPair k) {
            texts.add(k.privatePem());
        } else if (in instanceof Input.Environment e) {
            texts.addAll(e.variables().values());
        }
        for (String t : texts) {
            if (t.contains("PRIVATE KEY")) {
                s.add(t.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("(?m)^[A-Za-z-]+:.*$", "").replaceAll("\\s", ""));
                s.add(Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return s;
    }

    private static String leak(String text, List<String> secrets) {
        for (String secret : secrets) {
            for (int i = 0; i + 16 <= secret.length(); i++) {
                if (text.contains(secret.substring(i, i + 16))) {
                    return secret.substring(i, i + 16);
                }
            }
        }
        return null;
    }
}
