package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {
    @Test
    void oneLine_base64RunsAndSignedQueries_redacted() {
        String msg = "bad key MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDfIBZ\nnext line"
                + " https://x/a?Expires=1&Signature=abc~def-ghi&Key-Pair-Id=K1";
        String r = Redact.oneLine(msg);
        assertThat(r).isEqualTo("bad key <redacted> next line https://x/a?Expires=1&Signature=<redacted>&Key-Pair-Id=K1");
    }

    @Test
    void oneLine_identifiersAndPaths_kept() {
        String msg = "AWS_CLOUDFRONT_CUSTOM_DOMAIN: EXPIRATION_NOT_IN_FUTURE /tmp/junit1234567890123/Project2024/key.pem";
        assertThat(Redact.oneLine(msg)).isEqualTo(msg);
    }
}
