package io.techo.client.cli;

import io.techo.client.ApiException;
import io.techo.client.UnavailableException;
import picocli.CommandLine;

/**
 * Turns an exception into one line on stderr and an exit code ({@link ExitCodes}); the stack trace only with
 * {@code --debug}.
 */
final class ErrorReport implements CommandLine.IExecutionExceptionHandler {

    private final CliContext context;

    ErrorReport(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        var err = context.terminal().err();
        err.println("techo: " + message(e));
        if (e instanceof IllegalArgumentException) {
            err.println("Try '" + command.getCommandSpec().qualifiedName(" ") + " --help'.");
        }
        if (context.options().debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    static int exitCode(Exception e) {
        if (e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof UnavailableException) {
            return ExitCodes.UNAVAILABLE;
        }
        return ExitCodes.FAILED;
    }

    private static String message(Exception e) {
        if (e instanceof ApiException api) {
            return switch (api.status()) {
                case 401 -> "not logged in or the login was refused: " + api.getMessage();
                case 403 -> "access denied: " + api.getMessage();
                case 404 -> "not found: " + api.getMessage();
                case 410 -> "gone: " + api.getMessage();
                default -> "the server refused: " + api.getMessage();
            };
        }
        if (e instanceof io.techo.client.TechoException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "unexpected error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "); run again with --debug for details";
    }
}
