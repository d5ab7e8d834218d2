package io.homeward.signin.internal;

import java.util.Arrays;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands {@code homeward:signin <zone> <user> [password]}, {@code homeward:signout} and {@code homeward:whoami}. */
@Component(service = SignInCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=signin",
        "osgi.command.function=signout",
        "osgi.command.function=whoami"})
public class SignInCommand {
    private final SignInComponent signIn;
    private final PasswordPrompt prompt;

    @Activate
    public SignInCommand(@Reference SignInComponent signIn) {
        this(signIn, new TerminalPasswordPrompt());
    }

    SignInCommand(SignInComponent signIn, PasswordPrompt prompt) {
        this.signIn = signIn;
        this.prompt = prompt;
    }

    /** Asks for the password without echo. */
    public String signin(String zone, String user) {
        Optional<char[]> password = prompt.ask("Password for " + user + " at " + zone + ": ");
        if (password.isEmpty()) {
            return "No terminal to read the password from: give it as the third argument, "
                    + "or configure passwordFile in io.homeward.signin.";
        }
        return signInWith(zone, user, password.get());
    }

    public String signin(String zone, String user, String password) {
        return signInWith(zone, user, password.toCharArray());
    }

    public String signout() {
        return signIn.signOut();
    }

    public String whoami() {
        return signIn.status().describe();
    }

    private String signInWith(String zone, String user, char[] password) {
        try {
            return signIn.signIn(zone, user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
