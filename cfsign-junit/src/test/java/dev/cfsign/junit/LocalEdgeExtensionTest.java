package dev.cfsign.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.edge.EdgeServer;
import dev.cfsign.keys.KeyType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs sample test classes through the JUnit engine with parallel execution on, and checks what they saw: real edges
 * that serve signed links (200) and deny unsigned ones (403), one per class or per method, all stopped and their
 * folders deleted afterwards.
 */
class LocalEdgeExtensionTest {
    /** Every edge the samples were given, to check after the run that each was stopped and cleaned up. */
    static final Set<LocalEdge> SEEN = ConcurrentHashMap.newKeySet();
    /** The samples' tests wait here for each other: the run fails unless they really ran at the same time. */
    static volatile CountDownLatch together;

    private static Events run(Class<?> sample, int concurrent) {
        return execute(sample, concurrent).testEvents();
    }

    private static EngineExecutionResults execute(Class<?> sample, int concurrent) {
        SEEN.clear();
        together = new CountDownLatch(concurrent);
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(sample)).execute();
        results.allEvents().failed().stream().map(LocalEdgeExtensionTest::failure).forEach(System.err::println);
        return results;
    }

    /** A signed link to a file the test writes is served; the same URL unsigned is denied. */
    static void servesSignedOnly(LocalEdge edge, String name) throws Exception {
        SEEN.add(edge);
        Files.writeString(edge.root().resolve(name), "hello " + name);
        String signed = edge.signer().signObject(name, Duration.ofMinutes(5)).url();
        assertThat(signed).startsWith(edge.url() + "/" + name + "?Expires=");
        HttpClient http = HttpClient.newHttpClient();
        var ok = http.send(HttpRequest.newBuilder(URI.create(signed)).build(), BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello " + name);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(edge.url() + "/" + name)).build(), BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
    }

    private static String failure(Event e) {
        return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).map(String::valueOf)
                .orElse("");
    }

    static void waitForTheOthers() throws InterruptedException {
        together.countDown();
        assertThat(together.await(30, TimeUnit.SECONDS)).as("tests ran in parallel").isTrue();
    }

    private static void allStoppedAndDeleted() {
        assertThat(SEEN).allSatisfy(edge -> {
            assertThat(edge.server().isRunning()).as("stopped").isFalse();
            assertThat(edge.root()).doesNotExist();
        });
    }

    @Test
    void perClassEdgeIsSharedByParallelTests() {
        run(PerClassSample.class, 3).assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(SEEN).hasSize(1);
        allStoppedAndDeleted();
    }

    @Test
    void perMethodEdgesAreSeparate() {
        run(PerMethodSample.class, 3).assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(SEEN).hasSize(3);
        assertThat(SEEN.stream().map(e -> e.server().port()).distinct()).hasSize(3);
        allStoppedAndDeleted();
    }

    @Test
    void instanceFieldRegistrationAndRsaKeys() {
        run(InstanceFieldSample.class, 2).assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2).allSatisfy(e -> assertThat(e.signer().signingKey().keyType()).isEqualTo(KeyType.RSA_2048));
        allStoppedAndDeleted();
    }

    @Test
    void perMethodEdgeIsRefusedInBeforeAll() {
        Events containers = execute(PerMethodInBeforeAllSample.class, 1).containerEvents();
        assertThat(containers.failed().stream().map(LocalEdgeExtensionTest::failure))
                .anySatisfy(m -> assertThat(m).contains("perMethod()", "perClass()"));
        assertThat(SEEN).isEmpty();
    }

    @ExtendWith(LocalEdgeExtension.class)
    static class PerClassSample {
        private final LocalEdge fromConstructor;

        PerClassSample(LocalEdge edge) {
            this.fromConstructor = edge;
        }

        @Test
        void a(LocalEdge edge) throws Exception {
            assertThat(edge).isSameAs(fromConstructor);
            servesSignedOnly(edge, "a.txt");
            waitForTheOthers();
        }

        @Test
        void b(EdgeServer server, CloudFrontSigner signer, @EdgeRoot Path root, @TempDir Path ownTemp) throws Exception {
            assertThat(root).isEqualTo(fromConstructor.root()).isNotEqualTo(ownTemp);
            assertThat(server).isSameAs(fromConstructor.server());
            assertThat(signer).isSameAs(fromConstructor.signer());
            servesSignedOnly(fromConstructor, "b.txt");
            waitForTheOthers();
        }

        @Test
        void c(LocalEdge edge) throws Exception {
            servesSignedOnly(edge, "c.txt");
            waitForTheOthers();
        }
    }

    static class PerMethodSample {
        @RegisterExtension
        static LocalEdgeExtension edges = LocalEdgeExtension.perMethod();

        /** Each repetition is a test method invocation of its own: its own edge, concurrently with the others. */
        @RepeatedTest(3)
        void each(LocalEdge edge, EdgeServer server, CloudFrontSigner signer) throws Exception {
            assertThat(server).isSameAs(edge.server());
            assertThat(signer).isSameAs(edge.signer());
            servesSignedOnly(edge, "same.txt");
            waitForTheOthers();
        }
    }

    static class InstanceFieldSample {
        @RegisterExtension
        LocalEdgeExtension edges = LocalEdgeExtension.perMethod().withKeyType(KeyType.RSA_2048)
                .configure(config -> config.publicPath("/public/*"));

        @Test
        void signed(LocalEdge edge) throws Exception {
            servesSignedOnly(edge, "x.txt");
            waitForTheOthers();
        }

        @Test
        void publicPathFromConfigure(LocalEdge edge) throws Exception {
            SEEN.add(edge);
            Files.createDirectories(edge.root().resolve("public"));
            Files.writeString(edge.root().resolve("public/p.txt"), "open");
            var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge.url() + "/public/p.txt")).build(),
                    BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            waitForTheOthers();
        }
    }

    static class PerMethodInBeforeAllSample {
        @RegisterExtension
        static LocalEdgeExtension edges = LocalEdgeExtension.perMethod();

        @BeforeAll
        static void tooEarly(LocalEdge edge) {
            SEEN.add(edge);
        }

        @Test
        void never() {}
    }

}
