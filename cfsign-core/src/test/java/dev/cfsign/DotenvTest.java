package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfsign.keys.SigningKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The .env reader against the forms the seed recipe, shells and `cfsign env` write. */
class DotenvTest {
    @Test
    void parse_seedForms_valuesAsAShellWouldSeeThem() {
        String text = "# CloudFront\r\n"
                + "export AWS_CLOUDFRONT_KEY_ID=K2JCJMDEHXQW5F   # the key's ID\r\n"
                + "\r\n"
                + "AWS_CLOUDFRONT_DOMAIN = 'd111111abcdef8.cloudfront.net'\r\n"
                + "A=\"x\\\\y \\\"q\\\" \\$HOME\"  # comment\n"
                + "B='literal \\n $HOME'\n"
                + "EMPTY=\n"
                + "MULTI=\"line1\nline2\"\n";
        Map<String, String> v = Dotenv.parse(text, ".env");
        assertThat(v).containsExactly(
                Map.entry("AWS_CLOUDFRONT_KEY_ID", "K2JCJMDEHXQW5F"),
                Map.entry("AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net"),
                Map.entry("A", "x\\y \"q\" $HOME"),
                Map.entry("B", "literal \\n $HOME"),
                Map.entry("EMPTY", ""),
                Map.entry("MULTI", "line1\nline2"));
    }

    @Test
    void parse_oneLinePemInDoubleQuotes_isTheKey() {
        String pem = SigningKey.of(TestKeys.RSA_2048.getPrivate()).exportPkcs8Pem();
        String line = "AWS_CLOUDFRONT_PRIVATE_KEY=\"" + pem.strip().replace("\n", "\\n") + "\"\n";
        String value = Dotenv.parse(line, ".env").get("AWS_CLOUDFRONT_PRIVATE_KEY");
        assertThat(value).isEqualTo(pem.strip());
        assertThat(SigningKey.fromPem(value).keyType()).isEqualTo(SigningKey.of(TestKeys.RSA_2048.getPrivate()).keyType());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SECRET=ok\\nnot an assignment|.env line 2|",
        "SECRET=\"unterminated|.env line 1|SECRET",
        "SECRET=\"a\\qb\"|.env line 1|SECRET",
        "SECRET=\"a\" trailing|.env line 1|SECRET",
        "SECRET=a\\nSECRET=b|.env line 2|SECRET",
        "1SECRET=x|.env line 1|",
        "SECRET=it's|.env line 1|SECRET",
    })
    void parse_badLines_lineNumberAndNameWithoutTheValue(String escaped, String where, String name) {
        String text = escaped.replace("\\n", "\n");
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> Dotenv.parse(text, ".env"));
        assertThat(e.getMessage()).contains(where);
        if (name != null) {
            assertThat(e.problems().get(0).variable()).isEqualTo(name);
        }
        assertThat(e.getMessage()).doesNotContain("unterminated").doesNotContain("trailing").doesNotContain("a\\qb");
    }
}
