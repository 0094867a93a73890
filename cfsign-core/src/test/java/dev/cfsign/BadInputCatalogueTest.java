package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cfsign.keys.Fixtures;
import dev.cfsign.keys.SigningKey;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad input of {@link BadInputs} gives its typed exception and reason, with a message that names the rule
 * broken and the fix. One row per case; the rows are in {@link BadInputs#all()}.
 */
class BadInputCatalogueTest {
    static List<BadInputs.Case> cases() {
        return BadInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_givesTypedErrorNamingRuleAndFix(BadInputs.Case c) {
        Throwable t = catchThrowable(() -> c.call().get());

        assertThat(t).as(c.toString()).isInstanceOf(c.type());
        assertThat(((CloudFrontSigningException) t).reason()).as(c.toString()).isEqualTo(c.reason());
        String message = t.getMessage().toLowerCase(Locale.ROOT);
        for (String keyword : c.keywords()) {
            assertThat(message).as(c + ": message names the rule and the fix").contains(keyword.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void catalogue_coversEachAreaWithAtLeastFortyCases() {
        List<BadInputs.Case> all = BadInputs.all();
        assertThat(all.size()).isGreaterThanOrEqualTo(40);
        assertThat(all).extracting(BadInputs.Case::area).contains("keys", "configuration", "urls", "verification");
    }

    /** Windows line endings are not a bad input: CRLF keys load. */
    @ParameterizedTest
    @ValueSource(strings = {"rsa-2048.pkcs8.pem", "rsa-2048.pkcs1.pem", "ec-p256.pkcs8.pem", "ec-p256.sec1.pem",
        "ec-p256-ecparam.pem"})
    void fromPem_windowsLineEndings_loads(String fixture) {
        String crlf = Fixtures.text(fixture).replace("\r\n", "\n").replace("\n", "\r\n");

        assertThat(SigningKey.fromPem(crlf).keyType()).isEqualTo(SigningKey.fromPem(Fixtures.text(fixture)).keyType());
    }
}
