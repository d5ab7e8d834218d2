package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NFoldTest {
    /** RFC 3961 Appendix A.1. */
    @ParameterizedTest(name = "{1}-fold(\"{0}\")")
    @CsvSource(delimiter = '|', value = {
        "012345|64|be072631276b1955",
        "password|56|78a07b6caf85fa",
        "Rough Consensus, and Running Code|64|bb6ed30870b7f0e0",
        "password|168|59e4a8ca7c0385c3c37b3f6d2000247cb6e6bd5b3e",
        "MASSACHVSETTS INSTITVTE OF TECHNOLOGY|192|db3b0d8f0b061e603282b308a50841229ad798fab9540c1b",
        "Q|168|518a54a215a8452a518a54a215a8452a518a54a215",
        "ba|168|fb25d531ae8974499f52fd92ea9857c4ba24cf297e",
        "kerberos|64|6b65726265726f73",
        "kerberos|128|6b65726265726f737b9b5b2b93132b93",
        "kerberos|168|8372c236344e5f1550cd0747e15d62ca7a5a3bcea4",
        "kerberos|256|6b65726265726f737b9b5b2b93132b935c9bdcdad95c9899c4cae4dee6d6cae4",
    })
    void foldsAsRfc3961AppendixA1(String input, int bits, String expected) {
        byte[] folded = NFold.fold(input.getBytes(StandardCharsets.US_ASCII), bits / 8);
        assertEquals(expected, HexFormat.of().formatHex(folded));
    }
}
