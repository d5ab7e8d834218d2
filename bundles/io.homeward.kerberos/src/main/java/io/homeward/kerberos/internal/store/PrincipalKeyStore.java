package io.homeward.kerberos.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kit.files.SecretFiles;

/**
 * The KDC's principals and their keys: the ticket-granting service {@code krbtgt/REALM} and every registered service,
 * each with a random key per encryption type this KDC speaks (for AES, RFC 3962 §6 and RFC 8009 §4, any 32 random
 * octets are a key) and a key version number. Kept in one MIT keytab file, {@code <REALM>.keytab} in the given
 * directory (owner-only, the file 0600), rewritten whole and atomically after each change: a crash leaves the old or
 * the new file, never a mix. A file that cannot be read is never replaced: {@link #open} fails with a one-line reason,
 * so no key is lost behind the operator's back. A new realm (the host renamed) starts a new file beside the old one.
 *
 * <p>How the engine uses it: {@link #open} on activation with {@code DataDirectory.resolve(context, "kerberos", log)};
 * {@link #ticketGranting} to seal and open TGTs; {@link #find} for the server of a TGS-REQ (absent:
 * KDC_ERR_S_PRINCIPAL_UNKNOWN) and to check a ticket's kvno; {@link #register} from {@code KerberosServices.register};
 * {@link #keytab} for {@code exportKeytab}; {@link #principals} for the status. Safe to call from any thread; lookups
 * take no lock.
 */
public final class PrincipalKeyStore {
    /** RFC 4120 §6.2: a service with a host instance, {@code HTTP/home.alice.members.example}. */
    public static final int NT_SRV_HST = 3;
    /** RFC 4120 §6.2: a service with an instance, as {@code krbtgt/REALM}. */
    public static final int NT_SRV_INST = 2;
    /** RFC 4120 §7.3: the first component of the ticket-granting service's name. */
    public static final String TGS_NAME = "krbtgt";
    /** Far more than any host's services need; a larger file is not read. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    static final int KEY_BYTES = 32;
    private static final Pattern REALM =
            Pattern.compile("[A-Z0-9]([A-Z0-9-]*[A-Z0-9])?(\\.[A-Z0-9]([A-Z0-9-]*[A-Z0-9])?)*");
    private static final int MAX_COMPONENT = 255;

    private final Path file;
    private final String realm;
    private final SecureRandom random;
    private final Clock clock;
    /** Every entry of the file, in its order, keys of old versions and unknown types included: never dropped. */
    private final List<KeytabEntry> entries;
    private volatile Map<List<String>, PrincipalKeys> current = Map.of();

    private PrincipalKeyStore(Path file, String realm, SecureRandom random, Clock clock, List<KeytabEntry> entries) {
        this.file = file;
        this.realm = realm;
        this.random = random;
        this.clock = clock;
        this.entries = entries;
    }

    /**
     * Reads the realm's keys from {@code directory}, making the ticket-granting service's keys (and any key of a type
     * this KDC speaks that a principal lacks) when missing.
     *
     * @param realm the realm, the host's name in upper case
     * @throws IOException with a one-line reason when the file cannot be read or written; the file is left as it is
     */
    public static PrincipalKeyStore open(Path directory, String realm, SecureRandom random, Clock clock)
            throws IOException {
        if (realm.length() > 253 || !REALM.matcher(realm).matches()) {
            throw new IllegalArgumentException("not a realm this KDC serves (a host name in upper case): " + realm);
        }
        Path file = directory.resolve(realm + ".keytab");
        List<KeytabEntry> entries = Files.exists(file) ? load(file, realm) : new ArrayList<>();
        PrincipalKeyStore store = new PrincipalKeyStore(file, realm, random, clock, entries);
        synchronized (store) {
            Set<List<String>> names = new HashSet<>();
            entries.forEach(e -> names.add(e.components()));
            names.add(List.of(TGS_NAME, realm));
            List<KeytabEntry> made = new ArrayList<>();
            for (List<String> name : names) {
                made.addAll(store.missingKeys(name, name.get(0).equals(TGS_NAME) ? NT_SRV_INST : NT_SRV_HST));
            }
            store.add(made);
        }
        return store;
    }

