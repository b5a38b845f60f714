package social.starling.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.db.schema.Tables.JOBS;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import social.starling.App;
import social.starling.db.TestSql;
import social.starling.federation.signature.ActorKey;
import social.starling.federation.signature.InboundRequest;
import social.starling.federation.signature.Keys;
import social.starling.federation.signature.SignatureVerificationException;
import social.starling.federation.signature.SignatureVerifier;
import social.starling.federation.signature.VerifiedSignature;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.testing.Await;

/** Remote accounts whose inboxes are {@link FakeInbox}es, follows written straight to the database, checks. */
final class DeliveryRig {
    private final App app;

    DeliveryRig(App app) {
        this.app = app;
    }

    /**
     * A remote account {@code username@domain} whose inbox is on {@code host}, with the host's shared inbox
     * ({@code /inbox}) when {@code shared}.
     */
    Account remote(String username, String domain, FakeInbox host, boolean shared) {
        Instant now = app.core().clock().instant();
        String uri = host.base() + "/users/" + username;
        Account a = new Account(app.core().ids().next(), username, domain, "", "", "", List.of(), uri,
                host.base() + "/@" + username, uri + "/inbox", shared ? host.base() + "/inbox" : null,
                uri + "/outbox", uri + "/followers", uri + "/following", null, "Person", false, true, false, false,
                false, null, null, null, null, null, 0, 0, 0, null, null, null, now, now);
        return app.core().db().inTransaction(tx -> app.accounts().writer().upsertRemote(tx, a, now));
    }

    /** A remote account whose inbox (and shared inbox) is at {@code base}, which may not answer at all. */
    Account remoteAt(String username, String domain, String base) {
        Instant now = app.core().clock().instant();
        String uri = base + "/users/" + username;
        Account a = new Account(app.core().ids().next(), username, domain, "", "", "", List.of(), uri,
                base + "/@" + username, uri + "/inbox", base + "/inbox", uri + "/outbox", uri + "/followers",
                uri + "/following", null, "Person", false, true, false, false, false, null, null, null, null, null,
                0, 0, 0, null, null, null, now, now);
        return app.core().db().inTransaction(tx -> app.accounts().writer().upsertRemote(tx, a, now));
    }

    void follow(Account follower, Account target) {
        long id = app.core().ids().next();
        Follow f = new Follow(id, follower.id(), target.id(), true, false, List.of(), follower.uri() + "#follows/" + id,
                app.core().clock().instant());
        app.core().db().inTransaction(tx -> {
            app.repos().relationships().insertFollow(tx, f);
            app.repos().accounts().countFollow(tx, f.accountId(), f.targetAccountId(), 1);
            return null;
        });
    }

    /** Waits until no federate or deliver job is due now (scheduled retries may remain). */
    void awaitIdle() {
        Await.until(() -> app.core().db().read(tx -> TestSql.dsl(tx).fetchCount(JOBS,
                JOBS.KIND.in("federate", "deliver").and(JOBS.RUN_AT.le(app.core().clock().instant()))
                        .or(JOBS.KIND.in("federate", "deliver").and(JOBS.STATE.eq("running"))))) == 0);
    }

    /** The delivery jobs waiting for an inbox on {@code host}: their run_at. */
    List<Instant> pending(FakeInbox host) {
        return app.core().db().read(tx -> TestSql.dsl(tx).select(JOBS.RUN_AT).from(JOBS)
                .where(JOBS.KIND.eq("deliver")).and(JOBS.PAYLOAD.contains(host.host()))
                .and(JOBS.STATE.eq("queued")).fetch(JOBS.RUN_AT));
    }

    /** Checks the request's signature as the receiving server would, with the local sender's published key. */
    void assertSigned(FakeInbox.Received r, Account sender) {
        String pem = app.core().db().read(tx -> app.repos().accounts().require(tx, sender.id())).publicKey();
        String actor = app.core().uris().actor(sender.username());
        URI target = URI.create("http://" + r.headers().get("Host").getFirst() + r.path());
        VerifiedSignature verified;
        try {
            verified = new SignatureVerifier((keyId, refresh) -> Optional.of(
                    new ActorKey(keyId, actor, Keys.publicKeyFromPem(pem), false)), app.core().clock())
                    .verify(new InboundRequest("POST", target, r.headers(), r.body()));
            verified.requireActor(actor);
        } catch (SignatureVerificationException e) {
            throw new AssertionError("the delivery's signature does not verify: " + e.getMessage(), e);
        }
        assertThat(verified.keyId()).isEqualTo(actor + "#main-key");
        assertThat(r.headers().get("Content-Type")).containsExactly("application/activity+json");
        assertThat(r.headers().get("Signature").getFirst()).contains("algorithm=\"rsa-sha256\"")
                .contains("headers=\"(request-target) host date digest\"");
    }
}
