package io.techo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.techo.client.fhir.FhirBundle;
import io.techo.client.keystore.DeviceKeys;
import io.techo.client.keystore.Keystore;
import io.techo.client.keystore.SecureFiles;
import io.techo.common.events.EventJson;
import io.techo.common.ids.Uuids;
import io.techo.verify.VerificationReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Techo SDK: what a patient's, clinician's or operator's device does, as a library. It encrypts, signs, wraps
 * and decrypts on the device and talks only to the gateway. The private keys are unlocked from the profile's keystore
 * the first time an operation needs them (signing, decrypting, logging in); a stored access token is reused until a
 * minute before it expires, then the device logs in again by itself.
 *
 * <p>Errors: {@link ApiException} (the server refused, with its problem+json), {@link UnavailableException} (gateway
 * or a service unreachable), {@link IntegrityException} (a check on server data failed), {@link SetupException} and
 * {@link io.techo.client.keystore.KeystoreException} (something on this device).
 */
public final class TechoClient {

    private final Profile profile;
    private final GatewayHttp http;
    private final Supplier<DeviceKeys> device;
    private final Clock clock;
    private final Authentication authentication;
    private final Registration registration;
    private final Records records;
    private final Grants grants;
    private final AnchorVerification anchors;

    /**
     * @param passphrase asked only when the private keys are first needed
     */
    public TechoClient(Profile profile, URI gateway, Supplier<char[]> passphrase) {
        this(profile, new GatewayHttp(gateway), passphrase, Clock.systemUTC());
    }

    public TechoClient(Profile profile, GatewayHttp http, Supplier<char[]> passphrase, Clock clock) {
        this.profile = profile;
        this.http = http;
        this.clock = clock;
        this.device = memoized(() -> profile.unlock(passphrase.get()));
        this.authentication = new Authentication(http, profile, device, clock);
        Supplier<String> token = authentication::token;
        Supplier<String> accountId = () -> profile.accountId().orElseThrow(() -> new SetupException("this profile is not registered"));
        Directory directory = new Directory(http, token);
        Envelopes envelopes = new Envelopes(http, token);
        this.registration = new Registration(http);
        this.records = new Records(http, token, device, accountId, directory, envelopes);
        this.grants = new Grants(http, token, device, accountId, directory, records, envelopes, clock);
        this.anchors = new AnchorVerification(records);
    }

    public Profile profile() {
        return profile;
    }

    /** Registers this device's keys as a new patient; the profile remembers the account id. */
    public String registerPatient(String displayName) {
        requireUnregistered();
        String accountId = registration.registerPatient(device.get(), displayName);
        profile.saveAccount(accountId, "patient");
        return accountId;
    }

    /** Finishes a clinician registration an operator started for this device's keys; the profile remembers the account. */
    public String completeRegistration(RegistrationTicket ticket) {
        requireUnregistered();
        String accountId = registration.confirm(device.get(), ticket);
        profile.saveAccount(accountId, "clinician");
        return accountId;
    }

    /** Operator: registers a medical facility; returns its id. */
    public String createFacility(String displayName) {
        return http.post("/api/v1/facilities", Map.of("displayName", displayName), authentication.token()).path("id").asText();
    }

    /** Operator: starts registering a clinician of a facility with the clinician's public keys. */
    public RegistrationTicket startClinicianRegistration(String facilityId, String displayName, Keystore.PublicKeys clinicianKeys) {
        return registration.startClinician(authentication.token(), PathSegments.accountId(facilityId), displayName, clinicianKeys);
    }

    /** Logs in now (challenge, signature, token) and keeps the session in the profile. */
    public Session login() {
        return authentication.login();
    }

    /** Encrypts, signs and stores one record; wraps its data key for everyone an active grant of this category names. */
    public RecordSummary put(byte[] plaintext, String category) {
        return records.put(plaintext, category, grants.recipientsForCategory(PathSegments.category(category)));
    }

