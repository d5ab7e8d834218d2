package io.homeward.kerberos.internal.crypto;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The JDK's own Kerberos cryptosystems (sun.security.krb5, an independent implementation of RFC 3962 and RFC 8009),
 * reached by reflection: the module exports the package to the tests (--add-exports in the surefire argLine), while
 * the compiler's --release forbids compiling against it.
 */
final class JdkKerberos {
    private static final Class<?> ENCRYPTION_KEY = type("sun.security.krb5.EncryptionKey");
    private static final Class<?> ENCRYPTED_DATA = type("sun.security.krb5.EncryptedData");
    private static final Class<?> CHECKSUM = type("sun.security.krb5.Checksum");

    private JdkKerberos() {
    }

    /** The cipher field of an EncryptedData the JDK made. */
    static byte[] encrypt(KerberosKey key, int usage, byte[] plaintext) throws Exception {
        Object data = construct(ENCRYPTED_DATA, new Class<?>[] {ENCRYPTION_KEY, byte[].class, int.class},
                jdkKey(key), plaintext, usage);
        return (byte[]) call(ENCRYPTED_DATA.getMethod("getBytes"), data);
    }

    /** The plaintext the JDK finds in a cipher field; throws the JDK's KrbApErrException when it refuses it. */
    static byte[] decrypt(KerberosKey key, int usage, byte[] ciphertext) throws Exception {
        Object data = construct(ENCRYPTED_DATA, new Class<?>[] {int.class, Integer.class, byte[].class},
                key.type().number(), null, ciphertext);
        return (byte[]) call(ENCRYPTED_DATA.getMethod("decrypt", ENCRYPTION_KEY, int.class), data, jdkKey(key), usage);
    }

    /** The JDK's keyed checksum of the key's checksum type: the end of the Checksum's DER encoding. */
    static byte[] checksum(KerberosKey key, int usage, byte[] data) throws Exception {
        Object checksum = construct(CHECKSUM, new Class<?>[] {int.class, byte[].class, ENCRYPTION_KEY, int.class},
                key.type().checksumType(), data, jdkKey(key), usage);
        byte[] der = (byte[]) call(CHECKSUM.getMethod("asn1Encode"), checksum);
        return Arrays.copyOfRange(der, der.length - key.type().checksumLength(), der.length);
    }

    static boolean verifyChecksum(KerberosKey key, int usage, byte[] data, byte[] checksum) throws Exception {
        Object received = construct(CHECKSUM, new Class<?>[] {byte[].class, int.class}, checksum,
                key.type().checksumType());
        return (Boolean) call(CHECKSUM.getMethod("verifyKeyedChecksum", byte[].class, ENCRYPTION_KEY, int.class),
                received, data, jdkKey(key), usage);
    }

    private static Object jdkKey(KerberosKey key) throws Exception {
        return construct(ENCRYPTION_KEY, new Class<?>[] {byte[].class, int.class, Integer.class}, key.value(),
                key.type().number(), null);
    }

    private static Object construct(Class<?> type, Class<?>[] parameters, Object... arguments) throws Exception {
        Constructor<?> constructor = type.getConstructor(parameters);
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Object call(Method method, Object target, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not in this JDK", e);
        }
    }
}
