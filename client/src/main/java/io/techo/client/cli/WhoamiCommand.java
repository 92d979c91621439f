package io.techo.client.cli;

import io.techo.client.Profile;
import io.techo.client.SetupException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "whoami", description = "Print this profile's account id (and, with --json, its role and profile directory).")
final class WhoamiCommand implements Callable<Integer> {

    private final CliContext context;

    WhoamiCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Profile profile = context.profile();
        String accountId = profile.accountId().orElseThrow(() -> new SetupException("this profile (" + profile.directory()
                + ") is not registered yet: run `techo register`"));
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("accountId", accountId);
        who.put("role", profile.role().orElse("unknown"));
        who.put("profile", profile.directory().toString());
        context.output().result(who, () -> accountId + "\n");
        return ExitCodes.OK;
    }
}
