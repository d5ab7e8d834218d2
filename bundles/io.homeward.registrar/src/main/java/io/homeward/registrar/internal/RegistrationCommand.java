package io.homeward.registrar.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.registration.RegistrationStatus;

/** Gogo command {@code homeward:registration}: what this host publishes, until when, and the last outcome. */
@Component(service = RegistrationCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=registration"})
public class RegistrationCommand {
    private final RegistrationStatus registrar;

    @Activate
    public RegistrationCommand(@Reference RegistrationStatus registrar) {
        this.registrar = registrar;
    }

    public String registration() {
        return RegistrationText.render(registrar.state());
    }
}
