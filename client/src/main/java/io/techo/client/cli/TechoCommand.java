package io.techo.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "techo", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "techo 0.1.0",
        description = "Techo: your health records, encrypted on this device, shared on your terms, provable on IOST.",
        subcommands = {KeysCommand.class, RegisterCommand.class, LoginCommand.class, PutCommand.class, ListCommand.class,
            GetCommand.class, ShareCommand.class, RevokeCommand.class, GrantsCommand.class, AccessLogCommand.class,
            EraseCommand.class, ExportCommand.class, VerifyCommand.class, OperatorCommand.class, WhoamiCommand.class},
        footer = {"", "Environment: TECHO_HOME (profile directory), TECHO_GATEWAY, TECHO_PASSPHRASE, TECHO_IOST_URL.",
            "Exit codes: 0 ok, 1 refused or failed, 2 usage error, 3 gateway or service unavailable."})
final class TechoCommand implements Runnable {

    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command");
    }
}
