package dev.cfsign.junit;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.edge.EdgeConfig;
import dev.cfsign.edge.EdgeServer;
import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One running local edge as the {@link LocalEdgeExtension} hands it to a test: the {@link EdgeServer}, the folder it
 * serves, and a {@link CloudFrontSigner} whose key the edge trusts and whose base URL is the edge, so
 * {@code signer().signObject("report.pdf")} is a link the edge serves. Thread-safe; the extension closes it.
 *
 * @since 0.1
 */
public final class LocalEdge implements AutoCloseable {
    /** The key pair ID the edge trusts and the signer signs with. */
    public static final String KEY_PAIR_ID = "KLOCALEDGETEST";

    private final EdgeServer server;
    private final CloudFrontSigner signer;
    private final Path root;

    private LocalEdge(EdgeServer server, CloudFrontSigner signer, Path root) {
        this.server = server;
        this.signer = signer;
        this.root = root;
    }

    /** Generates a key, makes a temporary folder and starts an edge on a free port of 127.0.0.1 serving it. */
    static LocalEdge start(KeyType keyType, Consumer<EdgeConfig.Builder> customizer) {
        Path root = null;
        try {
            root = Files.createTempDirectory("cfsign-edge-");
            SigningKey key = SigningKey.generate(keyType);
            EdgeConfig.Builder config = EdgeConfig.builder().root(root).trust(KEY_PAIR_ID, key.verificationKey().orElseThrow());
            customizer.accept(config);
            EdgeServer server = EdgeServer.start(config.build());
            CloudFrontSigner signer = CloudFrontSigner.builder().keyPairId(KEY_PAIR_ID).signingKey(key)
                    .baseUrl(server.url().toString()).build();
            return new LocalEdge(server, signer, root);
        } catch (IOException e) {
            deleteQuietly(root);
            throw new UncheckedIOException("Cannot start the local edge: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(root);
            throw e;
        }
    }

    public EdgeServer server() {
        return server;
    }

    /** Signs with the key the edge trusts; object keys are signed on {@link #url()}. */
    public CloudFrontSigner signer() {
        return signer;
    }

    /** The folder the edge serves: write the objects your test needs here. */
    public Path root() {
        return root;
    }

    /** The edge's base URL, e.g. {@code http://127.0.0.1:39251}. */
    public URI url() {
        return server.url();
    }

    /** Stops the edge and deletes the folder. Called by the extension when the test or class is done. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            deleteQuietly(root);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover temporary folder is not worth failing a test run for.
        }
    }

    @Override
    public String toString() {
        return "LocalEdge[" + server.url() + ", Key-Pair-Id=" + KEY_PAIR_ID + ", root " + root + "]";
    }
}