    /** Stores each file as one record of the category; all files are read before the first upload. */
    public List<RecordSummary> putFiles(List<Path> files, String category, ProgressListener progress) {
        PathSegments.category(category);
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files) {
            try {
                contents.add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new SetupException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        List<Recipient> recipients = grants.recipientsForCategory(category);
        List<RecordSummary> stored = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            stored.add(records.put(contents.get(i), category, recipients));
            progress.progressed(i + 1, files.size(), files.get(i).getFileName().toString());
        }
        return stored;
    }

    /** The caller's own records, or ({@code shared}) the records others shared with the caller; newest first. */
    public List<RecordSummary> list(String category, boolean shared) {
        return records.all(category, shared);
    }

    /**
     * Downloads a record, checks its hash and its owner's signature, and decrypts it.
     *
     * @param purpose the PurposeOfUse of a non-owner's read (null: the server's default, TREAT)
     */
    public RecordContent get(UUID recordId, String purpose) {
        return records.get(recordId, purpose);
    }

    public ShareResult share(ShareRequest request) {
        return grants.share(request);
    }

    /** Revokes a grant: every read that starts after this returns is denied. Copies already downloaded stay where they are. */
    public void revoke(UUID grantId) {
        grants.revoke(grantId);
    }

    public List<Grant> grants() {
        return grants.all();
    }

    /** Who read, or tried to read, the caller's records. */
    public List<AccessEntry> accessLog() {
        List<AccessEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("cursor", cursor);
            query.put("limit", "200");
            JsonNode page = http.get("/api/v1/access-log", query, authentication.token());
            page.path("items").forEach(item -> entries.add(GatewayHttp.convert(item, AccessEntry.class)));
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").textValue() : null;
        } while (cursor != null);
        return entries;
    }

    /** Crypto-shreds a record: its ciphertext and every key envelope are destroyed, a tombstone stays. */
    public void erase(UUID recordId) {
        records.erase(recordId);
    }

    /** Writes a FHIR R4 Bundle of every own record, decrypted, with its anchor proof where final (owner-only file). */
    public ExportResult export(Path file, ProgressListener progress) {
        List<RecordSummary> all = records.all(null, false);
        FhirBundle bundle = new FhirBundle(Uuids.v7(), Instant.now(clock));
        int withProof = 0;
        for (int i = 0; i < all.size(); i++) {
            RecordSummary summary = all.get(i);
            RecordContent content = records.get(summary.recordId(), null);
            String proof = summary.anchor() != null && summary.anchor().irreversible()
                    ? EventJson.write(records.proof(summary.recordId(), null)) : null;
            withProof += proof == null ? 0 : 1;
            bundle.addRecord(summary.recordId(), summary.ownerId(), summary.category(), summary.createdAt(), content.plaintext(),
                    summary.anchorStatus(), proof);
            progress.progressed(i + 1, all.size(), summary.recordId().toString());
        }
        try {
            SecureFiles.write(file, bundle.toJson());
        } catch (IOException e) {
            throw new SetupException("cannot write the export to " + file + ": " + e.getMessage(), e);
        }
        return new ExportResult(file, all.size(), withProof);
    }

    /** Verifies the record's anchor proof offline against the pinned log key and the given IOST node. */
    public VerificationReport verify(UUID recordId, String purpose, String logKey, URI iostNode) {
        return anchors.verify(recordId, purpose, logKey, iostNode);
    }

    /** Waits up to the timeout for the record's anchor to become IRREVERSIBLE; returns the status last seen. */
    public String awaitIrreversible(UUID recordId, Duration timeout) {
        return anchors.awaitIrreversible(recordId, timeout);
    }

    /** The anchor log's verifier key as the deployment announces it (pin it; compare with the operator's published key). */
    public String announcedLogKey() {
        String key = http.get("/api/v1/log/key", Map.of(), authentication.token()).path("verifierKey").asText(null);
        if (key == null) {
            throw new IntegrityException("the gateway's answer names no log key");
        }
        return key;
    }

    private void requireUnregistered() {
        profile.accountId().ifPresent(id -> {
            throw new SetupException("this profile is already registered as " + id + "; use another --profile-dir for another identity");
        });
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
