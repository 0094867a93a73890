package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.keys.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    @Test
    void fewSignatures_useTheJdkProviderOfTheKeysFamily() {
        assertThat(Providers.forFewSignatures(KeyType.RSA_2048).getName()).isEqualTo("SunRsaSign");
        assertThat(Providers.forFewSignatures(KeyType.EC_P256).getName()).isEqualTo("SunEC");
        assertThat(Providers.forFewSignatures(List.of(KeyType.EC_P256, KeyType.EC_P256)).getName()).isEqualTo("SunEC");
    }

    @Test
    void mixedFamilies_orNoKeys_leaveTheChoiceToCore() {
        // No JDK provider does both RSA and ECDSA; core's default (Corretto when healthy, else per-algorithm) does.
        assertThat(Providers.forFewSignatures(List.of(KeyType.RSA_2048, KeyType.EC_P256))).isNull();
        assertThat(Providers.forFewSignatures(List.of())).isNull();
    }
}
