package io.slipway.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine;

/** {@code slipway --version}: the version Quarkus was built with, as {@code slipway version} shows it. */
class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "slipway " + ConfigProvider.getConfig().getValue("quarkus.application.version", String.class)
        };
    }
}
