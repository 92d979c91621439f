package io.techo.client.cli;

import io.techo.client.Session;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "login", description = {"Log in with this device's signing key (challenge, signature, token).",
    "Other commands log in again by themselves when the token is about to expire."})
final class LoginCommand implements Callable<Integer> {

    private final CliContext context;

    LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Session session = context.client().login();
        context.output().result(Map.of("accountId", session.accountId(), "role", session.role(), "expiresAt", session.expiresAt().toString()),
                () -> "Logged in as " + session.role() + " " + session.accountId() + " until " + session.expiresAt() + ".\n");
        return ExitCodes.OK;
    }
}
