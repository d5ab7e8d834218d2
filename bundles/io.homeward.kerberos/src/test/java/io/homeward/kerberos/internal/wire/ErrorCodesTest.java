package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.kerberos.KerberosErrors;

class ErrorCodesTest {

    /** The numbers the engine sends and the names people read are one table: RFC 4120 §7.5.9, RFC 4556 §3.1.3. */
    @Test
    void everyConstantIsTheNumberTheApiNamesItFor() throws IllegalAccessException {
        List<String> disagree = new ArrayList<>();
        for (Field field : ErrorCodes.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())
                    && !KerberosErrors.name(field.getInt(null)).equals(field.getName())) {
                disagree.add(field.getName() + " = " + field.getInt(null) + " is "
                        + KerberosErrors.name(field.getInt(null)));
            }
        }
        assertEquals(List.of(), disagree);
        assertEquals("KRB_ERR_FIELD_TOOLONG", ErrorCodes.name(61));
        assertEquals(KerberosErrors.UNKNOWN, ErrorCodes.name(53));
    }
}
