package io.techo.client.cli;

import io.techo.client.Profile;
import io.techo.client.keystore.Keystore;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "keys", description = "Create or show this device's keys.", subcommands = {KeysCommand.Init.class, KeysCommand.Show.class})
final class KeysCommand {

    @Command(name = "init", description = "Generate signing and encryption keys into a new passphrase-protected keystore.")
    static final class Init implements Callable<Integer> {

        private final CliContext context;

        Init(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Profile profile = context.profile();
            Keystore.PublicKeys keys = profile.initKeys(context.newPassphrase());
            context.output().result(describe(profile, keys), () -> "Created keys in " + profile.keystoreFile() + "\n"
                    + "  signing key    " + keys.signingKeyId() + "\n"
                    + "  encryption key " + keys.encryptionKeyId() + "\n"
                    + "Next: `techo register --name \"Your Name\"` (patients); clinicians give `techo keys show --json` to their operator.\n");
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show the public keys and the account of this profile (no passphrase needed).")
    static final class Show implements Callable<Integer> {

        private final CliContext context;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Profile profile = context.profile();
            Keystore.PublicKeys keys = profile.publicKeys();
            Map<String, Object> shown = describe(profile, keys);
            context.output().result(shown, () -> "profile        " + profile.directory() + "\n"
                    + "account        " + profile.accountId().orElse("(not registered)") + profile.role().map(r -> " (" + r + ")").orElse("") + "\n"
                    + "signing key    " + keys.signingKeyId() + "  " + shown.get("signingKey") + "\n"
                    + "encryption key " + keys.encryptionKeyId() + "  " + shown.get("encryptionKey") + "\n");
            return ExitCodes.OK;
        }
    }

    /** The public description of a profile's keys; also the file an operator takes to register a clinician. */
    static Map<String, Object> describe(Profile profile, Keystore.PublicKeys keys) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("profile", profile.directory().toString());
        profile.accountId().ifPresent(id -> shown.put("accountId", id));
        profile.role().ifPresent(role -> shown.put("role", role));
        shown.put("signingKeyId", keys.signingKeyId());
        shown.put("signingKey", Base64.getEncoder().encodeToString(keys.signingPublicKey()));
        shown.put("encryptionKeyId", keys.encryptionKeyId());
        shown.put("encryptionKey", Base64.getEncoder().encodeToString(keys.encryptionPublicKey()));
        return shown;
    }
}
