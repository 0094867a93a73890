package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge does not pool its buffers (see {@link EdgeServer#byteBufferPool()}): with Jetty's pool, a buffer released
 * while still in use went to another connection, which then answered a valid request 400 or cut a response short
 * (about once in 100,000 answers under {@code cfsign-bench/edge-hostile}).
 */
class EdgeBufferPoolTest {
    @TempDir
    Path root;

    @Test
    void runningEdge_usesNoBufferPool_andHeapBuffers() throws Exception {
        Files.writeString(root.resolve("a.txt"), "hello");
        try (EdgeServer edge = EdgeServer.start(EdgeConfig.builder().root(root)
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).accessLog(line -> { }).build())) {
            assertThat(edge.bufferPool()).isInstanceOf(ByteBufferPool.NonPooling.class);
            HttpConnectionFactory http = edge.connectionFactory();
            assertThat(http.isUseInputDirectByteBuffers()).isFalse();
            assertThat(http.isUseOutputDirectByteBuffers()).isFalse();
        }
    }

    @Test
    void aReleasedBuffer_isNeverHandedToTheNextUser() {
        ByteBufferPool pool = EdgeServer.byteBufferPool();
        RetainableByteBuffer first = pool.acquire(4096, false);
        ByteBuffer firstBytes = first.getByteBuffer();
        first.release(); // released while (by a bug) its old owner could still be writing or parsing through it
        RetainableByteBuffer next = pool.acquire(4096, false);
        try {
            assertThat(next.getByteBuffer()).isNotSameAs(firstBytes);
        } finally {
            next.release();
        }
    }
}
