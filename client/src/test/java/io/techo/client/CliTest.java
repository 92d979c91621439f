package io.techo.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.techo.client.CliRunner.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI without a server: usage errors, keystore errors, an unreachable gateway — one clear line and an exit code each. */
class CliTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String RECORD_ID = "019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b";

    @TempDir
    Path dir;

    private final CliRunner techo = new CliRunner(java.util.Map.of("TECHO_PASSPHRASE", PASSPHRASE, "TECHO_GATEWAY", "http://127.0.0.1:1"));

    @Test
    void usageErrorsExitWith2AndSayWhatIsWrong() {
        usage(techo.as(dir), "name a command");
        usage(techo.as(dir, "frobnicate"), "Unmatched argument");
        usage(techo.as(dir, "put", "a.txt"), "Missing required option: '--category=CATEGORY'");
        usage(techo.as(dir, "get", "not-a-uuid", "-o", "x"), "'not-a-uuid'");
        usage(techo.as(dir, "get", RECORD_ID), "Missing required option: '--output=FILE'");
        usage(techo.as(dir, "share", "--with", "dr-1", "--until", "2026-13-45", "-c", "x"), "not a date");
        usage(techo.as(dir, "share", "--with", "dr-1", "--until", "2027-01-31"), "name what to share");
        usage(techo.as(dir, "register"), "Missing required argument");
        usage(techo.as(dir, "register", "--name", "A", "--ticket", "t.json"), "mutually exclusive");
        usage(techo.as(dir, "verify", RECORD_ID, "--wait", "soon"), "not a duration");
        usage(techo.as(dir, "verify", RECORD_ID, "--iost-url", "ftp://node"), "--iost-url: not an http(s) URL");
        usage(techo.as(dir, "--gateway", "not a url", "ls"), "--gateway");
        usage(techo.as(dir, "operator", "enroll", "bad id!"), "not an account id");
    }

    @Test
    void helpIsThere() {
        Run help = techo.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("keys", "register", "login", "put", "ls", "get", "share", "revoke", "grants",
                "access-log", "erase", "export", "verify", "operator", "Exit codes");
        assertThat(techo.run("share", "--help").out()).contains("--with=CLINICIAN", "--until=DATE", "--purpose=CODE");
    }

    @Test
    void keysAreCreatedOnceAndShownWithoutThePassphrase() {
        Run init = techo.as(dir, "keys", "init");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("signing key").contains("encryption key");
        Run again = techo.as(dir, "keys", "init");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("techo: keys already exist in");
        Run shown = techo.with("TECHO_PASSPHRASE", "").as(dir, "--json", "keys", "show");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("\"signingKey\"", "\"encryptionKey\"").doesNotContain("Private");
    }

    @Test
    void aShortOrMissingPassphraseIsRefused() {
        Run tooShort = techo.with("TECHO_PASSPHRASE", "short").as(dir, "keys", "init");
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.err()).contains("at least 8 characters");
        Run none = new CliRunner(java.util.Map.of()).as(dir, "keys", "init");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no passphrase: set TECHO_PASSPHRASE or run techo in a terminal");
        assertThat(Files.exists(dir.resolve("keystore.json"))).isFalse();
    }

    @Test
    void aWrongPassphraseOrATamperedKeystoreStopsTheCommandClearly() throws Exception {
        techo.as(dir, "keys", "init");
        techo.as(dir, "operator", "enroll", "op-1");
        Run wrong = techo.with("TECHO_PASSPHRASE", "not the passphrase").as(dir, "login");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("techo: wrong passphrase for the keystore " + dir.resolve("keystore.json") + System.lineSeparator());

        Path keystore = dir.resolve("keystore.json");
        String text = Files.readString(keystore, StandardCharsets.UTF_8);
        String ciphertext = text.replaceAll("(?s).*\"ciphertext\" : \"([^\"]+)\".*", "$1");
        char flipped = ciphertext.charAt(10) == 'A' ? 'B' : 'A';
        Files.writeString(keystore, text.replace(ciphertext, ciphertext.substring(0, 10) + flipped + ciphertext.substring(11)));
        Run tampered = techo.as(dir, "login");
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.err()).contains("was altered").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableGatewayExitsWith3AndNoStackTrace() {
        techo.as(dir, "keys", "init");
        techo.as(dir, "operator", "enroll", "op-1");
        Run down = techo.as(dir, "login");
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(3);
        assertThat(down.err()).startsWith("techo: cannot reach the gateway at http://127.0.0.1:1").doesNotContain("\tat ");
        Run debug = techo.as(dir, "--debug", "login");
        assertThat(debug.exitCode()).isEqualTo(3);
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    void commandsThatNeedAnAccountSayWhichStepIsMissing() {
        techo.as(dir, "keys", "init");
        Run notRegistered = techo.as(dir, "ls");
        assertThat(notRegistered.exitCode()).isEqualTo(1);
        assertThat(notRegistered.err()).contains("is not registered yet: run `techo register`");
        Run noKeys = techo.as(dir.resolve("elsewhere"), "register", "--name", "Someone");
        assertThat(noKeys.exitCode()).isEqualTo(1);
        assertThat(noKeys.err()).contains("run `techo keys init` first");
    }

    private static void usage(Run run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).startsWith("techo: ").contains(message).contains("--help").doesNotContain("\tat ");
    }
}