    private static List<KeytabEntry> load(Path file, String realm) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw corrupt(file, size + " bytes, more than the " + MAX_FILE_BYTES + " a KDC's keys take");
        }
        byte[] bytes = Files.readAllBytes(file);
        List<KeytabEntry> entries;
        try {
            entries = new ArrayList<>(Keytabs.read(bytes));
        } catch (MalformedKeytabException e) {
            throw corrupt(file, e.getMessage());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        Set<String> seen = new HashSet<>();
        for (KeytabEntry entry : entries) {
            if (!entry.realm().equals(realm)) {
                throw corrupt(file, "it holds a key of " + entry.principal() + ", not of the realm " + realm);
            }
            if (!seen.add(entry.principal() + " " + entry.kvno() + " " + entry.enctype())) {
                throw corrupt(file, "it holds two keys for " + entry);
            }
            if (EncryptionType.of(entry.enctype()).isPresent() && entry.key().length != KEY_BYTES) {
                throw corrupt(file, "the key for " + entry + " has " + entry.key().length + " bytes, not "
                        + KEY_BYTES);
            }
        }
        return entries;
    }

    private static IOException corrupt(Path file, String reason) {
        return new IOException("The KDC's keys in " + file + " cannot be read: " + reason
                + "; the file is left as it is (move it away to start with new keys, which ends every ticket issued)");
    }

    public String realm() {
        return realm;
    }

    /** The ticket-granting service's keys, {@code krbtgt/REALM@REALM} (RFC 4120 §7.3). */
    public PrincipalKeys ticketGranting() {
        return current.get(List.of(TGS_NAME, realm));
    }

    /** The current keys of a principal of this realm, by its name components (compared exactly). */
    public Optional<PrincipalKeys> find(List<String> name) {
        return Optional.ofNullable(current.get(name));
    }

    /**
     * The principal's keys, made (and the file rewritten) when it is new; the same keys when it exists.
     *
     * @param name for example {@code [HTTP, home.alice.members.example]}
     * @throws IllegalArgumentException when a component is empty, longer than 255, has a {@code /} or {@code @}, or
     *                                  is not printable ASCII
     * @throws IOException              when the file cannot be written; nothing changed then
     */
    public synchronized PrincipalKeys register(List<String> name) throws IOException {
        checkName(name);
        add(missingKeys(name, NT_SRV_HST));
        return current.get(name);
    }

    /** The text forms of every principal, sorted: the ticket-granting service and the services. */
    public List<String> principals() {
        return current.values().stream().map(PrincipalKeys::principal).sorted().toList();
    }

    /**
     * A keytab with every key of the principal, old versions included, for a service that runs outside the
     * framework; empty when the principal is unknown.
     */
    public synchronized Optional<byte[]> keytab(List<String> name) {
        List<KeytabEntry> mine = entries.stream().filter(e -> e.components().equals(name)).toList();
        return mine.isEmpty() ? Optional.empty() : Optional.of(Keytabs.write(mine));
    }

    private static void checkName(List<String> name) {
        if (name.isEmpty() || name.size() > 2) {
            throw new IllegalArgumentException("a service principal has a service and a host name, not " + name);
        }
        for (String component : name) {
            if (component.isEmpty() || component.length() > MAX_COMPONENT
                    || !component.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '/' && c != '@')) {
                throw new IllegalArgumentException("not a principal name component (1 to " + MAX_COMPONENT
                        + " printable ASCII characters, no '/' or '@'): " + component);
            }
        }
        if (name.get(0).equals(TGS_NAME)) {
            throw new IllegalArgumentException(
                    "the ticket-granting service " + TGS_NAME + " is not a service to register");
        }
    }

    /** New random keys for the types this KDC speaks that the principal's current version lacks. */
    private List<KeytabEntry> missingKeys(List<String> name, int nameType) {
        long kvno = 1;
        Set<Integer> present = new HashSet<>();
        for (KeytabEntry entry : entries) {
            if (entry.components().equals(name) && entry.kvno() >= kvno) {
                if (entry.kvno() > kvno) {
                    present.clear();
                    kvno = entry.kvno();
                }
                present.add(entry.enctype());
            }
        }
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        List<KeytabEntry> made = new ArrayList<>();
        for (EncryptionType type : EncryptionType.values()) {
            if (!present.contains(type.number())) {
                byte[] key = new byte[KEY_BYTES];
                random.nextBytes(key);
                made.add(new KeytabEntry(name, realm, nameType, now, kvno, type.number(), key));
            }
        }
        return made;
    }

    /** Adds the entries and rewrites the file; on failure forgets them again. Called with the lock held. */
    private void add(List<KeytabEntry> made) throws IOException {
        if (!made.isEmpty()) {
            entries.addAll(made);
            try {
                SecretFiles.writeThenWipe(file, Keytabs.write(entries));
            } catch (IOException e) {
                entries.removeAll(made);
                made.forEach(m -> Arrays.fill(m.key(), (byte) 0));
                throw new IOException("The KDC's keys could not be written to " + file + ": " + e.getMessage(), e);
            }
        }
        current = currentKeys();
    }

    /** For each principal, the keys of its highest key version number for the types this KDC speaks. */
    private Map<List<String>, PrincipalKeys> currentKeys() {
        Map<List<String>, Long> versions = new HashMap<>();
        entries.forEach(e -> versions.merge(e.components(), e.kvno(), Math::max));
        Map<List<String>, PrincipalKeys> keys = new HashMap<>();
        versions.forEach((name, kvno) -> {
            Map<EncryptionType, byte[]> byType = new EnumMap<>(EncryptionType.class);
            entries.stream().filter(e -> e.components().equals(name) && e.kvno() == kvno)
                    .forEach(e -> EncryptionType.of(e.enctype()).ifPresent(t -> byType.put(t, e.key())));
            keys.put(name, new PrincipalKeys(name, realm, kvno, byType));
        });
        return Map.copyOf(keys);
    }
}
