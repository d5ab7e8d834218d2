package io.homeward.embedded.internal;

import java.io.IOException;
import java.util.Map;

/** Writes the io.homeward.signin configuration; a seam over Configuration Admin. */
interface SignInConfiguration {
    String PID = "io.homeward.signin";

    void apply(Map<String, String> properties) throws IOException;
}
