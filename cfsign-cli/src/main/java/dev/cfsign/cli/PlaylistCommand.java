package dev.cfsign.cli;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.media.ManifestException;
import dev.cfsign.media.ManifestSigner;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfsign playlist}: an HLS playlist or DASH MPD rewritten so every covered URI carries a signature. */
@Command(name = "playlist", mixinStandardHelpOptions = true,
        description = {"Rewrite an HLS playlist (.m3u8) or DASH MPD (.mpd) so that every URI in it that the grant"
                + " covers carries a signature: players that cannot send cookies then play a stream from one signed"
                + " link. The format is detected from the content.",
            "Default: one custom policy on --policy-resource (the playlist's folder followed by *), signed once and"
                + " appended everywhere. --per-uri: one canned signature per URI instead (no folder grant)."},
        sortOptions = false)
final class PlaylistCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Option(names = "--url", required = true, paramLabel = "PLAYLIST_URL",
            description = "The URL players fetch the playlist from (https://cdn.example.com/videos/s1/master.m3u8):"
                    + " relative URIs in it resolve against this URL.")
    String url;

    @Option(names = "--input", paramLabel = "FILE", defaultValue = "-",
            description = "The playlist or MPD to rewrite (UTF-8); - for standard input. Default: ${DEFAULT-VALUE}.")
    String input;

    @Mixin
    OutputFileOptions output;

    @Option(names = "--per-uri", description = "Sign each covered URI on its own (canned policy; a custom policy per"
            + " URI with --starts or --ip) instead of one folder policy for the whole stream.")
    boolean perUri;

    @Mixin
    PolicyOptions policy;

    @Mixin
    KeyOptions keys;

    @Mixin
    EnvFileOption envFile;

    @Override
    public Integer call() throws IOException {
        if ("-".equals(input) && keys.readsStdin()) {
            throw new ParameterException(spec.commandLine(), "Standard input cannot hold both the key"
                    + " (--private-key -) and the playlist (--input -): put one of them in a file.");
        }
        Context ctx = envFile.apply(root.context());
        Clock clock = Clocks.of(root);
        CloudFrontSigner signer = keys.signer(ctx, clock);
        ManifestSigner streams = ManifestSigner.builder(signer).policy(policy.customPolicy(clock.instant()))
                .perUri(perUri).build();
        try (Reader in = "-".equals(input) ? new InputStreamReader(ctx.stdin(), StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
            return output.write(spec.commandLine().getOut(), out -> rewrite(streams, in, out),
                    code -> code == ExitCodes.OK);
        }
    }

    private int rewrite(ManifestSigner streams, Reader in, Writer out) throws IOException {
        try {
            streams.sign(url, in, out);
            return ExitCodes.OK;
        } catch (ManifestException e) {
            throw CliException.invalid("--input " + input + ": " + e.getMessage());
        }
    }
}
