package io.techo.client.cli;

import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;

/** Builds the {@code techo} command line: commands get the {@link CliContext}; errors become exit codes. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine commandLine(Map<String, String> environment, Terminal terminal) {
        CliContext context = new CliContext(environment, terminal);
        CommandLine commandLine = new CommandLine(TechoCommand.class, new Factory(context));
        commandLine.setOut(terminal.out());
        commandLine.setErr(terminal.err());
        commandLine.setExecutionExceptionHandler(new ErrorReport(context));
        commandLine.setParameterExceptionHandler(Cli::usageError);
        return commandLine;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        var err = command.getErr();
        err.println("techo: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName(" ") + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Creates commands with the context when they take it, and hands out the context's global options. */
    private record Factory(CliContext context) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == GlobalOptions.class) {
                return type.cast(context.options());
            }
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
                withContext.setAccessible(true);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
