package com.example.app;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.edge.EdgeConfig;
import dev.cfsign.edge.EdgeServer;
import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the local edge on a folder, fetches a signed and an unsigned link, prints both statuses and the modules. */
public final class App {
    public static void main(String[] args) throws Exception {
        Path site = Files.createTempDirectory("consumer-site");
        Files.writeString(site.resolve("report.pdf"), "%PDF-1.7");
        SigningKey key = SigningKey.generate(KeyType.EC_P256);
        try (EdgeServer edge = EdgeServer.start(EdgeConfig.builder()
                .root(site)
                .trust("K2JCJMDEHXQW5F", key.verificationKey().orElseThrow())
                .build())) {
            CloudFrontSigner signer = CloudFrontSigner.builder().keyPairId("K2JCJMDEHXQW5F").signingKey(key).build();
            String signed = signer.signUrl(edge.url() + "/report.pdf", Duration.ofMinutes(5)).url();
            System.out.println("signed=" + status(signed) + " unsigned=" + status(edge.url() + "/report.pdf"));
            System.out.println("modules=" + App.class.getModule().getName() + "," + EdgeServer.class.getModule().getName()
                    + "," + CloudFrontSigner.class.getModule().getName() + ","
                    + org.eclipse.jetty.server.Server.class.getModule().getName());
        }
    }

    private static int status(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
