package dev.cfsign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.ViewerRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The promise, in a separate JVM: an application with nothing but the seed's {@code AWS_CLOUDFRONT_*}
 * environment variables (real ones, no {@code cfsign.*} anywhere) gets a working signer.
 */
class VariablesOnlyProcessTest {
    @Test
    void seedEnvironmentAloneConfiguresTheSigner() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), App.class.getName());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("CFSIGN"));
        env.put(CloudFrontEnvironment.KEY_ID, TestKeys.ID);
        env.put(CloudFrontEnvironment.PRIVATE_KEY, TestKeys.privatePem().replace("\n", "\\n"));
        env.put(CloudFrontEnvironment.DOMAIN, "d111111abcdef8.cloudfront.net");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String url = out.lines().filter(l -> l.startsWith("https://")).findFirst().orElseThrow();
        assertThat(url).startsWith("https://d111111abcdef8.cloudfront.net/a.txt?Expires=");
        CloudFrontVerifier judge = CloudFrontVerifier.builder().trust(TestKeys.ID, TestKeys.publicKey()).build();
        assertThat(judge.check(ViewerRequest.of(url)).isAllowed()).isTrue();
    }

    /** The application: auto-configuration only, prints one signed link. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        public static void main(String[] args) {
            SpringApplication app = new SpringApplication(App.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setLogStartupInfo(false);
            try (ConfigurableApplicationContext context = app.run(args)) {
                System.out.println(context.getBean(CloudFrontSigner.class).signObject("a.txt", Duration.ofMinutes(5)).url());
            }
        }
    }
}
