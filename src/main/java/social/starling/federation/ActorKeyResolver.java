package social.starling.federation;

import java.util.Optional;
import social.starling.federation.signature.ActorKey;
import social.starling.federation.signature.KeyResolver;
import social.starling.federation.signature.Keys;
import social.starling.service.account.ResolveAccountService;

/**
 * Finds the key a signature names through the accounts Starling stores: the key id without its fragment
 * ({@code https://example.social/users/alice#main-key} → {@code .../users/alice}) is the actor, answered from the
 * database when known, else fetched (signed by the instance actor), confirmed by WebFinger and stored
 * ({@link ResolveAccountService#resolveKeyOwner}). The key's owner is the actor whose document carries it, so a key
 * id on one server cannot speak for an actor on another. Ids under this server's own base URL are refused, as
 * Mastodon refuses local key ids. A stored key is marked cached, so a failed verification asks once more.
 */
public final class ActorKeyResolver implements KeyResolver {
    private final ResolveAccountService resolve;
    private final String localBase;

    public ActorKeyResolver(ResolveAccountService resolve, String baseUrl) {
        this.resolve = resolve;
        this.localBase = baseUrl + "/";
    }

    @Override
    public Optional<ActorKey> resolve(String keyId, boolean refresh) {
        if (keyId == null || !(keyId.startsWith("https://") || keyId.startsWith("http://"))
                || keyId.startsWith(localBase) || keyId.length() > 2048) {
            return Optional.empty();
        }
        int hash = keyId.indexOf('#');
        String actorUrl = hash < 0 ? keyId : keyId.substring(0, hash);
        return resolve.resolveKeyOwner(actorUrl, refresh).flatMap(owner -> {
            try {
                return Optional.of(new ActorKey(keyId, owner.account().uri(),
                        Keys.publicKeyFromPem(owner.account().publicKey()), owner.stored()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
