/**
 * Configuration that cannot break the host: values a component's metatype refuses, from whatever path they came
 * (a configuration file, the shell, a script through Configuration Admin), are kept from the component, which runs on
 * with its last good value or its default, and are listed here for the console and the shell.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package io.homeward.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
