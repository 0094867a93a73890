package dev.cfsign.edge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/** The edge's handlers on an in-memory {@link LocalConnector}: raw HTTP in, parsed response out. */
final class LocalEdge implements AutoCloseable {
    final Server server = new Server();
    final LocalConnector connector;
    final SignedAccessHandler access;
    final List<String> log = new CopyOnWriteArrayList<>();

    LocalEdge(EdgeConfig.Builder config) throws Exception {
        connector = new LocalConnector(server, new HttpConnectionFactory(EdgeServer.httpConfiguration()));
        server.addConnector(connector);
        access = EdgeServer.install(server, config.accessLog(log::add).build());
        server.start();
    }

    /** GET {@code target} (path and query as on the wire) with extra header lines. */
    HttpTester.Response get(String target, String... headers) throws Exception {
        return request("GET", target, headers);
    }

    HttpTester.Response request(String method, String target, String... headers) throws Exception {
        StringBuilder sb = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(TestKeys.HOST).append("\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        int before = log.size();
        HttpTester.Response r = HttpTester.parseResponse(connector.getResponse(sb.toString()));
        // The access log is written just after the response completes: wait for this request's line.
        for (int i = 0; i < 400 && log.size() <= before; i++) {
            Thread.sleep(5);
        }
        return r;
    }

    /** The access-log line of the last request. */
    String lastLogLine() {
        return log.get(log.size() - 1);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
