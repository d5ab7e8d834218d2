package io.homeward.signin.internal;

import java.util.Arrays;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.signin.RenameState;

/**
 * Gogo commands {@code homeward:signin <zone> <user> [password]}, {@code homeward:join <code>},
 * {@code homeward:signout}, {@code homeward:whoami}, {@code homeward:cert} and {@code homeward:rename <name>}.
 */
@Component(service = SignInCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=signin",
        "osgi.command.function=join",
        "osgi.command.function=signout",
        "osgi.command.function=cert",
        "osgi.command.function=rename",
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

    /**
     * Joins with an invite code (docs/enrollment.md, "Invite codes").
     *
     * @throws SignInException with one line saying why not, so {@code --join} and scripts see a failure
     */
    public String join(String code) throws SignInException {
        return signIn.join(code);
    }

    /** The host certificate, its renewal and the revocations this host knows. */
    public String cert() {
        return signIn.status().describeCertificate();
    }

    public String signout() {
        return signIn.signOut();
    }

    /** Who this host is signed in as and, once one was asked for, how its rename went. */
    public String whoami() {
        RenameState rename = signIn.renameState();
        String status = signIn.status().describe();
        return rename.phase() == RenameState.Phase.IDLE ? status
                : status + "\nRename " + rename.from() + " -> " + rename.to() + ": " + rename.message();
    }

    /**
     * Renames this host (docs/enrollment.md, "Renaming a host"); {@code homeward:whoami} tells how it goes.
     *
     * @throws SignInException with one line saying why not
     */
    public String rename(String name) throws SignInException {
        return signIn.rename(name);
    }

    private String signInWith(String zone, String user, char[] password) {
        try {
            return signIn.signIn(zone, user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
