package io.homeward.core.internal;

import java.util.List;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.api.portmap.PortMapper;
import io.homeward.api.registration.RecordRegistrar;
import io.homeward.api.sa.SecurityAssociationDatabase;
import io.homeward.api.tunnel.TunProvider;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.auth.Credentials;

/** A capability contract the runtime reports on, with a name for people. */
record Contract(String interfaceName, String label) {

    static final List<Contract> ALL = List.of(
            new Contract(HostIdentity.class.getName(), "host identity"),
            new Contract(PortMapper.class.getName(), "port mapping"),
            new Contract(RecordRegistrar.class.getName(), "record registration"),
            new Contract(RecordWatcher.class.getName(), "record watching"),
            new Contract(PeerDirectory.class.getName(), "peer directory"),
            new Contract(TunProvider.class.getName(), "TUN device"),
            new Contract(CryptoSuite.class.getName(), "crypto suite"),
            new Contract(SecurityAssociationDatabase.class.getName(), "SA database"),
            new Contract(Credentials.class.getName(), "credentials"),
            new Contract(AccountService.class.getName(), "accounts"));
}
