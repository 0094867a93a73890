package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every failing case of {@link BadInputs} and checks that no message, {@code toString()} or cause in the chain
 * contains any 16-character window of a key's base64 body, a signature, or a signed URL's credentials. The CLI's
 * half is cfsign-cli's {@code CatalogueLeakTest}, which runs the same rows (through this module's tests jar) through
 * every way the CLI takes each input and checks its stdout and stderr.
 */
class SecretLeakTest {
    @Test
    void everyFailure_reportsNoKeyMaterialSignatureOrSignedUrl() {
        List<String> windows = new ArrayList<>();
        for (String secret : BadInputs.SECRETS) {
            for (int i = 0; i + 16 <= secret.length(); i++) {
                windows.add(secret.substring(i, i + 16));
            }
        }
        assertThat(windows).hasSizeGreaterThan(5000);
        List<String> leaks = new ArrayList<>();
        int texts = 0;
        for (BadInputs.Case c : BadInputs.all()) {
            Throwable t = catchThrowable(() -> c.call().get());
            assertThat(t).as(c.toString()).isNotNull();
            for (Throwable x = t; x != null; x = x.getCause()) {
                for (String text : new String[] {x.getMessage(), x.toString(), x.getLocalizedMessage()}) {
                    texts++;
                    for (String w : windows) {
                        if (text != null && text.contains(w)) {
                            leaks.add(c + " reports '" + w + "'");
                            break;
                        }
                    }
                }
            }
        }
        assertThat(texts).isGreaterThan(100);
        assertThat(leaks).as("secrets in failure reports").isEmpty();
    }

    /** The leak check itself works: a message holding a signature window is caught. */
    @Test
    void windows_catchASignatureQuotedInAMessage() {
        String sig = BadInputs.signature(BadInputs.SIGNED);
        String message = "bad signature " + sig.substring(40, 60);

        assertThat(BadInputs.SECRETS.stream().anyMatch(s -> s.contains(sig))).isTrue();
        assertThat(message).contains(sig.substring(41, 57));
    }
}
