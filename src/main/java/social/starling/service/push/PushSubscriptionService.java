package social.starling.service.push;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import social.starling.config.Cidr;
import social.starling.db.Database;
import social.starling.db.PushSubscriptionRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.PushSubscription;

/**
 * The Web Push subscription of an access token (Mastodon's Api::V1::Push::SubscriptionsController): subscribing
 * replaces the token's previous subscription; only the data part (alerts, policy) can be changed afterwards; a
 * token without one reads as 404 "Record not found".
 *
 * <p>Validation, a 422 as Mastodon's model validations: the endpoint must be an https URL (an http one only on an
 * address the federation settings explicitly allow, which is how tests run a push service on loopback; where the
 * request may connect is checked again, after DNS, when pushing); {@code p256dh} must decode to a point on P-256
 * and {@code auth} to 16 bytes (RFC 8291 §3); the policy must be one of Mastodon's four.
 */
public final class PushSubscriptionService {
    static final int MAX_ENDPOINT = 2048;

    /** What the client sent: {@code subscription[...]} and {@code data[...]} (alerts absent are off). */
    public record Subscribe(String endpoint, String p256dh, String auth, boolean standard, Data data) {
    }

    /** {@code data[alerts][<type>]} and {@code data[policy]} (null: all). */
    public record Data(Map<String, Boolean> alerts, String policy) {
    }

    private final Database db;
    private final PushSubscriptionRepository repo;
    private final IdGenerator ids;
    private final Clock clock;
    private final List<Cidr> insecureAllowed;

    /** @param insecureAllowed address ranges where an http endpoint is accepted (the federation allowance) */
    public PushSubscriptionService(Database db, PushSubscriptionRepository repo, IdGenerator ids, Clock clock,
                                   List<Cidr> insecureAllowed) {
        this.db = db;
        this.repo = repo;
        this.ids = ids;
        this.clock = clock;
        this.insecureAllowed = List.copyOf(insecureAllowed);
    }

    public PushSubscription subscribe(long tokenId, long accountId, String accessToken, Subscribe request) {
        List<String> errors = new ArrayList<>();
        String endpoint = blankToNull(request.endpoint());
        if (endpoint == null) {
            errors.add("Endpoint can't be blank");
        } else if (!validEndpoint(endpoint)) {
            errors.add("Endpoint is invalid");
        }
        String p256dh = blankToNull(request.p256dh());
        if (p256dh == null) {
            errors.add("Key p256dh can't be blank");
        } else if (!validPoint(p256dh)) {
            errors.add("Key p256dh is not a valid P-256 public key");
        }
        String auth = blankToNull(request.auth());
        if (auth == null) {
            errors.add("Key auth can't be blank");
        } else if (!validAuth(auth)) {
            errors.add("Key auth is not 16 bytes of base64");
        }
        String policy = policy(request.data().policy(), errors);
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
        }
        Instant now = clock.instant();
        PushSubscription s = new PushSubscription(ids.next(), tokenId, accountId, endpoint, p256dh.strip(),
                auth.strip(), request.standard(), alerts(request.data().alerts()), policy, accessToken, now, now);
        db.inTransaction(tx -> {
            repo.replace(tx, s);
            return null;
        });
        return s;
    }

    public PushSubscription find(long tokenId) {
        return db.read(tx -> repo.findByToken(tx, tokenId))
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    /** PUT: replaces alerts and policy as Mastodon's {@code update!(data: data_params)} does (alerts absent: off). */
    public PushSubscription update(long tokenId, Data data) {
        List<String> errors = new ArrayList<>();
        String policy = policy(data.policy(), errors);
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
        }
        Set<String> alerts = alerts(data.alerts());
        return db.inTransaction(tx -> {
            Optional<PushSubscription> current = repo.findByToken(tx, tokenId);
            if (current.isEmpty()) {
                throw new NotFoundException("Record not found");
            }
            repo.updateData(tx, current.get().id(), alerts, policy, clock.instant());
            return repo.findByToken(tx, tokenId).orElseThrow();
        });
    }

    /** DELETE: removes the token's subscription; none is fine too. */
    public void unsubscribe(long tokenId) {
        db.inTransaction(tx -> repo.deleteByToken(tx, tokenId));
    }

    private static Set<String> alerts(Map<String, Boolean> given) {
        Set<String> on = new LinkedHashSet<>();
        for (String name : PushSubscription.ALERTS) {
            if (Boolean.TRUE.equals(given.get(name))) {
                on.add(name);
            }
        }
        return on;
    }

    private static String policy(String given, List<String> errors) {
        if (given == null || given.isBlank()) {
            return "all";
        }
        String p = given.strip().toLowerCase(Locale.ROOT);
        if (!PushSubscription.POLICIES.contains(p)) {
            errors.add("Policy is not included in the list");
        }
        return p;
    }

    boolean validEndpoint(String endpoint) {
        if (endpoint.length() > MAX_ENDPOINT) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            return false;
        }
        if (scheme.equals("https")) {
            return true;
        }
        return scheme.equals("http") && insecureAllowedHost(uri.getHost());
    }

    private boolean insecureAllowedHost(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            return false; // a name: only https
        }
        return insecureAllowed.stream().anyMatch(range -> range.contains(address));
    }

    private static boolean validPoint(String p256dh) {
        try {
            P256.publicKey(P256.decodeBase64(p256dh));
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean validAuth(String auth) {
        try {
            return P256.decodeBase64(auth).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
