package dev.cfsign.cli;

import dev.cfsign.CloudFrontEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --env-file FILE}, for every command that reads the {@code AWS_CLOUDFRONT_*} variables: the file's values
 * take the place of the environment's, as {@link CloudFrontEnvironment#withEnvFile} defines.
 */
final class EnvFileOption {
    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Read the AWS_CLOUDFRONT_* variables from this .env file instead of the environment"
                    + " (NAME=value lines; comments, export, quotes, \\n in double quotes, CRLF).")
    Path envFile;

    /** {@code ctx} with the file's variables in place of the environment's; {@code ctx} itself without the option. */
    Context apply(Context ctx) {
        if (envFile == null) {
            return ctx;
        }
        try {
            return ctx.withEnv(CloudFrontEnvironment.withEnvFile(ctx.env(), envFile));
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "Cannot read --env-file " + envFile + ": " + ErrorHandler.message(e), e);
        }
    }
}
