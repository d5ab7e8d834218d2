package io.homeward.signin.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.signin.AccountActionException;
import io.homeward.api.signin.AccountState;
import io.homeward.api.signin.AgentAccount;
import io.homeward.api.signin.SignedIn;

/** The sign-in as the console's Settings page uses it ({@link AgentAccount}): the same operations as the commands. */
@Component(service = AgentAccount.class)
public class AgentAccountComponent implements AgentAccount {
    private final SignInComponent signIn;

    @Activate
    public AgentAccountComponent(@Reference SignInComponent signIn) {
        this.signIn = signIn;
    }

    @Override
    public AccountState state() {
        SignInStatus status = signIn.status();
        Optional<SignedIn> signedIn = status.current().map(s -> new SignedIn(s.user(), s.zone(), s.key().name(),
                s.enrollment().map(StoredKey.Enrollment::host), s.since(), s.server().toString(), s.pin()));
        return new AccountState(signedIn, status.lastError(), status.certificateFields().stream()
                .map(f -> new AccountState.Field(f.getKey(), f.getValue())).toList(), signIn.renameState());
    }

    @Override
    public String signIn(String zone, String user, char[] password, String server, String pin)
            throws AccountActionException {
        String outcome = signIn.signIn(zone, user, password, server, pin);
        if (outcome.startsWith(SignInComponent.SIGN_IN_FAILED)) {
            throw new AccountActionException(outcome);
        }
        return outcome;
    }

    @Override
    public String join(String code) throws AccountActionException {
        try {
            return signIn.join(code);
        } catch (SignInException e) {
            throw new AccountActionException("Joining failed: " + e.getMessage());
        }
    }

    @Override
    public String signOut() {
        return signIn.signOut();
    }

    @Override
    public String rename(String name) throws AccountActionException {
        try {
            return signIn.rename(name);
        } catch (SignInException e) {
            throw new AccountActionException("Renaming failed: " + e.getMessage());
        }
    }
}
